"""A number's extent in the tokens: where it starts and ends, with its currency, unit or range.

`find_number` reads "$1.5 billion", "15 to 20 percent", "tens of thousands", "RM4.10",
"4.5m tonnes", "a third of", "threefold" and "a 6.1-inch screen" from their first token, and
values them with `parse`; what the number counts is left to `finder` and `subject`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from generator.extract.numbers.change import change_word
from generator.extract.numbers.filters import is_age
from generator.extract.numbers.found import Found
from generator.extract.numbers.lexicon import Lexicon
from generator.extract.numbers.parse import is_digits, ordinal_value, parse_value
from generator.quantities import Glued, UnitMatch, currency_before, read_glued, unit_after

_RANGE_WORDS = {"to", "-", "–", "—", "or"}
FRACTION, TIMES = "fraction", "times"  # units of shares in words and of multiples
_UpperEnd = tuple[int, int, float, Glued | None]  # start, end, value, the glued token ("40min")
_MAX_PHRASE_TOKENS = 4
_MAX_MODIFIERS = 5  # words between a number and the noun it counts ("combined digital and physical")


def find_number(doc: Doc, i: int, lex: Lexicon) -> Found | None:
    """The number written from token `i` on (with its currency, unit or range), or None."""
    token = doc[i]
    if not _may_start(token.lower_, lex):
        return None  # most words: no digit and no number word
    if not token.text.isascii():
        return None  # digits of another script ("२५"): a passage this English parse cannot read
    share = _fraction(doc, i, lex) or _fold(doc, i, lex)
    if share is not None:
        return share
    ordinal = ordinal_value(token.text, lex)
    if ordinal is not None:
        chunk_end = _chunk_end(doc, i + 1)
        return Found(i, i + 1, i, i + 1, kind="ordinal", value=float(ordinal), chunk_end=chunk_end)
    core_end = _core_end(doc, i, lex)
    if core_end is None:
        found = _glued_number(doc, i)
        if found is None:
            return None
    else:
        sign = currency_before(doc, i)
        money = sign is not None or _currency_before(doc, i, lex)
        parsed = parse_value([t.text for t in doc[i:core_end] if not t.is_space], money=money)
        if parsed is None:
            return None
        found = Found(i, core_end, i, core_end, value=parsed[0], value_max=parsed[1],
                      vague=parsed[1] is not None)
        if money:
            found.start, found.kind = i - 1, "money"
            if sign is not None:
                _set_unit(found, sign)
                found.start = sign.start
        _open_million(doc, found)
    _grow_range(doc, found, lex)
    _add_suffix(doc, found, lex)
    found.chunk_end = _chunk_end(doc, found.core_end)
    if found.kind == "count" and found.start > 0 and doc[found.start - 1].lower_ in lex.units_before:
        found.kind, found.unit = "measure", doc[found.start - 1].lower_  # "a magnitude 5.5 quake"
    if found.kind == "count" and is_age(doc, found, lex):
        found.kind, found.age, found.end = "measure", True, found.chunk_end
        found.unit = "years"
    return found


def _glued_number(doc: Doc, i: int) -> Found | None:
    """A number written in one token with its currency, sign or unit ("RM4.10", "+1.2", "7kW")."""
    text = doc[i].text
    glued = read_glued(text) if any(c.isdigit() for c in text) else None
    if glued is None:
        return None
    found = Found(i, i + 1, i, i + 1, value=glued.value, sign=glued.sign)
    if glued.currency is not None:
        found.kind, found.currency = "money", glued.currency.currency
        found.unit = glued.currency.label(glued.unit_text or "")
    if glued.open_m:
        if _noun_or_unit_after(doc, i + 1) or glued.unit is None:
            found.value *= 1e6  # "4.5m tonnes", "3m people"
        else:
            _set_unit(found, UnitMatch(i, i + 1, "m", glued.unit))  # "a 50m drop"
    elif glued.unit is not None:
        _set_unit(found, UnitMatch(i, i + 1, glued.unit_text, glued.unit))
    elif found.kind != "money" and i > 0:
        sign = currency_before(doc, i)  # "$ -50.8bn"
        if sign is not None:
            found.start = sign.start
            _set_unit(found, sign)
    return found


_STARTERS: dict[int, frozenset[str]] = {}
_DIGIT_RE = re.compile(r"\d")


def _may_start(lower: str, lex: Lexicon) -> bool:
    """A quick test before the real ones: can a number start at a token written `lower`?"""
    starters = _STARTERS.get(id(lex))
    if starters is None:
        starters = _STARTERS[id(lex)] = frozenset(
            {"a", "an", *lex.words, *lex.vague, *lex.ordinals, *lex.fraction_denominators})
    return lower in starters or lower.endswith("fold") or _DIGIT_RE.search(lower) is not None


def _fraction(doc: Doc, i: int, lex: Lexicon) -> Found | None:
    """A share written in words before "of": "a third of", "two-thirds of", "half of" (1/3, 2/3, 1/2)."""
    lower = doc[i].lower_
    if lower in lex.fraction_denominators and lower.startswith("half"):
        top, at = 1.0, i  # "half of the staff"
    elif lower in ("a", "an", "one") or lower in lex.words:
        top, at = lex.words.get(lower, 1.0), i + 1
        if at < len(doc) and doc[at].text == "-" and not doc[at - 1].whitespace_:
            at += 1  # "two-thirds"
    else:
        return None
    if at + 1 >= len(doc) or doc[at].lower_ not in lex.fraction_denominators or doc[at + 1].lower_ != "of":
        return None
    if at == i and i > 0 and doc[i - 1].lower_ in ("a", "an", "one"):
        return None  # "one and a half": the number path reads it
    value = top / lex.fraction_denominators[doc[at].lower_]
    return Found(i, at + 1, i, at + 1, kind="measure", value=value, unit=FRACTION, chunk_end=at + 1)


def _fold(doc: Doc, i: int, lex: Lexicon) -> Found | None:
    """A multiple: "threefold", "a 10-fold rise" -> 3 and 10 times."""
    lower = doc[i].lower_
    if lower.endswith("fold") and lower[:-4] in lex.words:
        return Found(i, i + 1, i, i + 1, kind="measure", value=lex.words[lower[:-4]], unit=TIMES)
    if i + 2 >= len(doc) or doc[i + 2].lower_ != "fold" or doc[i + 1].text != "-":
        return None
    if is_digits(lower) and not doc[i].whitespace_:
        return Found(i, i + 3, i, i + 1, kind="measure", value=float(lower.replace(",", "")), unit=TIMES)
    return None


def _open_million(doc: Doc, found: Found) -> None:
    """Scale a plain number followed by a glued "m" before a noun: "4.5m tonnes" is 4.5 million."""
    end = found.core_end
    if found.kind == "money" or end + 1 >= len(doc) or doc[end - 1].whitespace_:
        return
    last = doc[end - 1].lower_
    if doc[end].text in ("m", "M") and _noun_or_unit_after(doc, end + 1):
        found.value *= 1e6
        found.end = found.core_end = end + 1
    elif last.endswith("m") and not last.endswith("mm") and _noun_or_unit_after(doc, end):
        found.value *= 1e6


def _noun_or_unit_after(doc: Doc, i: int) -> bool:
    """True if a unit or a plural noun follows from token `i` on ("tonnes", "bpd", "people",
    "digital and physical sales"), so an "m" before it is a million rather than metres; a
    singular word after it is what the metres measure ("a 50m drop", "the 100m final")."""
    if i >= len(doc):
        return False
    unit = unit_after(doc, i)
    if unit is not None and not _singular_word(unit.written):
        return True
    for token in doc[i : i + _MAX_MODIFIERS]:
        if token.pos_ == "NOUN" and token.is_lower:
            return token.tag_ == "NNS"
        if token.pos_ not in {"ADJ", "CCONJ", "ADV"} and not _participle_modifier(token):
            return False
    return False


def _singular_word(written: str) -> bool:
    """A unit spelt as a singular lower-case word ("drop", "tonne"), not a plural or a symbol."""
    return written.isalpha() and written.islower() and len(written) > 3 and not written.endswith("s")


def _participle_modifier(token: Token) -> bool:
    """A participle used as an adjective before a noun ("2.7m combined digital sales")."""
    return token.pos_ == "VERB" and token.tag_ in {"VBN", "VBG"} and token.dep_ == "amod"


def _set_unit(found: Found, match: UnitMatch) -> None:
    """Record the unit (and the currency, for money) and the kind it gives the number."""
    found.unit = match.label
    if match.unit.is_money:
        found.kind, found.currency = "money", match.unit.currency
    elif found.unit == "%":
        found.kind = "percent"
    else:
        found.kind = "measure"


def starts_number(token: Token, lex: Lexicon) -> bool:
    """True if a written number can start at `token`."""
    lower = token.lower_
    if is_digits(lower):
        return True
    if lower in lex.words and lower != "half":
        return True
    if lower in lex.vague:
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if lower in ("a", "an") and nxt is not None:
        return nxt.lower_ in lex.multipliers and len(nxt.lower_) > 2 and nxt.lower_ != "score"
    if lower == "half" and nxt is not None and nxt.lower_ in ("a", "an"):
        after = token.nbor(2) if token.i + 2 < len(token.doc) else None
        return after is not None and after.lower_ in lex.multipliers
    return False


def _core_end(doc: Doc, i: int, lex: Lexicon) -> int | None:
    """Index past the numeric words that start at `i` ("two hundred and five"), or None."""
    if not starts_number(doc[i], lex):
        return None
    end = i + 1
    while end < len(doc):
        if _spaced_multiplier(doc, end, lex):
            end += 2  # "5.7  million barrels": a doubled space is a token of its own
        elif _continues_number(doc, i, end, lex):
            end += 1
        else:
            break
    return end


def _spaced_multiplier(doc: Doc, i: int, lex: Lexicon) -> bool:
    """True if token `i` is whitespace and a multiplier word ("million") follows it."""
    if not doc[i].is_space or i + 1 >= len(doc):
        return False
    word = doc[i + 1].lower_
    return word in lex.multipliers and len(word) > 2


def _continues_number(doc: Doc, start: int, i: int, lex: Lexicon) -> bool:
    """Whether token `i` carries on the number written from `start` ("1.5 [billion]",
    "two [hundred] [and] [five]", "tens [of] [thousands]", "half [a] million")."""
    prev, token = doc[i - 1], doc[i]
    lower, before = token.lower_, prev.lower_
    if lower == "score":
        return before in lex.words  # "four score", but not "a score"
    if lower in lex.multipliers:
        return len(lower) > 2  # "m"/"k" glued to digits are handled as suffixes
    if lower in lex.vague:
        return before == "of" and i - 2 >= start
    if lower == "of":
        return before in lex.vague and _next_lower(doc, i) in lex.vague
    if lower in ("a", "an"):
        return before == "half"
    if lower in lex.words and lower != "half":
        return _joins_words(prev, token, lex)
    if lower in ("-", "and"):
        return _next_lower(doc, i) in lex.words and _joins_hyphen(prev, token, lex)
    return False


def _joins_words(prev: Token, token: Token, lex: Lexicon) -> bool:
    """Whether number word `token` continues the number ending at `prev` ("twenty five")."""
    before = prev.lower_
    if before in ("-", "and"):
        return True
    if before in lex.multipliers:
        return True
    tens = lex.words.get(before, 0)
    return tens >= 20 and tens % 10 == 0 and lex.words[token.lower_] < 10


def _joins_hyphen(prev: Token, token: Token, lex: Lexicon) -> bool:
    """Whether "-" or "and" after `prev` glues two number words ("twenty-five", "hundred and five")."""
    if token.lower_ == "and":
        return prev.lower_ in lex.multipliers
    return not prev.whitespace_ and not token.whitespace_ and prev.lower_ in lex.words


def _next_lower(doc: Doc, i: int) -> str:
    """Lower-case text of the token after `i` ("" at the end)."""
    return doc[i + 1].lower_ if i + 1 < len(doc) else ""


def _currency_before(doc: Doc, i: int, lex: Lexicon) -> bool:
    """True if a currency sign or code stands right before token `i` ("$5", "US$ 5", "EUR 5")."""
    if i == 0:
        return False
    before = doc[i - 1].lower_
    return before in lex.currency_symbols or (before in lex.currency_words and doc[i - 1].is_upper)


def _grow_range(doc: Doc, found: Found, lex: Lexicon) -> None:
    """Extend "15 to 20", "3,000-5,000", "two or three", "between 10 and 20" into one range."""
    end = found.core_end
    if end + 1 >= len(doc) or found.vague or not _joins_range(doc, found, lex):
        return
    upper = _upper_end(doc, found, end + 1, lex)
    if upper is None or _after_month(doc, found.core_start, lex):
        return  # "since Dec. 5 to 922" is a date, then a count
    start2, end2, high, glued = upper
    low = found.value
    scale = _trailing_multiplier(doc, start2, end2, lex)
    if scale and not _trailing_multiplier(doc, found.core_start, found.core_end, lex):
        low *= scale  # "two to three million": both ends are millions
    if high <= low:
        return
    found.value, found.value_max = low, high
    found.core_end = found.end = end2
    if glued is not None and glued.unit is not None:
        _set_unit(found, UnitMatch(start2, end2, glued.unit_text, glued.unit))


def _joins_range(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """Whether the word after the number joins it to an upper end ("to", "-", "between .. and")."""
    joiner = doc[found.core_end].lower_
    before = doc[found.start - 1].lower_ if found.start > 0 else ""  # "between US$300 and 400 billion"
    if not (joiner in _RANGE_WORDS or (joiner == "and" and before == "between")) or before == "from":
        return False
    # "fell by $2bn to $50bn": a change, then the level it reached ("dropped by 1 to 1.5
    # degrees" is a range: the lower end has no currency of its own)
    return not (joiner == "to" and found.kind == "money" and change_word(doc, found.start, lex) is not None)


def _upper_end(doc: Doc, found: Found, start2: int, lex: Lexicon) -> _UpperEnd | None:
    """(start, end, value, glued token) of a range's upper end from token `start2`, or None."""
    if doc[start2].lower_ in lex.currency_symbols:
        start2 += 1
    if start2 >= len(doc) or ordinal_value(doc[start2].text, lex) is not None:
        return None
    end2 = _core_end(doc, start2, lex)
    if end2 is None:  # "25 – 40min", "5-10W": the unit is glued to the upper end
        glued = read_glued(doc[start2].text)
        if glued is None or glued.unit is None or glued.sign or found.unit is not None:
            return None
        return start2, start2 + 1, glued.value, glued
    high = parse_value([t.text for t in doc[start2:end2]], money=found.kind == "money")
    if high is None:
        return None
    end = found.core_end
    if doc[end].lower_ == "-" and is_digits(doc[end - 1].lower_) != is_digits(doc[start2].lower_):
        return None
    return start2, end2, high[0], None


