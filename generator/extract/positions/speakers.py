"""Who is speaking: a cue's subject turned into an actor name or a description.

Names are resolved through the article's actors (canonical name, aliases);
pronouns ("he", "they") and definite descriptions ("the official", "the
release") are resolved to the last speaker or name that fits; "they" else to
the plural the article used ("the researchers"), "I"/"we" to the speaker of the
interview turn ("((Name)) I think ..."). A pronoun that resolves to nothing
gives no speaker (`name` None) and its position is dropped: a bare "they" or
"you" tells a reader nothing. Nothing is invented: every speaker is a name or
phrase of the text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.briefing import Actor
from generator.extract.positions.rules import PositionRules
from generator.extract.positions.speaker_record import (
    Speaker,
    clause_of,
    copy_speaker,
    fits,
    known_words,
    norm,
    proper_words,
    unresolved,
)
from generator.extract.positions.turns import InterviewTurns, by_initials
from generator.extract.text.honorifics import gender_of_title, is_abbreviated_title

NAME_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "organization", "NORP": "organization"}
ACTOR_KINDS = {"person": "person", "organization": "organization", "group": "organization",
               "country": "organization", "media": "organization"}
_NP_CUT_DEPS = {"relcl", "appos", "acl", "punct", "advcl", "parataxis"}
_DOCUMENT_CUT_DEPS = {"appos", "punct", "advcl", "parataxis"}
_DETERMINERS = {"the", "this", "that", "these", "those"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
AUTHOR = "the author"  # "I"/"we" outside quotations and interview turns: who wrote the piece
_LOOKBACK_SENTENCES = 3


class SpeakerResolver:
    """Resolve cue subjects within one article, remembering the speakers seen so far."""

    def __init__(self, doc: Doc, actors: list[Actor], rules: PositionRules,
                 quoted: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.rules = rules
        self.quoted = quoted  # tokens inside quotation marks: names there are not antecedents
        self.history: list[Speaker] = []
        self._ent_at: dict[int, Span] = {t.i: ent for ent in doc.ents for t in ent}
        self._by_name: dict[str, Actor] = {}
        self._by_token: dict[str, list[Actor]] = {}
        for actor in actors:
            for form in [actor.name, *actor.aliases]:
                key = norm(form)
                if key:
                    self._by_name.setdefault(key, actor)
                for tok in key.split():
                    if len(tok) > 2 and not is_abbreviated_title(tok):
                        self._by_token.setdefault(tok, []).append(actor)
        self._actors = actors
        self._turns = InterviewTurns(doc.text)
        self._persons = self._person_mentions(doc, actors)
        self._surname_gender = self._genders_by_title()
        self._groups = [e for e in doc.ents if e.label_ in ("ORG", "NORP", "GPE")]

    def _person_mentions(self, doc: Doc, actors: list[Actor]) -> list[Span]:
        """PERSON entities, plus names of person actors that the NER tagged otherwise."""
        persons = {e.start: e for e in doc.ents if e.label_ == "PERSON"}
        covered = {t.i for e in persons.values() for t in e}
        surnames = {norm(a.name).split()[-1] for a in actors if a.kind == "person" and norm(a.name)}
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.lower_ in surnames and tok.i not in covered:
                persons[tok.i] = Span(doc, tok.i, tok.i + 1, label="PERSON")
        return [persons[k] for k in sorted(persons)]

    # -- public -------------------------------------------------------------

    def resolve(self, tok: Token) -> Speaker:
        """Turn the subject token of a cue into a Speaker and remember it."""
        speaker = self._resolve(tok)
        speaker.start = tok.idx
        speaker.marks |= proper_words(tok)
        if speaker.name:
            self.history.append(speaker)
        return speaker

    def resolve_label(self, label: Span) -> Speaker:
        """A transcript label ("PENCE", "Chris Wallace"): the actor it names, else the label."""
        actor = self.actor_for(label.text) or by_initials(self._actors, label.text)
        if actor is not None and actor.name[:1].isalnum():  # not "― Jane Doe", the NER's span
            speaker = Speaker(actor.name, ACTOR_KINDS.get(actor.kind, "person"), head=label.root.lower_)
        else:
            speaker = Speaker(label.text, "person", head=label.root.lower_)
        speaker.start = label.start_char
        self.history.append(speaker)
        return speaker

    def remember(self, speaker: Speaker) -> None:
        """Record a speaker reused without a new mention (a continued quotation)."""
        self.history.append(speaker)

    # -- names ----------------------------------------------------------------

    def actor_for(self, text: str) -> Actor | None:
        """The actor whose name or alias is `text`, or that contains all its name tokens."""
        key = norm(text)
        if key in self._by_name:
            return self._by_name[key]
        toks = [t for t in key.split() if not is_abbreviated_title(t)]
        if not toks:
            return None
        candidates = [a for a in self._by_token.get(toks[-1], [])
                      if set(toks) <= set(norm(a.name).split()) | {
                          w for al in a.aliases for w in norm(al).split()}]
        if not candidates:
            return None
        return max(candidates, key=lambda a: (a.mentions, len(a.name)))

    def _named(self, ent: Span) -> Speaker:
        text = ent.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        text = re.sub(r"(’s|'s)$", "", text)
        actor = self.actor_for(text)
        kind = ACTOR_KINDS.get(actor.kind, NAME_LABELS[ent.label_]) if actor else NAME_LABELS[ent.label_]
        name = actor.name if actor else text
        if actor is not None and _as_written(text, actor):
            name = text
        return Speaker(name, kind, head=ent.root.lemma_.lower(), gender=self._title_gender(ent))

    def _title_gender(self, ent: Span) -> str | None:
        """'f' or 'm' when a title such as Mrs. or Mr. precedes the name, here or at another
        mention of the same surname in the article ("Mrs. Clinton" makes every "Clinton" 'f')."""
        if ent.start > 0 and (gender := gender_of_title(self.doc[ent.start - 1].lower_.rstrip("."))):
            return gender
        return self._surname_gender.get(ent[-1].lower_)

    def _genders_by_title(self) -> dict[str, str]:
        """Surname -> gender, from the person mentions with a gendered title; a surname seen with
        both ("Mr. Clinton", "Mrs. Clinton") has none."""
        seen: dict[str, set[str]] = {}
        for ent in self._persons:
            if ent.start > 0 and (gender := gender_of_title(self.doc[ent.start - 1].lower_.rstrip("."))):
                seen.setdefault(ent[-1].lower_, set()).add(gender)
        return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}

    # -- resolution -------------------------------------------------------------

    def _resolve(self, tok: Token) -> Speaker:
        lower = tok.lower_
        acronym = tok.text.isupper() and len(tok.text) > 1  # "WHO said", "US officials"
        if (tok.pos_ == "PRON" or lower in self.rules.pronouns) and not acronym:
            return self._pronoun(tok)
        ent = self._ent_at.get(tok.i)
        dateline = self._dateline_apposition(tok)
        if dateline is not None:  # "WASHINGTON — President Obama said ...": the dateline is no speaker
            return self._with_roles(self._named(dateline), tok)
        if ent is not None and ent.label_ == "NORP" and any(c.dep_ == "nummod" for c in tok.children):
            # "One Republican threatened ...": a member of the group, not the group
            plural = tok.tag_ == "NNPS"
            return Speaker(self.noun_phrase(tok), "unnamed", head=tok.lemma_.lower(), plural=plural)
        if ent is not None and ent.label_ in NAME_LABELS:
            partners = self._coordinated(tok)
            if partners:
                return partners
            return self._with_roles(self._named(ent), tok)
        for child in tok.children:
            if child.dep_ == "appos":
                ent = self._ent_at.get(child.i)
                if ent is not None and ent.label_ == "PERSON":
                    return self._with_roles(self._named(ent), tok)
        return self._description(tok)

    def _dateline_apposition(self, tok: Token) -> Span | None:
        """The name in apposition to a capitals dateline the parser made the subject."""
        if not (tok.is_upper and len(tok.text) > 2 and tok.is_sent_start):
            return None
        for child in tok.children:
            ent = self._ent_at.get(child.i)
            if child.i > tok.i and ent is not None and ent.label_ == "PERSON":
                return ent
        return None

    def _coordinated(self, tok: Token) -> Speaker | None:
        """'Mr. Grassley and Mr. Leahy': several named speakers, kept as written."""
        names = [self._ent_at[tok.i]]
        for conj in tok.conjuncts:
            ent = self._ent_at.get(conj.i)
            if ent is None or ent.label_ not in NAME_LABELS:
                return None
            names.append(ent)
        if len(names) < 2:
            return None
        names.sort(key=lambda e: e.start)
        text = ", ".join(e.text for e in names[:-1]) + " and " + names[-1].text
        kinds = {NAME_LABELS[e.label_] for e in names}
        kind = kinds.pop() if len(kinds) == 1 else "organization"
        return Speaker(text, kind, head=tok.lemma_.lower(), plural=True)

    def _with_roles(self, speaker: Speaker, tok: Token) -> Speaker:
        """Note the role nouns around a name ("coalition spokesman"), for later 'the spokesman'."""
        for t in tok.subtree:
            role = self.rules.role_of(t.lemma_) or self.rules.role_of(t.text)
            if role is not None:
                speaker.roles.add(role)
        return speaker

    def _description(self, tok: Token) -> Speaker:
        """A common-noun subject: a back-reference, a document or a description kept as written."""
        text = self.noun_phrase(tok)
        head = tok.lemma_.lower()
        first = text.split()[0].lower() if text else ""
        plural = tok.tag_ in ("NNS", "NNPS")
        if head in self.rules.document_nouns:
            kind = "document"
        elif head in self.rules.organization_nouns:
            kind = "organization"
        else:
            kind = "unnamed"
        if first in _DETERMINERS:
            earlier = self._refers_back(head, tok.idx, proper_words(tok))
            if earlier is None and len(text.split()) == 2 and not plural:  # "the president", nothing more
                earlier = self._titled(head)
            if earlier is not None:
                return earlier
        if kind == "document" and tok.dep_ == "dobj":
            issuer = self._issuer(tok)
            if issuer is not None:
                return issuer
        return Speaker(text or tok.text, kind, head=head, plural=plural)

    def _issuer(self, document: Token) -> Speaker | None:
        """'The Vatican released a statement which said ...': the statement speaks for the named
        subject that issued it."""
        subject = next((c for c in document.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i in self.quoted:
            return None
        issuer = self._resolve(subject)
        return issuer if issuer.name and issuer.kind != "document" else None

    def _refers_back(self, head: str, before: int, marks: set[str]) -> Speaker | None:
        """'the official' -> the last speaker described as an official; 'the release' -> its issuer.
        A description with proper words refers only to a speaker mentioned with them: "the Trump
        campaign" is not the Clinton campaign, "the Republican nominee" not the Democratic one."""
        for speaker in reversed(self.history):
            if speaker.start >= before:
                continue
            if (head == speaker.head or head in speaker.roles) and marks <= known_words(speaker):
                return copy_speaker(speaker)
        if head in self.rules.issued_documents:
            for speaker in reversed(self.history):
                if speaker.kind == "organization" and speaker.start < before:
                    return copy_speaker(speaker)
        return None

    def _titled(self, head: str) -> Speaker | None:
        """'the president' with no earlier speaker so described: the one person of the article
        whose title or role is that word (President Obama); None when several or none are."""
        if head not in self.rules.roles:
            return None
        matches = [a for a in self._actors if a.kind == "person"
                   and head in {self.rules.role_of(w) for w in f"{a.title or ''} {a.role or ''}".split()}]
        if len(matches) != 1:
            return None
        return Speaker(matches[0].name, "person", head=head, roles={head})

    def _pronoun(self, tok: Token) -> Speaker:
        lower = tok.lower_
        kind = self.rules.pronouns.get(lower)
        found: Speaker | None = None
        if kind == "relative":
            if tok.head.dep_ == "relcl":
                return self._resolve(tok.head.head)
            antecedent = self._antecedent(tok)  # "according to police, who said ..."
            return self._resolve(antecedent) if antecedent is not None else unresolved()
        if kind is None:  # "some say", "all agreed", "others believe": as written
            return Speaker(tok.text, "unnamed", head=lower, plural=True)
        if kind == "first":
            if self._turns.label(tok.idx) is not None:
                found = self._turn_speaker(tok)
            else:  # an op-ed's "I believe": the writer's own position
                found = Speaker(AUTHOR, "person", head="author")
        elif kind == "person":
            gender = {"Masc": "m", "Fem": "f"}.get((tok.morph.get("Gender", []) or [""])[0])
            found = self._last_person(tok.idx, gender)
        elif kind in ("group", "thing"):
            found = self._last_group(tok.idx, kind) or self._last_subject(tok, kind)
        return found if found is not None else unresolved()

    def _antecedent(self, tok: Token) -> Token | None:
        """The noun a relative pronoun follows when the parse did not attach it ('CNN who ...')."""
        i = tok.i - 1
        while i >= tok.sent.start and self.doc[i].is_punct:
            i -= 1
        if i < tok.sent.start or self.doc[i].pos_ not in ("NOUN", "PROPN"):
            return None
        return self.doc[i]

    def _last_subject(self, tok: Token, kind: str) -> Speaker | None:
        """'they'/'it' with no earlier speaker: the group named, or the plural ('The researchers
        observed ... and they found') or organisation noun, that was the subject of a sentence
        just before; a description as the article wrote it."""
        sentence = tok.sent
        for _ in range(_LOOKBACK_SENTENCES - 1):
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        for i in range(tok.i - 1, sentence.start - 1, -1):
            cand = self.doc[i]
            if cand.dep_ not in _SUBJECT_DEPS or cand.i in self.quoted or cand.pos_ == "PRON":
                continue
            ent = self._ent_at.get(i)
            if ent is not None and ent.label_ in ("ORG", "NORP"):
                return self._named(ent)
            plural = cand.tag_ in ("NNS", "NNPS")
            head = cand.lemma_.lower()
            if kind == "group" and plural and cand.pos_ == "NOUN":
                return Speaker(self.noun_phrase(cand), "unnamed", head=head, plural=True)
            organization = head in self.rules.organization_nouns
            issuer = organization or head in self.rules.document_nouns  # "A new poll ... It shows"
            if kind == "thing" and cand.pos_ == "NOUN" and not plural and issuer:
                kind_of = "organization" if organization else "document"
                return Speaker(self.noun_phrase(cand), kind_of, head=head)
        return None

    def _turn_speaker(self, tok: Token) -> Speaker | None:
        """'I'/'we' in an interview: the person whose turn it is, named by the turn's label
        ("((Dorsa Derakhshani))", "NG:" for Natasha Gownaris); None outside a turn, or in the
        interviewer's ("((WN))")."""
        label = self._turns.label(tok.idx)
        if label is None:
            return None
        actor = self.actor_for(label) or by_initials(self._actors, label)
        if actor is not None:
            return Speaker(actor.name, ACTOR_KINDS.get(actor.kind, "person"), head=label.lower())
        if len(label.split()) >= 2:
            return Speaker(label, "person", head=label.lower())
        return None

    def _last_person(self, before: int, gender: str | None) -> Speaker | None:
        """The last person speaker or person named as a subject before `before`."""
        best: Speaker | None = None
        for speaker in self.history:
            if speaker.start < before and speaker.kind == "person" and fits(speaker, gender):
                best = speaker
        for ent in self._persons:
            if ent.start_char >= before:
                break
            if (best is not None and ent.start_char <= best.start) or ent.root.i in self.quoted:
                continue
            if _main_subject(ent):
                candidate = self._named(ent)
                if fits(candidate, gender):
                    candidate.start = ent.start_char
                    best = candidate
        if best is None:
            named = [sp for sp in self.history if sp.start < before and sp.kind != "document"
                     and not sp.plural and sp.name and sp.name[:1].isupper()]
            if named:
                return copy_speaker(named[-1])
            earlier = [e for e in self._persons if e.start_char < before and e.root.i not in self.quoted]
            if earlier:
                best = self._named(earlier[-1])
                best.start = earlier[-1].start_char
        return copy_speaker(best) if best is not None else None

    def _last_group(self, before: int, kind: str) -> Speaker | None:
        """The last organisation (or, for 'it', document) speaker before `before`."""
        wanted = {"organization"} | ({"document"} if kind == "thing" else set())
        for speaker in reversed(self.history):
            if speaker.start < before and speaker.kind in wanted and (kind == "thing" or speaker.plural
                                                                        or speaker.kind == "organization"):
                return copy_speaker(speaker)
        return None

    def _in_cue_clause(self, t: Token, head: Token) -> bool:
        """'a statement which said ...': the relative clause that reports is the cue, not the name."""
        clause = clause_of(t, head)
        return clause.dep_ == "relcl" and clause.lemma_.lower() in self.rules.cue_verbs

    def noun_phrase(self, tok: Token) -> str:
        """The subject phrase as written, up to its first comma or apposition: a document keeps
        the clause that identifies it ("research conducted by the Center for Media and Public
        Affairs", "a 2014 study that appeared in the British Medical Journal"), a person or group
        description stops before its relative clauses ("the official who ...")."""
        document = tok.lemma_.lower() in self.rules.document_nouns
        cut = _DOCUMENT_CUT_DEPS if document else _NP_CUT_DEPS
        end = tok.i
        for t in tok.subtree:
            if t.i > tok.i:
                if _cut_here(t, tok, cut) or self._in_cue_clause(t, tok):
                    break
                end = t.i
        start = max(tok.left_edge.i, tok.i - 6)
        while start < tok.i and self.doc[start].dep_ == "punct":
            start += 1
        return self.doc[start : min(end, tok.i + (14 if document else 8)) + 1].text.strip()


