"""Actors: people, organisations, groups, media and countries named in the article.

spaCy's entities are the base (with the `actor_ruler` patterns of nlp.py in front of the
model).  The rules here then
- read titles and roles from the words around a person's name (titles),
- keep nationality words apart from countries: "Americans" is a group, "the Iraqi
  government" an organisation, a bare adjective ("Iraqi officials") no actor,
- add acronyms in capitals ("OIR") and newspaper/agency kinds (data/media.txt),
- read sports results tables and skip ALL-CAPS headlines and datelines (layout),
- merge all the names of one actor within the article (merge).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from generator.briefing import Actor
from generator.extract.actors.caps_lines import add_caps_lines
from generator.extract.actors.kinds import (
    ends_with_team_word,
    has_org_word,
    is_given_name,
    is_people_noun,
    names_a_body,
    names_no_actor,
    role_says_no_person,
    starts_with_given_name,
    storm_names,
)
from generator.extract.actors.layout import (
    Layout,
    digest_titles,
    read_layout,
    result_chunks,
    table_chunks,
)
from generator.extract.actors.mentions import (
    Mention,
    clean_text,
    looks_like_name,
    sentence_of,
    trim_lowercase_tail,
    trim_span,
)
from generator.extract.actors.merge import build_actors, initials, is_acronym, resolve_keys
from generator.extract.actors.places import is_demonym, is_place_list, is_place_name, is_team_word
from generator.extract.actors.shapes import (
    building_key,
    common_acronyms,
    given_name_parts,
    has_contraction,
    is_lone_given_name,
    is_modifier,
    is_thing_after_article,
    joined_entities,
)
from generator.extract.actors.titles import person_name, title_words
from generator.extract.actors.words import (
    alias_groups,
    countries,
    institutions,
    media,
    newswire,
    norm,
    not_actors,
)

_KINDS = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
_ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
_PLACE_PREPS = frozenset({"in", "at", "near", "of", "outside", "around", "across"})
_ROMAN = frozenset(["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"])


def extract_actors(doc: Doc) -> list[Actor]:
    """Return one Actor per entity named in `doc`, in order of first mention."""
    return [actor for actor, _ in find_actors(doc)]


def find_actors(doc: Doc) -> list[tuple[Actor, list[Mention]]]:
    """Each actor named in `doc` with the mentions that name it, in order of first mention."""
    layout = read_layout(doc)
    finder = _Finder(doc, layout)
    finder.find()
    resolve_keys(finder.mentions, finder.defined)
    return build_actors(finder.mentions, finder.fixed)


class _Finder:
    """Collects the mentions of one document; each rule is one method."""

    def __init__(self, doc: Doc, layout: Layout) -> None:
        self.doc = doc
        self.layout = layout
        self.mentions: list[Mention] = []
        self.defined: dict[str, str] = {}  # acronym key -> key of its expansion
        self.fixed: dict[str, str] = {}  # key -> canonical name (countries)
        self.taken = [False] * len(doc)
        self.lower_words = {t.lower_ for t in doc if t.is_lower}
        self.storms = storm_names(doc)
        self.things = common_acronyms(doc)  # "exclusive economic zone (EEZ)": "EEZ", "the EEZ of Cyprus"
        self.suppressed = set(self.things)  # keys that name no actor anywhere in the article

    def find(self) -> None:
        """Run the rules, most reliable first; a token belongs to at most one mention."""
        for start, end in table_chunks(self.doc, self.layout) + result_chunks(self.doc, self.layout):
            self._add_chunk(start, end)
        for start, end in digest_titles(self.doc, self.layout):
            self._add(self.doc[start:end], "media")
        joined = {
            (part.start, part.end): whole for *parts, whole in joined_entities(self.doc) for part in parts
        }
        for ent in self.doc.ents:
            if self.layout.unreliable(ent.start):
                continue
            whole = joined.get((ent.start, ent.end))
            if whole is None:
                self._add_entity(ent)
            elif whole.start == ent.start:
                self._add_entity(Span(self.doc, whole.start, whole.end, label="ORG"))
        self._add_acronyms()
        add_caps_lines(self.doc, self.layout, self.mentions, self.lower_words, self._add)
        self.mentions = [m for m in self.mentions if not self._suppressed(m)]

    def _suppressed(self, mention: Mention) -> bool:
        key = norm(mention.text)
        return mention.key in self.suppressed or key in self.suppressed or key.split()[0] in self.things

    # -- adding -----------------------------------------------------------------------------

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def _add(self, span: Span, kind: str, **extra: Any) -> Mention | None:
        """Record `span` as a mention of `kind`, keyed through the country and alias tables."""
        text = clean_text(span)
        if not text or not self._free(span.start, span.end):
            return None
        mention = Mention(
            text=text,
            kind=kind,
            start=span.start,
            end=span.end,
            sentence=sentence_of(self.doc, span.start),
            **extra,
        )
        country = countries().get(mention.key)
        if country and kind in ("country", "organization", "other"):
            mention.kind = "country"
            mention.key = "country:" + norm(country)
            self.fixed[mention.key] = country
        elif mention.key in alias_groups():
            mention.key = "alias:" + norm(alias_groups()[mention.key])
            if mention.kind not in ("organization", "group"):
                mention.kind = "organization"
        for i in range(span.start, span.end):
            self.taken[i] = True
        self.mentions.append(mention)
        return mention

    def _add_chunk(self, start: int, end: int) -> None:
        """A name from a results table: a person by its entity label or initial, else a team."""
        span = self.doc[start:end]
        label = next((t.ent_type_ for t in span if t.ent_type_), "")
        score = end < len(self.doc) and self.doc[end].like_num  # "Greenock Morton 1"
        text = span.text
        if has_org_word(text) or ends_with_team_word(text):
            kind = "organization"
        elif (
            (label == "PERSON" and not score)
            or span[0].text[1:2] == "."
            or self.layout.sport == "individual"
            or self._shirt_number_before(start)
            or starts_with_given_name(text)
        ):
            kind = "person"
        else:
            kind = "organization"
        self._add(span, kind)

    def _shirt_number_before(self, start: int) -> bool:
        """A lineup: "1 - Bernard Lama; 2 - Lilian Thuram (14 - Sabri Lamouchi 87th)"."""
        doc = self.doc
        return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].like_num

    def _add_entity(self, ent: Span) -> None:
        kind = _KINDS.get(ent.label_)
        if not kind:
            return
        if kind == "group":
            self._add_nationality(ent)
            return
        span = trim_span(ent)
        if span is None or self._names_no_actor(span, kind):
            return
        if kind == "organization" and not self.layout.sport and self._add_given_names(span):
            return
        if kind == "person" and len(span) == 1 and is_modifier(span) and is_demonym(span.text):
            return  # "10:00 a.m. Tongan time"
        if kind == "person":
            if not has_org_word(span.text):
                self._add_person(span)
                return
            kind = "organization"  # "Gold Fields of South Africa Ltd"
        span = trim_lowercase_tail(span) if span is not None else None
        if span is None:
            return
        text = clean_text(span)
        key = norm(text)
        if not looks_like_name(text) or key in not_actors():
            return
        if (kind == "country" and key not in countries() and key not in alias_groups()) or (
            kind == "organization" and is_place_list(span, self.layout.sport)
        ):
            self._add_place(ent)  # other places are actors only when they act: "a meet on Crete"
            return
        if len(span) == 1 and (key in self.lower_words or key in newswire()["labels"]) and not text.isupper():
            return  # a common word with a capital: "Stadium", "Winner"
        if kind == "organization" and self._is_media(span, key):
            kind = "media"
        elif kind == "organization" and self._add_titled_person(span):
            return
        mention = self._add(span, kind)
        if mention:
            self._note_definition(span, mention)

    def _names_no_actor(self, span: Span, kind: str) -> bool:
        """A contraction ("I‘m"), a storm, an event, a street, a building or a product; its words
        then give no acronym either ("U.S.S. Grayback")."""
        if self._no_actor(span, kind):
            for i in range(span.start, span.end):
                self.taken[i] = True
            return True
        return False

    def _no_actor(self, span: Span, kind: str) -> bool:
        """A contraction ("I‘m"), a storm, an event, a street, a building or a product."""
        if has_contraction(span.text):
            return True
        cut = next((t.i for t in span if t.lower_ == "in" and t.i > span.start), span.end)
        name = self.doc[span.start : cut]  # "Cahors Cathedral in Cahors": the cathedral
        if names_no_actor(name) or norm(span.text) in self.storms:
            building = building_key(name) if not self.layout.sport else None
            if building:
                self.suppressed.add(building)  # "Hagia Sophia Museum": a lone "Hagia Sophia" too
            return True
        return kind in ("person", "organization") and is_thing_after_article(span)

    def _add_given_names(self, span: Span) -> bool:
        """An organisation-labelled given name or list of them: "Nadine", "Deirdre, Wyatt & Zach"."""
        parts = given_name_parts(span) or ([span] if is_lone_given_name(span) else [])
        for part in parts:
            self._add_person(part)
        return bool(parts)

    def _add_titled_person(self, span: Span) -> bool:
        """An organisation-labelled span that names a person: "Deputy Secretary of State Tony
        Blinken", "U.S. Secretary of State Kerry", "Mr Alzoubi", "Ruben Sierra", "Minister for
        the Middle East Tobias Ellwood", or an office ("US Secretary of State")."""
        doc = self.doc
        heads, modifiers = title_words()
        if has_org_word(span.text) and not any(t.lower_.rstrip(".") in heads for t in span):
            return False
        if self._title_of_next_name(span):
            return True  # "Interior" of "Interior Minister Joachim Brudziński"
        for i in range(span.start, span.end):
            if doc[i].lower_.rstrip(".") not in heads | modifiers or not doc[i].text[:1].isupper():
                continue
            name = person_name(doc, i, span.end)
            if name is None:
                last = doc[span.end - 1].lower_.rstrip(".")
                office = last in heads | modifiers or any(t.is_lower for t in span)
                if office and not names_a_body(span.text):
                    return self._add(span, "person") is not None  # the office: "US Secretary of State"
                break
            if name.title and not has_org_word(doc[name.start : name.end].text):
                self._add_person(doc[i : span.end])
                return True
            break
        if starts_with_given_name(span.text) or (self.layout.sport == "individual" and len(span) >= 2):
            self._add_person(span)
            return True
        for i in range(span.start + 1, span.end - 1):  # "... Middle East Tobias Ellwood"
            tail = doc[i : span.end]
            if is_given_name(doc[i].text) and starts_with_given_name(tail.text) and len(tail) <= 3:
                self._add_person(tail)
                return True
        return False

    def _title_of_next_name(self, span: Span) -> bool:
        """Title words, the person's name right after them: "Interior [Minister] Joachim Brudziński",
        "Roman Catholic Bishop Emeritus Dinualdo Gutierrez"."""
        heads, modifiers = title_words()
        words = heads | modifiers
        if not any(t.lower_.rstrip(".") in words for t in span):
            return False
        i = span.end
        while i < len(self.doc) and self.doc[i].lower_.rstrip(".") in words and not self.doc[i].ent_type_:
            i += 1
        only_titles = all(t.lower_.rstrip(".") in words for t in span)
        return (only_titles or i > span.end) and i < len(self.doc) and self.doc[i].ent_type_ == "PERSON"

    def _add_person(self, span: Span) -> None:
        if self._add_phrase(span, possessive=True):
            # "the Assad regime" is an organisation, and its name still names the man
            for i in range(span.start, span.end):
                self.taken[i] = False
        name = person_name(self.doc, span.start, span.end)
        if name is None:
            return
        person = self.doc[name.start : name.end]
        text = clean_text(person)
        if role_says_no_person(name.role):
            self.suppressed.add(norm(text))  # "Hagia Sophia, formerly a church": everywhere
            return
        if not looks_like_name(text) or norm(text) in not_actors():
            return
        if len(person) == 1 and person.start == person[0].sent.start and norm(text) in self.lower_words:
            return  # "Escape rooms see participants locked in": a common word opening the sentence
        if name.title and norm(text) in countries():
            return  # "Captain America", "Mister America": a character or a work, not a person
        if self._is_media(person, norm(text)):
            self._add(person, "media")
            return
        if self.layout.sport == "team" and len(person) == 1 and is_team_word(person):
            self._add(person, "organization")  # "Surrey", "the Brewers"
            return
        if len(person) == 1 and not name.title and is_place_name(person, self.layout.sport):
            self._add_place(person)  # "Bermuda": a place, an actor only when it acts
            return
        titled = self.doc[name.title_start : name.end].text if name.title else None
        self._add(person, "person", title=name.title, role=name.role, titled=titled)

    def _add_nationality(self, ent: Span) -> None:
        """ "the Iraqi government" -> organisation, "Syrian refugees" -> group, "the Iraqis" ->
        group; a bare adjective ("a Ukrainian journalist", "British") names no actor."""
        if self._add_phrase(ent, office=True) or norm(ent.text) in not_actors():
            return
        span = trim_span(ent)
        if span is None or names_no_actor(span):
            return
        if is_modifier(span) or (len(span) == 1 and span[0].tag_ == "JJ" and span[0].dep_ == "acomp"):
            return  # an adjective: its noun, if an actor, is found by _add_phrase
        if looks_like_name(span.text):
            mention = self._add(span, "group")
            if mention and span.root.tag_ in ("NNPS", "NNS") and mention.key.endswith("s"):
                mention.key = mention.key[:-1]  # "Iraqis" and "Iraqi" are one group

    def _add_place(self, ent: Span) -> None:
        """A place that acts: "the Kurdistan regional government", "Peshmerga" as subject or partner."""
        if self._add_phrase(ent):
            return
        root = ent.root
        acting = root.dep_ in _ACTING_DEPS or (
            root.dep_ == "conj" and root.head.ent_type_ in ("ORG", "PERSON", "NORP")
        )
        if self.layout.sport and not (root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS):
            acting = (
                True  # in sports copy, towns and states are mostly teams: "Sunderland forward Niall Quinn"
            )
        span = trim_span(ent)
        if acting and span is not None and looks_like_name(clean_text(span)):
            # in tennis or golf copy a "place" that acts is a player: "Washington fell short"
            self._add(span, "person" if self.layout.sport == "individual" else "organization")

    def _add_phrase(self, ent: Span, possessive: bool = False, office: bool = False) -> bool:
        """Add "<name> <modifiers> <head noun>" when the head makes the phrase an actor (institutions.txt).

        With `possessive`, a person's name only ("Assad's regime") and only an organisation noun;
        with `office`, a nationality before a title is the person holding it ("the Iraqi Foreign
        Minister", "a senior Iraqi general")."""
        root = ent.root
        head = root.head
        deps = ("compound", "poss") if possessive else ("amod", "compound", "nmod")
        if root.dep_ not in deps or not (ent.end <= head.i <= ent.end + 3):
            return False
        if head.pos_ != "NOUN" or any(t.is_punct for t in self.doc[ent.end : head.i]):
            return False  # not across a quote: 'Tu-95 "Bear" bombers'
        kind = institutions().get(head.lower_)
        if office and not kind and head.lower_ in title_words()[0]:
            kind = "person"
        if possessive:
            if kind != "organization" or (head.tag_ == "NNS" and head.lower_ != "forces"):
                return False  # "the Assad regime", "Assad forces"; not "Trump officials"
        elif not kind and head.tag_ == "NNS" and is_people_noun(head.lemma_):
            kind = "group"  # "Syrian refugees"; not "Turkish waters", "army deployments"
        if not kind:
            return False
        if kind == "person" and self._names_follow(head.i + 1):
            return True  # "Egyptian foreign minister Sameh Shoukry": the office is his title
        return self._add(self.doc[ent.start : head.i + 1], kind) is not None

    def _names_follow(self, i: int) -> bool:
        """A name right after the office, no comma between ("the Iraqi Foreign Minister, Ibrahim
        al-Jaafari" keeps the office apart)."""
        return i < len(self.doc) and self.doc[i].ent_type_ == "PERSON"

    def _is_media(self, span: Span, key: str) -> bool:
        """A newspaper, agency or broadcaster, by its name or by the noun before it."""
        words, names, nouns = media()
        if key in names or any(key == w or key.endswith(" " + w) for w in words):
            return True
        return span.start > 0 and self.doc[span.start - 1].lower_ in nouns

    def _note_definition(self, span: Span, mention: Mention) -> None:
        """ "Operation Inherent Resolve (OIR)": the acronym in brackets names the same actor."""
        doc = self.doc
        if span.end + 2 < len(doc) and doc[span.end].text == "(" and doc[span.end + 2].text == ")":
            acronym = doc[span.end + 1].text
            if is_acronym(acronym) and initials(mention.text)[:1] == acronym[:1]:
                self.defined[norm(acronym)] = mention.key

    def _add_acronyms(self) -> None:
        """Capitalised abbreviations the model left untagged ("OIR", "KDP") are organisations."""
        for token in self.doc:
            text = token.text
            if (
                self.taken[token.i]
                or not is_acronym(text)
                or text in _ROMAN
                or self.layout.unreliable(token.i)
            ):
                continue
            if norm(text) in not_actors() or norm(text) in self.lower_words or self._in_caps_run(token.i):
                continue
            if token.ent_type_ in ("DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"):
                continue
            kind = "media" if self._is_media(self.doc[token.i : token.i + 1], norm(text)) else "organization"
            self._add(self.doc[token.i : token.i + 1], kind)

    def _in_caps_run(self, i: int) -> bool:
        """An upper-case word next to another, or before a colon, is emphasis or a label ("PRESS DIGEST")."""
        doc = self.doc
        if i + 1 < len(doc) and doc[i + 1].text == ":":
            return True
        neighbours = (doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc))
        return any(t.is_upper and t.is_alpha and len(t) > 1 and not t.ent_type_ for t in neighbours)
