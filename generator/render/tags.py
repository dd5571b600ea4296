"""Tags: the briefing's own (front matter), then its most-mentioned actors and places.

Each tag a reader sees is a link: an article's own tag leads to its tag page (every
briefing with that tag, newest first, paginated like the other listings); an actor or
place tag leads to that entity's page when it has one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.briefing import Briefing
from generator.render.escaping import slugify
from generator.render.site_index import SiteIndex
from generator.render.urls import entity_uri

TAGS_PER_BRIEFING = 8


@dataclass
class TagEntry:
    """One of the articles' own tags, across the site."""

    name: str
    slug: str
    briefings: list[Briefing] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"tags/{self.slug}.md"


def tag_slug(name: str) -> str:
    """The tag page's name; never `index` (or `index-N`), which are the pages of all tags."""
    slug = slugify(name, fallback="tag")
    return f"tag-{slug}" if slug == "index" or slug.startswith("index-") else slug


def briefing_tags(briefing: Briefing) -> list[str]:
    """The briefing's own tags, then its most-mentioned actors and places (at most 8)."""
    tags = list(briefing.tags)
    actors = sorted(briefing.actors, key=lambda a: -a.mentions)
    places = sorted(briefing.locations, key=lambda loc: -loc.mentions)
    for name in [a.name for a in actors[:5]] + [p.name for p in places[:3]]:
        if name not in tags:
            tags.append(name)
    return tags[:TAGS_PER_BRIEFING]


def tag_entries(index: SiteIndex) -> dict[str, TagEntry]:
    """The articles' own tags by slug ('R&D' and 'r-d' are one tag), briefings newest first."""
    entries: dict[str, TagEntry] = {}
    for briefing in index.briefings:  # newest first already
        for name in dict.fromkeys(briefing.tags):
            slug = tag_slug(name)
            entry = entries.setdefault(slug, TagEntry(name, slug))
            if not entry.briefings or entry.briefings[-1] is not briefing:
                entry.briefings.append(briefing)
    return dict(sorted(entries.items(), key=lambda item: item[1].name.casefold()))


def tag_targets(briefing: Briefing, index: SiteIndex,
                tags: dict[str, TagEntry]) -> list[tuple[str, str | None]]:
    """(tag, the page it links to, or None) for each tag `briefing_tags` gives the briefing."""
    own = set(briefing.tags)
    targets: list[tuple[str, str | None]] = []
    for name in briefing_tags(briefing):
        target = None
        if name in own:
            target = tags[tag_slug(name)].uri
        else:
            actor, place = index.actor_for(briefing, name), index.location_for(briefing, name)
            if actor is not None and actor.has_page:
                target = entity_uri("actors", actor)
            elif actor is None and place is not None and (place.has_page or place.actor is not None):
                target = entity_uri("locations", place)  # a country that is an actor: its page
        targets.append((name, target))
    return targets


def mappings(index: SiteIndex, url_of) -> dict:
    """Material's tags.json (`{"mappings": [{"item": {url, title}, "tags": [...]}]}`): which page
    has which tags, for tools that read it; Material itself only sees the pages it built."""
    return {"mappings": [
        {"item": {"url": url_of(briefing), "title": briefing.title}, "tags": sorted(briefing_tags(briefing))}
        for briefing in sorted(index.briefings, key=lambda b: b.id)
    ]}
