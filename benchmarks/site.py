"""Site build cost at 100 / 1,000 / 5,000 / 20,000 briefings, beside a bare Material site (issues 8, 20).

1. The Wikinews corpus is extracted once with the project's CLI into
   `benchmarks/out/wikinews-briefings/` (incremental: later runs reuse it).
2. For each size N, N briefings are made from those (copies get new ids and
   titles: `<id>-c0042`, "<title> (copy 42)"), written into a temporary copy of
   the project (mkdocs.yml with `extract: false`, templates/, content/pages/)
   and built by `mkdocs build` in a child process that reports its own peak RSS. Sites of up
   to 1,000 briefings are built three times each (generator and bare alternating) and the
   median build counts.
3. The reference is a bare Material site of N plain pages with the same text
   (title as heading, then the article paragraphs), built the same way.

    python benchmarks/site.py                  # 100, 1000, 5000 and 20000 briefings (an hour)
    python benchmarks/site.py --sizes 100,1000
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from benchlib import (
    OUT,
    ROOT,
    emit_result,
    fmt,
    markdown_table,
    met_mark,
    peak_rss_mib,
    require_shared,
    run_child,
)

SIZES = (100, 1000, 5000, 20000)
CORPUS = ("corpus", "wikinews")
BRIEFINGS = OUT / "wikinews-briefings"
GZIP_LEVEL = 6  # what web servers typically use
MAX_BUILD_RATIO = 3.0
MAX_LINEAR_RATIO = 1.5
MAX_PEAK_MIB = 2048.0
MAX_FIRST_SEARCH_KIB = 300.0
MAX_FIRST_SEARCH_MS = 1000.0
SEARCH_SIZES = (5000, 20000)  # the sizes at which the first search is timed and judged
LARGE_SIZE = 20000  # the size at which the disk targets apply (issue 20)
MAX_KIB_PER_BRIEFING = 40.0  # so 25,000 briefings fit GitHub Pages' 1 GB
MAX_FILE_MIB = 5.0  # no single file over this
SMALL_SITE = 1000  # sites up to this size are built SMALL_REPEATS times each; the median counts
SMALL_REPEATS = 3

# libyaml's C dumper/loader when PyYAML has them: 5,000 briefings are a lot of YAML.
YamlDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# ---------------------------------------------------------------- 1. briefings of the corpus


def ensure_briefings(corpus: Path) -> list[dict]:
    """Extract the corpus with the CLI (incremental) and return its briefings as plain dicts.

    The CLI reads the corpus folder in place (the reader refuses symlinks, and nothing is copied
    into the repo); the corpus README.md becomes a briefing too, which is left out here.
    """
    argv = [sys.executable, "-m", "generator", "extract", str(corpus), "--out", str(BRIEFINGS)]
    print(f"bench-site: {' '.join(argv[1:])}", file=sys.stderr, flush=True)
    if subprocess.run(argv, cwd=ROOT, check=False).returncode != 0:
        raise SystemExit("error: extracting the corpus failed")
    articles = {p.name for p in corpus.glob("*.md") if p.name.lower() != "readme.md"}
    briefings = []
    for path in sorted(BRIEFINGS.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=YamlLoader) or {}
        if data.get("source_file") in articles:  # not README, nor a since-removed article
            briefings.append(data)
    if len(briefings) < len(articles):
        print(f"warning: only {len(briefings)} briefings for {len(articles)} corpus articles",
              file=sys.stderr)
    if not briefings:
        raise SystemExit(f"error: no briefings in {BRIEFINGS}")
    return briefings


def copies(sources: list[dict], count: int) -> Iterator[dict]:
    """`count` briefings: the sources, then numbered copies of them with new ids and titles."""
    for i in range(count):
        source = sources[i % len(sources)]
        copy = i // len(sources)
        if copy == 0:
            yield source
        else:
            yield dict(source, id=f"{source['id']}-c{copy:04d}", title=f"{source['title']} (copy {copy})")


# ---------------------------------------------------------------- 2. the two kinds of project


def generator_project(project: Path, briefings: list[dict]) -> str:
    """The repo's site setup with `briefings` written in and extraction off; return the page folder."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(with_extract_off(config), encoding="utf-8")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "content" / "pages", project / "content" / "pages")
    folder = project / "content" / "briefings"
    folder.mkdir(parents=True)
    for briefing in briefings:
        text = yaml.dump(briefing, Dumper=YamlDumper, sort_keys=False, allow_unicode=True, width=100_000)
        (folder / f"{briefing['id']}.yaml").write_text(text, encoding="utf-8")
    return "briefings"