def _after_month(doc: Doc, i: int, lex: Lexicon) -> bool:
    """True if token `i` follows a month name ("Dec. 5")."""
    return i > 0 and doc[i - 1].lower_.rstrip(".") in lex.months and doc[i - 1].text[:1].isupper()


def _trailing_multiplier(doc: Doc, start: int, end: int, lex: Lexicon) -> float:
    """The multiplier word closing a number ("million" in "three million"), or 0."""
    last = doc[end - 1].lower_
    return lex.multipliers.get(last, 0.0) if end - start > 1 or last in lex.multipliers else 0.0


def _add_suffix(doc: Doc, found: Found, lex: Lexicon) -> None:
    """Add a currency word, percent sign or unit after the number and set the kind."""
    end = found.end
    glued = end < len(doc) and not doc[end - 1].whitespace_
    if glued and found.kind == "money":
        word = doc[end].lower_.rstrip(".")  # "USD20m." at the end of a sentence
        factor = lex.money_multipliers.get(word) or lex.multipliers.get(word)
        if factor:  # "$100m": the multiplier is part of the amount
            found.value *= factor
            found.value_max = None if found.value_max is None else found.value_max * factor
            found.end = found.core_end = end + 1
            return
    if found.unit is not None:
        return
    if _abbreviated_measure(doc, found):
        return
    if found.kind == "count" and _times_compared(doc, end):
        found.end, found.kind, found.unit = end + 1, "measure", TIMES  # "2.6 times more lethal"
        return
    if _hyphenated(doc, end):  # "a 6.1-inch screen", "a 2.4-litre engine"
        unit = unit_after(doc, end + 1, glued=True)
        if unit is not None and not unit.written.endswith("old"):  # "14-year-old" is an age (is_age)
            found.end = unit.end
            _set_unit(found, unit)
            return
    unit = unit_after(doc, end, glued=end > 0 and not doc[end - 1].whitespace_)
    if unit is not None and (found.kind == "count" or unit.unit.is_money or unit.label == "%"):
        found.end = unit.end
        _set_unit(found, unit)
        return
    matched = _match_phrase(doc, end, lex.percent)
    if matched:
        found.end, found.kind, found.unit = matched, "percent", "%"
        return
    currency = _currency_after(doc, end, lex)
    if currency:
        found.end, found.kind = currency, "money"
        found.unit = doc[currency - 1].lower_
        return


