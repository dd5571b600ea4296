"""The briefing's summary: the article's lead."""

from __future__ import annotations

from spacy.tokens import Doc

LEAD_SENTENCES = 2
LEAD_MAX_CHARS = 600


def lead_summary(doc: Doc) -> str:
    """Return the first sentences of the first paragraph, at most LEAD_MAX_CHARS long."""
    first_paragraph_end = doc.text.find("\n\n")
    sentences = []
    for sent in doc.sents:
        if first_paragraph_end != -1 and sent.start_char >= first_paragraph_end and sentences:
            break
        text = sent.text.strip()
        if not text:
            continue
        if sentences and len(" ".join(sentences)) + len(text) > LEAD_MAX_CHARS:
            break
        sentences.append(text)
        if len(sentences) >= LEAD_SENTENCES:
            break
    return " ".join(sentences)[: LEAD_MAX_CHARS * 2]
