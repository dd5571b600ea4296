"""The site's cross-article view of the briefings: actors and places linked across articles.

Built from briefings only (rendering never calls the NLP). One actor page per
actor across all briefings: the same person under its aliases in several
articles is one entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from generator.briefing import Actor, Briefing, Location, Number, Position
from generator.render.escaping import slugify

# Page names the site itself uses inside the actors/ and locations/ folders.
RESERVED_SLUGS = frozenset({"index", "by-letter", "entity-shell"})

_TITLE_WORDS = re.compile(
    r"^(?:(?:gen|col|lt|maj|capt|sgt|adm|dr|mr|mrs|ms|sen|rep|gov|pres|prof|sir)\.?\s+)+", re.I
)


@lru_cache(maxsize=65536)  # every table row of every briefing page looks names up
def name_key(name: str) -> str:
    """A name normalised for matching across articles: no accents, case, dots or titles."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.replace(".", "").replace("'", "").casefold()
    text = re.sub(r"^the\s+", "", text)
    text = _TITLE_WORDS.sub("", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass
class Mention:
    briefing: Briefing
    sentence: str


class _Entry:
    """What actor and place entries share: the briefings that name them."""

    mentions: list[Mention]

    @cached_property
    def briefings(self) -> list[Briefing]:
        """Each briefing once, newest first (computed once: the index is complete by then)."""
        seen: dict[str, Briefing] = {}
        for mention in self.mentions:
            seen.setdefault(mention.briefing.id, mention.briefing)
        return sort_newest_first(seen.values())


@dataclass
class ActorEntry(_Entry):
    slug: str
    name: str
    kind: str
    titles: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    positions: list[tuple[Briefing, Position]] = field(default_factory=list)
    has_page: bool = True
    mention_count: int = 0  # mentions summed over briefings: ranks the most-mentioned

    @property
    def title(self) -> str | None:
        return self.titles.most_common(1)[0][0] if self.titles else None

    @property
    def role(self) -> str | None:
        return self.roles.most_common(1)[0][0] if self.roles else None


@dataclass
class LocationEntry(_Entry):
    slug: str
    name: str
    kind: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)
    has_page: bool = True
    mention_count: int = 0


def sort_newest_first(briefings) -> list[Briefing]:
    """Dated briefings newest first, then undated ones by title; ties by id, so builds are stable."""
    items = list(briefings)
    items.sort(key=lambda b: (b.title.casefold(), b.id))
    items.sort(key=lambda b: b.date or "", reverse=True)
    return items


@dataclass
class SiteIndex:
    briefings: list[Briefing]
    actors: dict[str, ActorEntry]
    locations: dict[str, LocationEntry]
    actor_of: dict[tuple[str, str], ActorEntry]
    location_of: dict[tuple[str, str], LocationEntry]

    def actor_for(self, briefing: Briefing, name: str | None) -> ActorEntry | None:
        """The site-wide actor that `name` (a canonical name or alias) means in `briefing`."""
        if not name:
            return None
        return self.actor_of.get((briefing.id, name_key(name)))

    def location_for(self, briefing: Briefing, name: str) -> LocationEntry | None:
        return self.location_of.get((briefing.id, name_key(name)))

    def all_numbers(self) -> Iterator[tuple[Briefing, Number]]:
        return ((b, n) for b in self.briefings for n in b.numbers)

    def all_positions(self) -> Iterator[tuple[Briefing, Position]]:
        return ((b, p) for b in self.briefings for p in b.positions)


def build_site_index(briefings: list[Briefing], min_briefings_for_page: int = 1) -> SiteIndex:
    """Link the actors and places of all briefings into site-wide entries.

    An entry gets its own page once it appears in `min_briefings_for_page` briefings, or
    (actors) has stated a position; the others link to the one briefing that names them.
    """
    briefings = sort_newest_first(briefings)
    actors: dict[str, ActorEntry] = {}
    by_key: dict[tuple[str, str], ActorEntry] = {}
    actor_of: dict[tuple[str, str], ActorEntry] = {}
    used_slugs: set[str] = set(RESERVED_SLUGS)
    for briefing in sorted(briefings, key=lambda b: b.id):
        for actor in briefing.actors:
            entry = _find_actor(by_key, actor) or _new_actor(actor, actors, used_slugs)
            _add_actor(entry, actor, briefing)
            for form in [actor.name, *actor.aliases]:
                key = name_key(form)
                if not key:
                    continue
                actor_of[(briefing.id, key)] = entry
                # Single words ("McKenzie") link within the article only: across articles a
                # surname or acronym may mean someone else.
                if len(key.split()) > 1 or form == actor.name:
                    by_key.setdefault((actor.kind, key), entry)
        for briefing_id, position in ((briefing.id, p) for p in briefing.positions):
            entry = actor_of.get((briefing_id, name_key(position.speaker or "")))
            if entry is not None:
                entry.positions.append((briefing, position))
    locations: dict[str, LocationEntry] = {}
    location_of: dict[tuple[str, str], LocationEntry] = {}
    loc_by_key: dict[str, LocationEntry] = {}
    used_slugs = set(RESERVED_SLUGS)  # places have their own folder, so their own slugs
    for briefing in sorted(briefings, key=lambda b: b.id):
        for location in briefing.locations:
            key = _location_key(location)
            entry = loc_by_key.get(key)
            if entry is None:
                slug = _unique(slugify(location.name, "place"), used_slugs)
                entry = LocationEntry(
                    slug=slug,
                    name=location.name,
                    kind=location.kind,
                    country=location.country,
                    lat=location.lat,
                    lon=location.lon,
                )
                loc_by_key[key] = entry
                locations[slug] = entry
            entry.mentions.append(Mention(briefing, location.sentence))
            entry.mention_count += location.mentions
            for form in [location.name, *location.aliases]:
                location_of[(briefing.id, name_key(form))] = entry
    for entry in actors.values():
        entry.positions.sort(key=lambda bp: (bp[0].date or "", bp[0].id), reverse=True)
        entry.has_page = bool(entry.positions) or len(entry.briefings) >= min_briefings_for_page
    for place in locations.values():
        place.has_page = len(place.briefings) >= min_briefings_for_page
    return SiteIndex(briefings, actors, locations, actor_of, location_of)


def _find_actor(by_key: dict[tuple[str, str], ActorEntry], actor: Actor) -> ActorEntry | None:
    for form in [actor.name, *actor.aliases]:
        key = name_key(form)
        if (len(key.split()) > 1 or form == actor.name) and (actor.kind, key) in by_key:
            return by_key[(actor.kind, key)]
    return None


def _new_actor(actor: Actor, actors: dict[str, ActorEntry], used: set[str]) -> ActorEntry:
    slug = _unique(slugify(actor.name, "actor"), used)
    entry = ActorEntry(slug=slug, name=actor.name, kind=actor.kind)
    actors[slug] = entry
    return entry


def _add_actor(entry: ActorEntry, actor: Actor, briefing: Briefing) -> None:
    entry.aliases.update(a for a in [actor.name, *actor.aliases] if a != entry.name)
    if actor.title:
        entry.titles[actor.title] += 1
    if actor.role:
        entry.roles[actor.role] += 1
    entry.mentions.append(Mention(briefing, actor.sentence))
    entry.mention_count += actor.mentions


def _location_key(location: Location) -> str:
    if location.lat is not None and location.lon is not None:
        return f"{location.kind}:{location.country}:{name_key(location.name)}"
    return f"?:{name_key(location.name)}"


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