def _abbreviated_measure(doc: Doc, found: Found) -> bool:
    """A decimal before an upper-case abbreviation is a measure in it ("0.5 WAR", "a 3.2 ERA",
    "1.4 GPA"); whole numbers before one are counts ("5 NBA teams")."""
    end = found.end
    if end >= len(doc) or found.kind != "count" or float(found.value).is_integer():
        return False
    word = doc[end]
    if not (word.is_alpha and word.is_upper and 2 <= len(word) <= 5) or word.ent_type_ in {"GPE", "NORP"}:
        return False
    found.kind, found.unit, found.end = "measure", word.text, end + 1
    return True


def _times_compared(doc: Doc, i: int) -> bool:
    """True if "times" at token `i` makes a multiple of a comparison ("three times as many",
    "2.6 times more lethal", "ten times the size"), not a count of occasions ("four times a year")."""
    if i + 1 >= len(doc) or doc[i].lower_ != "times":
        return False
    after = doc[i + 1]
    return after.tag_ in {"JJR", "RBR"} or after.lower_ in {"as", "more", "less", "the", "higher", "lower"}


def _hyphenated(doc: Doc, i: int) -> bool:
    """True if token `i` is a hyphen joining the number to the next word ("6.1-inch")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_


def _currency_after(doc: Doc, i: int, lex: Lexicon) -> int:
    """End of a currency word after a number ("euros", "Jordanian dinars"), or 0."""
    if i < len(doc) and doc[i].lower_ in lex.currency_words:
        return i + 1
    if i + 1 < len(doc) and doc[i].text[:1].isupper() and doc[i + 1].lower_ in lex.currency_words:
        return i + 2
    return 0


def _match_phrase(doc: Doc, i: int, phrases: frozenset[str]) -> int:
    """End of the longest phrase from `phrases` written from token `i` (spaces optional), or 0."""
    best, text = 0, ""
    j = i
    while j < len(doc) and j - i < _MAX_PHRASE_TOKENS + 2:
        token = doc[j]
        if token.is_space:
            text += " "
        else:
            text += token.lower_
            if text.strip() in phrases:
                best = j + 1
            if token.whitespace_:
                text += " "
        j += 1
    return best


def _chunk_end(doc: Doc, i: int) -> int:
    """End of the hyphenated word the number belongs to ("250,000-strong" ends after "strong")."""
    end = i
    while end < len(doc) and not doc[end - 1].whitespace_ and "-" in (doc[end].text, doc[end - 1].text):
        end += 1
    return end