def _cut_here(t: Token, head: Token, cut: set[str]) -> bool:
    """Stop the phrase at the first comma, relative clause or apposition after the head."""
    chain = t
    while chain.head.i != head.i and chain.head.i != chain.i:
        chain = chain.head
    return t.dep_ == "punct" or chain.dep_ in cut


def _as_written(text: str, actor: Actor) -> bool:
    """Keep an alias as the article wrote it when it is an acronym ("the IMF" for the International
    Monetary Fund) or the plural of a group ("Republicans" for the group "Republican"): the
    speaker still links to the actor through the alias."""
    key = norm(text)
    if key == norm(actor.name) or key not in {norm(alias) for alias in actor.aliases}:
        return False
    acronym = text.replace(".", "").isupper() and len(text) <= 8 and " " not in text
    return acronym or (actor.kind == "group" and key.startswith(norm(actor.name)))


def _main_subject(ent: Span) -> bool:
    """The name is the subject of its sentence's main clause (or the possessor of it: "Trump's
    campaign said"), the mention a following "he"/"she" most likely refers to; not the subject of
    a clause inside it ("... why he had issues and Clinton did not", "says Trump's meltdown is")."""
    tok = ent.root
    if tok.dep_ not in ("nsubj", "nsubjpass"):  # or in apposition to it: "the senator, Lindsey Graham,"
        if tok.dep_ not in ("poss", "appos") or tok.head.dep_ not in ("nsubj", "nsubjpass"):
            return False
        tok = tok.head
    verb = tok.head
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i < verb.head.i:
        return True  # 'X scolded him: “...,” she said': the clause the parser hung on "said"
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
