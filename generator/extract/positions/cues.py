"""Pass 1: positions from their cues.

A reporting verb from the rules file ("said", "has repeatedly said", "told ... that",
"adding that", "thinks", "a poll found") with a subject and a content (its complement
clause, its infinitive for promises, or the clause it interrupts: "..., X said"),
"according to X, ...", and transcript turns ("PENCE: ...").
"""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.positions.article import DASHES, Found, Part, QuotedArticle
from generator.extract.positions.content_spans import ContentSpans


class CueReader(Part):
    """Finds the position a cue token introduces: its speaker, its content, the cue as written."""

    def __init__(self, article: QuotedArticle, spans: ContentSpans) -> None:
        super().__init__(article)
        self.spans = spans

    def from_cue(self, tok: Token) -> Found | None:
        """A position whose cue is `tok`, or None."""
        if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to":
            return self.according(tok)
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("VERB", "AUX") or lemma not in self.rules.cue_verbs:
            return None
        if self.cancelled(tok):
            return None
        pieces = self.content(tok) or self.introduced_paragraph(tok)
        if not pieces:
            return None
        subject = self.subject(tok)
        if subject is None or self.quote_of[subject.i] >= 0:
            return None
        speaker = self.resolver.resolve(subject)
        return Found(pieces, self.cue_phrase(tok), tok.i, speaker)

    def cancelled(self, verb: Token) -> bool:
        """Negated ("did not say"), governed by a cancelling verb ("declined to say"), or narrated
        as the time of another event ("..., when OIR reported that ...")."""
        if any(c.dep_ == "neg" or c.lower_ in self.rules.negations for c in verb.children):
            return True
        if self.question(verb):
            return True
        if verb.dep_ == "advcl" and any((c.dep_ == "advmod" and c.lower_ in self.rules.temporal_marks)
                                        or (c.dep_ == "mark" and c.lower_ in self.rules.temporal_marks)
                                        for c in verb.children):
            return True
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.rules.cancelling_heads

    def question(self, verb: Token) -> bool:
        """The cue is in a question of the writer's ("Why do you think that might be?", "Can you
        clarify ...?"): a question put to someone states no position. A quoted question ("“Why?”
        she asked") is not one, nor a statement that goes on to a question after a colon
        ("X suggested asking yourself this: Would I ...?")."""
        words = [t for t in verb.sent if not (t.is_space or t.is_quote)]
        if not words or words[-1].text != "?" or self.quote_of[words[-1].i] >= 0:
            return False
        if any(t.text == ":" for t in words if t.i > verb.i):
            return False
        return words[0].lower_ in self.rules.question_openers

    def introduced_paragraph(self, verb: Token) -> list[tuple[int, int]]:
        """'The New York Times reports:' closing its paragraph: the next paragraph is the content."""
        words = [t for t in verb.sent if not t.is_space]
        if not words or words[-1].text != ":" or words[-1].i < verb.i:
            return []
        index = self.view.paragraph(words[-1].idx)
        if index + 1 >= len(self.paragraph_starts) or self.view.paragraph(verb.idx) != index:
            return []
        span = self.view.paragraph_span(index + 1)
        if span is None or not any(t.is_alpha for t in span):
            return []
        start, end = self.view.trim(span.start, span.end)
        return [(start, end)] if start < end else []

    def subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The speaker token of a cue verb: its subject, its passive agent, or its head's subject."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and self.quote_of[c.i] < 0
                    and self.view.paragraph(c.idx) == self.view.paragraph(verb.idx)]
        while len(subjects) > 1 and any(t.text == ":" or t.text in DASHES
                                        for t in self.doc[subjects[0].i : subjects[1].i]):
            subjects.pop(0)  # a parse across a heading: "The Latest: Trump urges ..."
        if subjects:  # of two subjects, the nearer: not a run-in heading ("THE BORROWING Back when ...")
            nearest = min(subjects, key=lambda s: abs(verb.i - s.i))
            return _adjacent_apposition(nearest, verb)
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if depth >= 2 or verb.head.i == verb.i:
            return None
        lemma = verb.lemma_.lower()
        if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG" and lemma in self.rules.participle_cues:
            outer = _outside_relative(verb)
            if outer is not None:
                return outer
            return self.subject(verb.head, depth + 1)
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return self.subject(verb.head, depth + 1)
        return None

    def content(self, verb: Token) -> list[tuple[int, int]]:
        """Token ranges of what the cue verb reports."""
        lemma = verb.lemma_.lower()
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and not self.set_apart(c, verb)]
        if clauses:
            clause = clauses[0]
            if any(c.dep_ == "mark" and c.lower_ in self.rules.question_marks for c in clause.children):
                return []
            end = clause.right_edge.i + 1
            for extra in self.content_conjuncts(verb, clause):
                end = max(end, extra.right_edge.i + 1)
            start = clause.left_edge.i
            pieces = [(self.lead_in(start, end) if clause.i < verb.i else start, end)]
            if clause.i < verb.i and _unfinished_copula(clause):  # "It was, the president said, ''a stone"
                pieces.append((verb.i + 1, verb.sent.end))
        elif lemma in self.rules.naming_verbs and (named := self.naming(verb)):
            pieces = [named]
        elif lemma in self.rules.directive_verbs and (directed := self.directive(verb)):
            pieces = [directed]
        elif lemma in self.rules.intent_verbs and (xcomp := _child(verb, "xcomp")) is not None:
            pieces = [(xcomp.left_edge.i, xcomp.right_edge.i + 1)]
        elif lemma in self.rules.object_verbs and (stand := self.object_content(verb)):
            pieces = [stand]
        elif verb.dep_ == "parataxis" and self.subject(verb) is not None:
            head = verb.head
            pieces = [(self.lead_in(head.left_edge.i, verb.left_edge.i), verb.left_edge.i),
                      (verb.right_edge.i + 1, head.right_edge.i + 1)]
        else:
            return []
        return self.spans.finish(pieces, verb)

    def set_apart(self, clause: Token, verb: Token) -> bool:
        """A clause before the cue that a semicolon or colon parts from it is the writer's: 'It's
        an extremely unlikely scenario; Clinton's team says she'll continue ...'."""
        if clause.i > verb.i:
            return False
        return any(t.text in (";", ":") and self.quote_of[t.i] < 0
                   for t in self.doc[clause.right_edge.i + 1 : verb.i])

    def directive(self, verb: Token) -> tuple[int, int] | None:
        """'told his advisers to figure out ...': the person told and what they are told to do."""
        obj, xcomp = _child(verb, "dobj"), _child(verb, "xcomp")
        if obj is None or xcomp is None or xcomp.i < obj.i:
            return None
        return obj.left_edge.i, xcomp.right_edge.i + 1

    def object_content(self, verb: Token) -> tuple[int, int] | None:
        """'demanded an inquiry', 'warned of a crisis': the object the stand is taken on, when it
        is a phrase of its own (not 'it', not one word) and after the verb. Not inside what
        someone else is reported to say ('underscoring that the government backs ...')."""
        if verb.dep_ == "ccomp":
            return None
        obj = _child(verb, "dobj")
        if obj is None:
            preps = self.rules.object_preps
            prep = next((c for c in verb.rights if c.dep_ == "prep" and c.lower_ in preps), None)
            obj = _child(prep, "pobj") if prep is not None else None
        if obj is None or obj.i < verb.i or obj.pos_ == "PRON" or self.quote_of[verb.i] >= 0:
            return None
        start, end = obj.left_edge.i, obj.right_edge.i + 1
        if sum(1 for t in self.doc[start:end] if t.is_alpha) < 2:
            return None
        return start, end

    def lead_in(self, start: int, end: int) -> int:
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

    def naming(self, verb: Token) -> tuple[int, int] | None:
        """'called Trump a "liar"', 'described him as ...', 'called for X': object and predicate."""
        obj = _child(verb, "dobj")
        predicates = [c for c in verb.rights
                      if c.dep_ in ("oprd", "xcomp", "ccomp")
                      or (c.dep_ == "prep" and c.lower_ in self.rules.naming_preps)]
        if obj is None:  # "called for female contestants to wear shorter dresses": what is called for
            preps = [c for c in predicates if c.dep_ == "prep" and c.lower_ == "for"]
            if not preps:
                return None
            end = preps[0].right_edge.i + 1
            then = _child(verb, "xcomp")
            if then is not None and then.left_edge.i == end:
                end = then.right_edge.i + 1
            return preps[0].i + 1, end
        if not predicates:
            return None
        end = max(c.right_edge.i for c in predicates) + 1
        for c in verb.rights:  # a second predicate parsed as an object: 'as "vile" and a "grave threat"'
            joined = end < len(self.doc) and self.doc[end].dep_ == "cc" and self.doc[end].head.i == verb.i
            if c.i >= end and c.dep_ == "dobj" and joined:
                end = c.right_edge.i + 1
        return obj.left_edge.i, end

    def content_conjuncts(self, verb: Token, clause: Token) -> list[Token]:
        """Clauses the parser hung on the cue verb that go on with the content: 'said X, but Y',
        'said X, because Y'."""
        if clause.i < verb.i:
            return []
        marks = self.rules.content_marks
        return [c for c in verb.children
                if (c.dep_ == "conj" or (c.dep_ == "advcl" and any(
                    g.dep_ in ("mark", "advmod") and g.lower_ in marks for g in c.children)))
                and c.i > clause.right_edge.i and c.lemma_.lower() not in self.rules.cue_verbs
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]

    def according(self, tok: Token) -> Found | None:
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
        after = tok.right_edge.i + 1
        while after < root.right_edge.i and self.doc[after].is_punct:
            after += 1
        # "..., according to police, who said ...": the relative clause is their own statement.
        relative = self.rules.pronouns.get(self.doc[after].lower_) == "relative"
        end = tok.right_edge.i + 1 if relative else root.right_edge.i + 1
        pieces = self.spans.finish([(root.left_edge.i, tok.left_edge.i), (tok.right_edge.i + 1, end)], tok)
        if not pieces:
            return None
        speaker = self.resolver.resolve(objects[0])
        return Found(pieces, "according to", tok.i, speaker)

    def cue_phrase(self, verb: Token) -> str:
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

    def transcript_turn(self, index: int) -> Found | None:
        """A paragraph opened by a speaker label and a colon: '"PENCE: Well, look, ...'."""
        span = self.view.paragraph_span(index)
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
        pieces = self.spans.finish([(toks[colon].i + 1, span.end)], toks[colon])
        if not pieces:
            return None
        pieces[0] = (max(pieces[0][0], toks[colon].i + 1), pieces[0][1])  # not back over the label
        speaker = self.resolver.resolve_label(self.doc[label[0].i : label[-1].i + 1])
        return Found(pieces, ":", toks[colon].i, speaker, label=True)


