"""RSS feeds to follow: the site's newest briefings, and one feed per actor, place and tag page.

A reader who follows an actor gets each new briefing that names them. Every feed is RSS 2.0
with absolute links from `site_url` (RSS does not allow relative ones), and each page that has
a feed announces it in its head (`<link rel="alternate">`), where feed readers look.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape
from xml.etree import ElementTree as ET

from generator.briefing import Briefing
from generator.plain_text import CONTROL_CHARACTERS
from generator.render.site_index import SiteIndex
from generator.render.tags import TagEntry
from generator.render.urls import briefing_uri, dest_url, entity_uri, relative_url

SITE_FEED = "feed.xml"
SITE_FEED_ITEMS = 50
ENTITY_FEED_ITEMS = 20  # a feed per entity: thousands of files on a large site, kept small
RSS_TYPE = "application/rss+xml"


def feed_uri(kind: str, slug: str) -> str:
    """Where the feed of an actor, place or tag page is: 'feeds/actors/ken-mckenzie.xml'."""
    return f"feeds/{kind}/{slug}.xml"


def feed_link(href: str, title: str) -> str:
    """The `<link>` a page's head carries for a feed (`href` relative to the page)."""
    return f'<link rel="alternate" type="{RSS_TYPE}" title="{escape(title)}" href="{escape(href)}">'


def xml_text(text: str) -> str:
    """`text` without what XML 1.0 cannot hold even escaped (a hand-edited briefing may).
    Lone surrogates, the other such characters, never load (briefing/store.py)."""
    return CONTROL_CHARACTERS.sub("", text)


def rss(title: str, page: str, description: str, briefings: list[Briefing], site_url: str | None,
        items: int, use_directory_urls: bool = True) -> bytes:
    """An RSS 2.0 feed of `briefings` (newest first), linking to `page` (a site-relative URL)."""
    base = (site_url or "").rstrip("/") + "/"
    feed = ET.Element("rss", version="2.0")
    channel = ET.SubElement(feed, "channel")
    ET.SubElement(channel, "title").text = xml_text(title)
    ET.SubElement(channel, "link").text = base + page
    ET.SubElement(channel, "description").text = xml_text(description)
    for b in briefings[:items]:
        item = ET.SubElement(channel, "item")
        ET.SubElement(item, "title").text = xml_text(b.title)
        ET.SubElement(item, "link").text = base + dest_url(briefing_uri(b), use_directory_urls)
        ET.SubElement(item, "guid", isPermaLink="false").text = b.id
        ET.SubElement(item, "description").text = xml_text(b.summary)
        if b.date:
            published = datetime.fromisoformat(b.date).replace(tzinfo=UTC)
            ET.SubElement(item, "pubDate").text = format_datetime(published)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def site_feed(index: SiteIndex, site_url: str | None, site_name: str) -> bytes:
    # A wire copy of a story already in the feed is no news: the original says where else it ran.
    return rss(site_name, "", f"New briefings on {site_name}", index.originals, site_url, SITE_FEED_ITEMS)


def entity_feeds(index: SiteIndex, tags: dict[str, TagEntry], site_url: str | None,
                 site_name: str, use_directory_urls: bool = True) -> Iterator[tuple[str, bytes]]:
    """(feed file, RSS) for every actor, place and tag that has a page."""
    for actor in index.actors.values():
        if actor.has_page:
            yield feed_uri("actors", actor.slug), rss(
                f"{actor.name} · {site_name}", entity_uri("actors", actor),
                f"New briefings naming {actor.name}", actor.briefings, site_url, ENTITY_FEED_ITEMS)
    for place in index.locations.values():
        if place.has_page and place.actor is None:  # a country that is an actor: the actor's feed
            yield feed_uri("locations", place.slug), rss(
                f"{place.name} · {site_name}", entity_uri("locations", place),
                f"New briefings about {place.name}", place.briefings, site_url, ENTITY_FEED_ITEMS)
    for tag in tags.values():
        yield feed_uri("tags", tag.slug), rss(
            f"Tag: {tag.name} · {site_name}", dest_url(tag.uri, use_directory_urls),
            f"New briefings tagged {tag.name}", tag.briefings, site_url, ENTITY_FEED_ITEMS)


def feed_links(page_url: str, site_name: str, page_feed: str | None = None, page_title: str = "") -> str:
    """The `<link>`s a page's head carries: the site's feed, and the page's own (relative)."""
    links = feed_link(relative_url(page_url, SITE_FEED), f"{site_name}: new briefings")
    if page_feed:
        links += feed_link(page_feed, f"{page_title}: new briefings")
    return links
