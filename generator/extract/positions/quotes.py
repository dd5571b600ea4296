"""Quotations in an article body: character spans between quotation marks.

Straight (") and curly (“ ”) double quotes are paired within a paragraph. A
quotation left open at the end of a paragraph runs to the paragraph's end;
when the next paragraph opens with a quotation mark, that quotation
continues the same statement (the newspaper convention for a quote that runs
over several paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
QUOTE_CHARS = OPENING + CLOSING + STRAIGHT
_OPEN_BEFORE = " \t\n([{—–-/"


@dataclass(frozen=True)
class Quote:
    """One quotation: `start`/`end` are character offsets of its content (marks excluded)."""

    start: int
    end: int
    paragraph: int
    continues: bool = False  # the previous paragraph's quotation was left open and this one resumes it
    closed: bool = True


def find_quotes(text: str, paragraph_starts: list[int]) -> list[Quote]:
    """Return the quotations of `text` (paragraphs joined by blank lines) in reading order."""
    quotes: list[Quote] = []
    bounds = _paragraph_bounds(text, paragraph_starts)
    left_open = False
    for index, (p_start, p_end) in enumerate(bounds):
        first = _first_visible(text, p_start, p_end)
        opens_with_quote = first is not None and _mark_at(text, first, p_end)[0] is not None
        for start, end, closed in _pair_marks(text, p_start, p_end):
            continues = left_open and opens_with_quote and first is not None and start <= first + 2
            quotes.append(Quote(start, end, index, continues=continues, closed=closed))
        left_open = bool(quotes) and quotes[-1].paragraph == index and not quotes[-1].closed
    return [q for q in quotes if text[q.start : q.end].strip()]


def _paragraph_bounds(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) character offsets of each paragraph."""
    if not paragraph_starts:
        return [(0, len(text))]
    ends = [max(s - 2, 0) for s in paragraph_starts[1:]] + [len(text)]
    return list(zip(paragraph_starts, ends, strict=True))


def _first_visible(text: str, start: int, end: int) -> int | None:
    """Offset of the first non-space character in text[start:end]."""
    for i in range(start, end):
        if not text[i].isspace():
            return i
    return None


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Pair the quotation marks of one paragraph into (content start, content end, closed)."""
    spans: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    i = start
    while i < end:
        ch, width = _mark_at(text, i, end)
        if ch is None:
            i += 1
            continue
        can_open = _can_open(text, i, start)
        if open_at is not None and ch in OPENING and (inner_end := _nested_end(text, i + width, end)):
            i = inner_end  # '“... what he calls “hell” than live ...”': a quotation inside the quotation
            continue
        if ch in OPENING or (open_at is None and can_open and (ch == STRAIGHT or ch in CLOSING)):
            if open_at is not None:
                spans.append((open_at, i, False))  # a new quote opens before the last one closed
            open_at = i + width
        elif open_at is not None:
            spans.append((open_at, i, True))
            open_at = None
        i += width
    if open_at is not None:
        spans.append((open_at, end, False))
    return spans


def _nested_end(text: str, i: int, end: int) -> int | None:
    """Where a quotation opened inside an open one ends (past its closing mark), when the outer
    quotation still closes after it: the next two marks of the paragraph are both closing ones."""
    closings: list[int] = []
    while i < end and len(closings) < 2:
        ch, width = _mark_at(text, i, end)
        if ch is not None and ch in OPENING:
            return None
        if ch is not None and ch in CLOSING:
            closings.append(i + width)
        i += width
    return closings[0] if len(closings) == 2 else None


def _mark_at(text: str, i: int, end: int) -> tuple[str | None, int]:
    """The quotation mark at text[i] and its width: '' (two apostrophes) counts as a straight quote."""
    ch = text[i]
    if ch in QUOTE_CHARS:
        return ch, 1
    if ch == "'" and i + 1 < end and text[i + 1] == "'":
        return STRAIGHT, 2
    if ch == "`" and i + 1 < end and text[i + 1] == "`":
        return OPENING[0], 2
    return None, 1


def _can_open(text: str, i: int, paragraph_start: int) -> bool:
    """A straight quote opens a quotation at a paragraph start or after a space or bracket."""
    return i == paragraph_start or text[i - 1] in _OPEN_BEFORE or text[i - 1] in OPENING