def _adjacent_apposition(subject: Token, verb: Token) -> Token:
    """'To understand X, Chief Justice Roberts said': a named apposition just before the verb speaks."""
    for child in subject.children:
        named = child.ent_type_ == "PERSON" and subject.ent_type_ == "PERSON"
        if child.dep_ == "appos" and named and 0 <= verb.i - child.right_edge.i <= 2 and child.i > subject.i:
            return child
    return subject


def _outside_relative(participle: Token) -> Token | None:
    """'Trump was defensive when forced to defend not paying an architect who said he was stiffed
    ..., saying, “Maybe ...”': a participle set off by a comma after a relative clause goes with
    the clause around it, whose subject speaks (the parser hangs it on the relative verb)."""
    head = participle.head
    if head.dep_ != "relcl" or participle.i == 0 or participle.nbor(-1).text != ",":
        return None
    t = head.head
    while t.head.i != t.i:
        t = t.head
        subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if t.pos_ in ("VERB", "AUX") and subject is not None:
            return subject
    return None


def _unfinished_copula(clause: Token) -> bool:
    """A 'be' whose complement the parser left after the cue that interrupts it: 'It was, X said, ...'."""
    return clause.lemma_ == "be" and all(c.dep_ in ("nsubj", "expl", "aux", "neg", "punct")
                                         for c in clause.children)


def _child(tok: Token, dep: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ == dep), None)
