"""Pass 2: quotations no cue claimed.

Attributed to a cue verb of the sentence (or of the sentence that introduces it with a
colon, or of a short signing sentence right after it: "“...?” Vitter demanded."), to a
name after a dash, else to the speaker of the statement just before when the quote
continues it ("...," he added. "..."), else dropped (scare quotes, unattributed phrases).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from generator.extract.positions.article import Found, Part, QuotedArticle
from generator.extract.positions.cues import CueReader
from generator.extract.positions.kind import KindJudge
from generator.extract.positions.quotes import Quote

_MIN_QUOTE_WORDS = 3
# What follows a quotation signed by its speaker, to the end of the paragraph: the closing
# marks, a dash, a name of capitalised words or initials, maybe a short description after a
# comma ("― Jane Doe, 34, a nurse"), and at most a full stop.
_SIGNATURE_RE = re.compile(
    r"[\"”’'.,!?\s]*(?P<dash>―|—|–|--|-(?=\s))[\s\u00a0]*"
    r"(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:[ \u00a0]+[A-ZÀ-Þ][\w.'’-]*){0,4}?)(?:,[^.!?\n]{1,60})?\.?\s*$")
_CONTINUATION_MIN_WORDS = 4


class QuoteAttribution(Part):
    """Adds a position for each quotation that has a speaker but no cue of its own."""

    def __init__(self, article: QuotedArticle, cues: CueReader, kind: KindJudge) -> None:
        super().__init__(article)
        self.cues = cues
        self.kind = kind

    def attribute_quotes(self, found: list[Found]) -> list[Found]:
        """Add the quotations that no cue's content covers."""
        covered = {self.quote_of[i] for f in found for s, e in f.pieces for i in range(s, e)}
        for q_index, quote in enumerate(self.quotes):
            start, end = self.quote_tokens[q_index]
            if q_index in covered or start >= end or self.doc[start].idx < self.body_start:
                continue
            if sum(1 for t in self.doc[start:end] if t.is_alpha) < _MIN_QUOTE_WORDS:
                continue
            item = self.quote_cue(start, end) or self.continuation(found, quote, start, end)
            if item is not None:
                found.append(item)
        return found

    def quote_cue(self, start: int, end: int) -> Found | None:
        """A cue verb in the quotation's sentence, or in a sentence that introduces it with a colon."""
        sents = {self.doc[start].sent, self.doc[end - 1].sent}
        b = start - 1
        while b >= 0 and (self.doc[b].is_space or self.doc[b].is_quote or self.doc[b].text in ("''", "``")):
            b -= 1  # over the opening mark, and a paragraph break: 'He said:' / '"We have ...'
        if b >= 0 and self.doc[b].text == ":":
            sents.add(self.doc[b].sent)
        best: tuple[int, Token] | None = None
        # In reading order, so that of two cues as near, the earlier wins whatever the run
        # (a set of spans iterates in an order that changes from process to process).
        for sent in sorted(sents, key=lambda s: s.start):
            for tok in sent:
                if self.quote_of[tok.i] >= 0 or tok.lemma_.lower() not in self.rules.speech_verbs:
                    continue
                if tok.pos_ != "VERB" or self.cues.cancelled(tok):
                    continue
                distance = start - tok.i if tok.i < start else tok.i - end
                if best is None or distance < best[0]:
                    best = (distance, tok)
        if best is None:
            verb = self.signature(end)
            if verb is None:
                return self.dash_attribution(start, end)
        else:
            verb = best[1]
        subject = self.cues.subject(verb)
        if subject is None or self.quote_of[subject.i] >= 0:
            return None
        speaker = self.resolver.resolve(subject)
        return Found([(start, end)], self.cues.cue_phrase(verb), verb.i, speaker, from_quote=True)

    def signature(self, end: int) -> Token | None:
        """A quotation ending in '?' or '!' that the parser split from its cue: '“... regulate?”
        Vitter demanded.' The speech verb of the sentence right after, if it reports nothing else."""
        i = end
        while i < len(self.doc) and self.quote_of[i] < 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i += 1
        if i >= len(self.doc) or not self.doc[i].is_sent_start or self.quote_of[i] >= 0:
            return None
        if self.view.paragraph(self.doc[i].idx) != self.view.paragraph(self.doc[end - 1].idx):
            return None
        for tok in self.doc[i].sent:
            if (tok.pos_ == "VERB" and tok.lemma_.lower() in self.rules.speech_verbs and tok.i < i + 6
                    and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)):
                return tok
        return None

    def dash_attribution(self, start: int, end: int) -> Found | None:
        """A quotation signed with a dash and a name closing its paragraph: '"..." ― Jane Doe',
        '...”― Pamela Padilla', '...” ―\u00a0Christina Lastra.'. Read on the characters: the
        tokenizer may glue the closing mark to the dash, and the parser make the dash a verb."""
        text = self.doc.text
        after = self.doc[end - 1].idx + len(self.doc[end - 1])
        paragraph = self.view.paragraph(after)
        stop = (self.paragraph_starts[paragraph + 1] if paragraph + 1 < len(self.paragraph_starts)
                else len(text))
        match = _SIGNATURE_RE.match(text, after, stop)
        if match is None:
            return None
        name_end = match.end("name")
        if text[name_end - 1] == "." and name_end - match.start("name") > 2 and text[name_end - 3] != " ":
            name_end -= 1  # "― Christina Lastra.": the full stop, not an initial ("Jane Q.")
        label = self.doc.char_span(match.start("name"), name_end, alignment_mode="expand")
        if label is None:
            return None
        speaker = self.resolver.resolve_label(label)
        dash = self.doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
        cue_i = dash.start if dash is not None else label.start
        return Found([(start, end)], match.group("dash"), cue_i, speaker, from_quote=True)

    def continuation(self, found: list[Found], quote: Quote, start: int, end: int) -> Found | None:
        """A quotation that goes on with the statement just before it (same or previous paragraph)."""
        earlier = [f for f in found if f.cue_i < start and f.start < start]
        if not earlier:
            return None
        last = max(earlier, key=lambda f: f.end)
        last_paragraph = self.view.paragraph(self.doc[last.start].idx)
        if last_paragraph not in (quote.paragraph, quote.paragraph - 1):
            return None
        words = sum(1 for t in self.doc[start:end] if t.is_alpha)
        opens_sentence = self.doc[start].is_sent_start or (
            start > 0 and self.doc[start - 1].is_sent_start and self.quote_of[start - 1] < 0)
        if not (quote.continues or opens_sentence) or words < _CONTINUATION_MIN_WORDS:
            return None
        self.resolver.remember(last.speaker)
        direct = self.kind.is_direct(last) if last.label or last.direct is not None else None
        return Found([(start, end)], last.cue, last.cue_i, last.speaker, from_quote=True, direct=direct)
