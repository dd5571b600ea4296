"""Regenerate data/units.json from quantulum3's unit and currency data (a development step).

quantulum3 (MIT licence) ships some 400 units with their written surfaces, symbols, kinds
("length", "currency") and ISO 4217 codes. Loading it takes seconds (it expands every SI
prefix at start-up), so the extractor reads this flattened copy instead and quantulum3 is
needed only to rebuild it: `python -m generator.quantities.build_units`.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).parent / "data" / "units.json"

# When one spelling names several units, the one news text means: "p" is a penny, not a pint;
# "pound" is money; "ton" is a (metric-agnostic) ton; "C" is degrees Celsius.
_NEWS_PREFERENCE = [
    "currency", "dimensionless", "temperature", "time", "length", "mass", "speed", "power",
    "energy", "volume", "area", "data storage", "frequency",
]
_NEVER = {"speed of light", "short ton", "second of arc", "minute of arc", "centavo", "barn",
          "base pair", "petayear", "gigayear", "kibibyte", "statcoulomb", "roentgen"}


def _rank(unit) -> tuple[int, int]:
    entity = unit.entity.name
    order = _NEWS_PREFERENCE.index(entity) if entity in _NEWS_PREFERENCE else len(_NEWS_PREFERENCE)
    return (1 if unit.name in _NEVER or any(w in unit.name for w in _NEVER) else 0, order)


def _entry(unit) -> dict[str, str]:
    entry = {"name": unit.name, "kind": unit.entity.name}
    if getattr(unit, "currency_code", None):
        entry["currency"] = unit.currency_code
    return entry


def build() -> dict[str, object]:
    """Symbols (case kept) and surfaces (lower case) -> the unit they most likely mean in news."""
    from quantulum3 import load  # development dependency only

    units = load.units("en_US")
    symbols = {key: _entry(min(cands, key=_rank)) for key, cands in units.symbols.items() if cands}
    surfaces = {key: _entry(min(cands, key=_rank)) for key, cands in units.surfaces_lower.items() if cands}
    return {"source": "quantulum3 (MIT licence), flattened by build_units.py",
            "symbols": dict(sorted(symbols.items())), "surfaces": dict(sorted(surfaces.items()))}


if __name__ == "__main__":
    OUT.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
