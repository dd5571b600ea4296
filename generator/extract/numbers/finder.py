"""Numbers: counts, money, percentages, ordinals and measures with what they count.

A number is found token by token (so numbers the NER misses are found too), grown into its
written form ("$1.5 billion", "15 to 20 percent", "tens of thousands"), valued by
`parse`, checked against the things that only look like counts (dates, times, years,
phone numbers, scores, identifiers such as "Resolution 2254") and given the noun it counts
by `subject`. The vocabulary lives in data/lexicon.txt.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from generator.briefing import Number
from generator.extract.numbers.filters import is_age, is_not_a_count, is_tabular
from generator.extract.numbers.found import Found
from generator.extract.numbers.lexicon import Lexicon, lexicon
from generator.extract.numbers.parse import is_digits, ordinal_value, parse_value, tidy
from generator.extract.numbers.subject import counted_noun, noun_phrase

_RANGE_WORDS = {"to", "-", "–", "—", "or"}
_MAX_PHRASE_TOKENS = 4


def extract_numbers(doc: Doc) -> list[Number]:
    """Return every number in the article that counts or measures something, in order."""
    lex = lexicon()
    out: list[Number] = []
    i = 0
    while i < len(doc):
        found = find_number(doc, i, lex)
        if found is None:
            i += 1
            continue
        i = max(found.end, i + 1)
        if is_not_a_count(doc, found, lex) or is_tabular(doc[found.start].sent):
            continue
        noun = _counted_token(doc, found, lex)
        if found.kind == "count" and noun is not None and noun.lower_ in lex.time_nouns:
            continue  # "millions of years": a duration
        if found.vague and noun is None:
            continue  # "millions have been displaced": an amount of nothing named
        out.append(_to_number(doc, found, noun, lex))
    return out


def _counted_token(doc: Doc, found: Found, lex: Lexicon) -> Token | None:
    """The noun the number counts (a count, ordinal, money or age), if the parse shows one."""
    if found.kind in {"measure", "percent"} and not found.age:
        return None
    noun = counted_noun(doc[found.core_start : found.core_end], found.chunk_end, lex)
    if noun is None or noun.is_stop or found.start <= noun.i < found.end:
        return None
    return noun


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
        value_max=None if found.value_max is None else tidy(found.value_max),
    )


def _measured(doc: Doc, found: Found) -> str | None:
    """What a measure or share is of: "2.5 million square miles of area" -> "area"."""
    last = doc[found.end - 1]
    for token in (last, last.head):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= found.end:
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
                if objects:
                    return noun_phrase(objects[0], child.i + 1)
    return None


# --------------------------------------------------------------------------------------------
# finding a number's extent
# --------------------------------------------------------------------------------------------


def find_number(doc: Doc, i: int, lex: Lexicon) -> Found | None:
    """The number written from token `i` on (with its currency, unit or range), or None."""
    token = doc[i]
    ordinal = ordinal_value(token.text, lex)
    if ordinal is not None:
        chunk_end = _chunk_end(doc, i + 1)
        return Found(i, i + 1, i, i + 1, kind="ordinal", value=float(ordinal), chunk_end=chunk_end)
    core_end = _core_end(doc, i, lex)
    if core_end is None:
        return None
    money = _currency_before(doc, i, lex)
    parsed = parse_value([t.text for t in doc[i:core_end] if not t.is_space], money=money)
    if parsed is None:
        return None
    found = Found(i, core_end, i, core_end, value=parsed[0], value_max=parsed[1], vague=parsed[1] is not None)
    if money:
        found.start, found.kind = i - 1, "money"
    _grow_range(doc, found, lex)
    _add_suffix(doc, found, lex)
    found.chunk_end = _chunk_end(doc, found.core_end)
    if found.kind == "count" and is_age(doc, found, lex):
        found.kind, found.age, found.end = "measure", True, found.chunk_end
    return found


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
    while end < len(doc) and _continues_number(doc, i, end, lex):
        end += 1
    return end


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
    if end + 1 >= len(doc) or found.vague:
        return
    joiner = doc[end].lower_
    between = found.core_start > 0 and doc[found.core_start - 1].lower_ == "between"
    if not (joiner in _RANGE_WORDS or (joiner == "and" and between)):
        return
    if found.core_start > 0 and doc[found.core_start - 1].lower_ == "from":
        return
    start2 = end + 1
    if doc[start2].lower_ in lex.currency_symbols:
        start2 += 1
    if start2 >= len(doc) or ordinal_value(doc[start2].text, lex) is not None:
        return
    end2 = _core_end(doc, start2, lex)
    if end2 is None or _after_month(doc, found.core_start, lex):
        return  # "since Dec. 5 to 922" is a date, then a count
    high = parse_value([t.text for t in doc[start2:end2]], money=found.kind == "money")
    if high is None:
        return
    if joiner == "-" and (is_digits(doc[end - 1].lower_) != is_digits(doc[start2].lower_)):
        return
    low = found.value
    scale = _trailing_multiplier(doc, start2, end2, lex)
    if scale and not _trailing_multiplier(doc, found.core_start, found.core_end, lex):
        low *= scale  # "two to three million": both ends are millions
    if high[0] <= low:
        return
    found.value, found.value_max = low, high[0]
    found.core_end = found.end = end2


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
        factor = lex.money_multipliers.get(doc[end].lower_) or lex.multipliers.get(doc[end].lower_)
        if factor:  # "$100m": the multiplier is part of the amount
            found.value *= factor
            found.value_max = None if found.value_max is None else found.value_max * factor
            found.end = found.core_end = end + 1
            return
    matched = _match_phrase(doc, end, lex.percent)
    if matched:
        found.end, found.kind = matched, "percent"
        return
    currency = _currency_after(doc, end, lex)
    if currency:
        found.end, found.kind = currency, "money"
        return
    if found.kind == "count":
        matched = _match_phrase(doc, end, lex.units)
        if matched:
            found.end, found.kind = matched, "measure"


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
