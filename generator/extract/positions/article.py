"""The article as the position rules read it: quotations, paragraphs, the speakers seen.

`QuotedArticle` indexes the quotations by token and the paragraphs by character once;
every set of rules (cues, content spans, quote attribution, kind) is a `Part` over it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.briefing import Actor
from generator.extract.positions.quotes import QUOTE_CHARS, Quote, find_quotes
from generator.extract.positions.rules import PositionRules
from generator.extract.positions.speakers import Speaker, SpeakerResolver

_EDGE_SKIP = {"punct", "cc", "mark", "prep"}
_EDGE = " \t\n,;:"
DASHES = {"―", "—", "–", "--", "-"}


@dataclass
class Found:
    """A position before it becomes a Position: token ranges [start, end) of its content."""

    pieces: list[tuple[int, int]]
    cue: str
    cue_i: int
    speaker: Speaker
    from_quote: bool = False
    label: bool = False  # a transcript turn: "PENCE: ..."
    direct: bool | None = None  # kind fixed by the statement it continues

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


class QuotedArticle:
    """One article's text with its quotations and paragraphs indexed, and its speaker resolver."""

    def __init__(self, doc: Doc, actors: list[Actor], paragraph_starts: list[int],
                 rules: PositionRules) -> None:
        self.doc = doc
        self.rules = rules
        self.paragraph_starts = paragraph_starts or [0]
        self.quotes = find_quotes(doc.text, self.paragraph_starts)
        self.quote_of = _quote_index(doc, self.quotes)
        self._quote_starts = [q.start for q in self.quotes]
        self.quote_tokens = _quote_token_ranges(self.quote_of, len(self.quotes))
        quoted = frozenset(i for i, q in enumerate(self.quote_of) if q >= 0)
        self.resolver = SpeakerResolver(doc, actors, rules, quoted)
        self.body_start = _body_start(doc.text, self.paragraph_starts)

    def paragraph(self, char: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, char) - 1, 0)

    def paragraph_span(self, index: int) -> Span | None:
        starts = self.paragraph_starts
        end = starts[index + 1] - 2 if index + 1 < len(starts) else len(self.doc.text)
        return self.doc.char_span(starts[index], end, alignment_mode="expand")

    def paragraph_tokens(self, tok: Token) -> tuple[int, int]:
        """Token range [start, end) of the paragraph holding `tok`."""
        index = self.paragraph(tok.idx)
        start = self.paragraph_starts[index]
        starts = self.paragraph_starts
        end = starts[index + 1] if index + 1 < len(starts) else len(self.doc.text)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, len(self.doc))

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop punctuation, 'that' and conjunctions at the edges of a range."""
        while start < end and ((self.doc[start].dep_ in _EDGE_SKIP and self.doc[start].dep_ != "prep")
                               or self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space
                               or self.doc[end - 1].dep_ == "cc"):
            end -= 1
        return start, end

    def stretch(self, start: int, end: int) -> tuple[int, int]:
        """Extend a range that begins or ends inside a quotation to the quotation's bounds."""
        if start >= end:
            return start, end
        q = self.quote_of[start]
        if q >= 0:
            start = min(start, self.quote_tokens[q][0])
        q = self.quote_of[end - 1]
        if q >= 0:
            end = max(end, self.quote_tokens[q][1])
        return start, end

    def text(self, pieces: list[tuple[int, int]]) -> str:
        """The content as written, without the article's quotation marks."""
        return self.wording(pieces)[0]

    def wording(self, pieces: list[tuple[int, int]]) -> tuple[str, list[str]]:
        """The content as written without quotation marks, and the parts of it that stood
        inside quotation marks in the article (the only words a page may show quoted)."""
        chars: list[tuple[str, bool]] = []
        for s, e in pieces:
            if s >= e:
                continue
            if chars:
                chars.append((" ", False))
            start, end = self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1])
            chars.extend(self._marked(start, end))
        return _runs(chars)

    def _marked(self, start: int, end: int) -> list[tuple[str, bool]]:
        """Each character of text[start:end] but the quotation marks, and whether it is quoted."""
        text = self.doc.text
        out: list[tuple[str, bool]] = []
        q = bisect.bisect_right(self._quote_starts, start) - 1
        i = start
        while i < end:
            if text[i] in QUOTE_CHARS or text[i : i + 2] in ("''", "``"):
                i += 1 if text[i] in QUOTE_CHARS else 2
                continue
            while q + 1 < len(self.quotes) and self.quotes[q + 1].start <= i:
                q += 1
            inside = q >= 0 and self.quotes[q].start <= i < self.quotes[q].end
            out.append((text[i], inside))
            i += 1
        return out

    def sentence(self, item: Found) -> str:
        start, end = self.sentence_span(item)
        return self.doc.text[start:end].strip()

    def sentence_span(self, item: Found) -> tuple[int, int]:
        """The sentence(s) holding the cue and the content, within the paragraph where the
        statement begins (a quotation running on over paragraphs is anchored where it opens:
        the page anchors evidence inside one paragraph)."""
        # A quotation that continues an earlier statement ('..., he added. "..."') is anchored on
        # its own sentences: with its cue's, it would cross the earlier statement's passage.
        cue_i = item.start if item.direct is not None else item.cue_i
        first = min(item.start, cue_i)
        last = max(item.end - 1, cue_i)
        last = min(last, self.paragraph_tokens(self.doc[first])[1] - 1)
        span = self.doc[self.doc[first].sent.start : self.doc[last].sent.end]
        return span.start_char, span.end_char


