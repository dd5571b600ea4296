"""The record of a resolved speaker, and the words a later mention must share with it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Speaker:
    """A resolved speaker; `head` and `roles` let later descriptions refer back to it."""

    name: str | None
    kind: str
    start: int = 0  # character offset of the mention
    head: str = ""
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    plural: bool = False
    marks: set[str] = field(default_factory=set)  # proper words of the mention ("republican", "clinton")


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("'s", "")).split())


def clause_of(t: Token, head: Token) -> Token:
    """The child of `head` whose subtree holds `t`."""
    chain = t
    while chain.head.i != head.i and chain.head.i != chain.i:
        chain = chain.head
    return chain


def unresolved() -> Speaker:
    """No speaker a reader could use: the position is dropped."""
    return Speaker(None, "unnamed")


def fits(speaker: Speaker, gender: str | None) -> bool:
    return gender is None or speaker.gender is None or speaker.gender == gender


def copy_speaker(speaker: Speaker) -> Speaker:
    return Speaker(speaker.name, speaker.kind, speaker.start, speaker.head, set(speaker.roles),
                   speaker.gender, speaker.plural, set(speaker.marks))


_CLAUSE_DEPS = {"relcl", "acl", "advcl", "parataxis", "ccomp", "conj", "prep"}


def proper_words(tok: Token) -> set[str]:
    """The proper words of a subject phrase and its appositions, not of its clauses or
    prepositions: "The Republican presidential nominee" -> {"republican"}."""
    words = set()
    for t in tok.subtree:
        if t.i != tok.i and (t.pos_ == "PROPN" or t.ent_type_ == "NORP") and t.is_alpha \
                and clause_of(t, tok).dep_ not in _CLAUSE_DEPS:
            words.add(t.lower_)
    return words


def known_words(speaker: Speaker) -> set[str]:
    """The words a speaker was mentioned with, and the words of its name."""
    return speaker.marks | set(norm(speaker.name or "").split())
