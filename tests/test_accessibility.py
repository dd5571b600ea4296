"""What a reader who uses a keyboard or a screen reader meets: no serious or critical axe-core
violation on the pages an analyst reads, and sorting without a mouse."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SHARED
from tests.sitebuild import build_site, make_project, serve_site
from tests.test_browser import CHROMIUM, FLAGS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium"),
]
CORPUS = SHARED / "corpus" / "wikinews"
HARBOUR = ("---\ntitle: Harbour reopens\ndate: 2024-05-01\n---\n\nMayor Alice Doe said the harbour in Leeds "
           "will reopen on Monday, and 300 jobs will return.\n\n\"We are back,\" said Alice Doe.\n")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    later = HARBOUR.replace("2024-05-01", "2024-06-01").replace("reopen on Monday", "close in Leeds")
    project = make_project(tmp_path_factory.mktemp("a11y"), {"harbour.md": HARBOUR, "harbour-2.md": later})
    for path in sorted(CORPUS.glob("*.md"))[:4] if CORPUS.is_dir() else []:
        shutil.copy(path, project / "content" / "articles" / path.name)
    site = build_site(project)
    with serve_site(site) as url:
        yield site, url


@pytest.fixture(scope="module")
def browser_page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser.new_page()
        browser.close()


def _axe_source() -> str:
    axe = pytest.importorskip("axe_playwright_python", reason="axe-core ships in axe-playwright-python")
    return (Path(axe.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# What to wait for before checking: the maps' markers (clustered on the places map) are drawn
# from data the page loads.
READY = {"map": "#bf-map[data-markers] .leaflet-marker-icon", "place": ".bf-place-map[data-ready] .bf-marker"}


@pytest.mark.parametrize("width", [1366, 390])
@pytest.mark.parametrize("name", ["home", "briefing", "actor", "place", "map", "positions", "numbers",
                                  "search"])
def test_no_serious_or_critical_axe_violation(served, browser_page, name: str, width: int):
    _, base = served
    uri = {
        "home": "", "briefing": "briefings/harbour.html", "map": "locations/", "positions": "positions/",
        "numbers": "numbers/", "search": "search/?place=Leeds",
        "actor": "actors/alice-doe.html",
        "place": "locations/leeds.html",
    }[name]
    browser_page.set_viewport_size({"width": width, "height": 844})  # a laptop, then a phone
    browser_page.goto(base + uri)
    browser_page.wait_for_load_state("networkidle")
    if name in READY:
        browser_page.wait_for_selector(READY[name], timeout=10000)
    browser_page.add_script_tag(content=_axe_source())
    violations = browser_page.evaluate("async () => (await axe.run(document)).violations")
    serious = {v["id"]: [node["target"] for node in v["nodes"]][:3]
               for v in violations if v["impact"] in ("serious", "critical")}
    assert serious == {}


def test_the_numbers_table_sorts_from_the_keyboard(served, browser_page):
    _, base = served
    browser_page.goto(base + "numbers/")
    header = browser_page.locator("th[data-key='value']")
    header.focus()
    browser_page.keyboard.press("Enter")
    assert header.get_attribute("aria-sort") in ("ascending", "descending")