class Part:
    """One set of the position rules, over the article's shared reading."""

    def __init__(self, article: QuotedArticle) -> None:
        self.view = article
        # Copied, not delegated: the rules read these in their innermost loops.
        self.doc = article.doc
        self.rules = article.rules
        self.resolver = article.resolver
        self.quotes = article.quotes
        self.quote_of = article.quote_of
        self.quote_tokens = article.quote_tokens
        self.paragraph_starts = article.paragraph_starts
        self.body_start = article.body_start


def _runs(chars: list[tuple[str, bool]]) -> tuple[str, list[str]]:
    """Join marked characters into the text (spaces collapsed, edges trimmed) and its quoted
    fragments: the runs of quoted characters that hold a word, without their edge spaces."""
    collapsed: list[tuple[str, bool]] = []
    for ch, inside in chars:
        if ch.isspace():
            if collapsed and collapsed[-1][0] == " ":
                continue
            ch = " "
        collapsed.append((ch, inside))
    start, end = 0, len(collapsed)
    while start < end and collapsed[start][0] in _EDGE:
        start += 1
    while end > start and collapsed[end - 1][0] in _EDGE:
        end -= 1
    kept = collapsed[start:end]
    text = "".join(ch for ch, _ in kept)
    fragments: list[str] = []
    run: list[str] = []
    for ch, inside in [*kept, ("", False)]:
        if inside:
            run.append(ch)
            continue
        fragment = "".join(run).strip()
        if any(c.isalnum() for c in fragment):
            fragments.append(fragment)
        run = []
    return text, fragments


def _quote_index(doc: Doc, quotes: list[Quote]) -> list[int]:
    """For each token, the index of the quotation holding it, or -1."""
    index = [-1] * len(doc)
    q = 0
    for tok in doc:
        while q < len(quotes) and quotes[q].end <= tok.idx:
            q += 1
        if q < len(quotes) and quotes[q].start <= tok.idx < quotes[q].end and not tok.is_space:
            index[tok.i] = q
    return index


def _quote_token_ranges(quote_of: list[int], count: int) -> list[tuple[int, int]]:
    """Token range [start, end) of each quotation."""
    ranges = [(0, 0)] * count
    for i, q in enumerate(quote_of):
        if q >= 0:
            start, end = ranges[q]
            ranges[q] = (i, i + 1) if start == end else (start, i + 1)
    return ranges


def _body_start(text: str, paragraph_starts: list[int]) -> int:
    """Where the article proper begins: after a headline line, if the body opens with one."""
    if len(paragraph_starts) < 2:
        return 0
    first = text[paragraph_starts[0] : paragraph_starts[1]].strip()
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", first) if len(w) > 3]
    title_case = bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6
    if title_case or not first.endswith((".", "!", "?", "”", '"')):
        return paragraph_starts[1]
    return 0
