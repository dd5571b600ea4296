"""Pagefind over the built site: only pages marked `data-pagefind-body` are indexed.

Pagefind splits its index into small chunks by word, so a reader's first search downloads
the entry file, the WebAssembly search, the page list and the one or two chunks holding the
query's words (about 0.2 MB gzipped on a 5,000-briefing site) instead of the whole text of
the site (README, "Search").
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SEARCH_ENGINES = ("pagefind", "material")
# Material's search box, wired to Pagefind (added to the theme by the plugin).
THEME_DIR = Path(__file__).parent / "theme"
OUTPUT_SUBDIR = "pagefind"
# Pages per Pagefind bundle: a larger site is indexed as several bundles of consecutive dates,
# one Pagefind run after another, so that the indexer's memory is that of one bundle (about
# 0.15 MiB a briefing page), and the browser merges them (README, "Search").
BUNDLE_PAGES = 4000
UNDATED = "0000-00"  # the month of an undated briefing: before every date, as in the sort
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
    PagefindError. `language` (the theme's) picks Pagefind's stemmer for the whole site;
    `output`, if given, is where the bundle goes instead of `site_dir/pagefind/`.
    """

    def __init__(self, site_dir: Path, language: str = "en", glob: str | None = None,
                 output: Path | None = None) -> None:
        where = ["--output-path", str(output)] if output is not None else ["--output-subdir", OUTPUT_SUBDIR]
        self.command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), *where,
                        "--force-language", language]
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


@dataclass(frozen=True)
class Bundle:
    """One Pagefind bundle: its folder in the site and the months of the briefings it holds.

    `first`/`last` are inclusive "YYYY-MM" bounds (`UNDATED` sorts first); the main bundle,
    `pagefind/`, also holds every page that is not a dated briefing of another bundle.
    """

    subdir: str
    first: str = UNDATED
    last: str = "9999-12"
    pages: int = 0

    @property
    def main(self) -> bool:
        return self.subdir == OUTPUT_SUBDIR

    def holds(self, month: str) -> bool:
        return self.first <= month <= self.last


def plan_bundles(months: Mapping[str, int], other_pages: int = 0, limit: int = BUNDLE_PAGES) -> list[Bundle]:
    """Split the indexed pages into bundles of at most `limit` pages, newest first.

    `months` counts the briefing pages per "YYYY-MM" (`UNDATED` for those without a date),
    `other_pages` the other indexed pages, which stay in the main bundle with the newest
    briefings. A site of at most `limit` pages is one bundle, `pagefind/`, as before. Larger
    ones are cut into consecutive ranges of whole years; a year of more than `limit` pages is
    cut by months (a month is never cut). Undated briefings go with the oldest, where a sort by
    date puts them.
    """
    if sum(months.values()) + other_pages <= limit:
        return [Bundle(OUTPUT_SUBDIR, pages=sum(months.values()) + other_pages)]
    years: Counter[str] = Counter()
    for month, count in months.items():
        years[month[:4]] += count
    units: list[tuple[str, str, int]] = []  # (first month, last month, pages), newest first
    for year in sorted(years, reverse=True):
        if year == UNDATED[:4]:
            units.append((UNDATED, UNDATED, years[year]))
        elif years[year] <= limit:
            units.append((f"{year}-01", f"{year}-12", years[year]))
        else:
            units += [(month, month, months[month]) for month in sorted(months, reverse=True)
                      if month.startswith(f"{year}-")]
    # As even as the units allow: as few bundles as `limit` needs, each filled to about the
    # same size (the largest bundle sets the indexer's peak memory).
    total = sum(months.values()) + other_pages
    target = -(-total // -(-total // limit))
    groups: list[list[tuple[str, str, int]]] = [[]]
    size, left = other_pages, total - other_pages
    for unit in units:
        if size and (size + unit[2] > limit or (size >= target and size + left > limit)):
            groups.append([])
            size = 0
        groups[-1].append(unit)
        size += unit[2]
        left -= unit[2]
    bundles = []
    for number, group in enumerate(groups):
        pages = sum(unit[2] for unit in group)
        if number == 0:
            bundles.append(Bundle(OUTPUT_SUBDIR, pages=pages + other_pages))
        else:
            first, last = group[-1][0], group[0][1]
            bundles.append(Bundle(f"{OUTPUT_SUBDIR}-{_label(group)}", first, last, pages))
    return bundles


def _label(group: list[tuple[str, str, int]]) -> str:
    """A bundle's folder suffix: "2019", "2016_2018", "2019-07_2019-12" (and "undated")."""
    dated = [unit for unit in group if unit[0] != UNDATED]
    if not dated:
        return "undated"
    first, last = dated[-1][0], dated[0][1]
    if first.endswith("-01") and last.endswith("-12"):
        first, last = first[:4], last[:4]
    return first if first == last else f"{first}_{last}"


def assign_pages(bundles: list[Bundle], pages: Iterable[str],
                 months: Mapping[str, str]) -> dict[str, list[str]]:
    """Each bundle's pages: a briefing page (`months`: site path -> "YYYY-MM") goes to the
    bundle of its month, every other page (and any month no bundle holds) to the main one."""
    older = [bundle for bundle in bundles if not bundle.main]
    found: dict[str, list[str]] = {bundle.subdir: [] for bundle in bundles}
    for page in pages:
        month = months.get(page)
        target = OUTPUT_SUBDIR
        if month is not None:
            target = next((bundle.subdir for bundle in older if bundle.holds(month)), OUTPUT_SUBDIR)
        found[target].append(page)
    return found


def indexed_files(site_dir: Path, indexed_uris: list[str]) -> list[str]:
    """The site paths `index_glob(indexed_uris)` selects: every page in the indexed pages'
    folders, and the indexed top-level pages."""
    pages = [uri for uri in indexed_uris if "/" not in uri and (site_dir / uri).is_file()]
    for folder in sorted(index_folders(indexed_uris)):
        pages += sorted(path.relative_to(site_dir).as_posix() for path in (site_dir / folder).rglob("*.html"))
    return pages


def _link_tree(site_dir: Path, pages: list[str], tree: Path) -> None:
    """`tree` with the given pages of `site_dir` at their site paths (hard links, else copies):
    Pagefind reads that folder as the site, so its URLs are the pages' own."""
    for page in pages:
        target = tree / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site_dir / page, target)
        except OSError:
            shutil.copyfile(site_dir / page, target)


