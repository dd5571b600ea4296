"""The search page: words and filters (actor, place, country, date, source, tag, speaker) over
Pagefind, with counts, combinable, sortable by date, and kept in the address bar (issue 19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.sitebuild import browse, build_site, make_project

BRIDGE = """---
title: Mayor of Springfield announces new bridge
date: 2020-03-04
source: Springfield Herald
tags: [infrastructure]
---

Springfield Mayor Jane Quimby said on Tuesday that the city will build a new bridge over the
river in Springfield, Illinois. "This bridge will serve the people of Springfield for a century," Quimby said.
"""
FLOOD = """---
title: Governor visits Springfield flood zone
date: 2021-07-09
source: Capital Times
---

Governor Mark Hale visited Springfield, Illinois, on Friday after the floods. Hale said the
state would send 200 workers to help.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("facets"), {"bridge.md": BRIDGE, "flood.md": FLOOD})
    return build_site(project)


def _filters(page: Path) -> set[tuple[str, str]]:
    html = page.read_text(encoding="utf-8")
    return set(re.findall(r'data-pagefind-filter="([a-z]+)">([^<]+)<', html))


def test_a_briefing_page_carries_its_facets_for_the_search(site: Path):
    facets = _filters(site / "briefings" / "bridge.html")
    assert {("actor", "Jane Quimby"), ("speaker", "Jane Quimby"), ("place", "Springfield"),
            ("country", "United States"), ("year", "2020"), ("month", "2020-03"),
            ("source", "Springfield Herald"), ("tag", "infrastructure")} <= facets
    html = (site / "briefings" / "bridge.html").read_text(encoding="utf-8")
    assert 'data-pagefind-sort="date">2020-03-04<' in html
    # The facets are for the index only: hidden from readers and left out of the indexed text.
    assert re.search(r'<div class="bf-facets" hidden data-pagefind-ignore>', html)


def test_an_undated_briefing_still_sorts_last_rather_than_vanishing(site: Path):
    html = (site / "briefings" / "us-destroys-three-isis-camps-in-iraq.html").read_text(encoding="utf-8")
    assert 'data-pagefind-sort="date">0000-00-00<' in html


def test_the_header_search_box_leads_to_the_search_page(site: Path):
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a data-bf-search-page href="\.\./search/">', html)
    assert (site / "search" / "index.html").is_file()


@pytest.mark.browser
def test_filters_narrow_the_results_combine_and_survive_a_reload(site: Path):
    with browse(site, viewport={"width": 1200, "height": 900}) as (page, url):
        status = page.locator("#bf-facets-status")
        results = page.locator("#bf-facets-results li")

        page.goto(f"{url}search/?place=Springfield&sort=newest")
        page.wait_for_function("document.querySelectorAll('#bf-facets-results li').length === 2")
        assert status.inner_text() == "2 briefings"
        assert results.nth(0).locator("a").inner_text() == "Governor visits Springfield flood zone"
        # Each value says how many briefings it would leave; combining narrows.
        years = page.locator("select[name=year] option").all_inner_texts()
        assert "2021 (1)" in years and "2020 (1)" in years
        page.select_option("select[name=year]", "2021")
        page.wait_for_function("document.querySelectorAll('#bf-facets-results li').length === 1")
        assert "year=2021" in page.url and "place=Springfield" in page.url

        page.reload()  # the address holds the search: a bookmark gives the same results
        page.wait_for_function("document.querySelectorAll('#bf-facets-results li').length === 1")
        assert page.input_value("select[name=year]") == "2021"
        assert results.nth(0).locator("a").inner_text() == "Governor visits Springfield flood zone"

        # Words and filters together; a speaker filter finds what a person said.
        page.goto(f"{url}search/?q=bridge&speaker=Jane+Quimby")
        page.wait_for_function("document.querySelectorAll('#bf-facets-results li').length === 1")
        results.nth(0).locator("a").click()
        page.wait_for_url("**/briefings/bridge.html**")
