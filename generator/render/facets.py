"""What a reader can filter the site search by: each briefing's facets, for Pagefind.

A briefing page carries its facets as hidden `data-pagefind-filter` elements (see the
briefing template): the actors and places that have a page on the site (so the filter lists
stay as long as the actor and place indexes, not as long as every name ever extracted), the
countries of its places, the year and month, the source, the article's own tags and the
speakers. Names are the site's canonical ones, so "Erdogan" and "Erdoğan" are one filter value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from generator.briefing import Briefing
from generator.render.site_index import SiteIndex

# The filter keys, in the order the search page shows them, with their labels.
FACETS = {
    "actor": "Actor",
    "speaker": "Speaker",
    "place": "Place",
    "country": "Country",
    "year": "Year",
    "month": "Month",
    "source": "Source",
    "tag": "Tag",
}
# Pagefind leaves a page without a sort key out of a sorted search: undated briefings sort last.
UNDATED = "0000-00-00"


@dataclass
class Facets:
    values: dict[str, list[str]] = field(default_factory=dict)
    sort_date: str = UNDATED

    def add(self, key: str, value: str | None) -> None:
        if value and value not in (found := self.values.setdefault(key, [])):
            found.append(value)

    def items(self) -> list[tuple[str, str]]:
        """(key, value) pairs in FACETS order: what the template writes."""
        return [(key, value) for key in FACETS for value in self.values.get(key, [])]


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """A GeoNames/ISO country code as its common name ("US" -> "United States")."""
    country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def briefing_facets(briefing: Briefing, index: SiteIndex) -> Facets:
    facets = Facets(sort_date=briefing.date or UNDATED)
    if index.original_of(briefing) is not None:
        return facets  # a wire copy: filters count its story once, under the original
    for actor in briefing.actors:
        entry = index.actor_for(briefing, actor.name)
        if entry is not None and entry.has_page:
            facets.add("actor", entry.name)
    for position in briefing.positions:
        entry = index.actor_for(briefing, position.speaker)
        facets.add("speaker", entry.name if entry is not None else position.speaker)
    for location in briefing.locations:
        place = index.location_for(briefing, location.name)
        if place is not None and place.has_page:
            facets.add("place", place.name)
        if location.country:
            facets.add("country", country_name(location.country))
    if briefing.date:
        facets.add("year", briefing.date[:4])
        facets.add("month", briefing.date[:7])
    facets.add("source", briefing.source.name)
    for tag in briefing.tags:  # the article's own: actors and places are facets of their own
        facets.add("tag", tag)
    return facets
