"""Numbers: counts, money, percentages, ordinals and measures with what they count.

A number is found token by token (so numbers the NER misses are found too), grown into its
written form ("$1.5 billion", "15 to 20 percent", "tens of thousands") by `extent`, valued by
`parse`, checked against the things that only look like counts (dates, times, years,
phone numbers, scores, identifiers such as "Resolution 2254") and given the noun it counts
by `subject`. The vocabulary lives in data/lexicon.txt.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.briefing import Number
from generator.extract.numbers.change import change_direction
from generator.extract.numbers.extent import find_number
from generator.extract.numbers.filters import is_not_a_count, is_tabular
from generator.extract.numbers.found import Found
from generator.extract.numbers.lexicon import Lexicon, lexicon
from generator.extract.numbers.parse import tidy
from generator.extract.numbers.subject import counted_noun, noun_phrase
from generator.quantities import unit_table

_MAX_PHRASE_TOKENS = 4


def extract_numbers(doc: Doc) -> list[Number]:
    """Return every number in the article that counts or measures something, in order."""
    lex = lexicon()
    out: list[Number] = []
    previous: Found | None = None  # the Found of out[-1]
    i = 0
    while i < len(doc):
        found = find_number(doc, i, lex)
        if found is None:
            i += 1
            continue
        i = max(found.end, i + 1)
        if is_not_a_count(doc, found, lex):
            continue
        if found.unit is None and is_tabular(doc[found.start].sent):
            continue  # a results table; "FTSE -0.6% CAC -1.7%" is still a list of quantities
        noun = _counted_token(doc, found, lex)
        if noun is not None and found.kind == "count" and _counts_a_unit(doc, found, noun):
            noun = None  # "517 rushing yards", "three straight years": a measure
        if found.kind == "count" and noun is not None and noun.lower_ in lex.time_nouns:
            continue  # "millions of years": a duration
        if found.vague and noun is None:
            continue  # "millions have been displaced": an amount of nothing named
        number = _to_number(doc, found, noun, lex)
        if number.kind == "count" and number.subject is None:
            number.subject = _elided_subject(doc, found, out, lex)
        if out and previous is not None and number.unit and _bare_lower_end(doc, previous, found, out[-1]):
            out[-1].kind, out[-1].unit, out[-1].currency = number.kind, number.unit, number.currency
        out.append(number)
        previous = found
    return out


def _counts_a_unit(doc: Doc, found: Found, noun: Token) -> bool:
    """True if the noun a count "counts" is a unit of measure a word or two on ("517 rushing
    yards"); the number then measures in it."""
    if not found.end <= noun.i <= found.end + 2 or not noun.is_lower:
        return False  # "eight straight World Cups" are tournaments, not cups
    unit = unit_table().lookup(noun.text, glued=False)
    if unit is None or unit.is_money or unit.kind in {"dimensionless", "score"}:
        return False
    found.kind, found.unit = "measure", unit.label(noun.text)
    return True


def _bare_lower_end(doc: Doc, previous: Found, found: Found, number: Number) -> bool:
    """True if `previous` is the bare lower end of "from 0 to 62 mph", "1 to 1.5 degrees": the
    unit written once after the upper end is the unit of both."""
    between = doc[previous.end : found.start].text.strip().lower()
    return between in {"to", "-", "–", "and"} and number.unit is None and number.kind == "count" \
        and number.subject is None


def _elided_subject(doc: Doc, found: Found, before: list[Number], lex: Lexicon) -> str | None:
    """What a bare count counts when the noun is left out: people, for the dead and injured
    ("the blaze killed three and injured sixteen"); else the noun of the count before it in
    the sentence ("Biden won 9 delegates, followed by Klobuchar, with 6")."""
    anchor = doc[found.core_end - 1]
    for token in (anchor.head, anchor.head.head, *doc[found.end : found.end + 3]):
        if token.lemma_.lower() in lex.casualty_words or token.lower_ in lex.casualty_words:
            return "people"
    if found.start >= 2 and doc[found.start - 1].lower_ == "or" and doc[found.start - 2].pos_ == "NOUN":
        return doc[found.start - 2].lower_  # "another pick or two"
    after = _noun_after_adjectives(doc, found.end, lex)
    if after is not None and after.lower_ != "others":
        return noun_phrase(after, found.end, lex)  # "the combined 4.3M digital and physical sales"
    sentence = doc[found.start].sent.text.strip()
    for number in reversed(before):
        if number.sentence != sentence:
            break
        if number.kind == "count" and number.subject:
            return number.subject  # "eight states, with write-in access in 23 others"
    return None if after is None else after.lower_  # "Kobe Bryant and eight others on board"


def _noun_after_adjectives(doc: Doc, i: int, lex: Lexicon) -> Token | None:
    """The noun right after the number or after adjectives from token `i` on ("3m people",
    "digital and physical sales"), when the parse did not tie it to the number; None if
    anything else comes first, or a time noun."""
    if i >= len(doc) or not (doc[i].pos_ == "ADJ" or doc[i].tag_ == "NNS"):
        return None
    for token in doc[i : i + _MAX_PHRASE_TOKENS]:
        if token.pos_ == "NOUN" and token.is_lower:
            return None if token.lower_ in lex.time_nouns else token
        if token.pos_ not in {"ADJ", "CCONJ"}:
            return None
    return None


def _counted_token(doc: Doc, found: Found, lex: Lexicon) -> Token | None:
    """The noun the number counts (a count, ordinal, money or age), if the parse shows one."""
    if found.kind in {"measure", "percent"} and not found.age:
        return None
    noun = _hyphened_noun(doc, found) or counted_noun(doc[found.core_start : found.core_end],
                                                      found.chunk_end, lex)
    if noun is None or noun.is_stop or found.start <= noun.i < found.end:
        return None
    return noun


def _hyphened_noun(doc: Doc, found: Found) -> Token | None:
    """The noun joined to the number by a hyphen, which is what it counts: "a four-cylinder
    engine" counts cylinders, "a 10-member panel" members ("250,000-strong" is no noun)."""
    if found.age or found.chunk_end != found.core_end + 2 or doc[found.core_end].text != "-":
        return None
    noun = doc[found.core_end + 1]
    return noun if noun.pos_ == "NOUN" and noun.tag_ == "NN" and noun.is_lower else None


def _to_number(doc: Doc, found: Found, noun: Token | None, lex: Lexicon) -> Number:
    """Build the briefing item: value, text as written, kind, counted subject, sentence."""
    if noun is not None:
        after = max(found.end, found.chunk_end) if noun.i >= found.end else 0
        subject: str | None = noun_phrase(noun, after, lex)
    elif found.kind in {"measure", "percent"}:
        subject = _measured(doc, found)
    else:
        subject = None
    return Number(
        value=tidy(found.value),
        text=" ".join(doc[found.start : found.end].text.split()),
        kind=found.kind,
        subject=subject,
        sentence=doc[found.start].sent.text.strip(),
        low=None if found.value_max is None else tidy(found.value),
        high=None if found.value_max is None else tidy(found.value_max),
        unit=found.unit,
        currency=found.currency,
        change=change_direction(doc, found, lex),
    )


def _noun_of(pobj: Token) -> Token | None:
    """The noun an object of "of" names; in "of the combined digital and physical sales" the
    small model may hang the adjective on "of" and the noun on the adjective."""
    if pobj.pos_ == "NOUN":
        return pobj
    return next((c for c in pobj.children if c.dep_ == "conj" and c.pos_ == "NOUN"), None)


def _measured(doc: Doc, found: Found) -> str | None:
    """What a measure or share is of: "2.5 million square miles of area" -> "area"."""
    last = doc[found.end - 1]
    for token in (last, last.head):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= found.end:
                objects = [_noun_of(c) for c in child.children if c.dep_ == "pobj"]
                found_objects = [o for o in objects if o is not None]
                if found_objects:
                    return noun_phrase(found_objects[0], child.i + 1)
    return None
