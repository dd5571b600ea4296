"""Stated positions: who said what, quoted (direct) or reported (indirect).

Two passes over the parsed article body:

1. Cues. A reporting verb from the rules file ("said", "has repeatedly said",
   "told ... that", "adding that", "thinks", "a poll found") with a subject
   and a content (its complement clause, its infinitive for promises, or
   the clause it interrupts: "..., X said"), and "according to X, ...".
   A content that reaches into a quotation takes the whole quotation,
   sentences and all; one left hanging before a quotation ("blame for
   focusing on “...”") goes on over it; one running past a quotation into a
   dash aside or a bare date stops at the quotation.
2. Quotations no cue claimed: attributed to a cue verb of the sentence (or
   of the sentence that introduces it with a colon, or of a short signing
   sentence right after it: "“...?” Vitter demanded."), else to the speaker of
   the statement just before when the quote continues it ("...," he added.
   "..."), else dropped (scare quotes, unattributed phrases).

Speakers are resolved by speakers.SpeakerResolver. A position is
direct when its content begins or ends inside a quotation; either way it keeps
which of its words stood inside quotation marks (`quoted`), and only those are
shown quoted.
"""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing import Actor, Position
from generator.extract.positions.article import Found, QuotedArticle
from generator.extract.positions.attribution import QuoteAttribution
from generator.extract.positions.content_spans import ContentSpans
from generator.extract.positions.cues import CueReader
from generator.extract.positions.kind import KindJudge
from generator.extract.positions.rules import PositionRules, load_rules


def extract_positions(doc: Doc, actors: list[Actor], paragraph_starts: list[int]) -> list[Position]:
    """Return the article's attributed statements in reading order."""
    return _Extraction(doc, actors, paragraph_starts, load_rules()).run()


class _Extraction:
    """One article's extraction: both passes over its `QuotedArticle`, then the Positions."""

    def __init__(self, doc: Doc, actors: list[Actor], paragraph_starts: list[int],
                 rules: PositionRules) -> None:
        self.view = QuotedArticle(doc, actors, paragraph_starts, rules)
        self.doc = doc
        self.paragraph_starts = self.view.paragraph_starts
        self.body_start = self.view.body_start
        self.quote_of = self.view.quote_of
        self.cues = CueReader(self.view, ContentSpans(self.view))
        self.kind = KindJudge(self.view)
        self.attribution = QuoteAttribution(self.view, self.cues, self.kind)

    def run(self) -> list[Position]:
        """Both passes, then Positions in reading order."""
        found: list[Found] = []
        for index in range(len(self.paragraph_starts)):
            if self.paragraph_starts[index] >= self.body_start and (turn := self.cues.transcript_turn(index)):
                found.append(turn)
        for tok in self.doc:
            if tok.idx < self.body_start or self.quote_of[tok.i] >= 0:
                continue
            item = self.cues.from_cue(tok)
            if item is not None:
                found.append(item)
        found = self.attribution.attribute_quotes(found)
        found.sort(key=lambda f: (f.start, f.cue_i))
        return self.positions(found)

    def positions(self, found: list[Found]) -> list[Position]:
        """Turn found items into Positions, dropping exact duplicates."""
        out: list[Position] = []
        passages: list[tuple[int, int]] = []  # character span of each position's sentence(s)
        seen: set[tuple[tuple[int, int], ...]] = set()
        for item in found:
            key = tuple(item.pieces)
            if key in seen or item.speaker.name is None:
                continue
            seen.add(key)
            text, quoted = self.view.wording(item.pieces)
            if not text:
                continue
            out.append(Position(
                speaker=item.speaker.name,
                kind="direct" if self.kind.is_direct(item) else "indirect",
                cue=item.cue,
                text=text,
                sentence=self.sentence(item, passages),
                quoted=quoted,
                speaker_kind=item.speaker.kind,  # type: ignore[arg-type]
                paragraph=self.view.paragraph(self.doc[item.start].idx),
            ))
        return out

    def sentence(self, item: Found, passages: list[tuple[int, int]]) -> str:
        """The item's sentence(s), starting after an earlier position's passage that it would
        otherwise overlap: the page anchors passages inside or apart from each other, never
        across ('"...," Minnis said. "..."' holds two statements that share a sentence)."""
        start, end = self.view.sentence_span(item)
        for p_start, p_end in passages:
            if p_start < start < p_end < end:
                start = p_end
        passages.append((start, end))
        return self.doc.text[start:end].strip()
