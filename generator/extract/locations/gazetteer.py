"""The location rules' view of the offline gazetteer: which words may name a place.

Backed by `generator.geo`'s compiled GeoNames file (opened in milliseconds, no
table built at start-up). Finding mentions needs a narrower list than
resolving them: a capitalised word counts as a possible place when it names a
country, a region (first-level, or a world region such as "Middle East"), a
county by its full name ("Henrico County"), or a town of 15,000+ people;
`generator.geo.resolver` then chooses among all of GeoNames' places.

Word lists in `data/`: `common_words.txt` (place names that are also everyday
words or given names) and `facility_heads.txt` (last words of facility names).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.geo.gazetteer import Gazetteer as GeoGazetteer
from generator.geo.gazetteer import load_gazetteer as load_geo_gazetteer
from generator.geo.keys import bare_key, name_key

__all__ = ["Gazetteer", "Place", "bare_key", "load_gazetteer", "name_key"]

DATA = Path(__file__).parent / "data"
# A town this big is a possible place on its name alone (GeoNames' cities15000 threshold).
MIN_TOWN_POPULATION = 15_000


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """One gazetteer entry as the mention rules see it."""

    key: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0


class Gazetteer:
    """Surface form -> possible places; demonyms; the word lists the rules consult."""

    def __init__(self, geo: GeoGazetteer, common_words: frozenset[str], facility_heads: frozenset[str]):
        self._geo = geo
        self.common_words = common_words
        self.facility_heads = facility_heads

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process
    def _lookup(self, key: str) -> tuple[Place, ...]:
        found = []
        for p, primary in self._geo.matches(key):
            if p.kind == "city" and p.population < MIN_TOWN_POPULATION:
                continue
            if p.kind == "county" and not primary:
                continue
            found.append(Place(f"geo:{p.id}", p.name, p.kind, p.country, p.lat, p.lon, p.population))
        return tuple(found)

    def lookup(self, text: str) -> list[Place]:
        """All places a surface form may name (exact key, then without an Arabic article)."""
        return list(self._lookup(name_key(text)))

    def demonym(self, text: str) -> str | None:
        """The country code of a nationality adjective ("Iraqi" -> "IQ"), else None."""
        if not self._geo.is_demonym(text):
            return None
        countries = [p.country for p in self._geo.candidates(text, demonyms=True) if p.kind == "country"]
        return countries[0] if countries else None

    def is_common_word(self, text: str) -> bool:
        """True for place names that are also ordinary words or given names ("Nice", "Reading")."""
        return name_key(text) in self.common_words


def _word_list(filename: str) -> frozenset[str]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(w) for w in lines if w.strip() and not w.startswith("#"))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process's gazetteer (the compiled file is opened once)."""
    return Gazetteer(load_geo_gazetteer(), _word_list("common_words.txt"), _word_list("facility_heads.txt"))
