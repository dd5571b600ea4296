"""What the shape of a name, or its place in the sentence, says before its kind is read.

- "I‘m", "you’ve": a contraction the tokenizer left whole is no name;
- "the plane, a Beechcraft Sierra": a name after "a"/"an" that heads its noun phrase is a
  thing (an aircraft, a car model), not the company;
- "exclusive economic zone (EEZ)": an acronym defined for lower-case words names a thing;
- "four daughters, Nadine, Ashley": a lone given name is a person, "Deirdre, Wyatt & Zach"
  three of them, whatever label the model gave;
- "the Baylor Scott" + "and White Medical Center": one name the model cut in two;
- "Hagia Sophia Museum": the words before a building word name the building too.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.kinds import has_org_word, is_given_name, kind_words
from generator.extract.actors.merge import initials
from generator.extract.actors.words import alias_groups, countries, norm

_CONTRACTION = re.compile(r"\w['’‘](m|re|ve|ll|d)$|n['’‘]t$", re.IGNORECASE)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_LIST_WORDS = frozenset({",", "&", "and"})
_MAX_GAP = 4


def has_contraction(text: str) -> bool:
    """ "I‘m", "We’ve", "don't": a pronoun or verb with its clitic, never a name."""
    return any(_CONTRACTION.search(word) for word in text.split())


def is_thing_after_article(span: Span) -> bool:
    """ "a Beechcraft Sierra", "an Airbus A320": the indefinite article makes the name a thing.
    Not "a Reuters reporter" (the name only modifies the noun)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("a", "an"):
        return False
    return span.root.dep_ not in _MODIFIER_DEPS and not has_org_word(span.text)


def common_acronyms(doc: Doc) -> frozenset[str]:
    """Keys of acronyms defined in brackets for lower-case words: "exclusive economic zone (EEZ)"."""
    found = set()
    for token in doc[2:-1]:
        i = token.i
        text = token.text
        if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not text.isupper() or len(text) < 2:
            continue
        before = doc[max(0, i - 1 - len(text)) : i - 1]
        if len(before) == len(text) and all(t.is_lower for t in before) and initials(before.text) == text:
            found.add(norm(text))
    return frozenset(found)


def given_name_parts(span: Span) -> list[Span]:
    """The names of a list of given names ("Deirdre, Wyatt & Zach"), or [] when it is no such list."""
    parts: list[Span] = []
    start = span.start
    for i in range(span.start, span.end + 1):
        if i == span.end or span.doc[i].text.lower() in _LIST_WORDS:
            if i > start:
                parts.append(span.doc[start:i])
            start = i + 1
    given = sum(is_given_name(p[0].text) for p in parts)
    if (
        len(parts) < 2
        or given < max(2, len(parts) - 1)
        or any(len(p) > 2 or not p[0].is_title for p in parts)
    ):
        return []
    return parts


def is_lone_given_name(span: Span) -> bool:
    """ "Nadine": one capitalised word that is a given name, no country, acronym or organisation word."""
    text = span.text
    return (
        len(span) == 1
        and text[:1].isupper()
        and not text.isupper()
        and is_given_name(text)
        and norm(text) not in countries()
        and norm(text) not in alias_groups()
        and not has_org_word(text)
    )


def _ends_with_head(text: str) -> bool:
    words = kind_words()
    last = norm(text).split()[-1:] or [""]
    return last[0] in words["org_words"] or last[0] in words["place_words"]


def joined_entities(doc: Doc) -> list[tuple[Span, Span, Span]]:
    """(first, second, whole) for organisation names the model cut at "and": "the Baylor Scott"
    + "and" + "White Medical Center".  The first part has no head word of its own, is named
    nowhere else and is no known actor; the second ends with an organisation or building word."""
    ents = [e for e in doc.ents if e.label_ in ("ORG", "FAC")]
    texts = [norm(e.text.rstrip(", ")) for e in doc.ents]
    found = []
    for first, second in itertools.pairwise(ents):
        gap = doc[first.end : second.start]
        if first.label_ != "ORG" or len(gap) > _MAX_GAP or "and" not in [t.lower_ for t in gap]:
            continue
        if not all(t.lower_ in _LIST_WORDS or t.is_title for t in gap):
            continue
        key = norm(first.text.rstrip(", "))
        if _ends_with_head(first.text) or key in alias_groups() or key in countries() or texts.count(key) > 1:
            continue
        if _ends_with_head(second.text):
            found.append((first, second, doc[first.start : second.end]))
    return found


def building_key(span: Span) -> str | None:
    """ "Hagia Sophia Museum" -> "hagia sophia": the building's name without its building word."""
    words = span.text.split()
    if len(words) < 2 or norm(words[-1]) not in kind_words()["building_words"]:
        return None
    return norm(" ".join(words[:-1]))


def _modifies_noun_after(token: Token, end: int) -> bool:
    head = token.head
    return token.dep_ in ("amod", "compound", "nmod") and head.i >= end and head.pos_ in ("NOUN", "PROPN")


def is_modifier(span: Span) -> bool:
    """A singular name standing before its noun: "a Greek Orthodox church", "the former Democratic
    Dean", "his Greek, Cypriot and French counterparts" (its noun, if an actor, is found apart)."""
    root = span.root
    if root.tag_ in ("NNS", "NNPS") or span.text.endswith("s"):
        return False
    if root.dep_ == "conj" and root.head.i < span.start:
        first = root.head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        return _modifies_noun_after(first, first.i + 1) and first.head.i >= span.end
    return _modifies_noun_after(root, span.end)
