"""Values of written numbers: "5,200" -> 5200, "1.5 billion" -> 1.5e9, "tens of thousands" -> a range."""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.extract.numbers.lexicon import Lexicon, lexicon

# One token of digits: "5,200", "1.5", ".5", optionally with an ordinal ending ("3rd") or a
# glued multiplier ("5bn", "100m").
DIGITS_RE = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<ord>st|nd|rd|th)?(?P<suf>k|bn|mn|mln|tn|m|b)?",
    re.IGNORECASE,
)
_FILLERS = {"-", "–", "and", "of"}


def tidy(value: float) -> int | float:
    """Whole values as int (5200, not 5200.0); others as float."""
    if abs(value - round(value)) < 1e-9 and abs(value) < 1e15:
        return round(value)
    return float(value)


def digits_value(word: str, money: bool = False) -> float | None:
    """Value of a digits token ("5,200" -> 5200, "5bn" -> 5e9, "$"-less "50m" -> 50), else None."""
    match = DIGITS_RE.fullmatch(word)
    if not match:
        return None
    value = float(match["num"].replace(",", ""))
    suffix = (match["suf"] or "").lower()
    lex = lexicon()
    if suffix in lex.multipliers:
        value *= lex.multipliers[suffix]
    elif suffix in lex.money_multipliers and money:
        value *= lex.money_multipliers[suffix]
    return value


def is_digits(word: str) -> bool:
    """True for a token written in digits ("5,200", "1.5", "5bn", "3rd")."""
    return DIGITS_RE.fullmatch(word) is not None


def ordinal_value(word: str, lex: Lexicon | None = None) -> int | None:
    """Value of an ordinal token ("third" -> 3, "3rd" -> 3), else None."""
    lex = lex or lexicon()
    lower = word.lower()
    if lower in lex.ordinals:
        return lex.ordinals[lower]
    match = DIGITS_RE.fullmatch(lower)
    if match and match["ord"] and not match["suf"] and "." not in match["num"]:
        return int(match["num"].replace(",", ""))
    return None


def parse_value(words: Sequence[str], money: bool = False) -> tuple[float, float | None] | None:
    """Value (and upper bound, for vague amounts) of one written number, given as its tokens.

    ["5,200"] -> 5200; ["three"] -> 3; ["1.5", "billion"] -> 1.5e9; ["a", "dozen"] -> 12;
    ["half", "a", "million"] -> 500000; ["twenty", "-", "five"] -> 25;
    ["tens", "of", "thousands"] -> (10000, 90000). None when nothing numeric is found.
    """
    lex = lexicon()
    total, current = 0.0, None  # finished thousands-groups, and the group being built
    low: float | None = None  # bounds of a vague amount ("tens", "hundreds of thousands")
    high = 0.0  # set with `low`
    for raw in words:
        word = raw.lower()
        if word in _FILLERS:
            continue
        if word in ("a", "an"):
            current = current if current == 0.5 else 1.0
            continue
        digits = digits_value(word, money)
        if digits is not None:
            current = digits
        elif word in lex.vague:
            vague_low, vague_high = lex.vague[word]
            if low is None:
                low, high = vague_low, vague_high
            else:
                low, high = low * vague_low, high * vague_low
        elif word in lex.multipliers:
            factor = lex.multipliers[word]
            if low is not None:
                low, high = low * factor, high * factor
            elif factor < 1000:
                current = (current or 1.0) * factor
            else:
                total += (current or 1.0) * factor
                current = None
        elif word in lex.words:
            value = lex.words[word]
            if current is not None and current >= 20 and current % 10 == 0 and value < 10:
                current += value  # "twenty five"
            else:
                current = value
        else:
            return None
    if low is not None:
        return low, high
    if current is None and not total:
        return None
    return total + (current or 0.0), None
