"""A number as a reader expects to see it: "$1.5 billion", "120 mph", "15–20%", "RM4.10"."""

from __future__ import annotations

from generator.briefing import Number

# Signs written before the amount; other currencies show their ISO code ("MYR 4.10").
_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SUBUNITS = {"p", "pence", "penny", "cent", "cents", "c", "¢"}  # "88p": the unit says it all


def plain_number(value: float | int) -> str:
    """1500000.0 -> "1,500,000"; 0.25 -> "0.25" (also the templates' `number` filter)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def _scaled(value: float | int) -> str:
    """1,500,000,000 -> "1.5 billion"; amounts under a million keep their digits."""
    for size, word in _SCALES:
        if abs(value) >= size:
            return f"{plain_number(round(value / size, 3))} {word}"
    return plain_number(value)


def format_quantity(number: Number) -> str:
    """Value (or range) with its unit or currency, as the briefing page shows it."""
    money = number.kind == "money" and number.currency and number.unit not in _SUBUNITS
    show = _scaled if money else plain_number
    amount = show(number.value)
    if number.high is not None:
        amount = f"{show(number.low if number.low is not None else number.value)}–{show(number.high)}"
    if money:
        sign = _SIGNS.get(number.currency or "")
        return f"{sign}{amount}" if sign else f"{number.currency} {amount}"
    unit = number.unit
    if unit in ("fraction", "times"):
        return number.text  # "two-thirds", "threefold" read better than 0.666667
    if not unit or number.kind == "count":
        return amount
    if unit == "%" or unit in _SUBUNITS:
        return f"{amount}{unit}"
    return f"{amount} {unit}"
