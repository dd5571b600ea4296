"""Building a throwaway copy of the project's site in a temporary folder (for tests)."""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def make_project(tmp: Path, articles: dict[str, bytes | str] | None = None, sample: bool = True) -> Path:
    """A project folder with the real mkdocs.yml, templates and pages, and the given articles."""
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    folder = tmp / "content" / "articles"
    folder.mkdir(parents=True)
    if sample:
        for path in (ROOT / "content" / "articles").iterdir():
            shutil.copy(path, folder / path.name)
    for name, data in (articles or {}).items():
        target = folder / name
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8")
        else:
            target.write_bytes(data)
    return tmp


def build_site(project: Path, strict: bool = False) -> Path:
    """Run a real `mkdocs build` of `project`; return the site folder."""
    config = load_config(config_file=str(project / "mkdocs.yml"), strict=strict)
    build(config)
    return project / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 (a free port) while the block runs; yield its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextmanager
def browse(site: Path, **page_options) -> Iterator[tuple[object, str]]:
    """A headless Chromium page and the base URL of `site`, served while the block runs.

    Skips the test when Debian's Chromium or Playwright is missing."""
    import pytest

    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.test_browser import FLAGS

    with serve_site(site) as url, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=FLAGS)
        try:
            yield browser.new_page(**page_options), url
        finally:
            browser.close()


def downloads(site: Path, name: str) -> list:
    """Every month's rows of one download (`briefings.json` or `actors.csv` ...), newest month
    first, as data/index.json lists them: JSON items, or CSV rows as dicts."""
    import csv
    import gzip
    import io
    import json

    rows: list = []
    for month in json.loads((site / "data" / "index.json").read_text(encoding="utf-8"))["months"]:
        text = gzip.decompress((site / "data" / month["month"] / f"{name}.gz").read_bytes()).decode("utf-8")
        rows += json.loads(text) if name.endswith(".json") else list(csv.DictReader(io.StringIO(text)))
    return rows


def view_rows(site: Path, view: str) -> list[dict]:
    """Every month's rows of the positions or numbers view (data/views/<view>/), newest first."""
    import gzip
    import json

    folder = site / "data" / "views" / view
    rows: list[dict] = []
    for month in json.loads((folder / "index.json").read_text(encoding="utf-8"))["months"]:
        rows += json.loads(gzip.decompress((folder / month["file"]).read_bytes()))
    return rows
