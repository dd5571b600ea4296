"""The places map and a place page, as a reader meets them in headless Chromium: the site's own
server only (map tiles blocked, as offline), by mouse, by keyboard and on a 390 px phone."""

from __future__ import annotations

import re

import pytest

from tests.sitebuild import build_site, make_project, serve_site
from tests.test_browser import CHROMIUM

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
FLOODS = ("---\ntitle: Floods in Yorkshire\ndate: 2024-02-01\n---\n\nRivers burst their banks in Leeds, "
          "Bradford, Wakefield and York on Monday, and 400 homes were flooded, the Environment Agency "
          "said.\n\n\"We have never seen the Aire this high,\" said Mayor Alice Doe of Leeds.\n")
CLEAN_UP = ("---\ntitle: Leeds clears up\ndate: 2024-02-05\n---\n\nVolunteers in Leeds cleared 300 tonnes of "
            "mud, the council said.\n\nMayor Alice Doe thanked the volunteers of Leeds and Bradford.\n")
PARIS = ("---\ntitle: Paris marathon\ndate: 2024-04-07\n---\n\nMore than 50,000 runners started the marathon "
         "in Paris on Sunday, the organisers said.\n")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("maps"),
                           {"floods.md": FLOODS, "clean-up.md": CLEAN_UP, "paris.md": PARIS}, sample=False)
    with serve_site(build_site(project)) as url:
        yield url


def _page(browser, width: int = 1366, height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith("http://127.0.0.1") else route.abort())
    return context.new_page()


def _open_map(page, site_url: str):
    page.goto(f"{site_url}locations/")
    page.wait_for_selector("#bf-map[data-markers]", timeout=10000)
    page.locator("#bf-map .bf-marker, #bf-map .bf-cluster").first.wait_for(timeout=5000)


def test_nearby_places_are_one_cluster_that_opens_into_its_markers(browser, site_url):
    page = _page(browser)
    _open_map(page, site_url)
    cluster = page.locator("#bf-map .bf-cluster").first  # four Yorkshire towns, far from Paris
    assert int(cluster.locator("span[aria-hidden]").inner_text()) >= 2
    before = page.locator("#bf-map .bf-marker").count()
    cluster.click()
    page.wait_for_function(f"document.querySelectorAll('#bf-map .bf-marker').length > {before}", timeout=5000)
    # Shown with the tiles blocked: the markers are the map.
    assert page.locator("#bf-map .leaflet-tile-loaded").count() == 0
    assert "could not be loaded" in page.locator(".bf-map-note").inner_text()


def test_a_marker_is_reached_with_tab_and_opened_with_enter(browser, site_url):
    page = _page(browser)
    _open_map(page, site_url)
    reached = None
    for _ in range(120):  # through the header and the map's zoom buttons, into its markers
        page.keyboard.press("Tab")
        reached = page.evaluate("""() => { const e = document.activeElement;
            return e && e.closest('#bf-map') ? e.className : null; }""")
        if reached and "bf-marker" in reached:
            break
        if reached and "bf-cluster" in reached:
            page.keyboard.press("Enter")  # zooms in; the focus goes to a marker or cluster shown
            page.wait_for_function("document.activeElement.closest('#bf-map .leaflet-marker-pane')",
                                   timeout=5000)
            reached = page.evaluate("document.activeElement.className")
            if "bf-marker" in reached:
                break
    assert reached and "bf-marker" in reached
    assert page.evaluate("document.activeElement.getAttribute('aria-label')")
    page.keyboard.press("Enter")
    link = page.locator(".leaflet-popup-content a")
    link.wait_for(timeout=5000)
    assert page.evaluate("document.activeElement.closest('.leaflet-popup-content') !== null")
    page.keyboard.press("Enter")  # a place named in one briefing links to it, else to its page
    page.wait_for_url(re.compile(r"/(locations|briefings)/[^/]+\.html$"))


def test_a_place_page_shows_its_map_the_actors_named_with_it_and_what_was_said(browser, site_url):
    page = _page(browser)
    page.goto(f"{site_url}locations/leeds.html")
    page.wait_for_selector(".bf-place-map[data-ready] .bf-marker", timeout=10000)
    assert page.locator(".bf-place-map").get_attribute("aria-label") == "Map of Leeds"
    actors = page.locator(".bf-actors-here li", has_text="Alice Doe")
    assert "2 briefings" in actors.inner_text()
    actors.locator("a").click()
    page.wait_for_url("**/actors/alice-doe.html")
    page.go_back()
    assert "We have never seen the Aire this high" in page.locator(".bf-positions-list").inner_text()


def test_on_a_phone_the_map_fits_and_wide_tables_scroll_with_a_cue(browser, site_url):
    page = _page(browser, 390, 844)
    _open_map(page, site_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#bf-map").bounding_box()
    assert box is not None and box["width"] <= 390 and box["height"] >= 280
    page.goto(f"{site_url}briefings/floods.html")
    table = page.locator("table.bf-actors")
    table.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls, not the page
    assert "bf-scrolls" in table.get_attribute("class") and table.get_attribute("tabindex") == "0"
    cue = table.evaluate("t => getComputedStyle(t, '::before').content")
    assert "scroll sideways" in cue


def test_a_briefing_explains_its_three_highlight_colours(browser, site_url):
    page = _page(browser)
    page.goto(f"{site_url}briefings/floods.html")
    legend = page.locator("#bf-legend")
    assert legend.is_visible()
    colours = {kind: legend.locator(f".hl-{kind}").evaluate("e => getComputedStyle(e).backgroundColor")
               for kind in ("actor", "place", "number")}
    in_text = {kind: page.locator(f".bf-article .hl-{kind}").first.evaluate(
        "e => getComputedStyle(e).backgroundColor") for kind in ("actor", "place", "number")}
    assert in_text == colours and len(set(colours.values())) == 3
    material_mark = page.evaluate("""() => { const m = document.createElement('mark');
        document.querySelector('.md-typeset').appendChild(m);
        return getComputedStyle(m).backgroundColor; }""")
    assert material_mark not in colours.values()


def test_skip_to_content_lands_on_the_title_before_the_summary(browser, site_url):
    page = _page(browser)
    page.goto(f"{site_url}briefings/floods.html")
    assert page.locator("a.md-skip").get_attribute("href") == "#title"
    assert page.locator("h1#title").inner_text() == "Floods in Yorkshire"
    assert page.evaluate("""() => !!(document.getElementById('title').compareDocumentPosition(
        document.querySelector('.bf-lead')) & Node.DOCUMENT_POSITION_FOLLOWING)""")
