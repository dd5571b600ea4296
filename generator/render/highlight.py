"""The article text as HTML: evidence sentences anchored, actors, numbers and places linked."""

from __future__ import annotations

import bisect
import itertools
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
    """Compiled once per briefing: finds its terms and evidence sentences in the article text."""

    def __init__(self, terms: list[Term], evidence: list[str] | None = None) -> None:
        self.by_text: dict[str, Term] = {}
        for term in terms:
            if term.text.strip() and term.text not in self.by_text:
                self.by_text[term.text] = term
        alternatives = "|".join(re.escape(t) for t in sorted(self.by_text, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)") if alternatives else None
        # Longest first: a sentence inside a longer one is not anchored twice.
        self.evidence = sorted({s.strip() for s in evidence or [] if s.strip()}, key=len, reverse=True)

    def paragraphs(self, paragraphs: list[str]) -> list[Markup]:
        """Each paragraph as `<p id="p{index}">`, evidence sentences in anchored spans, terms linked."""
        spans = _sentence_spans(paragraphs, self.evidence)
        return [self._paragraph(text, index, spans[index]) for index, text in enumerate(paragraphs)]

    def _paragraph(self, paragraph: str, index: int, spans: list[tuple[int, int, str]]) -> Markup:
        """The paragraph with its evidence spans; a sentence inside a longer evidence passage
        (one sentence of a quotation that runs over three) is a span nested inside it."""
        pieces: list[str] = []
        open_ends: list[int] = []  # ends of the spans open at the cursor, innermost last
        cursor = 0
        for start, end, sentence in sorted(spans, key=lambda s: (s[0], -s[1])):
            while open_ends and open_ends[-1] <= start:
                pieces.append(self._highlight(paragraph[cursor : open_ends[-1]]) + "</span>")
                cursor = open_ends.pop()
            pieces.append(self._highlight(paragraph[cursor:start]))
            pieces.append(f'<span class="evidence" id="{anchor_id(sentence)}">')
            open_ends.append(end)
            cursor = start
        while open_ends:
            pieces.append(self._highlight(paragraph[cursor : open_ends[-1]]) + "</span>")
            cursor = open_ends.pop()
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


_SEPARATOR = "\n\x00\n"  # between paragraphs: in no sentence, so no match runs across two


def _sentence_spans(paragraphs: list[str], sentences: list[str]) -> list[list[tuple[int, int, str]]]:
    """Where each sentence is anchored: its first place in the article that lies inside one
    paragraph and nests with the longer ones placed before it (inside or outside each, never
    across one's edge, so the spans are well-formed HTML).

    One search per sentence over the whole article, not one per sentence and paragraph.
    """
    text = _SEPARATOR.join(paragraphs)
    starts = list(itertools.accumulate((len(p) + len(_SEPARATOR) for p in paragraphs[:-1]), initial=0))
    spans: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]
    for sentence in sentences:
        found = text.find(sentence)
        while found != -1:
            index = bisect.bisect_right(starts, found) - 1
            start = found - starts[index]
            end = start + len(sentence)
            fits = end <= len(paragraphs[index])
            if fits and all(_nests(start, end, s, e) for s, e, _ in spans[index]):
                spans[index].append((start, end, sentence))
                break
            found = text.find(sentence, found + 1)
    return spans


def anchored(paragraphs: list[str], sentences: list[str]) -> set[str]:
    """The evidence sentences the page of these paragraphs anchors (the others' links would
    go nowhere): what the briefing page does, without rendering it."""
    ordered = sorted({s.strip() for s in sentences if s.strip()}, key=len, reverse=True)
    return {sentence for spans in _sentence_spans(paragraphs, ordered) for _, _, sentence in spans}


def _nests(start: int, end: int, other_start: int, other_end: int) -> bool:
    """[start, end) is apart from, or inside, the (longer or equal) span placed before it;
    an equal span is the same place and is not anchored twice."""
    apart = end <= other_start or start >= other_end
    inside = other_start <= start and end <= other_end and (start, end) != (other_start, other_end)
    return apart or inside
