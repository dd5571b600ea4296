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
from typing import TYPE_CHECKING

from generator.briefing import Actor, Briefing, Number, Position
from generator.render.escaping import slugify

if TYPE_CHECKING:
    from generator.render.identities import Identities

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
    names: Counter[str] = field(default_factory=Counter)  # the briefings' names for it, by mentions
    kinds: Counter[str] = field(default_factory=Counter)
    # a country that is also a place: its point (no reference back: the build's objects stay
    # free of reference cycles, see mkdocs_plugin/collector.py)
    is_place: bool = False
    place_point: tuple[float, float] | None = None

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
    actor: ActorEntry | None = None  # a country that is also an actor: one page, the actor's
    geonameid: int | None = None
    admin1: str | None = None
    names: Counter[str] = field(default_factory=Counter)  # the briefings' names for it, by mentions
    # What the briefings name at its point that is not the place itself ("Stavanger Airport":
    # the geocoder knew only its town), most mentioned first.
    placed: list[str] = field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """The other spellings the briefings use, most used first (one per spelling that
        differs by more than dots and case)."""
        seen = {name_key(self.name)}
        out = []
        for name, _ in sorted(self.names.items(), key=lambda item: (-item[1], item[0])):
            if name_key(name) not in seen:
                seen.add(name_key(name))
                out.append(name)
        return out


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
    warnings: list[str] = field(default_factory=list)  # identity rules that matched nothing
    # Facts of a wire copy that its original states too (briefing id, fact key): counted once,
    # under the original (duplicates.py).
    repeats: set[tuple[str, str]] = field(default_factory=set)

    @cached_property
    def by_id(self) -> dict[str, Briefing]:
        return {briefing.id: briefing for briefing in self.briefings}

    def original_of(self, briefing: Briefing) -> Briefing | None:
        """The published briefing `briefing` is a copy of, if any."""
        return self.by_id.get(briefing.duplicate_of) if briefing.duplicate_of else None

    def copies_of(self, briefing: Briefing) -> list[Briefing]:
        """The published copies of `briefing`, oldest first (from the copies' `duplicate_of`,
        so a reviewed original that lists none still shows them)."""
        return self._copies.get(briefing.id, [])

    @cached_property
    def _copies(self) -> dict[str, list[Briefing]]:
        found: dict[str, list[Briefing]] = {}
        for briefing in sorted(self.briefings, key=lambda b: (b.date or "", b.id)):
            original = self.original_of(briefing)
            if original is not None:
                found.setdefault(original.id, []).append(briefing)
        return found

    @property
    def originals(self) -> list[Briefing]:
        """The briefings that are no copy of another published one, newest first."""
        return [briefing for briefing in self.briefings if self.original_of(briefing) is None]

    def actor_for(self, briefing: Briefing, name: str | None) -> ActorEntry | None:
        """The site-wide actor that `name` (a canonical name or alias) means in `briefing`."""
        if not name:
            return None
        return self.actor_of.get((briefing.id, name_key(name)))

    def location_for(self, briefing: Briefing, name: str) -> LocationEntry | None:
        return self.location_of.get((briefing.id, name_key(name)))

    @cached_property
    def _actors_by_briefing(self) -> dict[str, list[ActorEntry]]:
        """Each briefing's site-wide actors (once each)."""
        out: dict[str, dict[int, ActorEntry]] = {}
        for (briefing_id, _), entry in self.actor_of.items():
            out.setdefault(briefing_id, {})[id(entry)] = entry
        return {briefing_id: list(entries.values()) for briefing_id, entries in out.items()}

    def actors_at(self, place: LocationEntry) -> list[tuple[ActorEntry, int]]:
        """The actors named in the briefings that name `place`, with how many of those
        briefings name them, most first (the country's own actor, its other role, left out)."""
        counts: dict[int, list] = {}
        for briefing in place.briefings:
            for actor in self._actors_by_briefing.get(briefing.id, []):
                if actor is not place.actor:
                    counts.setdefault(id(actor), [actor, 0])[1] += 1
        pairs = [(actor, count) for actor, count in counts.values()]
        return sorted(pairs, key=lambda pair: (-pair[1], -pair[0].mention_count, pair[0].name.casefold()))

    def positions_at(self, place: LocationEntry) -> list[tuple[Briefing, Position]]:
        """The positions stated in the briefings that name `place`, newest briefing first."""
        return [(briefing, position) for briefing in place.briefings for position in briefing.positions
                if (briefing.id, position_key(position)) not in self.repeats]

    def all_numbers(self) -> Iterator[tuple[Briefing, Number]]:
        """Every number, a copy's only where its original does not state it."""
        return ((b, n) for b in self.briefings for n in b.numbers
                if (b.id, number_key(n)) not in self.repeats)

    def all_positions(self) -> Iterator[tuple[Briefing, Position]]:
        """Every stated position, a copy's only where its original does not state it."""
        return ((b, p) for b in self.briefings for p in b.positions
                if (b.id, position_key(p)) not in self.repeats)


