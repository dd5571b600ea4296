"""Briefing pages show a number with its unit or currency: "$1.5 billion", "120 mph"."""

from __future__ import annotations

import pytest

from generator.briefing import Number
from generator.render.quantity import format_quantity


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (Number(value=1.5e9, text="$1.5bn", kind="money", unit="USD", currency="USD"), "$1.5 billion"),
        (Number(value=120, text="120 mph", kind="measure", unit="mph"), "120 mph"),
        (Number(value=15, text="15 to 20 percent", kind="percent", unit="%", low=15, high=20), "15–20%"),
        (Number(value=4.1, text="RM4.10", kind="money", unit="MYR", currency="MYR"), "MYR 4.1"),
        (Number(value=88, text="88p", kind="money", unit="p", currency="GBP"), "88p"),
        (Number(value=300e9, text="US$300 and 400 billion", kind="money", unit="USD", currency="USD",
                low=300e9, high=400e9), "$300 billion–400 billion"),
        (Number(value=2 / 3, text="two-thirds", kind="measure", unit="fraction"), "two-thirds"),
        (Number(value=5200, text="5,200", kind="count", subject="soldiers"), "5,200"),
    ],
)
def test_a_number_is_shown_with_its_unit(number: Number, shown: str):
    assert format_quantity(number) == shown
