"""Titles and roles of people, read from the words around their names.

"U.S. Central Command Gen. Ken McKenzie"      -> title "Gen.", role "U.S. Central Command"
"Col. Myles B. Caggins III, coalition military spokesman" -> title "Col.", role "coalition military spokesman"
"Washington Post columnist David Ignatius"    -> role "Washington Post columnist"
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from generator.extract.actors.kinds import is_given_name
from generator.extract.text.honorifics import title_words

_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "NUM"})
_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
_ROLE_PREPS = frozenset({"for", "of", "at", "with", "to"})
_MAX_ROLE_TOKENS = 7


@dataclass
class PersonName:
    """A person's name span with the title before it and the role around it."""

    start: int
    end: int
    title_start: int
    title: str | None
    role: str | None


def _title_key(token: Token) -> str:
    return token.lower_.rstrip(".")


def _is_title_token(token: Token) -> bool:
    """A capitalised title word ("Gen.", "Foreign", "of" inside "Secretary of State") or its period."""
    heads, modifiers = title_words()
    if token.text == "." and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return _title_key(token.doc[token.i - 1]) in heads | modifiers
    key = _title_key(token)
    if key == "of":
        return True
    if token.text == "-" and 0 < token.i < len(token.doc) - 1:  # "Bishop-Emeritus"
        before, after = token.doc[token.i - 1], token.doc[token.i + 1]
        return _title_key(before) in heads | modifiers and _title_key(after) in heads | modifiers
    return bool(token.text[:1].isupper()) and (key in heads or key in modifiers)


def _title_run(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """(first, last+1) of the title words at `start` going right, bounded by `end`."""
    heads, _ = title_words()
    i = start
    while i < end and _is_title_token(doc[i]):
        i += 1
    # a run must hold a head title and must not end with "of"
    while i > start and _title_key(doc[i - 1]) == "of":
        i -= 1
    has_head = any(_title_key(doc[j]) in heads for j in range(start, i))
    return (start, i) if has_head else (start, start)


def _title_before(doc: Doc, start: int) -> int:
    """Index where the title words immediately before `start` begin (== start when none)."""
    heads, _ = title_words()
    i = start
    sent_start = doc[start].sent.start
    while i > sent_start and _is_title_token(doc[i - 1]):
        i -= 1
    while i < start and (_title_key(doc[i]) == "of" or doc[i].text == "."):
        i += 1
    if not any(_title_key(doc[j]) in heads for j in range(i, start)):
        return start
    return i


def _role_before(doc: Doc, start: int) -> str | None:
    """The modifier phrase before a (titled) name: "Washington Post columnist", "U.S. Central Command"."""
    i = start
    sent_start = doc[start].sent.start
    while i > sent_start and start - i < _MAX_ROLE_TOKENS:
        token = doc[i - 1]
        joined_hyphen = token.text == "-" and not token.whitespace_ and i - 2 >= sent_start
        if joined_hyphen or (
            token.pos_ in _ROLE_POS and token.dep_ in _ROLE_DEPS and token.ent_type_ != "PERSON"
        ):
            i -= 1
            continue
        break
    while i < start and (doc[i].text == "-" or doc[i].like_num):
        i += 1
    if i >= start:
        return None
    return doc[i:start].text


def _role_after(doc: Doc, start: int, end: int) -> str | None:
    """An apposition after the name: ", coalition military spokesman", ", a spokesman for the EU"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    for token in doc[end + 1 : min(len(doc), end + 8)]:
        if token.dep_ != "appos" or not (start <= token.head.i < end) or token.pos_ != "NOUN":
            continue
        first = token.left_edge.i
        last = token.i + 1
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in _ROLE_PREPS:
                last = child.right_edge.i + 1
                break
        span = doc[first:last]
        cut = next((t.i for t in span if t.is_punct and t.text != "-" and t.i > first), last)
        while first < cut and doc[first].pos_ in ("DET", "PRON", "PUNCT"):
            first += 1
        if first < cut:
            return doc[first:cut].text
    return None


def _place_of_title(doc: Doc, start: int, end: int, title_start: int) -> bool:
    """The first word of the name follows the title's "of", is no given name and a given name
    follows it: "Mayor of Koszalin Piotr Jedlinski"."""
    if not (title_start < start and end - start >= 3 and doc[start - 1].lower_ == "of"):
        return False
    return not is_given_name(doc[start].text) and is_given_name(doc[start + 1].text)


def person_name(doc: Doc, start: int, end: int) -> PersonName | None:
    """Split a PERSON span into title and name, and find the person's role.

    Title words inside the span ("President Bashar al-Assad") move into the title; title words
    just before it ("Gen. Ken McKenzie") are picked up too.  Returns None if only titles remain.
    """
    run_start, name_start = _title_run(doc, start, end)
    title_start = min(run_start, _title_before(doc, start))
    if _place_of_title(doc, name_start, end, title_start):
        name_start += 1  # "Mayor of [Koszalin] Piotr Jedlinski": the town is the title's
    if name_start >= end or (name_start > run_start and doc[name_start].is_lower):
        return None  # only titles: "Secretary of Justice for Puerto Rico" is an office
    title = doc[title_start:name_start].text if title_start < name_start else None
    role = _role_after(doc, name_start, end) or _role_before(doc, title_start)
    return PersonName(name_start, end, title_start, title, role)
