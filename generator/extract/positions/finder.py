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
direct when its content begins or ends inside a quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from generator.briefing import Actor, Position
from generator.extract.positions.quotes import QUOTE_CHARS, Quote, find_quotes
from generator.extract.positions.rules import PositionRules, load_rules
from generator.extract.positions.speakers import Speaker, SpeakerResolver

_EDGE_SKIP = {"punct", "cc", "mark", "prep"}
_QUOTE_RE = re.compile(f"[{QUOTE_CHARS}]|''|``")
_EDGE_QUOTES_RE = re.compile(f"^(?:[{QUOTE_CHARS}\\s,;:]|''|``)+|(?:[{QUOTE_CHARS}\\s,;:]|''|``)+$")
_MIN_QUOTE_WORDS = 3
_DASHES = {"―", "—", "–", "--", "-"}
_CONTINUATION_MIN_WORDS = 4
_CONTENT_MARKS = {"because", "when", "if", "since", "although", "though", "unless"}


@dataclass
class _Found:
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


def extract_positions(doc: Doc, actors: list[Actor], paragraph_starts: list[int]) -> list[Position]:
    """Return the article's attributed statements in reading order."""
    return _Extraction(doc, actors, paragraph_starts, load_rules()).run()


class _Extraction:
    """The state of one article's extraction: quotes, token index and speakers seen."""

    def __init__(self, doc: Doc, actors: list[Actor], paragraph_starts: list[int],
                 rules: PositionRules) -> None:
        self.doc = doc
        self.rules = rules
        self.paragraph_starts = paragraph_starts or [0]
        self.quotes = find_quotes(doc.text, self.paragraph_starts)
        self.quote_of = _quote_index(doc, self.quotes)
        self.quote_tokens = _quote_token_ranges(self.quote_of, len(self.quotes))
        quoted = frozenset(i for i, q in enumerate(self.quote_of) if q >= 0)
        self.resolver = SpeakerResolver(doc, actors, rules, quoted)
        self.body_start = _body_start(doc.text, self.paragraph_starts)

    # -- driver -------------------------------------------------------------

    def run(self) -> list[Position]:
        """Both passes, then Positions in reading order."""
        found: list[_Found] = []
        for index in range(len(self.paragraph_starts)):
            if self.paragraph_starts[index] >= self.body_start and (turn := self._transcript_turn(index)):
                found.append(turn)
        for tok in self.doc:
            if tok.idx < self.body_start or self.quote_of[tok.i] >= 0:
                continue
            item = self._from_cue(tok)
            if item is not None:
                found.append(item)
        found = self._attribute_quotes(found)
        found.sort(key=lambda f: (f.start, f.cue_i))
        return self._positions(found)

    # -- pass 1: cues -----------------------------------------------------------

    def _from_cue(self, tok: Token) -> _Found | None:
        """A position whose cue is `tok`, or None."""
        if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            return self._according(tok)
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in self.rules.cue_verbs:
            return None
        if self._cancelled(tok):
            return None
        pieces = self._content(tok)
        if not pieces:
            return None
        subject = self._subject(tok)
        if subject is None or self.quote_of[subject.i] >= 0:
            return None
        speaker = self.resolver.resolve(subject)
        return _Found(pieces, self._cue_phrase(tok), tok.i, speaker)

    def _cancelled(self, verb: Token) -> bool:
        """Negated ("did not say"), governed by a cancelling verb ("declined to say"), or narrated
        as the time of another event ("..., when OIR reported that ...")."""
        if any(c.dep_ == "neg" or c.lower_ in self.rules.negations for c in verb.children):
            return True
        if verb.dep_ == "advcl" and any((c.dep_ == "advmod" and c.lower_ in self.rules.temporal_marks)
                                        or (c.dep_ == "mark" and c.lower_ in self.rules.temporal_marks)
                                        for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.rules.cancelling_heads

    def _subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The speaker token of a cue verb: its subject, its passive agent, or its head's subject."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and self.quote_of[c.i] < 0
                    and self._paragraph(c.idx) == self._paragraph(verb.idx)]
        while len(subjects) > 1 and any(t.text == ":" or t.text in _DASHES
                                        for t in self.doc[subjects[0].i : subjects[1].i]):
            subjects.pop(0)  # a parse across a heading: "The Latest: Trump urges ..."
        if subjects:
            return _adjacent_apposition(subjects[0], verb)
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if depth >= 2 or verb.head.i == verb.i:
            return None
        lemma = verb.lemma_.lower()
        if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and lemma in self.rules.participle_cues:
            return self._subject(verb.head, depth + 1)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return self._subject(verb.head, depth + 1)
        return None

    def _content(self, verb: Token) -> list[tuple[int, int]]:
        """Token ranges of what the cue verb reports."""
        lemma = verb.lemma_.lower()
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if clauses:
            clause = clauses[0]
            if any(c.dep_ == "mark" and c.lower_ in self.rules.question_marks for c in clause.children):
                return []
            end = clause.right_edge.i + 1
            for extra in self._content_conjuncts(verb, clause):
                end = max(end, extra.right_edge.i + 1)
            start = clause.left_edge.i
            pieces = [(self._lead_in(start, end) if clause.i < verb.i else start, end)]
            if clause.i < verb.i and _unfinished_copula(clause):  # "It was, the president said, ''a stone"
                pieces.append((verb.i + 1, verb.sent.end))
        elif lemma in self.rules.naming_verbs and (named := self._naming(verb)):
            pieces = [named]
        elif lemma in self.rules.intent_verbs and (xcomp := _child(verb, "xcomp")) is not None:
            pieces = [(xcomp.left_edge.i, xcomp.right_edge.i + 1)]
        elif verb.dep_ == "parataxis" and self._subject(verb) is not None:
            head = verb.head
            pieces = [(self._lead_in(head.left_edge.i, verb.left_edge.i), verb.left_edge.i),
                      (verb.right_edge.i + 1, head.right_edge.i + 1)]
        else:
            return []
        return self._finish(pieces, verb)

    def _lead_in(self, start: int, end: int) -> int:
        """Where the quotation a cue interrupts begins, past a short lead-in of the writer's:
        'As for complexity, ''broadening the base ...,'' Mr. X said'."""
        for j in range(start, min(end, start + 6)):
            if self.quote_of[j] >= 0:
                k = end - 1
                while k > j and self.quote_of[k] < 0 and (self.doc[k].is_punct or self.doc[k].is_space):
                    k -= 1
                comma = any(t.text == "," for t in self.doc[start:j])
                return j if comma and self.quote_of[k] == self.quote_of[j] else start
        return start

    def _naming(self, verb: Token) -> tuple[int, int] | None:
        """'called Trump a "liar"', 'described him as ...', 'called for X': object and predicate."""
        obj = _child(verb, "dobj")
        predicates = [c for c in verb.rights
                      if c.dep_ in ("oprd", "xcomp", "ccomp")
                      or (c.dep_ == "prep" and c.lower_ in self.rules.naming_preps)]
        if obj is None:
            preps = [c for c in predicates if c.dep_ == "prep" and c.lower_ == "for"]
            return (preps[0].i + 1, preps[0].right_edge.i + 1) if preps else None
        if not predicates:
            return None
        end = max(c.right_edge.i for c in predicates) + 1
        for c in verb.rights:  # a second predicate parsed as an object: 'as "vile" and a "grave threat"'
            joined = end < len(self.doc) and self.doc[end].dep_ == "cc" and self.doc[end].head.i == verb.i
            if c.i >= end and c.dep_ == "dobj" and joined:
                end = c.right_edge.i + 1
        return obj.left_edge.i, end

    def _content_conjuncts(self, verb: Token, clause: Token) -> list[Token]:
        """Clauses the parser hung on the cue verb that go on with the content: 'said X, but Y',
        'said X, because Y'."""
        if clause.i < verb.i:
            return []
        return [c for c in verb.children
                if (c.dep_ == "conj" or (c.dep_ == "advcl" and any(
                    g.dep_ in ("mark", "advmod") and g.lower_ in _CONTENT_MARKS for g in c.children)))
                and c.i > clause.right_edge.i and c.lemma_.lower() not in self.rules.cue_verbs
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]

    def _according(self, tok: Token) -> _Found | None:
        """'according to X, ...': X is the speaker and the clause around it the content."""
        to = self.doc[tok.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if not objects:
            return None
        root = tok.head
        while root.pos_ not in ("VERB", "AUX") and root.head.i != root.i:
            root = root.head
        if root.i == tok.i:
            return None
        pieces = self._finish([(root.left_edge.i, tok.left_edge.i),
                               (tok.right_edge.i + 1, root.right_edge.i + 1)], tok)
        if not pieces:
            return None
        speaker = self.resolver.resolve(objects[0])
        return _Found(pieces, "according to", tok.i, speaker)

    def _cue_phrase(self, verb: Token) -> str:
        """The cue as written: auxiliaries and adverbs before the verb, 'in a statement' after it."""
        words = [verb]
        for child in reversed(list(verb.lefts)):
            if child.dep_ in ("aux", "auxpass", "advmod", "neg") and child.i == words[0].i - 1:
                words.insert(0, child)
        for child in verb.rights:
            if child.dep_ == "prt":
                words.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("in", "during", "on", "via"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and objects[0].lemma_.lower() in self.rules.cue_nouns:
                    words.extend(self.doc[child.i : objects[0].i + 1])
        return " ".join(t.text for t in sorted(set(words), key=lambda t: t.i))

    def _transcript_turn(self, index: int) -> _Found | None:
        """A paragraph opened by a speaker label and a colon: '"PENCE: Well, look, ...'."""
        span = self._paragraph_span(index)
        if span is None:
            return None
        toks = [t for t in span if not t.is_space]
        i = 0
        while i < len(toks) and (toks[i].is_quote or toks[i].text in ("''", "``")):
            i += 1
        colon = next((j for j in range(i, min(i + 4, len(toks))) if toks[j].text == ":"), None)
        if colon is None or colon == i:
            return None
        label = toks[i:colon]
        if not all(t.is_alpha and t.text[0].isupper() and t.pos_ in ("PROPN", "NOUN") for t in label):
            return None
        if not any(t.pos_ == "PROPN" or t.is_upper for t in label):
            return None
        if any(t.lower_ in self.rules.label_stopwords for t in label):
            return None
        pieces = self._finish([(toks[colon].i + 1, span.end)], toks[colon])
        if not pieces:
            return None
        pieces[0] = (max(pieces[0][0], toks[colon].i + 1), pieces[0][1])  # not back over the label
        speaker = self.resolver.resolve_label(self.doc[label[0].i : label[-1].i + 1])
        return _Found(pieces, ":", toks[colon].i, speaker, label=True)

    def _paragraph_span(self, index: int):
        starts = self.paragraph_starts
        end = starts[index + 1] - 2 if index + 1 < len(starts) else len(self.doc.text)
        return self.doc.char_span(starts[index], end, alignment_mode="expand")

    # -- content spans ---------------------------------------------------------

    def _finish(self, pieces: list[tuple[int, int]], cue: Token) -> list[tuple[int, int]]:
        """Clip to the cue's paragraph, trim edges, stretch over quotations, drop empty pieces."""
        low, high = self._paragraph_tokens(cue)
        out: list[tuple[int, int]] = []
        for start, end in pieces:
            start, end = self._stretch(*self._trim(max(start, low), min(end, high)))
            end = min(self._reach_quote(start, self._mend_split(end, high), cue), high)
            end = self._cut_aside(start, end)
            if end - start >= 2:
                out.append((start, end))
        if not out:
            return []
        merged = [out[0]]
        for start, end in out[1:]:
            if start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        words = sum(1 for s, e in merged for t in self.doc[s:e] if t.is_alpha)
        return merged if words >= 2 else []

    def _mend_split(self, end: int, high: int) -> int:
        """A content cut by a sentence split without a full stop ('she felt the 13th | Amendment was
        worth examining ...') goes on to the end of the next sentence."""
        last = self.doc[end - 1] if 0 < end < high else None
        if last is None or not (last.is_alpha or last.like_num):
            return end
        if self.quote_of[end - 1] >= 0:  # a quotation closed on a dangling word: '“... away from” that'
            if last.pos_ != "ADP" or not self.doc[end].is_quote or self.quote_of[end] >= 0:
                return end
            end += 1
            if end >= high:
                return end
        if self.doc[end - 1].sent.end != end or not self.doc[end].is_alpha or self.quote_of[end] >= 0:
            return end
        stop = min(self.doc[end].sent.end, high)
        for k in range(end + 2, stop):  # not into the cue of a quotation: '... loop-hole,” she said'
            if self.doc[k - 1].is_quote and self.quote_of[k - 1] < 0 and self.quote_of[k - 2] >= 0:
                return k
        return self._trim(end, stop)[1]

    def _cut_aside(self, start: int, end: int) -> int:
        """End a content at a quotation followed by the writer's aside or a date: 'Estonia as being
        in the “suburbs of St. Petersburg” — a metaphor for ...', 'Clinton as a “disgrace” Wednesday'."""
        for k in range(start + 2, end):
            closing = self.doc[k - 1].is_quote and self.quote_of[k - 1] < 0 and self.quote_of[k - 2] >= 0
            if closing and self.quote_of[k] < 0 and (
                    self.doc[k].text in _DASHES
                    or (self.doc[k].ent_iob_ == "B" and self.doc[k].ent_type_ in ("DATE", "TIME")
                        and (k + 1 >= len(self.doc) or self.doc[k + 1].ent_iob_ != "I"))):
                return k
        return end

    def _reach_quote(self, start: int, end: int, cue: Token) -> int:
        """A content left unfinished before a quotation of its sentence goes on over it: 'to blame for
        focusing on “he said this, he tweeted that.”', 'she recalled thinking, "This is ..."'."""
        if start >= end or self.quote_of[end - 1] >= 0:
            return end
        last = self.doc[end - 1]
        j = end
        while j < len(self.doc) and j < end + 3 and self.quote_of[j] < 0 and (
                self.doc[j].is_punct and self.doc[j].text not in (".", "?", "!", ";")):
            j += 1
        if j >= len(self.doc) or self.quote_of[j] < 0 or self.quote_tokens[self.quote_of[j]][0] != j:
            return end
        if j > cue.i > end or self.doc[j].sent != last.sent:
            return end
        unfinished = last.pos_ == "ADP" or (last.tag_ == "VBG"
                                            and last.lemma_.lower() in self.rules.cue_verbs)
        return self.quote_tokens[self.quote_of[j]][1] if unfinished else end

    def _paragraph_tokens(self, tok: Token) -> tuple[int, int]:
        """Token range [start, end) of the paragraph holding `tok`."""
        index = self._paragraph(tok.idx)
        start = self.paragraph_starts[index]
        starts = self.paragraph_starts
        end = starts[index + 1] if index + 1 < len(starts) else len(self.doc.text)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return (span.start, span.end) if span is not None else (0, len(self.doc))

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop punctuation, 'that' and conjunctions at the edges of a range."""
        while start < end and ((self.doc[start].dep_ in _EDGE_SKIP and self.doc[start].dep_ != "prep")
                               or self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space
                               or self.doc[end - 1].dep_ == "cc"):
            end -= 1
        return start, end

    def _stretch(self, start: int, end: int) -> tuple[int, int]:
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

    # -- pass 2: quotations --------------------------------------------------------

    def _attribute_quotes(self, found: list[_Found]) -> list[_Found]:
        """Add the quotations that no cue's content covers."""
        covered = {self.quote_of[i] for f in found for s, e in f.pieces for i in range(s, e)}
        for q_index, quote in enumerate(self.quotes):
            start, end = self.quote_tokens[q_index]
            if q_index in covered or start >= end or self.doc[start].idx < self.body_start:
                continue
            if sum(1 for t in self.doc[start:end] if t.is_alpha) < _MIN_QUOTE_WORDS:
                continue
            item = self._quote_cue(start, end) or self._continuation(found, quote, start, end)
            if item is not None:
                found.append(item)
        return found

    def _quote_cue(self, start: int, end: int) -> _Found | None:
        """A cue verb in the quotation's sentence, or in a sentence that introduces it with a colon."""
        sents = {self.doc[start].sent, self.doc[end - 1].sent}
        before = self.doc[start - 2] if start >= 2 else None
        if before is not None and before.text == ":":
            sents.add(before.sent)
        best: tuple[int, Token] | None = None
        for sent in sents:
            for tok in sent:
                if self.quote_of[tok.i] >= 0 or tok.lemma_.lower() not in self.rules.speech_verbs:
                    continue
                if tok.pos_ != "VERB" or self._cancelled(tok):
                    continue
                distance = start - tok.i if tok.i < start else tok.i - end
                if best is None or distance < best[0]:
                    best = (distance, tok)
        if best is None:
            verb = self._signature(end)
            if verb is None:
                return self._dash_attribution(start, end)
        else:
            verb = best[1]
        subject = self._subject(verb)
        if subject is None or self.quote_of[subject.i] >= 0:
            return None
        speaker = self.resolver.resolve(subject)
        return _Found([(start, end)], self._cue_phrase(verb), verb.i, speaker, from_quote=True)

    def _signature(self, end: int) -> Token | None:
        """A quotation ending in '?' or '!' that the parser split from its cue: '“... regulate?”
        Vitter demanded.' The speech verb of the sentence right after, if it reports nothing else."""
        i = end
        while i < len(self.doc) and self.quote_of[i] < 0 and (self.doc[i].is_punct or self.doc[i].is_space):
            i += 1
        if i >= len(self.doc) or not self.doc[i].is_sent_start or self.quote_of[i] >= 0:
            return None
        if self._paragraph(self.doc[i].idx) != self._paragraph(self.doc[end - 1].idx):
            return None
        for tok in self.doc[i].sent:
            if (tok.pos_ == "VERB" and tok.lemma_.lower() in self.rules.speech_verbs and tok.i < i + 6
                    and not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children)):
                return tok
        return None

    def _dash_attribution(self, start: int, end: int) -> _Found | None:
        """A quotation signed with a dash and a name: '"..." ― Jane Doe'."""
        i = end
        while i < len(self.doc) and (self.quote_of[i] < 0 and (self.doc[i].is_punct or self.doc[i].is_space)
                                     and self.doc[i].text not in _DASHES):
            i += 1
        if i + 1 >= len(self.doc) or self.doc[i].text not in _DASHES:
            return None
        name = self.doc[i + 1]
        if name.ent_type_ not in ("PERSON", "ORG") and name.pos_ != "PROPN":
            return None
        head = name
        while head.head.i != head.i and head.head.i > i and head.dep_ in ("compound", "flat"):
            head = head.head
        speaker = self.resolver.resolve(head)
        return _Found([(start, end)], self.doc[i].text, i, speaker, from_quote=True)

    def _continuation(self, found: list[_Found], quote: Quote, start: int, end: int) -> _Found | None:
        """A quotation that goes on with the statement just before it (same or previous paragraph)."""
        earlier = [f for f in found if f.cue_i < start and f.start < start]
        if not earlier:
            return None
        last = max(earlier, key=lambda f: f.end)
        last_paragraph = self._paragraph(self.doc[last.start].idx)
        if last_paragraph not in (quote.paragraph, quote.paragraph - 1):
            return None
        words = sum(1 for t in self.doc[start:end] if t.is_alpha)
        opens_sentence = self.doc[start].is_sent_start or (
            start > 0 and self.doc[start - 1].is_sent_start and self.quote_of[start - 1] < 0)
        if not (quote.continues or opens_sentence) or words < _CONTINUATION_MIN_WORDS:
            return None
        self.resolver.remember(last.speaker)
        direct = self._is_direct(last) if last.label or last.direct is not None else None
        return _Found([(start, end)], last.cue, last.cue_i, last.speaker, from_quote=True, direct=direct)

    # -- output ------------------------------------------------------------------

    def _positions(self, found: list[_Found]) -> list[Position]:
        """Turn found items into Positions, dropping exact duplicates."""
        out: list[Position] = []
        seen: set[tuple[tuple[int, int], ...]] = set()
        for item in found:
            key = tuple(item.pieces)
            if key in seen:
                continue
            seen.add(key)
            text = self._text(item.pieces)
            if not text:
                continue
            out.append(Position(
                speaker=item.speaker.name,
                kind="direct" if self._is_direct(item) else "indirect",
                cue=item.cue,
                text=text,
                sentence=self._sentence(item),
                speaker_kind=item.speaker.kind,  # type: ignore[arg-type]
                paragraph=self._paragraph(self.doc[item.start].idx),
            ))
        return out

    def _is_direct(self, item: _Found) -> bool:
        """Direct when the content ends inside a quotation, or begins inside one that is not
        introduced by 'that' ("said that “exactly who did it” remains ..." is reported speech).

        A transcript turn ("PENCE: Well, ...") is direct only when a quotation opens after its
        label, and the paragraphs that continue a turn are of its kind. A reported clause ending
        with a partial quotation in the ''...'' style ("he had fought in Vietnam ''for the
        nation's rights''") counts as reported: that is how the newspapers using that style are
        annotated (PolNeAR).
        """
        if item.direct is not None:
            return item.direct
        words = [t for s, e in item.pieces for t in self.doc[s:e] if not (t.is_punct or t.is_space)]
        if not words:
            return False
        first, last = self.quote_of[words[0].i], self.quote_of[words[-1].i]
        if item.label:
            return first >= 0 and self.quotes[first].start > self.doc[item.cue_i].idx
        if last >= 0 and first < 0 and self._double_apostrophes(last):
            return False
        if item.from_quote and first >= 0 and self._double_apostrophes(first) and self._embedded(words[0].i):
            return False
        if last >= 0:
            return True
        before = words[0].i - 1
        while before >= 0 and self.doc[before].is_punct:
            before -= 1
        return first >= 0 and not (before >= 0 and self.doc[before].lower_ == "that")

    def _embedded(self, first: int) -> bool:
        """The quotation goes on a clause of the writer's: 'RT is ''providing a perspective ...'''
        (a word just before it that is not a verb of saying)."""
        before = first - 1
        while before >= 0 and (self.doc[before].is_quote or self.doc[before].text in ("''", "``", "'")):
            before -= 1
        if before >= 0 and self.doc[before].text in _DASHES:  # past an aside: 'days -- when ... --'
            opening = next((k for k in range(before - 1, max(before - 16, -1), -1)
                            if self.doc[k].text in _DASHES), None)
            before = opening - 1 if opening is not None else before
        if before < 0 or self.doc[before].is_punct or self.doc[before].is_space:
            return False
        return self.doc[before].lemma_.lower() not in self.rules.speech_verbs

    def _double_apostrophes(self, q_index: int) -> bool:
        """The quotation is opened with '' or `` rather than a quotation mark."""
        start = self.quotes[q_index].start
        return self.doc.text[max(start - 2, 0) : start] in ("''", "``")

    def _text(self, pieces: list[tuple[int, int]]) -> str:
        """The content as written, without its outer quotation marks (or unpaired inner ones)."""
        text = " ".join(self.doc[s:e].text for s, e in pieces)
        text = " ".join(text.split())
        text = _EDGE_QUOTES_RE.sub("", text)
        if len(_QUOTE_RE.findall(text)) % 2:
            text = _QUOTE_RE.sub("", text)
        return text.strip()

    def _sentence(self, item: _Found) -> str:
        """The sentence(s) holding the cue and the content."""
        first = min(item.start, item.cue_i)
        last = max(item.end - 1, item.cue_i)
        return self.doc[self.doc[first].sent.start : self.doc[last].sent.end].text.strip()

    def _paragraph(self, char: int) -> int:
        return max(bisect.bisect_right(self.paragraph_starts, char) - 1, 0)


def _adjacent_apposition(subject: Token, verb: Token) -> Token:
    """'To understand X, Chief Justice Roberts said': a named apposition just before the verb speaks."""
    for child in subject.children:
        named = child.ent_type_ == "PERSON" and subject.ent_type_ == "PERSON"
        if child.dep_ == "appos" and named and 0 <= verb.i - child.right_edge.i <= 2 and child.i > subject.i:
            return child
    return subject


def _unfinished_copula(clause: Token) -> bool:
    """A 'be' whose complement the parser left after the cue that interrupts it: 'It was, X said, ...'."""
    return clause.lemma_ == "be" and all(c.dep_ in ("nsubj", "expl", "aux", "neg", "punct")
                                         for c in clause.children)


def _child(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)


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
