"""Whether a number is given as a change: "rose 0.65 per cent", "fell by $2bn", "+1.2%"."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing.model import ChangeDirection
from generator.extract.numbers.found import Found
from generator.extract.numbers.lexicon import Lexicon


def change_direction(doc: Doc, found: Found, lex: Lexicon) -> ChangeDirection | None:
    """"up"/"down" when the text gives the number as a change ("rose 0.65 per cent", "fell by
    $2bn", "+1.2%"), None for a level ("to $50bn", "a $5bn budget") and for counts."""
    if found.kind not in {"money", "percent", "measure"} or found.age:
        return None
    if found.kind == "percent" and found.sign in ("+", "-"):
        return "up" if found.sign == "+" else "down"
    return change_word(doc, found.start, lex)


def change_word(doc: Doc, start: int, lex: Lexicon) -> ChangeDirection | None:
    """The direction named by the word before token `start` ("rose", "fell by", "up nearly")."""
    i = start - 1
    sentence_start = doc[start].sent.start
    while i >= sentence_start and doc[i].lower_ in lex.change_fillers:
        i -= 1
    if i < sentence_start:
        return None
    word = doc[i]
    if word.dep_ == "prt":
        return None  # "gave up 517 yards": a particle of the verb, not a rise
    if word.lemma_.lower() in lex.change_up or word.lower_ in lex.change_up:
        return "up"
    if word.lemma_.lower() in lex.change_down or word.lower_ in lex.change_down:
        return "down"
    return None
