"""Places across briefings, one entry per identity.

Briefings name one place many ways ("United States", "U.S.", "US"); the geocoder gives each
location its identity (a GeoNames id) and point. Locations are one place when they share a
GeoNames id or a point (to 0.001°, about 100 m: briefings of an older schema have no id, and
a gazetteer may give one spot two ids); a location without a point is known by its name only.
A map has one marker and one page per point: a facility the geocoder could only place at its
town's point ("Stavanger Airport", kind "other", no id) is listed on the town's page as named
there, not as another name of the town. The entry's title is the name the briefings use most
for the place itself, the others are its other spellings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from generator.briefing import Briefing, Location
from generator.render.escaping import slugify
from generator.render.site_index import RESERVED_SLUGS, LocationEntry, Mention, name_key, unique_slug


def identity_keys(location: Location) -> list[str]:
    """The keys under which two locations are one place (any one key in common is enough)."""
    keys = [f"id:{location.geonameid}"] if location.geonameid is not None else []
    if location.lat is not None and location.lon is not None:
        keys.append(f"pt:{location.lat:.3f},{location.lon:.3f}")
    if not keys:
        keys.append(f"name:{name_key(location.name)}")
    return keys


class _Groups:
    """Union-find over the locations: which of them are one place."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, n: int) -> int:
        while self.parent[n] != n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def join(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)  # the first-seen location leads: stable order


def index_locations(
    briefings: Iterable[Briefing],
) -> tuple[dict[str, LocationEntry], dict[tuple[str, str], LocationEntry]]:
    """One entry per place across `briefings`, by slug; and which entry each briefing's name
    (or alias) of a place means."""
    found = [(b, loc) for b in sorted(briefings, key=lambda b: b.id) for loc in b.locations]
    groups = _Groups(len(found))
    first: dict[str, int] = {}
    for n, (_, location) in enumerate(found):
        for key in identity_keys(location):
            groups.join(first.setdefault(key, n), n)
    members: dict[int, list[int]] = {}
    for n in range(len(found)):
        members.setdefault(groups.find(n), []).append(n)
    location_of: dict[tuple[str, str], LocationEntry] = {}
    entries: list[LocationEntry] = []
    for group in members.values():
        entry = _entry([found[n] for n in group])
        entries.append(entry)
        for n in group:
            briefing, location = found[n]
            for form in [location.name, *location.aliases]:
                if name_key(form):
                    location_of[(briefing.id, name_key(form))] = entry
    used = set(RESERVED_SLUGS)  # places have their own folder, so their own slugs
    locations: dict[str, LocationEntry] = {}
    order = sorted(entries, key=lambda e: (name_key(e.name), -len(e.mentions), e.mentions[0].briefing.id))
    for entry in order:
        entry.slug = unique_slug(slugify(entry.name, "place"), used)
        locations[entry.slug] = entry
    return locations, location_of


def _entry(located: list[tuple[Briefing, Location]]) -> LocationEntry:
    """The place the locations of one group are: the values most of them give."""
    kinds = Counter(loc.kind for _, loc in located if loc.geonameid is not None) \
        or Counter(loc.kind for _, loc in located)
    kind = _most(kinds)
    names: Counter[str] = Counter()
    placed: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    admin1s: Counter[str] = Counter()
    ids: Counter[int] = Counter()
    points: Counter[tuple[float, float]] = Counter()
    for _, location in located:
        itself = location.kind == kind or location.geonameid is not None
        (names if itself else placed)[location.name] += location.mentions
        countries.update([location.country] if location.country else [])
        admin1s.update([location.admin1] if location.admin1 else [])
        ids.update([location.geonameid] if location.geonameid is not None else [])
        if itself and location.lat is not None and location.lon is not None:
            points[(location.lat, location.lon)] += 1
    point = _most(points)
    entry = LocationEntry(
        slug="", name=_title(names), kind=kind, country=_most(countries),
        lat=point[0] if point else None, lon=point[1] if point else None,
        geonameid=_most(ids), admin1=_most(admin1s), names=names,
        placed=sorted(placed, key=lambda n: (-placed[n], n)),
    )
    named_by = {briefing.id for briefing, _ in located}
    for briefing, location in located:
        if briefing.duplicate_of in named_by:
            continue  # a wire copy of a briefing that names the place too: counted once, there
        entry.mentions.append(Mention(briefing, location.sentence))
        entry.mention_count += location.mentions
    return entry


def _most(counts: Counter):
    """The most common value (ties: the smallest, so builds are stable), or None."""
    return min(counts, key=lambda value: (-counts[value], value)) if counts else None


def _title(names: Counter[str]) -> str:
    """The name the briefings use most; on a tie the longer ("United States" over "U.S.")."""
    return max(names, key=lambda name: (names[name], len(name), name))
