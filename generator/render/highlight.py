"""The article text as HTML: evidence sentences anchored, actors, numbers and places linked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from generator.render.escaping import anchor_id


@dataclass(frozen=True)
class Term:
    """A piece of text to highlight, and where it links (None: highlighted, no link)."""

    text: str
    css_class: str
    href: str | None = None


class Highlighter:
    """Compiled once per briefing: finds its terms in the article text."""

    def __init__(self, terms: list[Term]) -> None:
        self.by_text: dict[str, Term] = {}
        for term in terms:
            if term.text.strip() and term.text not in self.by_text:
                self.by_text[term.text] = term
        alternatives = "|".join(re.escape(t) for t in sorted(self.by_text, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)") if alternatives else None

    def paragraph(self, paragraph: str, index: int, sentences: list[str]) -> Markup:
        """`<p id="p{index}">` with each evidence sentence in an anchored span and terms linked."""
        pieces: list[str] = []
        cursor = 0
        for start, end, sentence in _sentence_spans(paragraph, sentences):
            pieces.append(self._highlight(paragraph[cursor:start]))
            pieces.append(
                f'<span class="evidence" id="{anchor_id(sentence)}">'
                f"{self._highlight(paragraph[start:end])}</span>"
            )
            cursor = end
        pieces.append(self._highlight(paragraph[cursor:]))
        return Markup(f'<p id="p{index}">{"".join(pieces)}</p>')

    def _highlight(self, text: str) -> str:
        """Escape `text`, wrapping whole-word occurrences of terms (longest first, no overlaps)."""
        if not text or self.pattern is None:
            return escape(text)
        out, cursor = [], 0
        for match in self.pattern.finditer(text):
            term = self.by_text[match.group(1)]
            out.append(escape(text[cursor : match.start()]))
            inner = escape(match.group(1))
            css = escape(term.css_class)
            if term.href:
                out.append(f'<a class="hl {css}" href="{escape(term.href)}">{inner}</a>')
            else:
                out.append(f'<mark class="hl {css}">{inner}</mark>')
            cursor = match.end()
        out.append(escape(text[cursor:]))
        return "".join(out)


def _sentence_spans(paragraph: str, sentences: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for sentence in sorted({s.strip() for s in sentences if s.strip()}, key=len, reverse=True):
        start = paragraph.find(sentence)
        if start == -1:
            continue
        end = start + len(sentence)
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, sentence))
    return sorted(spans)
