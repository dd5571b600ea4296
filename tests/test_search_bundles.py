"""A large site's search index in several Pagefind bundles by date, merged in the browser
(issue 20): planned from the briefings' months, indexed one bundle after another, and the
header box and the search page find, filter and sort across them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from generator.search import UNDATED, plan_bundles
from generator.search.pagefind import assign_pages
from tests.sitebuild import browse, build_site, make_project
from tests.test_faceted_search import BRIDGE, FLOOD


def _plan(months: dict[str, int], limit: int, others: int = 0) -> list[tuple[str, int]]:
    return [(bundle.subdir, bundle.pages) for bundle in plan_bundles(Counter(months), others, limit)]


def test_a_small_site_keeps_its_one_bundle():
    assert _plan({"2019-01": 10, "2020-05": 20, UNDATED: 3}, 100, others=5) == [("pagefind", 38)]


def test_years_first_then_months_of_a_large_year_newest_in_the_main_bundle():
    months = {f"2019-{m:02d}": 240 for m in range(1, 13)} | {f"2020-{m:02d}": 170 for m in range(1, 13)}
    months |= {"2021-03": 34, UNDATED: 5}
    # 2020 and 2021 fit together; 2019 (2,880) fits a bundle; the undated go with the oldest.
    assert _plan(months, 4000) == [("pagefind", 2074), ("pagefind-2019", 2885)]
    # 2019 is larger than 2,500: it is cut by months, in consecutive ranges.
    assert _plan(months, 2500) == [("pagefind", 2314), ("pagefind-2019-02_2019-11", 2400),
                                   ("pagefind-2019-01", 245)]
    for limit in (300, 1000, 2500):
        bundles = plan_bundles(Counter(months), 0, limit)
        assert sum(b.pages for b in bundles) == sum(months.values())
        assert all(b.pages <= limit for b in bundles), limit


def test_pages_go_to_the_bundle_of_their_month_and_the_rest_to_the_main_one():
    bundles = plan_bundles(Counter({"2020-01": 1, "2019-06": 1, UNDATED: 1}), 0, 1)
    assert [b.subdir for b in bundles] == ["pagefind", "pagefind-2019", "pagefind-undated"]
    months = {"briefings/a.html": "2020-01", "briefings/b.html": "2019-06", "briefings/c.html": UNDATED}
    found = assign_pages(bundles, [*months, "about/index.html"], months)
    assert found == {"pagefind": ["briefings/a.html", "about/index.html"],
                     "pagefind-2019": ["briefings/b.html"], "pagefind-undated": ["briefings/c.html"]}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The sample (undated), a 2020 and a 2021 briefing, at one page per bundle."""
    project = make_project(tmp_path_factory.mktemp("bundles"), {"bridge.md": BRIDGE, "flood.md": FLOOD})
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    line = "      search: pagefind\n"
    assert line in text
    one_page = text.replace(line, line + "      search_bundle_pages: 1\n")
    config.write_text(one_page, encoding="utf-8")
    return build_site(project)


def _pages(bundle: Path) -> int:
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return entry["languages"]["en"]["page_count"]


def test_a_site_over_the_limit_is_indexed_in_several_bundles(site: Path):
    # The newest briefing and the other pages (About) in pagefind/, the older ones apart.
    assert {p.name: _pages(p) for p in site.glob("pagefind*")} == {
        "pagefind": 2, "pagefind-2020": 1, "pagefind-undated": 1}
    assert not list(site.glob(".pagefind*"))  # the folders Pagefind read are gone
    html = (site / "briefings" / "bridge.html").read_text(encoding="utf-8")
    assert 'data-bf-search-merge="../pagefind-2020/ ../pagefind-undated/"' in html


@pytest.mark.browser
def test_search_box_and_search_page_work_across_bundles(site: Path):
    with browse(site, viewport={"width": 1200, "height": 900}) as (page, url):
        page.goto(f"{url}about/")
        page.keyboard.press("/")
        page.keyboard.type("Quimby", delay=20)  # only in the 2020 bundle
        page.locator(".md-search-result__item a", has_text="new bridge").first.wait_for(timeout=10000)

        results = page.locator("#bf-facets-results li a")

        def shown(query: str, count: int) -> list[str]:
            page.goto(f"{url}search/?{query}")
            page.wait_for_function(f"document.querySelectorAll('#bf-facets-results li').length === {count}"
                                   " && !/Searching/.test(document.getElementById('bf-facets-status')"
                                   ".textContent)")
            return results.all_inner_texts()

        flood, bridge = "Governor visits Springfield flood zone", "Mayor of Springfield announces new bridge"
        assert shown("year=2020", 1) == [bridge]  # a filter narrows across bundles
        years = page.locator("select[name=year] option").all_inner_texts()
        assert "2021 (0)" in years and "2020 (1)" in years  # counts of every bundle
        assert shown("place=Springfield&sort=newest", 2) == [flood, bridge]
        assert shown("place=Springfield&sort=oldest", 2) == [bridge, flood]
        newest = shown("sort=newest", 3)
        assert newest[:2] == [flood, bridge] and newest[2].startswith("US destroys")  # undated last
