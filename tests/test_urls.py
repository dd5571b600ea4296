"""Links between generated pages, as MkDocs writes their URLs."""

from __future__ import annotations

import pytest

from generator.render.urls import dest_url, relative_url


@pytest.mark.parametrize(
    ("src", "url"),
    [("index.md", ""), ("briefings/x.md", "briefings/x/"), ("timeline/index.md", "timeline/"),
     ("data/actors.csv", "data/actors.csv")],
)
def test_destination_urls(src, url):
    assert dest_url(src) == url


def test_links_from_a_briefing_page():
    assert relative_url("briefings/x.md", "actors/ken-mckenzie.md") == "../../actors/ken-mckenzie/"
    assert relative_url("briefings/x.md", "index.md") == "../../"
    assert relative_url("index.md", "data/places.json") == "data/places.json"
    assert relative_url("briefings/x.md", "actors/a.md", use_directory_urls=False) == "../actors/a.html"
