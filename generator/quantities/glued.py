"""One token that holds a whole quantity: "RM4.10", "USD20", "$-50.8bn", "640bhp", "+1.2", "~3".

spaCy keeps many of these as one token; this module reads them: the currency written before
the digits, a sign or approximation, the digits, a glued multiplier ("bn", "m", "mil") and a
glued unit ("kW", "pc", "mm"). A token whose letters are not a currency, multiplier or unit
("G20", "777X", "1990s", "10th") is not a quantity: None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.quantities.units import Unit, unit_table

_GLUED = re.compile(
    r"(?P<pre>[A-Z]{1,2}\$|[A-Z][A-Za-z]{1,2}(?=[-+~\d.])|[$£€¥₹])?"
    r"(?P<sign>[-+−~±]|minus-|sub-|c\.)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<rest>[^\d\s,.][^\s]*)?"
)
MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "b": 1e9, "bn": 1e9,
               "bln": 1e9, "tn": 1e12, "trn": 1e12}
# "m" and "b" alone scale money ("£3m") but are metres and bits after a plain number; "k" is
# a thousand ("a 10k run" aside) wherever it is glued.
AMBIGUOUS_MULTIPLIERS = {"m", "b"}
_SIGNS = {"−": "-", "minus-": "-", "±": "~", "c.": "~", "sub-": "<"}
_NOT_UNITS = {"s", "st", "nd", "rd", "th", "'s", "’s", "x", "X", "D"}


@dataclass(frozen=True)
class Glued:
    """What one token says: `value` is scaled by a glued multiplier when that is certain."""

    value: float
    currency: Unit | None = None
    unit: Unit | None = None
    unit_text: str = ""
    multiplier: str = ""  # the glued multiplier as written ("bn"), "" if none
    sign: str = ""  # "+", "-", "~" (about) or "<" (under: "sub-100")

    @property
    def open_m(self) -> bool:
        """True for "4.5m" without a currency: million before a noun ("4.5m tonnes"), else metres."""
        return self.multiplier in AMBIGUOUS_MULTIPLIERS and self.currency is None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def read_glued(token: str) -> Glued | None:
    """The quantity one token writes, or None ("RM4.10" -> 4.1 MYR; "640bhp" -> 640 bhp)."""
    match = _GLUED.fullmatch(token)
    if match is None:
        return None
    table = unit_table()
    currency = None
    if match["pre"]:
        currency = table.lookup(match["pre"], glued=True)
        if currency is None or not currency.is_money:
            return None  # "G20", "A380": a name with digits
    written_sign = match["sign"] or ""
    sign = _SIGNS.get(written_sign, written_sign)
    value = _number(match["num"])
    if sign == "-":
        value = -value
    rest = match["rest"] or ""
    if not rest:
        return Glued(value, currency=currency, sign=sign)
    if rest in _NOT_UNITS:
        return None
    multiplier, unit_text = _split_rest(rest, money=currency is not None)
    if multiplier is None:
        return None
    unit = table.lookup(unit_text, glued=True) if unit_text else None
    if unit_text and unit is None:
        return None
    if unit is not None and unit.is_money and currency is None:
        currency, unit = unit, None  # "88p", "50c": money written after the digits
    if multiplier and (currency is not None or multiplier not in AMBIGUOUS_MULTIPLIERS):
        value *= MULTIPLIERS[multiplier]
    elif multiplier and unit is None:
        unit_text = multiplier  # "4.5m": settled by the next word (see open_m)
        unit = table.lookup(multiplier, glued=True)
    return Glued(value, currency=currency, unit=unit, unit_text=unit_text, multiplier=multiplier, sign=sign)


def _split_rest(rest: str, money: bool) -> tuple[str | None, str]:
    """Split the letters after the digits into (multiplier, unit): "bn" -> ("bn", ""),
    "mm" -> ("", "mm"), "mtonnes" is not written; unknown letters -> (None, "")."""
    table = unit_table()
    lower = rest.lower()
    if lower in MULTIPLIERS and (money or lower not in AMBIGUOUS_MULTIPLIERS
                                 or table.lookup(rest, glued=True) is None or rest == "m"):
        return lower, ""
    if table.lookup(rest, glued=True) is not None:
        return "", rest
    for size in (3, 2, 1):
        head, tail = lower[:size], rest[size:]
        if head in MULTIPLIERS and tail and table.lookup(tail, glued=True) is not None:
            return head, tail
    return None, ""
