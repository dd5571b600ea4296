"""What a name's words and the words around it say about its kind (data/kinds.txt).

- "Gold Fields of South Africa Ltd" holds an organisation word: an organisation, even when
  the model said person; "Ruben Sierra" starts with a given name: a person, even when it
  said organisation (given names: the name lexicon of the `gender-guesser` package).
- "Hurricane Humberto", "Karl Marx Avenue", "the Euro 96 Championship" name a storm, a
  street and an event: no actor at all; nor does "Hagia Sophia, formerly a Greek Orthodox
  church" (its apposition is a building) or "Brexit".
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from generator.extract.actors.words import DATA, norm
from generator.extract.text.wordlists import word_sections

# "M  Laurent      867    5   ": gender code, name, then one frequency digit (1-9, A-D) a country
_NAME_LINE = re.compile(r"^([MF1?]+)\s+(\S+)\s(.*)$")
_FREQUENCY = "123456789ABCD"
_MIN_FREQUENCY = 2  # names seen once somewhere ("Royal", "York", "Johnson") are mostly other words
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})
_ROLE_PREPS = frozenset({"of", "for", "at", "with", "to", "in", "from"})


@lru_cache(maxsize=1)
def kind_words() -> dict[str, frozenset[str]]:
    """Sections of data/kinds.txt as sets of keys (`norm` of each line)."""
    sections = word_sections(DATA / "kinds.txt")
    return {section: frozenset(norm(w) for w in words) for section, words in sections.items()}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names of many countries ("laurent", "tobias", "jamal")."""
    try:
        path = resources.files("gender_guesser") / "data" / "nam_dict.txt"
        lines = path.read_text(encoding="utf-8").splitlines()
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a declared dependency
        return frozenset()
    names = set()
    for line in lines:
        match = _NAME_LINE.match(line)
        if not match:
            continue
        strength = max((_FREQUENCY.find(c) + 1 for c in match.group(3)), default=0)
        if strength >= _MIN_FREQUENCY:
            names.add(match.group(2).replace("+", " ").lower())
    return frozenset(names - kind_words()["not_given_names"])


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", norm(text)) if w]


def has_org_word(text: str) -> bool:
    """ "Apic Yamada Corp", "Manchester United", "Jaish al-Mahdi": an organisation's name."""
    org = kind_words()["org_words"]
    return "&" in text or any(w in org for w in _words(text))


def names_a_body(text: str) -> bool:
    """ "International Court of Justice", "Council of State": a body, not the office of its last word."""
    return any(w in kind_words()["body_words"] for w in _words(text))


def ends_with_team_word(text: str) -> bool:
    words = _words(text)
    return bool(words) and words[-1] in kind_words()["team_words"]


def starts_with_given_name(text: str) -> bool:
    """ "Laurent Cabannes": two or three capitalised words, the first a given name, no
    organisation word."""
    words = text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words if w.isalpha()):
        return False
    if words[0].isupper() or any(w in _ROMAN for w in words[:-1]):
        return False  # "NATO Mission Iraq", "Willem II Tilburg"
    keys = _words(text)
    if any(w in kind_words()["place_words"] or w in kind_words()["event_words"] for w in keys):
        return False  # "Ross Street Community Centre"
    return words[0].lower() in given_names() and not has_org_word(text)


def is_given_name(word: str) -> bool:
    return word.lower() in given_names()


def names_no_actor(span: Span) -> bool:
    """A storm, event, street, building or listed non-actor name ("Hurricane Humberto",
    "Karl Marx Avenue", "the Hong Kong Sevens Festival", "Brexit")."""
    words = kind_words()
    doc = span.doc
    key = norm(span.text)
    if key in words["not_actor_names"]:
        return True
    keys = _words(span.text) or [""]
    if keys[-1] in words["place_words"] or keys[-1] in words["event_words"]:
        return True
    if len(keys) >= 3 and keys[-1] in words["holiday_words"]:
        return True  # "Martin Luther King Jr. Day"
    if keys[0] in words["place_first_words"]:
        return True  # "Masjid Al-Aqsa", "Mount Sinai", "the Rue des Soubirous"
    if keys[0] in words["event_cues"] and len(keys) > 1:
        return True  # "Tropical Storm Humberto"
    return span.start > 0 and doc[span.start - 1].lower_ in words["event_cues"]


def storm_names(doc: Doc) -> frozenset[str]:
    """Keys of the names that follow a storm word anywhere in the article: after "Hurricane
    Humberto", a lone "Humberto" is the storm too."""
    cues = kind_words()["event_cues"]
    return frozenset(
        norm(doc[i + 1].text)
        for i, token in enumerate(doc[:-1])
        if token.lower_ in cues and doc[i + 1].is_title and doc[i + 1].lower_ not in cues
    )


_PEOPLE_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "ite", "man", "ese")


def is_people_noun(lemma: str) -> bool:
    """ "refugee", "fighter", "troop": a noun that names people ("Syrian refugees" is a group);
    not "water", "deployment", "concern" ("Turkish waters" is no actor)."""
    words = kind_words()
    lemma = lemma.lower()
    if lemma in words["group_nouns"]:
        return True
    if lemma in words["not_group_nouns"] or lemma.endswith("ment"):
        return False
    return lemma.endswith(_PEOPLE_ENDINGS)


def role_says_no_person(role: str | None) -> bool:
    """ "formerly a Greek Orthodox church", "deal": the role of a building or a thing."""
    if not role:
        return False
    words = _words(role)
    cut = next((i for i, w in enumerate(words) if w in _ROLE_PREPS), len(words))
    head = words[:cut][-1:]  # "president of the company": the head is "president"
    return bool(head) and head[0] in kind_words()["not_person_roles"]
