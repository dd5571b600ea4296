"""The unit table: which written spellings after (or glued to) a number are units or currencies.

Symbols keep their case ("kW", "G", "RM"); word surfaces are matched in lower case
("miles per hour"). The table is quantulum3's (data/units.json, see build_units.py) with the
news additions of data/news_units.yaml on top.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
PERCENT = "%"
# Units whose written form is a share of something: given as "%" whatever the spelling.
_PERCENT_NAMES = {"percentage"}
# Units of time, given as their plural word ("a 34-year-old" -> "years", "3min" -> "minutes").
_TIME_WORDS = {"year": "years", "month": "months", "week": "weeks", "day": "days",
               "hour": "hours", "minute": "minutes", "second": "seconds", "decade": "decades",
               "century": "centuries"}

# American spellings of the metric units, whose names in the table are British ("litre").
_SPELLINGS = (("liter", "litre"), ("meter", "metre"))


@dataclass(frozen=True)
class Unit:
    """A unit as found: its name in the table, its kind ("length", "currency"), ISO code for money."""

    name: str
    kind: str
    currency: str | None = None

    @property
    def is_money(self) -> bool:
        return self.kind == "currency"

    def label(self, written: str) -> str:
        """The unit as a briefing shows it: ISO code for money, "%" for shares, plural words for
        time, otherwise the spelling of the text ("kW", "mph", "miles per hour")."""
        if self.currency and written not in ("p", "pence", "penny", "cent", "cents", "c", "¢"):
            return self.currency
        if self.name in _PERCENT_NAMES:
            return PERCENT
        if self.name in _TIME_WORDS and (len(written) > 3 or written == "day"):
            return _TIME_WORDS[self.name]  # "3min", "10s" keep their symbol
        return _one_spelling(written, self.name)


def _one_spelling(written: str, name: str) -> str:
    """The American spelling of a metric unit in the table's (British) one, so one unit has one
    label: "2.4-liter" and "2.4-litre" are both in "litre", "7.5 kilometers" in "kilometres"."""
    for american, british in _SPELLINGS:
        if british in name and american in written:
            return written.replace(american, british)
    return written


@dataclass(frozen=True)
class UnitTable:
    symbols: dict[str, Unit]
    surfaces: dict[str, Unit]
    glued_only: frozenset[str]
    max_words: int

    def lookup(self, written: str, glued: bool) -> Unit | None:
        """The unit `written` spells (None if none). `glued`: written against the digits ("7kW")."""
        if not glued and (written in self.glued_only or written.lower() in self.glued_only):
            return None
        unit = self.symbols.get(written) or self.surfaces.get(written.lower())
        if unit is None and glued:
            unit = self.symbols.get(written.lower()) if written.isupper() else None
        return unit


def _unit(entry: dict) -> Unit:
    return Unit(name=entry["name"], kind=entry["kind"], currency=entry.get("currency"))


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    """Load the table once per process (a JSON and a YAML file: milliseconds)."""
    base = json.loads((DATA / "units.json").read_text(encoding="utf-8"))
    news = yaml.safe_load((DATA / "news_units.yaml").read_text(encoding="utf-8"))
    keep = set(news["dimensionless_units"])

    def usable(entry: dict) -> bool:
        return entry["kind"] != "dimensionless" or entry["name"] in keep

    symbols = {k: _unit(v) for k, v in base["symbols"].items() if usable(v)}
    surfaces = {k: _unit(v) for k, v in base["surfaces"].items() if usable(v)}
    symbols.update({k: _unit(v) for k, v in news["symbols"].items()})
    surfaces.update({k.lower(): _unit(v) for k, v in news["surfaces"].items()})
    longest = max(len(k.split()) for k in [*symbols, *surfaces])
    return UnitTable(symbols, surfaces, frozenset(news["glued_only"]), longest)