def with_extract_off(config: str) -> str:
    """mkdocs.yml text with `extract: false` in the `briefings` plugin's options (tags kept intact)."""
    lines = config.splitlines()
    for i, line in enumerate(lines):
        if line.strip() not in ("- briefings", "- briefings:"):
            continue
        dash = len(line) - len(line.lstrip())
        end = i + 1
        while end < len(lines) and (not lines[end].strip() or _indent(lines[end]) > dash):
            end += 1
        while not lines[end - 1].strip():  # trailing blank lines belong to what follows
            end -= 1
        options = [ln for ln in lines[i + 1 : end] if ln.strip() and not ln.strip().startswith("extract:")]
        indent = " " * (_indent(options[0]) if options else dash + 4)
        block = [line.rstrip().rstrip(":") + ":", f"{indent}extract: false", *options]
        return "\n".join(lines[:i] + block + lines[end:]) + "\n"
    raise SystemExit("error: mkdocs.yml has no `- briefings` plugin entry")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def bare_project(project: Path, briefings: list[dict]) -> str:
    """A plain Material site: one page per briefing (title + paragraphs), an index, search only."""
    theme = tolerant_yaml((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("theme") or "material"
    config = {"site_name": "Bare", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": True,
              "theme": theme, "plugins": ["search"], "nav": [{"Home": "index.md"}],
              "not_in_nav": "/pages/*.md"}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    pages = project / "docs" / "pages"
    pages.mkdir(parents=True)
    links = []
    for briefing in briefings:
        body = "\n\n".join(briefing.get("paragraphs") or [])
        (pages / f"{briefing['id']}.md").write_text(f"# {briefing['title']}\n\n{body}\n", encoding="utf-8")
        links.append(f"- [{briefing['title']}](pages/{briefing['id']}.md)")
    (project / "docs" / "index.md").write_text("# Pages\n\n" + "\n".join(links) + "\n", encoding="utf-8")
    return "pages"


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml even with `!ENV` or `!!python/name:` tags (their values become None)."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def tolerant_yaml(text: str) -> dict:
    return yaml.load(text, Loader=_TolerantLoader) or {}


# ---------------------------------------------------------------- 3. building and measuring


def build_child(project: Path) -> dict:
    """Child side: `mkdocs build` of `project` in this process; its time, peak RSS and warnings."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    warnings = _WarningCounter()
    logging.getLogger("mkdocs").addHandler(warnings)
    start = time.perf_counter()
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config_s = time.perf_counter() - start
    build(config)
    return {"seconds": time.perf_counter() - start, "config_s": config_s, "peak_mib": peak_rss_mib(),
            "children_peak_mib": peak_rss_mib(resource.RUSAGE_CHILDREN), "warnings": warnings.count}


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class Build:
    kind: str
    size: int
    seconds: float
    config_s: float
    wall_s: float
    peak_mib: float
    children_peak_mib: float  # the largest process it ran (Pagefind's indexer)
    warnings: int
    pages: int
    site_bytes: int
    top_folders: list[tuple[str, int]]
    search_json_gz: int | None
    pagefind_gz: int | None
    search_ms: float | None = None  # typing a name to the first result, in headless Chromium
    largest_file: tuple[str, int] = ("", 0)  # the site's largest file and its bytes

    @property
    def per_briefing_s(self) -> float:
        return self.seconds / self.size

    @property
    def peak_total_mib(self) -> float:
        """Upper bound of the build's memory: the build process plus the largest child it ran."""
        return self.peak_mib + self.children_peak_mib

    @property
    def first_search_kib(self) -> float | None:
        """What a reader's first search downloads: Pagefind's files if the site has them, else the json."""
        chosen = self.pagefind_gz if self.pagefind_gz is not None else self.search_json_gz
        return None if chosen is None else chosen / 1024


def repeats(size: int) -> int:
    """Builds per kind at `size`: small builds last a second, and one run is mostly noise."""
    return SMALL_REPEATS if size <= SMALL_SITE else 1


def median_build(builds: list[Build]) -> Build:
    """The run of median build time, with the highest peak memory of all the runs."""
    median = sorted(builds, key=lambda build: build.seconds)[len(builds) // 2]
    return dataclasses.replace(median, peak_mib=max(b.peak_mib for b in builds),
                               children_peak_mib=max(b.children_peak_mib for b in builds))


def build_and_measure(kind: str, size: int, briefings: list[dict]) -> Build:
    with tempfile.TemporaryDirectory(prefix=f"bench-site-{kind}-{size}-") as tmp:
        project = Path(tmp)
        make = generator_project if kind == "generator" else bare_project
        page_folder = make(project, briefings)
        print(f"bench-site: building {kind} site of {size} ...", file=sys.stderr, flush=True)
        quiet_disk()
        start = time.perf_counter()
        child = run_child([__file__, "--build-child", str(project)])
        wall = time.perf_counter() - start
        site = project / "site"
        folders = folder_bytes(site)
        search_ms = None
        if kind == "generator" and size in SEARCH_SIZES and briefings:
            search_ms = first_search_in_browser(site, search_query(briefings))
        return Build(kind, size, child["seconds"], child["config_s"], wall, child["peak_mib"],
                     child["children_peak_mib"], child["warnings"],
                     count_pages(site / page_folder), sum(folders.values()),
                     sorted(folders.items(), key=lambda item: -item[1])[:4],
                     gz_size(site / "search" / "search_index.json"), pagefind_first_search(site / "pagefind"),
                     search_ms, largest_file(site))


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def search_query(briefings: list[dict]) -> str:
    """A name a reader would search: the first actor of the first briefing that has one."""
    for briefing in briefings:
        for actor in briefing.get("actors") or []:
            return str(actor["name"])
    return str(briefings[0]["title"]).split()[0]


def first_search_in_browser(site: Path, query: str) -> float | None:
    """Milliseconds from typing `query` into the header search box of a briefing page (served
    over HTTP, nothing fetched before) to the first result shown. None without Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page_path = sorted((site / "briefings").glob("*.html"))[0].relative_to(site).as_posix()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{page_path}")
            page.keyboard.press("/")
            start = time.perf_counter()
            page.keyboard.insert_text(query)
            page.locator(".md-search-result__item").first.wait_for(timeout=30_000)
            elapsed = (time.perf_counter() - start) * 1000
            browser.close()
    finally:
        server.shutdown()
    return elapsed


def count_pages(folder: Path) -> int:
    """Pages in `folder`: flat `<name>.html` files (briefings) or `<name>/index.html` (bare pages)."""
    return len(list(folder.glob("*.html"))) + len(list(folder.glob("*/index.html")))


def quiet_disk() -> None:
    """Flush what earlier builds wrote and deleted, so it is not written back during this one.

    Each build writes hundreds of MiB and its temporary project is deleted after it; left to
    the kernel, that writeback (and on some disks the discard of the freed blocks) lands on
    whichever build runs next and slows its file creation several-fold, at random.
    """
    if hasattr(os, "sync"):
        os.sync()


def folder_bytes(site: Path) -> dict[str, int]:
    """Bytes of the built site per top-level entry (folder or file)."""
    sizes: dict[str, int] = {}
    for path in site.rglob("*"):
        if path.is_file():
            top = path.relative_to(site).parts[0]
            sizes[top] = sizes.get(top, 0) + path.stat().st_size
    return sizes


def largest_file(site: Path) -> tuple[str, int]:
    """The site's largest file (its path in the site) and its bytes."""
    sizes = ((path.stat().st_size, path) for path in site.rglob("*") if path.is_file())
    size, path = max(sizes, default=(0, site))
    return path.relative_to(site).as_posix(), size


def gz_size(path: Path) -> int | None:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL)) if path.is_file() else None


PAGEFIND_CHUNKS = 2  # a two-word query, each word in another chunk
PAGEFIND_RESULTS = 10  # fragments of the first page of results (search.js shows 10)


def pagefind_first_search(folder: Path) -> int | None:
    """Bytes of a two-word first query with Pagefind, counted on the large side.

    Once: pagefind.js and its web worker (gzipped by the server) and the wasm; per bundle (the
    main `folder` and the older `pagefind-*` ones its search box merges): pagefind-entry.json,
    the page list (.pf_meta) and the two largest index chunks; and ten average result
    fragments of all bundles. Pagefind stores its .pagefind / .pf_* files gzipped already, so
    those count as they are.
    """
    if not folder.is_dir():
        return None

    def stored(where: Path, pattern: str) -> list[int]:
        return sorted((p.stat().st_size for p in where.glob(pattern)), reverse=True)

    bundles = [folder, *sorted(p for p in folder.parent.glob(f"{folder.name}-*") if p.is_dir())]
    total = sum(gz_size(folder / name) or 0 for name in ("pagefind.js", "pagefind-worker.js"))
    total += max(stored(folder, "wasm.*.pagefind"), default=0)  # one language's wasm is fetched
    fragments: list[int] = []
    for bundle in bundles:
        total += gz_size(bundle / "pagefind-entry.json") or 0
        total += sum(stored(bundle, "*.pf_meta"))
        total += sum(stored(bundle, "index/*.pf_index")[:PAGEFIND_CHUNKS])
        fragments += stored(bundle, "fragment/*.pf_fragment")
    if fragments:
        total += sum(fragments) * min(PAGEFIND_RESULTS, len(fragments)) // len(fragments)
    return total


# ---------------------------------------------------------------- the report


def kib(value: int | None) -> str:
    return "n/a" if value is None else f"{value / 1024:,.1f}"


def size_rows(gen: Build, bare: Build) -> list[list[str]]:
    ratio = gen.seconds / bare.seconds
    search_judged = gen.size in SEARCH_SIZES and gen.first_search_kib is not None
    large = gen.size >= LARGE_SIZE
    per_briefing_kib = gen.site_bytes / gen.size / 1024
    largest_mib = gen.largest_file[1] / 1024**2
    rows = [
        [gen.size, "pages built (briefing pages / plain pages)", gen.pages, bare.pages, gen.size,
         met_mark(gen.pages == gen.size)],
        [gen.size, "build s (config load s)", f"{gen.seconds:.2f} ({gen.config_s:.2f})",
         f"{bare.seconds:.2f} ({bare.config_s:.2f})", "", "–"],
        [gen.size, "build ratio generator / bare", f"{ratio:.2f}", "1.00", f"<= {MAX_BUILD_RATIO:.0f}",
         met_mark(ratio <= MAX_BUILD_RATIO)],
        [gen.size, "ms per briefing", f"{gen.per_briefing_s * 1000:.1f}", f"{bare.per_briefing_s * 1000:.1f}",
         "", "–"],
        [gen.size, "peak RSS MiB, build process + largest child", f"{gen.peak_mib:.0f} + "
         f"{gen.children_peak_mib:.0f}", f"{bare.peak_mib:.0f} + {bare.children_peak_mib:.0f}",
         f"< {MAX_PEAK_MIB:.0f} (sum)", met_mark(gen.peak_total_mib < MAX_PEAK_MIB)],
        [gen.size, "site KiB per briefing", f"{per_briefing_kib:,.1f}",
         kib(bare.site_bytes // bare.size), f"<= {MAX_KIB_PER_BRIEFING:.0f} at {LARGE_SIZE:,}",
         met_mark(per_briefing_kib <= MAX_KIB_PER_BRIEFING) if large else "–"],
        [gen.size, f"largest file MiB ({gen.largest_file[0]})", f"{largest_mib:,.2f}",
         f"{bare.largest_file[1] / 1024**2:,.2f}", f"<= {MAX_FILE_MIB:.0f} at {LARGE_SIZE:,}",
         met_mark(largest_mib <= MAX_FILE_MIB) if large else "–"],
        [gen.size, f"search_index.json KiB (gzip -{GZIP_LEVEL})", kib(gen.search_json_gz),
         kib(bare.search_json_gz), "", "–"],
    ]
    if gen.pagefind_gz is not None or bare.pagefind_gz is not None:
        rows.append([gen.size, "Pagefind first 2-word query KiB (see site.py)", kib(gen.pagefind_gz),
                     kib(bare.pagefind_gz), "", "–"])
    sizes = " and ".join(f"{size:,}" for size in SEARCH_SIZES)
    rows += [
        [gen.size, "first search download KiB (gzipped)", fmt(gen.first_search_kib, 1),
         fmt(bare.first_search_kib, 1), f"<= {MAX_FIRST_SEARCH_KIB:.0f} at {sizes}",
         met_mark(gen.first_search_kib <= MAX_FIRST_SEARCH_KIB) if search_judged else "–"],
        [gen.size, "build warnings", gen.warnings, bare.warnings, "", "–"],
        [gen.size, "child process wall s (incl. interpreter start)", f"{gen.wall_s:.2f}",
         f"{bare.wall_s:.2f}", "", "–"],
    ]
    if gen.size in SEARCH_SIZES:
        rows.append([gen.size, "first search results ms, headless Chromium (n/a: no Chromium)",
                     fmt(gen.search_ms, 0), "n/a", f"<= {MAX_FIRST_SEARCH_MS:.0f}",
                     met_mark(gen.search_ms <= MAX_FIRST_SEARCH_MS) if gen.search_ms is not None else "–"])
    return rows


def linear_ratio(builds: dict[int, Build]) -> tuple[float | None, str]:
    """(s per briefing at the largest size) / (at the smallest size), and which sizes those are."""
    if len(builds) < 2:
        return None, "needs two sizes"
    small, large = min(builds), max(builds)
    return builds[large].per_briefing_s / builds[small].per_briefing_s, f"{large:,} vs {small:,}"


def report(gen: dict[int, Build], bare: dict[int, Build]) -> tuple[list[list[str]], str]:
    rows = [row for size in sorted(gen) for row in size_rows(gen[size], bare[size])]
    linear, sizes = linear_ratio(gen)
    bare_linear, _ = linear_ratio(bare)
    rows.append(["all", f"linear ratio, s per briefing {sizes}", fmt(linear, 2), fmt(bare_linear, 2),
                 f"<= {MAX_LINEAR_RATIO}", "–" if linear is None else met_mark(linear <= MAX_LINEAR_RATIO)])
    ratio_max = max(gen[s].seconds / bare[s].seconds for s in gen)
    largest = max(gen)
    summary = (f"bench-site: build_ratio_max={ratio_max:.2f} linear_ratio={fmt(linear, 2)} "
               f"first_search_kib_{largest}={fmt(gen[largest].first_search_kib, 1)} "
               f"peak_mib_{largest}={gen[largest].peak_total_mib:.0f} "
               f"kib_per_briefing_{largest}={gen[largest].site_bytes / largest / 1024:.1f}")
    return rows, summary


HEADERS = ("size", "figure", "generator", "bare Material", "target", "met")


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise SystemExit(f"error: --sizes {text!r}: write numbers separated by commas") from None
    if not sizes or min(sizes) < 1:
        raise SystemExit("error: --sizes needs positive numbers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)),
                        help="briefings per site, e.g. 100,1000 (default %(default)s)")
    parser.add_argument("--build-child", type=Path, help="internal: build this project and print figures")
    args = parser.parse_args(argv)
    if args.build_child:
        emit_result(build_child(args.build_child))
        return 0
    sizes = parse_sizes(args.sizes)
    corpus = require_shared("bench-site", *CORPUS)
    if corpus is None:
        return 0
    sources = ensure_briefings(corpus)
    print(f"bench-site: {len(sources)} corpus briefings in {BRIEFINGS}", file=sys.stderr)
    gen: dict[int, Build] = {}
    bare: dict[int, Build] = {}
    for size in sizes:
        briefings = list(copies(sources, size))
        runs: dict[str, list[Build]] = {"generator": [], "bare": []}
        for _ in range(repeats(size)):
            for kind, builds in runs.items():  # alternated, so drift in the machine hits both
                builds.append(build_and_measure(kind, size, briefings))
        gen[size], bare[size] = median_build(runs["generator"]), median_build(runs["bare"])
    rows, summary = report(gen, bare)
    print(markdown_table(HEADERS, rows))
    print()
    for build in [*gen.values(), *bare.values()]:
        parts = ", ".join(f"{name} {size / build.site_bytes:.0%}" for name, size in build.top_folders)
        print(f"site bytes, {build.kind} {build.size:,}: {build.site_bytes / 1024**2:,.1f} MiB ({parts})")
    print(f"\n{summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
