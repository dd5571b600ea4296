"""Connections on an actor's page: who and where they appear with, their briefings per month,
their positions as a timeline (issue 19)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.connections import month_bars
from tests.sitebuild import browse, build_site, make_project
from tests.test_faceted_search import BRIDGE, FLOOD

VISIT = """---
title: Governor and mayor tour the new bridge site
date: 2021-08-02
source: Capital Times
---

Governor Mark Hale and Springfield Mayor Jane Quimby toured the bridge site in Springfield,
Illinois, on Monday. "We will open it next spring," Quimby said.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    articles = {"bridge.md": BRIDGE, "flood.md": FLOOD, "visit.md": VISIT}
    return build_site(make_project(tmp_path_factory.mktemp("connections"), articles, sample=False))


def test_an_actor_page_links_who_and_where_the_actor_appears_with(site: Path):
    html = (site / "actors" / "jane-quimby.html").read_text(encoding="utf-8")
    section = html.split('id="connections"', 1)[1].split('id="briefings"', 1)[0]
    assert re.search(r'Named with: <a href="mark-hale.html">Mark Hale</a> '
                     r'<span class="bf-count">\(1\)</span>', section)
    assert re.search(r'Places: .*<a href="\.\./locations/springfield.html">Springfield</a> '
                     r'<span class="bf-count">\(2\)</span>', section)


def test_briefings_per_month_are_an_inline_chart_with_the_empty_months(site: Path):
    html = (site / "actors" / "jane-quimby.html").read_text(encoding="utf-8")
    chart = html.split('<figure class="bf-chart">', 1)[1].split("</figure>", 1)[0]
    assert "Briefings naming Jane Quimby per month, 2020-03 to 2021-08" in chart
    assert chart.count("<rect") == 18  # March 2020 to August 2021
    assert "<title>2020-03: 1</title>" in chart and "<title>2020-04: 0</title>" in chart


def test_positions_are_a_timeline_newest_month_first(site: Path):
    html = (site / "actors" / "jane-quimby.html").read_text(encoding="utf-8")
    months = re.findall(r'<h3 class="bf-month" id="positions-([0-9-]+)">', html)
    assert months == ["2021-08", "2020-03"]


def test_month_bars_keep_the_latest_three_years():
    bars, peak = month_bars(["2015-01-03", "2020-06-01", "2020-06-09"])
    assert len(bars) == 36 and bars[-1].month == "2020-06" and peak == 2
    assert bars[-1].height == 48 and bars[0].month == "2017-07"


@pytest.mark.browser
def test_who_said_what_about_a_subject_groups_statements_by_speaker(site: Path):
    expect = pytest.importorskip("playwright.sync_api").expect
    with browse(site) as (page, url):
        page.goto(f"{url}said/?about=bridge")
        section = page.locator("#bf-said section")
        section.first.wait_for(timeout=10000)
        assert section.count() == 1 and section.locator("h2").inner_text() == "Jane Quimby"
        # Her words in quotation marks apart from what the article reports she said.
        assert section.locator(".bf-said-kind").all_inner_texts() == ["Quoted (1)", "Reported (1)"]
        quotes = section.locator("blockquote").all_inner_texts()
        assert "\u201cThis bridge will serve the people of Springfield for a century\u201d" in quotes[0]
        assert "\u201c" not in quotes[1] and "new bridge" in quotes[1]
        # A tag of the briefing is a subject too, and the address keeps what was typed.
        page.fill("input[name=about]", "infrastructure")
        expect(page.locator("#bf-said-status")).to_have_text("2 statements by 1 speaker")
        assert "about=infrastructure" in page.url
        section.locator("a", has_text="Mayor of Springfield").first.click()
        page.wait_for_url(re.compile(r"/briefings/bridge\.html#"))


@pytest.mark.browser
def test_the_positions_view_matches_without_accents_keeps_its_filter_and_exports_what_it_shows(site: Path):
    import csv
    import io

    expect = pytest.importorskip("playwright.sync_api").expect
    with browse(site) as (page, url):
        page.goto(f"{url}positions/")
        expect(page.locator("#bf-positions-status")).to_have_text("4 statements")
        page.fill("input[name=speaker]", "Químby")  # the accent a reader may type, or not
        expect(page.locator("#bf-positions-status")).to_have_text("3 statements")
        assert "speaker=Qu%C3%ADmby" in page.url
        page.reload()
        expect(page.locator("#bf-positions-status")).to_have_text("3 statements")
        text = page.evaluate("fetch(document.getElementById('bf-positions-download').href)"
                             ".then(r => r.text())")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert [row["speaker"] for row in rows] == ["Jane Quimby"] * 3
        assert all(row["evidence"].startswith(f"{url}briefings/") and "#s-" in row["evidence"]
                   for row in rows)


@pytest.mark.browser
def test_a_reader_follows_a_connection_to_the_other_actors_page(site: Path):
    with browse(site) as (page, url):
        page.goto(f"{url}actors/jane-quimby.html")
        page.locator("#connections + p a", has_text="Mark Hale").click()
        page.wait_for_url("**/actors/mark-hale.html")
        assert page.locator("h1").inner_text() == "Mark Hale"
        # And back: his page names her among his connections.
        assert page.locator("#connections + p a", has_text="Jane Quimby").count() == 1
