"""What a reader clicks, in headless Chromium against the built site on 127.0.0.1."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from tests.sitebuild import build_site, make_project, serve_site

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
SLUG = "us-destroys-three-isis-camps-in-iraq"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="browser tests need Debian's chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    with serve_site(build_site(make_project(tmp_path_factory.mktemp("browser")))) as url:
        yield url


MARKETS = ("---\ntitle: Acme sells its truck unit\ndate: 2024-05-02\n---\n\n"
           "Acme shares rose 12% to $9 on Monday after the company agreed to sell its truck unit "
           "for $1.5 billion.\n\nRival Beta gained 3.5% to $12.40, and its new truck reaches 120 mph.\n")


@pytest.fixture(scope="module")
def markets_url(tmp_path_factory):
    """A site of one markets story: dollars, percentages and a speed side by side."""
    project = make_project(tmp_path_factory.mktemp("markets"), {"acme.md": MARKETS}, sample=False)
    with serve_site(build_site(project)) as url:
        yield url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    # The site must work with no network beyond its own server (map tiles are optional).
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1") else route.abort())
    page = context.new_page()
    yield page
    context.close()


def _shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-laptop.png"), full_page=False)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=False)
    page.set_viewport_size({"width": 1366, "height": 800})


def test_searching_an_actor_finds_the_briefing_and_opens_it(page, site_url):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url)
    _shoot(page, "home")
    page.click("label.md-search__icon, .md-search__input", timeout=5000)
    page.locator("input.md-search__input").press_sequentially("McKenzie", delay=30)
    result = page.locator(".md-search-result__item a", has_text="ISIS camps").first
    result.wait_for(timeout=10000)
    _shoot(page, "search")
    result.click()
    page.wait_for_url(f"**/briefings/{SLUG}.html**")
    assert "US destroys three ISIS camps" in page.locator("h1").first.inner_text()
    # Answered from Pagefind's chunks, not from Material's whole-site index (README, "Search").
    assert [u for u in requested if "/pagefind/" in u]
    assert not [u for u in requested if u.endswith("search_index.json")]


def test_from_a_briefing_an_actor_page_lists_what_the_actor_said(page, site_url):
    page.goto(f"{site_url}briefings/{SLUG}.html")
    _shoot(page, "briefing")
    page.locator("table.bf-actors a", has_text="McKenzie").first.click()
    page.wait_for_url("**/actors/**")
    assert "McKenzie" in page.locator("h1").first.inner_text()
    positions = page.locator(".bf-positions-list").inner_text()
    assert "I think our numbers are going to get smaller" in positions
    _shoot(page, "actor")


def test_places_map_renders_its_markers_without_network(page, site_url):
    page.goto(f"{site_url}locations/")
    page.wait_for_selector("#bf-map[data-markers]", timeout=10000)
    shown = page.locator("#bf-map .bf-marker, #bf-map .bf-cluster")  # nearby places: one cluster
    shown.first.wait_for(timeout=5000)
    assert shown.count() >= 2  # Iraq, Syria, Kirkuk: all geocoded
    _shoot(page, "map")
    page.locator("#bf-map .bf-marker").last.dispatch_event("click")  # not a mouse click: they may overlap
    page.locator(".leaflet-popup-content a").wait_for(timeout=5000)
    # A place named by one briefing links to it; named by several, to its own page.
    href = page.locator(".leaflet-popup-content a").get_attribute("href")
    assert "/locations/" in href or f"/briefings/{SLUG}.html" in href


def test_positions_view_filters_by_speaker_and_words(page, site_url):
    page.goto(f"{site_url}positions/")
    page.fill("input[name=speaker]", "McKenzie")
    page.fill("input[name=words]", "smaller")
    rows = page.locator("#bf-positions-table tbody tr")
    rows.first.wait_for(timeout=5000)
    assert rows.count() == 1 and "numbers are going to get smaller" in rows.first.inner_text()
    # The quotation, in marks; the row's briefing link opens the page at its sentence.
    assert "\u201cI think our numbers are going to get smaller" in rows.first.inner_text()
    rows.first.locator("a", has_text="ISIS camps").click()
    page.wait_for_url(f"**/briefings/{SLUG}.html#s-*")
    _landed_on_its_sentence(page)


def test_numbers_view_sorts_by_value_and_filters_by_words(page, site_url):
    page.goto(f"{site_url}numbers/")
    rows = page.locator("#bf-numbers-table tbody tr")
    rows.first.wait_for(timeout=5000)
    page.click("#bf-numbers-table th[data-key=value]")  # a number column sorts largest first
    values = [row.split("\t")[0] for row in rows.all_inner_texts()]
    assert values[:2] == ["250,000", "5,200"]
    page.fill("input[name=words]", "soldiers")
    assert rows.count() == 1 and rows.first.inner_text().startswith("5,200")
    assert page.inner_text("#bf-numbers-status") == "1 number"


def _values(rows) -> list[str]:
    return [row.split("\t")[0] for row in rows.all_inner_texts()]


def test_numbers_view_sorts_within_a_unit_and_filters_by_unit_and_kind(page, markets_url):
    page.goto(f"{markets_url}numbers/")
    rows = page.locator("#bf-numbers-table tbody tr")
    rows.first.wait_for(timeout=5000)
    page.click("#bf-numbers-table th[data-key=value]")  # largest first, each unit on its own
    assert _values(rows) == ["12%", "3.5%", "$1.5 billion", "$12.4", "$9", "120 mph"]
    page.select_option("select[name=unit]", "USD")
    assert _values(rows) == ["$1.5 billion", "$12.4", "$9"]  # by value, not as text ("9" > "12.4")
    page.click("#bf-numbers-table th[data-key=value]")
    assert _values(rows) == ["$9", "$12.4", "$1.5 billion"]
    assert page.inner_text("#bf-numbers-status") == "3 numbers"
    page.select_option("select[name=unit]", "")
    page.select_option("select[name=kind]", "percent")
    assert _values(rows) == ["3.5%", "12%"]
    page.select_option("select[name=kind]", "measure")
    assert _values(rows) == ["120 mph"] and "mph (1)" in page.inner_text("select[name=unit]")
    # The filter is in the address; the filtered rows download as CSV with their evidence.
    assert "kind=measure" in page.url
    page.reload()
    rows.first.wait_for(timeout=5000)
    assert _values(rows) == ["120 mph"] and page.input_value("select[name=kind]") == "measure"
    text = page.evaluate("fetch(document.getElementById('bf-numbers-download').href).then(r => r.text())")
    exported = list(csv.DictReader(io.StringIO(text)))
    assert [(row["value"], row["unit"], row["shown"]) for row in exported] == [("120", "mph", "120 mph")]
    assert "#s-" in exported[0]["evidence"]
    rows.first.locator("a").click()
    page.wait_for_url("**/briefings/*.html#s-*")
    _landed_on_its_sentence(page)


def test_data_files_download_and_parse(page, site_url):
    manifest = page.request.get(f"{site_url}data/index.json")
    [month] = json.loads(manifest.body())["months"]
    briefings = page.request.get(f"{site_url}data/{month['month']}/briefings.json.gz")
    assert briefings.ok and json.loads(gzip.decompress(briefings.body()))[0]["id"] == SLUG
    for name in ("actors", "numbers", "locations", "positions"):
        response = page.request.get(f"{site_url}data/{month['month']}/{name}.csv.gz")
        rows = list(csv.DictReader(io.StringIO(gzip.decompress(response.body()).decode("utf-8"))))
        assert response.ok and rows and all(r["briefing"] == SLUG for r in rows), name
        assert month["files"][f"{name}.csv.gz"] == len(response.body())
    feed = page.request.get(f"{site_url}feed.xml")
    assert feed.ok and b"<rss" in feed.body()


def _landed_on_its_sentence(page) -> None:
    """The page scrolled to the linked sentence, which shows highlighted."""
    fragment = page.evaluate("location.hash").lstrip("#")
    assert fragment.startswith("s-")
    target = page.locator(f"[id='{fragment}']")
    assert target.evaluate("e => e.matches('.evidence:target')")
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_an_evidence_link_on_a_briefing_scrolls_to_its_highlighted_sentence(page, site_url):
    page.goto(f"{site_url}briefings/{SLUG}.html")
    page.locator("table.bf-positions a", has_text="sentence").last.click()
    page.wait_for_function("location.hash.startsWith('#s-')")
    _landed_on_its_sentence(page)


def test_an_evidence_link_on_an_actor_page_opens_the_briefing_at_the_sentence(page, site_url):
    page.goto(f"{site_url}briefings/{SLUG}.html")
    page.locator("table.bf-actors a", has_text="McKenzie").first.click()
    page.wait_for_url("**/actors/**")
    page.locator(".bf-positions-list a").first.click()
    page.wait_for_url(f"**/briefings/{SLUG}.html#s-*")
    _landed_on_its_sentence(page)
