"""Feeds to follow: one RSS feed per actor, place and tag page, announced in the page's head
(issue 19), beside the site's feed of new briefings."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

import pytest

from tests.sitebuild import browse, build_site, make_project
from tests.test_faceted_search import BRIDGE, FLOOD

SITE_URL = "https://example.org/briefings/"  # tests/conftest.py publishes every test site here
ALTERNATE = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="([^"]*)" href="([^"]+)">')


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    articles = {"bridge.md": BRIDGE, "flood.md": FLOOD}
    return build_site(make_project(tmp_path_factory.mktemp("feeds"), articles))


def _head_feeds(site: Path, page: str) -> dict[str, Path]:
    """title -> the feed file each `<link rel="alternate">` in the page's head leads to."""
    html = (site / page).read_text(encoding="utf-8")
    head = html.split("</head>", 1)[0]
    page_url = urljoin("https://x/", page)
    return {title: site / urljoin(page_url, href).removeprefix("https://x/")
            for title, href in ALTERNATE.findall(head)}


def _items(feed: Path) -> list[tuple[str, str]]:
    channel = ET.parse(feed).getroot().find("channel")
    assert channel is not None and channel.findtext("title") and channel.findtext("description")
    assert (channel.findtext("link") or "").startswith(SITE_URL)
    return [(item.findtext("title") or "", item.findtext("link") or "") for item in channel.iter("item")]


def test_an_actor_page_announces_the_feed_of_briefings_naming_the_actor(site: Path):
    feeds = _head_feeds(site, "actors/jane-quimby.html")
    own = feeds["Jane Quimby: new briefings"]
    assert own == site / "feeds" / "actors" / "jane-quimby.xml"
    assert _items(own) == [("Mayor of Springfield announces new bridge", f"{SITE_URL}briefings/bridge.html")]
    assert "Follow: RSS feed of new briefings naming Jane Quimby" in own.parent.parent.parent.joinpath(
        "actors", "jane-quimby.html").read_text(encoding="utf-8")


def test_a_place_feed_lists_its_briefings_newest_first(site: Path):
    own = _head_feeds(site, "locations/springfield.html")["Springfield: new briefings"]
    assert [title for title, _ in _items(own)] == ["Governor visits Springfield flood zone",
                                                  "Mayor of Springfield announces new bridge"]


def test_a_tag_page_announces_its_feed(site: Path):
    feeds = _head_feeds(site, "tags/infrastructure/index.html")
    tag_feed = feeds["Tag: infrastructure: new briefings"]
    assert tag_feed == site / "feeds" / "tags" / "infrastructure.xml"
    assert [title for title, _ in _items(tag_feed)] == ["Mayor of Springfield announces new bridge"]


def test_every_page_announces_the_site_feed_and_every_feed_parses(site: Path):
    for page in ("index.html", "about/index.html", "briefings/bridge.html", "actors/jane-quimby.html"):
        assert _head_feeds(site, page)["Briefings: new briefings"] == site / "feed.xml", page
    feeds = sorted((site / "feeds").rglob("*.xml"))
    assert len(feeds) >= 4
    for feed in feeds:
        for _, link in _items(feed):
            assert link.startswith(SITE_URL) and (site / link.removeprefix(SITE_URL)).is_file(), (feed, link)


@pytest.mark.browser
def test_a_browser_discovers_an_actors_feed(site: Path):
    with browse(site) as (page, url):
        page.goto(f"{url}actors/jane-quimby.html")
        hrefs = page.eval_on_selector_all("link[rel=alternate][type='application/rss+xml']",
                                          "links => links.map(link => link.href)")
        assert f"{url}feeds/actors/jane-quimby.xml" in hrefs and f"{url}feed.xml" in hrefs
        response = page.request.get(f"{url}feeds/actors/jane-quimby.xml")
        assert response.ok and b"<rss" in response.body()
