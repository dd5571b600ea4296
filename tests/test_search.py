"""Site search: Pagefind's chunked index over the facts and text of every briefing.

The sample site is built once; the index files are read directly (Pagefind writes gzipped
JSON fragments, one per page, and gzipped CBOR word chunks).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from generator.search import mark_for_index
from tests.sitebuild import build_site, make_project, serve_site

SLUG = "us-destroys-three-isis-camps-in-iraq"
SIGNATURE = b"pagefind_dcd"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("search")))


def _unpack(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    return data[len(SIGNATURE) :]


def _fragments(site: Path) -> dict[str, dict]:
    """Every indexed page: its URL -> Pagefind's fragment (content, title, anchors)."""
    fragments = [json.loads(_unpack(p)) for p in (site / "pagefind" / "fragment").iterdir()]
    return {fragment["url"]: fragment for fragment in fragments}


def test_pagefind_bundle_is_written_next_to_the_site(built_site: Path):
    bundle = built_site / "pagefind"
    for name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", "wasm.en.pagefind"):
        assert (bundle / name).is_file(), name
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["en"]["page_count"] == len(_fragments(built_site))


def test_names_places_quotes_and_summary_of_a_briefing_are_indexed(built_site: Path):
    page = _fragments(built_site)[f"/briefings/{SLUG}.html"]
    assert page["meta"]["title"].startswith("US destroys three ISIS camps in Iraq")
    text = page["content"]
    for fact in ("McKenzie", "Kirkuk", "Caggins", "5,200",
                 "I think our numbers are going to get smaller"):
        assert fact in text, fact
    # Sections become sub-results: a hit in the positions table links to that table.
    assert {"actors", "stated-positions"} <= {a["id"] for a in page["anchors"]}
    # Same-on-every-page furniture is left out: table headers, "sentence" links, ¶ marks.
    assert "sentence" not in text.split() and "¶" not in text and "Mentions Evidence" not in text


def test_index_chunks_hold_the_words_of_actor_and_place(built_site: Path):
    chunks = b"".join(_unpack(p) for p in (built_site / "pagefind" / "index").iterdir())
    for stem in (b"mckenzi", b"kirkuk", b"caggin"):  # Pagefind stores stemmed, lowercased words
        assert stem in chunks, stem


def test_briefings_are_indexed_and_actor_pages_and_listings_are_not(built_site: Path):
    urls = set(_fragments(built_site))
    assert any(url.startswith("/briefings/us-destroys") for url in urls)
    # Actors and places are found through the briefings that name them: their own pages stay
    # out of the index, which would otherwise double its build time on a large site.
    assert (built_site / "actors" / "ken-mckenzie.html").is_file()
    assert not any(url.startswith(("/actors/", "/locations/")) and url.count("/") > 2 for url in urls)
    assert "/about/" in urls
    # Listings (`search: exclude: true` in their templates) and the home page stay out.
    listings = [url for url in urls if url == "/" or url.startswith(("/timeline/", "/actors/", "/locations/"))
                or "/by-letter/" in url]
    assert not listings and "/positions/" not in urls


def test_material_index_is_not_built_twice(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []


def test_header_search_box_is_wired_to_pagefind(built_site: Path):
    html = (built_site / "briefings" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert 'data-bf-search="../pagefind/pagefind.js"' in html
    assert 'class="md-search__input"' in html and "assets/search.js" in html
    # Material's own search would download its whole index on the first search.
    assert 'data-md-component="search"' not in html and 'name="search"' not in html


def test_mark_for_index_respects_search_exclude():
    assert mark_for_index("<p>x</p>", {}).startswith("<div data-pagefind-body>")
    assert mark_for_index("<p>x</p>", {"search": {"exclude": True}}) == "<p>x</p>"
    assert mark_for_index("<p>x</p>", {"search": {"boost": 2}}).startswith("<div data-pagefind-body>")
    assert mark_for_index("<p>x</p>", {}, homepage=True) == "<p>x</p>"


def test_material_search_is_still_one_option_away(tmp_path: Path):
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: pagefind", "search: material"),
                      encoding="utf-8")
    site = build_site(project)
    assert not (site / "pagefind").exists()
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("McKenzie" in doc["text"] for doc in index["docs"])
    html = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' in html and "data-bf-search" not in html


@pytest.mark.browser
def test_keyboard_and_phone_search(built_site: Path):
    """"/" opens the box, Enter opens the first result; on a phone the header icon opens it."""
    from tests.test_browser import CHROMIUM, FLAGS

    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    requested: list[str] = []
    with serve_site(built_site) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 800})
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"{url}about/")
        assert not [u for u in requested if "/pagefind/" in u]  # nothing until a reader searches
        page.keyboard.press("/")
        page.keyboard.type("Kirkuk", delay=20)
        page.locator(".md-search-result__item a", has_text="ISIS camps").first.wait_for(timeout=10000)
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
        page.keyboard.press("Escape")
        assert not page.locator("#__search").is_checked()
        page.keyboard.press("s")
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/(locations|briefings)/"), timeout=10000)

        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(url)
        page.click("label.md-header__button[for=__search]")
        page.keyboard.type("McKenzie", delay=20)
        result = page.locator(".md-search-result__item a", has_text="ISIS camps").first
        result.wait_for(timeout=10000)
        result.click()
        page.wait_for_url(f"**/briefings/{SLUG}.html**")
        browser.close()
    assert not [u for u in requested if u.endswith("search_index.json")]
