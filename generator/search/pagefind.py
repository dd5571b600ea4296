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
from pathlib import Path

SEARCH_ENGINES = ("pagefind", "material")
# Material's search box, wired to Pagefind (added to the theme by the plugin).
THEME_DIR = Path(__file__).parent / "theme"
OUTPUT_SUBDIR = "pagefind"
# Inside indexed pages: heading permalinks (¶), the "sentence" evidence links and table
# headers ("Actor Kind Title Role") are the same on every page: noise in results.
# The article text itself is left out too: every name, place, number, quote and the summary
# are indexed from the briefing's tables and lead, and leaving the full text out halves
# Pagefind's time and memory on a large site (README, "Search").
EXCLUDE_SELECTORS = (".headerlink", "a[href^='#'][title]", "thead", ".bf-article")
_INDEXED = re.compile(r"Indexed (\d+) pages?")


class PagefindError(RuntimeError):
    """The Pagefind binary is missing or failed; the message says which and why."""


def mark_for_index(html: str, meta: dict, homepage: bool = False) -> str:
    """Wrap a page's content so Pagefind indexes it, unless `search: exclude: true`.

    Pagefind indexes only the elements marked `data-pagefind-body` once any page has one,
    so listings (timeline, A-Z pages) that set `search.exclude` stay out, as with Material;
    so does the home page, a listing of the latest briefings.
    """
    search = meta.get("search") or {}
    if homepage or (isinstance(search, dict) and search.get("exclude")):
        return html
    return f"<div data-pagefind-body>\n{html}\n</div>"


def build_index(site_dir: Path, language: str = "en") -> int:
    """Index `site_dir` into `site_dir/pagefind/`; return the number of pages indexed.

    `language` (the theme's) picks Pagefind's stemmer for the whole site.
    """
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir),
               "--output-subdir", OUTPUT_SUBDIR, "--force-language", language]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise PagefindError(f"cannot run Pagefind: {err}") from err
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        if "No module named pagefind" in done.stderr:
            detail = ["the `pagefind[extended]` package is not installed (pip install -e .)"]
        raise PagefindError("Pagefind failed: " + " / ".join(detail))
    found = _INDEXED.search(done.stdout)
    return int(found.group(1)) if found else 0
