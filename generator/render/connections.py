"""Who appears with whom: an actor's co-occurring actors and places, and its briefings by month.

Counted over briefings, each once (a wire copy adds nothing its original has, see
duplicates.py), and only between entities that have a page, so every connection is a link.
Each briefing contributes its most-mentioned actors (PER_BRIEFING): the pairs of a long
list of names are quadratic, and the names mentioned once are seldom the connection an
analyst follows.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

from generator.briefing import Briefing, Position
from generator.render.site_index import ActorEntry, LocationEntry, SiteIndex

TOP = 10  # connections shown per page
PER_BRIEFING = 15
MAX_MONTHS = 36  # the chart's span: the latest three years of mentions
CHART_HEIGHT = 48
BAR_STEP = 12


@dataclass(frozen=True)
class MonthBar:
    month: str  # YYYY-MM
    count: int
    x: int
    height: float


@dataclass
class Connections:
    actors: list[tuple[ActorEntry, int]] = field(default_factory=list)
    places: list[tuple[LocationEntry, int]] = field(default_factory=list)
    months: list[MonthBar] = field(default_factory=list)
    peak: int = 0

    @property
    def chart_width(self) -> int:
        return max(1, len(self.months)) * BAR_STEP


def actor_connections(index: SiteIndex) -> dict[str, Connections]:
    """Connections of every actor that has a page, by its slug."""
    with_actors: dict[str, Counter[str]] = {}
    with_places: dict[str, Counter[str]] = {}
    actors_by_slug: dict[str, ActorEntry] = {}
    places_by_slug: dict[str, LocationEntry] = {}
    for briefing in index.originals:
        ranked = sorted(briefing.actors, key=lambda actor: -actor.mentions)[:PER_BRIEFING]
        present = {e.slug: e for a in ranked
                   if (e := index.actor_for(briefing, a.name)) is not None and e.has_page}
        places = {p.slug: p for loc in briefing.locations
                  if (p := index.location_for(briefing, loc.name)) is not None
                  and p.has_page and p.actor is None}
        actors_by_slug.update(present)
        places_by_slug.update(places)
        for slug in present:
            others = with_actors.setdefault(slug, Counter())
            others.update(other for other in present if other != slug)
            with_places.setdefault(slug, Counter()).update(list(places))
    found: dict[str, Connections] = {}
    for entry in index.actors.values():
        if not entry.has_page:
            continue
        connections = Connections(
            actors=[(actors_by_slug[s], n) for s, n in _top(with_actors.get(entry.slug), actors_by_slug)],
            places=[(places_by_slug[s], n) for s, n in _top(with_places.get(entry.slug), places_by_slug)],
        )
        connections.months, connections.peak = month_bars([b.date for b in entry.briefings if b.date])
        found[entry.slug] = connections
    return found


def _top(counts: Counter[str] | None, entries: dict) -> list[tuple[str, int]]:
    """The TOP most frequent, ties by name (stable across builds)."""
    if not counts:
        return []
    return sorted(counts.items(), key=lambda item: (-item[1], entries[item[0]].name.casefold()))[:TOP]


def month_bars(dates: list[str]) -> tuple[list[MonthBar], int]:
    """One bar per month from the first to the last mention (at most MAX_MONTHS, the latest),
    empty months included so the gaps show; and the highest count."""
    counts = Counter(date[:7] for date in dates)
    if not counts:
        return [], 0
    months = _month_range(min(counts), max(counts))[-MAX_MONTHS:]
    peak = max(counts[month] for month in months)
    bars = [MonthBar(month, counts[month], n * BAR_STEP, round(counts[month] / peak * CHART_HEIGHT, 1))
            for n, month in enumerate(months)]
    return bars, peak


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def by_month(positions: list[tuple[Briefing, Position]]) -> list[tuple[str, list[tuple[Briefing, Position]]]]:
    """An actor's positions (newest first) as a timeline: ("2020-01", [...]), ...; undated last."""
    return [(month or "undated", list(items))
            for month, items in itertools.groupby(positions, key=lambda bp: (bp[0].date or "")[:7])]