class BundledIndexRun:
    """Several Pagefind bundles built one after another in a background thread (see
    `plan_bundles`), with IndexRun's interface: `start()`, `wait()` (pages indexed, or
    PagefindError naming the bundle) and `stop()`.

    Each bundle's pages are hard-linked into a temporary folder inside the site, which
    Pagefind reads as its site; the bundle is written to `site_dir/<bundle.subdir>/`.
    """

    def __init__(self, site_dir: Path, bundles: list[Bundle], indexed_uris: list[str],
                 months: Mapping[str, str], language: str = "en") -> None:
        self.site_dir = site_dir
        self.bundles = bundles
        self.indexed_uris = list(indexed_uris)
        self.months = months
        self.language = language
        self.indexed: dict[str, int] = {}  # pages Pagefind indexed, per bundle
        self._error: BaseException | None = None
        self._stopped = threading.Event()
        self._current: IndexRun | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="pagefind-bundles", daemon=True)

    def start(self) -> BundledIndexRun:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            pages = assign_pages(self.bundles, indexed_files(self.site_dir, self.indexed_uris), self.months)
            for bundle in self.bundles:
                if self._stopped.is_set():
                    return
                self.indexed[bundle.subdir] = self._index(bundle, pages[bundle.subdir])
        except BaseException as err:  # handed to wait(), in the build's thread
            self._error = err

    def _index(self, bundle: Bundle, pages: list[str]) -> int:
        tree = Path(tempfile.mkdtemp(prefix=f".{bundle.subdir}-pages-", dir=self.site_dir))
        try:
            _link_tree(self.site_dir, pages, tree)
            run = IndexRun(tree, self.language, output=self.site_dir / bundle.subdir)
            with self._lock:
                if self._stopped.is_set():
                    return 0
                self._current = run.start()
            try:
                return run.wait()
            except PagefindError as err:
                raise PagefindError(f"bundle {bundle.subdir}/ ({len(pages)} pages): {err}") from err
        finally:
            shutil.rmtree(tree, ignore_errors=True)

    def wait(self) -> int:
        self._thread.join()
        if self._error is not None:
            if isinstance(self._error, PagefindError):
                raise self._error
            raise PagefindError(f"indexing the search bundles failed: {self._error!r}") from self._error
        return sum(self.indexed.values())

    def stop(self) -> None:
        with self._lock:
            self._stopped.set()
            if self._current is not None:
                self._current.stop()
        self._thread.join()