def position_key(position: Position) -> str:
    return f"position:{name_key(position.speaker or '')}:{name_key(position.text)}"


def number_key(number: Number) -> str:
    return f"number:{name_key(number.text)}:{name_key(number.subject or '')}"


def actor_key(actor: Actor) -> str:
    return f"actor:{name_key(actor.name)}"


def _repeats(briefings: list[Briefing]) -> set[tuple[str, str]]:
    """(copy id, fact key) for each fact of a copy that its (published) original states too."""
    by_id = {briefing.id: briefing for briefing in briefings}
    repeats: set[tuple[str, str]] = set()
    for copy in briefings:
        original = by_id.get(copy.duplicate_of) if copy.duplicate_of else None
        if original is None:
            continue
        stated = {actor_key(a) for a in original.actors} | {position_key(p) for p in original.positions} \
            | {number_key(n) for n in original.numbers}
        facts = [actor_key(a) for a in copy.actors] + [position_key(p) for p in copy.positions] \
            + [number_key(n) for n in copy.numbers]
        repeats |= {(copy.id, key) for key in facts if key in stated}
    return repeats


def build_site_index(
    briefings: list[Briefing], min_briefings_for_page: int = 1, identities: Identities | None = None
) -> SiteIndex:
    """Link the actors and places of all briefings into site-wide entries.

    One entry per identity: names that differ only by accents, case, dots or a leading "the"
    ("Erdogan", "Erdoğan") are one actor, shown under the name the briefings use most (the
    accented form on a tie); `identities` (the analyst's file) is applied to the briefings
    first. An entry gets its own page once it appears in `min_briefings_for_page` briefings,
    or (actors) has stated a position; the others link to the one briefing that names them.
    """
    from generator.render.identities import apply_identities
    from generator.render.place_index import index_locations

    briefings, warnings = apply_identities(briefings, identities)
    briefings = sort_newest_first(briefings)
    repeats = _repeats(briefings)
    by_key: dict[str, ActorEntry] = {}
    actor_of: dict[tuple[str, str], ActorEntry] = {}
    entries: list[ActorEntry] = []
    for briefing in sorted(briefings, key=lambda b: b.id):
        for actor in briefing.actors:
            entry = _find_actor(by_key, actor)
            if entry is None:
                entry = ActorEntry(slug="", name=actor.name, kind=actor.kind)
                entries.append(entry)
            if (briefing.id, actor_key(actor)) not in repeats:  # a copy's: counted under the original
                _add_actor(entry, actor, briefing)
            for form in [actor.name, *actor.aliases]:
                key = name_key(form)
                if not key:
                    continue
                actor_of[(briefing.id, key)] = entry
                # Single words ("McKenzie") link within the article only: across articles a
                # surname or acronym may mean someone else.
                if len(key.split()) > 1 or form == actor.name:
                    by_key.setdefault(key, entry)
    entries = _join_by_alias(entries, actor_of)
    actors = _name_actors(entries)
    for briefing in sorted(briefings, key=lambda b: b.id):
        for position in briefing.positions:
            entry = actor_of.get((briefing.id, name_key(position.speaker or "")))
            if entry is not None and (briefing.id, position_key(position)) not in repeats:
                entry.positions.append((briefing, position))
    locations, location_of = index_locations(briefings)
    _link_countries(actors, locations)
    for entry in actors.values():
        entry.positions.sort(key=lambda bp: (bp[0].date or "", bp[0].id), reverse=True)
        entry.has_page = bool(entry.positions) or len(entry.briefings) >= min_briefings_for_page
    for place in locations.values():
        place.has_page = len(place.briefings) >= min_briefings_for_page
    return SiteIndex(briefings, actors, locations, actor_of, location_of, warnings, repeats)


def _join_by_alias(
    entries: list[ActorEntry], actor_of: dict[tuple[str, str], ActorEntry]
) -> list[ActorEntry]:
    """An actor known in some briefing only by a short name ("AFP") joins the one actor of the
    same kind that another briefing gave that name as an alias ("Agence France-Presse, AFP");
    two or more such actors (two McKenzies): it stays apart."""
    owners: dict[tuple[str, str], set[int]] = {}
    for n, entry in enumerate(entries):
        for alias in entry.aliases:
            key = name_key(alias)
            if key and len(key.split()) == 1:
                owners.setdefault((next(iter(entry.kinds)), key), set()).add(n)
    target: dict[int, int] = {}
    for n, entry in enumerate(entries):
        forms = {name_key(name) for name in entry.names}
        if len(forms) != 1 or len(entry.kinds) != 1:
            continue
        key = next(iter(forms))
        others = owners.get((next(iter(entry.kinds)), key), set()) - {n}
        if len(key.split()) == 1 and len(others) == 1:
            target[n] = next(iter(others))
    if not target:
        return entries
    for n, into in target.items():
        if into in target:
            continue  # a chain: leave both as they are
        _merge_entry(entries[into], entries[n])
    moved = {id(entries[n]): entries[into] for n, into in target.items() if into not in target}
    for where, entry in actor_of.items():
        if id(entry) in moved:
            actor_of[where] = moved[id(entry)]
    return [entry for entry in entries if id(entry) not in moved]


