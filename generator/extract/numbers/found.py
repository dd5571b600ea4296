"""A number as the finder reads it off the tokens, before it becomes a briefing `Number`."""

from __future__ import annotations

from dataclasses import dataclass

from generator.briefing.model import NumberKind


@dataclass
class Found:
    """A number as written: token indexes of the whole mention and of its numeric core."""

    start: int
    end: int
    core_start: int
    core_end: int
    kind: NumberKind = "count"
    value: float = 0.0
    value_max: float | None = None
    chunk_end: int = 0  # end of the hyphenated word that holds the number ("250,000-strong")
    age: bool = False  # "14-year-old"
    vague: bool = False  # "tens of thousands"
    unit: str | None = None  # "USD", "%", "kW", "years" (generator/quantities)
    currency: str | None = None  # ISO 4217
    sign: str = ""  # "+", "-", "~", "<" as written before the digits
