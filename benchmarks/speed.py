"""Extraction speed and memory on the Wikinews corpus, beside spaCy's own parse time (issues 3/4).

Each phase runs in its own process (this script with `--phase`), so that peak
memory figures do not mix and the model is loaded once per process; model
loading and a one-article warm-up are timed apart and excluded from throughput.

    parse          spaCy alone: nlp.pipe(texts, batch_size=BATCH_SIZE) with our rule components
                   disabled (the model and its actor_ruler), docs consumed
    extract        Extractor.extract_many(articles) (spaCy + the project's rules + geocoding)
    extract-jobs2  the same with jobs=2

    python benchmarks/speed.py              # all 295 articles
    python benchmarks/speed.py --limit 20   # a quick check
    python benchmarks/speed.py --repeat 3   # best of 3 timed runs per phase (on a busy machine)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from benchlib import (
    emit_result,
    fmt,
    markdown_table,
    met_mark,
    model_name,
    peak_rss_mib,
    require_shared,
    run_child,
)

if TYPE_CHECKING:  # spaCy is imported only by the phase processes
    from spacy.language import Language

    from generator.articles import Article
    from generator.extract.pipeline import Extractor

PHASES = ("parse", "extract", "extract-jobs2")
CORPUS = ("corpus", "wikinews")
MAX_OVERHEAD_PCT = 30.0
MAX_PEAK_MIB = 1024.0


# ---------------------------------------------------------------- child side: one phase


def read_corpus(folder: Path, limit: int | None) -> list[Article]:
    """The corpus articles (README.md is documentation, not an article), read as the CLI reads them."""
    from generator.articles import read_article

    paths = [p for p in sorted(folder.glob("*.md")) if p.name.lower() != "readme.md"]
    return [read_article(p) for p in paths[:limit]]


def run_phase(phase: str, folder: Path, limit: int | None, repeat: int = 1) -> dict:
    """Time one phase in this process (best of `repeat` runs: wall and CPU); return its figures."""
    import resource

    start = time.perf_counter()
    articles = read_corpus(folder, limit)
    read_s = time.perf_counter() - start

    start = time.perf_counter()  # importing spaCy (which reading mkdocs.yml does) is part of the load
    model = model_name()
    from generator.extract.nlp import COMPONENTS, load_nlp
    from generator.extract.pipeline import BATCH_SIZE, Extractor

    nlp = load_nlp(model)
    load_s = time.perf_counter() - start

    extractor = Extractor(model)
    start = time.perf_counter()
    if phase == "parse":
        nlp(articles[0].text, disable=list(COMPONENTS))
    else:  # loads the gazetteer and word lists, whatever the rule components load lazily
        extractor.extract(articles[0])
    warmup_s = time.perf_counter() - start

    texts = [a.text for a in articles]
    walls, cpus, load_before = [], [], os.getloadavg()[0]
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        items = parse_all(nlp, texts, BATCH_SIZE) if phase == "parse" else \
            extract_all(extractor, articles, jobs=2 if phase == "extract-jobs2" else 1)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return {
        "phase": phase, "model": model, "batch_size": BATCH_SIZE, "articles": len(articles),
        "words": sum(len(t.split()) for t in texts), "items": items, "read_s": read_s, "load_s": load_s,
        "warmup_s": warmup_s, "seconds": min(walls), "cpu_seconds": min(cpus), "repeat": repeat,
        "load_avg": max(load_before, os.getloadavg()[0]), "peak_mib": peak_rss_mib(),
        "children_peak_mib": peak_rss_mib(resource.RUSAGE_CHILDREN),
    }


def parse_all(nlp: Language, texts: list[str], batch_size: int) -> int:
    """Parse like the extractor does (same batch size, inside a memory zone) but without our rule
    components, which run inside the same pipeline; return the token count."""
    from generator.extract.nlp import COMPONENTS

    tokens = 0
    with nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=batch_size, disable=list(COMPONENTS)):
            tokens += len(doc)
    return tokens


def extract_all(extractor: Extractor, articles: list[Article], jobs: int) -> int:
    """Consume the briefings one by one (as extract_folder does); return the number of items found."""
    found = 0
    for briefing in extractor.extract_many(articles, jobs=jobs):
        found += len(briefing.actors) + len(briefing.numbers) + len(briefing.locations)
        found += len(briefing.positions)
    return found


# ---------------------------------------------------------------- parent side: the report


def per_second(count: float, seconds: float) -> str:
    return f"{count / seconds:,.1f}" if seconds > 0 else "n/a"


def report(results: dict[str, dict]) -> tuple[list[list[str]], dict[str, float | None]]:
    """Table rows and the summary figures."""
    parse, extract, jobs2 = results["parse"], results["extract"], results.get("extract-jobs2")
    overhead = (extract["seconds"] - parse["seconds"]) / parse["seconds"] * 100
    overhead_cpu = (extract["cpu_seconds"] - parse["cpu_seconds"]) / parse["cpu_seconds"] * 100
    speedup = extract["seconds"] / jobs2["seconds"] if jobs2 else None
    cpus = os.cpu_count() or 1
    load = max(r["load_avg"] for r in results.values())
    rows = [
        ["articles / words", f"{extract['articles']} / {extract['words']:,}", "wikinews corpus", "–"],
        ["model", f"{extract['model']} (batch {extract['batch_size']})", "", "–"],
        ["timed runs per phase (best kept)", str(extract["repeat"]), "", "–"],
        ["load average (max seen)", f"{load:.1f}", f"{cpus} CPUs; above that, wall times are noisy",
         met_mark(load <= cpus)],
        ["read articles s (read_article)", f"{extract['read_s']:.2f}", "excluded from throughput", "–"],
        ["model load s incl. import (parse / extract process)",
         f"{parse['load_s']:.2f} / {extract['load_s']:.2f}", "excluded from throughput", "–"],
        ["warm-up s, 1 article (parse / extract)", f"{parse['warmup_s']:.2f} / {extract['warmup_s']:.2f}",
         "excluded (extract: gazetteer, word lists)", "–"],
        ["spaCy parse s, wall / CPU", f"{parse['seconds']:.2f} / {parse['cpu_seconds']:.2f}",
         "reference", "–"],
        ["extract s (jobs=1), wall / CPU", f"{extract['seconds']:.2f} / {extract['cpu_seconds']:.2f}",
         f"spaCy alone {parse['seconds']:.2f} / {parse['cpu_seconds']:.2f}", "–"],
        ["articles/s (extract)", per_second(extract["articles"], extract["seconds"]),
         f"spaCy alone {per_second(parse['articles'], parse['seconds'])}", "–"],
        ["words/s (extract)", per_second(extract["words"], extract["seconds"]),
         f"spaCy alone {per_second(parse['words'], parse['seconds'])}", "–"],
        ["overhead % (extract - parse) / parse, wall", f"{overhead:.1f}", f"<= {MAX_OVERHEAD_PCT:.0f}",
         met_mark(overhead <= MAX_OVERHEAD_PCT)],
        ["overhead %, CPU time (robust to load)", f"{overhead_cpu:.1f}", f"<= {MAX_OVERHEAD_PCT:.0f}",
         met_mark(overhead_cpu <= MAX_OVERHEAD_PCT)],
        ["peak RSS MiB, parse process", f"{parse['peak_mib']:.0f}", "reference", "–"],
        ["peak RSS MiB, extract process", f"{extract['peak_mib']:.0f}", f"< {MAX_PEAK_MIB:.0f}",
         met_mark(extract["peak_mib"] < MAX_PEAK_MIB)],
    ]
    if jobs2:
        worker = jobs2["children_peak_mib"]
        rows += [
            ["peak RSS MiB, jobs=2 main / largest worker", f"{jobs2['peak_mib']:.0f} / {worker:.0f}",
             f"< {MAX_PEAK_MIB:.0f} each", met_mark(max(jobs2["peak_mib"], worker) < MAX_PEAK_MIB)],
            ["extract s (jobs=2), wall", f"{jobs2['seconds']:.2f}", f"jobs=1 {extract['seconds']:.2f}", "–"],
            ["speed-up jobs=2 vs jobs=1", f"{speedup:.2f}", f"ideal {min(2, cpus)}.00 ({cpus} CPUs)", "–"],
        ]
    summary = {"overhead_pct": overhead, "overhead_cpu_pct": overhead_cpu, "load_avg": load, "cpus": cpus,
               "peak_mib": extract["peak_mib"], "speedup_jobs2": speedup}
    return rows, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N articles (sorted by name)")
    parser.add_argument("--phase", choices=PHASES, help="internal: run one phase and print its figures")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per phase; the best is kept")
    parser.add_argument("--no-jobs2", action="store_true", help="skip the jobs=2 phase")
    args = parser.parse_args(argv)
    corpus = require_shared("bench-speed", *CORPUS)
    if corpus is None:
        return 0
    if args.phase:
        emit_result(run_phase(args.phase, corpus, args.limit, max(1, args.repeat)))
        return 0
    options = (["--limit", str(args.limit)] if args.limit else []) + ["--repeat", str(args.repeat)]
    results = {}
    for phase in PHASES[:2] if args.no_jobs2 else PHASES:
        print(f"bench-speed: phase {phase} ...", file=sys.stderr, flush=True)
        results[phase] = run_child([__file__, "--phase", phase, *options])
    rows, summary = report(results)
    print(markdown_table(("figure", "value", "reference / target", "met"), rows))
    if summary["load_avg"] > summary["cpus"]:
        print(f"\nnote: load average {summary['load_avg']:.1f} > {summary['cpus']} CPUs: other processes "
              "inflated the wall times (and the jobs=2 speed-up is not meaningful); the CPU-time overhead "
              f"({summary['overhead_cpu_pct']:.1f}%) is the reliable figure. Re-run on an idle machine.")
    print(f"\nbench-speed: overhead_pct={fmt(summary['overhead_pct'], 1)} "
          f"peak_mib={fmt(summary['peak_mib'], 0)} speedup_jobs2={fmt(summary['speedup_jobs2'], 2)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
