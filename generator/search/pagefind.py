"""Pagefind over the built site: only pages marked `data-pagefind-body` are indexed.

Pagefind splits its index into small chunks by word, so a reader's first search downloads
the entry file, the WebAssembly search, the page list and the one or two chunks holding the
query's words (about 0.2 MB gzipped on a 5,000-briefing site) instead of the whole text of
the site (README, "Search").
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

SEARCH_ENGINES = ("pagefind", "material")
# Material's search box, wired to Pagefind (added to the theme by the plugin).
THEME_DIR = Path(__file__).parent / "theme"
OUTPUT_SUBDIR = "pagefind"
# Inside indexed pages: heading permalinks (¶), the "sentence" evidence links (#s-...) and table
# headers ("Actor Kind Title Role") are the same on every page: noise in results.
# The article text itself is left out too: every name, place, number, quote and the summary
# are indexed from the briefing's tables and lead, and leaving the full text out halves
# Pagefind's time and memory on a large site (README, "Search").
# The highlight legend above the article is the same on every briefing page too.
EXCLUDE_SELECTORS = (".headerlink", "a[href^='#s-']", "thead", ".bf-article", ".bf-legend")
_INDEXED = re.compile(r"Indexed (\d+) pages?")


class PagefindError(RuntimeError):
    """The Pagefind binary is missing or failed; the message says which and why."""


def mark_for_index(html: str, meta: Mapping[str, Any], homepage: bool = False) -> str:
    """Wrap a page's content so Pagefind indexes it, unless `search: exclude: true`.

    Pagefind indexes only the elements marked `data-pagefind-body` once any page has one,
    so listings (timeline, A-Z pages) that set `search.exclude` stay out, as with Material;
    so does the home page, a listing of the latest briefings.
    """
    search = meta.get("search") or {}
    if homepage or (isinstance(search, dict) and search.get("exclude")):
        return html
    return f"<div data-pagefind-body>\n{html}\n</div>"


def index_folders(indexed_uris: list[str]) -> set[str]:
    """The site's top-level folders holding the pages to index: Pagefind reads only these."""
    return {uri.split("/", 1)[0] for uri in indexed_uris if "/" in uri}


def index_glob(indexed_uris: list[str]) -> str:
    """Pagefind's `--glob` for just the folders (and top-level files) of the indexed pages.

    Pagefind then never reads the listings and the stamped actor and place pages, which may
    be written into other folders while it runs.
    """
    patterns = [f"{folder}/**/*.html" for folder in sorted(index_folders(indexed_uris))]
    patterns += sorted(uri for uri in indexed_uris if "/" not in uri)
    if not patterns:
        return "index.html"  # nothing is marked for the index: an empty index, quickly
    return patterns[0] if len(patterns) == 1 else "{" + ",".join(patterns) + "}"


class IndexRun:
    """Pagefind indexing `site_dir` in a child process, while the build writes other files.

    `start()` returns at once; `wait()` returns the number of pages indexed or raises
    PagefindError. `language` (the theme's) picks Pagefind's stemmer for the whole site.
    """

    def __init__(self, site_dir: Path, language: str = "en", glob: str | None = None) -> None:
        self.command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
                        "--output-subdir", OUTPUT_SUBDIR, "--force-language", language]
        for selector in EXCLUDE_SELECTORS:
            self.command += ["--exclude-selectors", selector]
        if glob:
            self.command += ["--glob", glob]
        self._process: subprocess.Popen | None = None
        # A file, not a pipe: a pipe left unread while the build goes on could fill and stall it.
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by wait() or stop()

    def start(self) -> IndexRun:
        try:
            self._process = subprocess.Popen(self.command, stdout=self._output,
                                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        except OSError as err:
            self._output.close()
            raise PagefindError(f"cannot run Pagefind: {err}") from err
        return self

    def wait(self) -> int:
        assert self._process is not None, "start() first"
        returncode = self._process.wait()
        self._output.seek(0)
        output = self._output.read().decode("utf-8", "replace")
        self._output.close()
        if returncode != 0:
            detail = output.strip().splitlines()[-5:]
            if "No module named pagefind" in output:
                detail = ["the `pagefind[extended]` package is not installed (pip install -e .)"]
            raise PagefindError("Pagefind failed: " + " / ".join(detail))
        found = _INDEXED.search(output)
        return int(found.group(1)) if found else 0

    def stop(self) -> None:
        """Kill a run whose result is no longer wanted (the build failed meanwhile)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._output.close()