def _merge_entry(into: ActorEntry, other: ActorEntry) -> None:
    into.aliases.update(other.aliases)
    into.names.update(other.names)
    into.kinds.update(other.kinds)
    into.titles.update(other.titles)
    into.roles.update(other.roles)
    into.mentions.extend(other.mentions)
    into.mention_count += other.mention_count


def _link_countries(actors: dict[str, ActorEntry], locations: dict[str, LocationEntry]) -> None:
    """A country named as an actor and as a place is one entity: one name (the fuller of the
    two: "United Arab Emirates" rather than "UAE"), both roles, the actor's page for both."""
    by_form: dict[str, ActorEntry] = {}
    for country in actors.values():
        if country.kind == "country":
            for form in [country.name, *country.aliases]:
                by_form.setdefault(name_key(form), country)
    countries = [place for place in locations.values() if place.kind == "country"]

    def named(place: LocationEntry) -> ActorEntry | None:
        forms = [place.name, *place.aliases, *place.names]  # "U.S." as well as "United States"
        return next((by_form[name_key(f)] for f in forms if name_key(f) in by_form), None)

    of_code: dict[str, ActorEntry] = {}
    for place in countries:
        actor = named(place)
        if actor is not None and place.country:
            of_code.setdefault(place.country, actor)
    for place in countries:  # "America" is the place the actor "United States" is
        actor = named(place) or of_code.get(place.country or "")
        if actor is None:
            continue
        place.actor = actor
        if not actor.is_place:
            actor.is_place = True
            if place.lat is not None and place.lon is not None:
                actor.place_point = (place.lat, place.lon)
            if len(place.name) > len(actor.name):
                actor.aliases.add(actor.name)
                actor.name = place.name
        actor.aliases.update(place.names)
        actor.aliases.discard(actor.name)
        actor.mentions.extend(place.mentions)  # its page lists the briefings of both roles
    for place in locations.values():
        if place.actor is not None:
            place.name = place.actor.name


def _find_actor(by_key: dict[str, ActorEntry], actor: Actor) -> ActorEntry | None:
    plural = actor.kind in ("group", "organization") and name_key(actor.name).endswith("s")
    names = [actor.name, *([actor.name[:-1]] if plural else [])]  # "Houthis" is "Houthi"
    for form in [*names, *actor.aliases]:
        key = name_key(form)
        if (len(key.split()) > 1 or form in names) and key in by_key:
            entry = by_key[key]
            if not _conflicts(entry, actor):
                return entry
    return None


def _conflicts(entry: ActorEntry, actor: Actor) -> bool:
    """Two people of one name stay apart when both have titles and they differ ("Gen." / "Rep.")."""
    if actor.kind != "person" or "person" not in entry.kinds or not actor.title or not entry.titles:
        return False
    return name_key(actor.title) not in {name_key(t) for t in entry.titles}


def _canonical_name(entry: ActorEntry) -> str:
    """A full name before a short one ("Agence France-Presse", not "AFP"), then the name the
    briefings use most, then the accented ("Erdoğan") and the longer form."""
    return max(entry.names, key=lambda n: (" " in n, entry.names[n], not n.isascii(), len(n), n))


def _name_actors(entries: list[ActorEntry]) -> dict[str, ActorEntry]:
    """Give each entry its canonical name, kind and a slug from that name (unique, in a stable
    order), and keep its other names as aliases."""
    actors: dict[str, ActorEntry] = {}
    used: set[str] = set(RESERVED_SLUGS)
    for entry in entries:
        entry.name = _canonical_name(entry)
        entry.kind = max(entry.kinds, key=lambda k: (entry.kinds[k], k))
        entry.aliases.discard(entry.name)
    order = sorted(entries, key=lambda e: (name_key(e.name), -len(e.mentions), e.mentions[0].briefing.id))
    for entry in order:
        entry.slug = unique_slug(slugify(entry.name, "actor"), used)
        actors[entry.slug] = entry
    return actors


def _add_actor(entry: ActorEntry, actor: Actor, briefing: Briefing) -> None:
    entry.aliases.update([actor.name, *actor.aliases])
    entry.names[actor.name] += actor.mentions
    entry.kinds[actor.kind] += 1
    if actor.title:
        entry.titles[actor.title] += 1
    if actor.role:
        entry.roles[actor.role] += 1
    entry.mentions.append(Mention(briefing, actor.sentence))
    entry.mention_count += actor.mentions


def unique_slug(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    used.add(candidate)
    return candidate
