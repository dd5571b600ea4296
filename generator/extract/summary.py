"""The briefing's summary: the article's lead."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from generator.extract.text.datelines import DATE_LINE

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 600
# A paragraph that repeats the headline or is only a dateline is not the lead.


def lead_summary(doc: Doc, title: str = "") -> str:
    """Return the first sentences of the lead paragraph, at most LEAD_MAX_CHARS long.

    The lead is the first paragraph that is neither the headline repeated (as in
    newswire files whose body starts with it) nor a bare dateline.
    """
    start = _lead_start(doc.text, title)
    sentences: list[str] = []
    for sent in doc.sents:
        if sent.end_char <= start:
            continue
        # The parser may run a sentence across a paragraph break: keep the lead's part only.
        text = doc.text[max(sent.start_char, start) : sent.end_char]
        ends_paragraph = "\n\n" in doc.text[max(sent.start_char, start) : sent.end_char + 2]
        text = text.strip().split("\n\n")[0].strip()
        if not text:
            continue
        if sentences and len(" ".join(sentences)) + len(text) > LEAD_MAX_CHARS:
            break
        sentences.append(text)
        if len(sentences) >= LEAD_SENTENCES or ends_paragraph:
            break
    return " ".join(sentences)[: LEAD_MAX_CHARS * 2]


def _lead_start(text: str, title: str) -> int:
    offset = 0
    norm_title = _norm(title)
    for paragraph in text.split("\n\n"):
        stripped = paragraph.strip()
        is_headline = norm_title and _norm(stripped) == norm_title
        if stripped and not is_headline and not DATE_LINE.match(stripped):
            return offset
        offset += len(paragraph) + 2
    return 0


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()
