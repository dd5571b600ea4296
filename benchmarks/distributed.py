"""Throughput of extraction on a Dask LocalCluster of 1 and of 2 worker processes (issue 20).

For each worker count: start the cluster, load the model on every worker (not timed), then
time `extract_folder(..., force=True)` of the first `--limit` Wikinews articles through a
`ClusterExtractor` (the run `briefings extract --scheduler local:N --force` does). A
single-process `extract_folder` is timed the same way, and its briefings must be the cluster
runs' byte for byte. The load average is printed: the numbers mean little on a busy machine.

    python benchmarks/distributed.py               # 60 articles, 1 and 2 workers
    python benchmarks/distributed.py --limit 20 --workers 2
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib import emit_result, fmt, markdown_table, model_name, require_shared  # noqa: E402


def copy_corpus(folder: Path, limit: int, into: Path) -> int:
    """The first `limit` corpus articles (README.md is documentation) copied into `into`."""
    into.mkdir(parents=True)
    paths = [p for p in sorted(folder.glob("*.md")) if p.name.lower() != "readme.md"][:limit]
    for path in paths:
        shutil.copy(path, into / path.name)
    return len(paths)


def timed_run(articles: Path, out: Path, workers: int | None, batch_size: int) -> tuple[float, dict]:
    """Seconds to extract `articles` into `out`, the model already loaded; and the files."""
    from generator.extract.nlp import load_nlp
    from generator.extract_folder import extract_folder

    model = model_name()
    if workers is None:
        load_nlp(model)
        start = time.perf_counter()
        report = extract_folder(articles, out, model=model, force=True)
        seconds = time.perf_counter() - start
    else:
        from distributed import Client, LocalCluster

        from generator.distributed import ClusterExtractor, ExtractorPlugin

        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster, Client(cluster) as client:
            extractor = ClusterExtractor(client, model, batch_size=batch_size)
            client.register_plugin(ExtractorPlugin(model))  # every worker loads the model now
            start = time.perf_counter()
            report = extract_folder(articles, out, extractor=extractor, force=True)
            seconds = time.perf_counter() - start
    assert not report.errors, report.errors
    return seconds, {p.name: p.read_bytes() for p in sorted(out.glob("*.yaml"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--workers", type=int, action="append", help="worker counts (default 1 and 2)")
    parser.add_argument("--batch-size", type=int, default=4)
    args = parser.parse_args()
    corpus = require_shared("bench-distributed", "corpus", "wikinews")
    if corpus is None:
        return 0
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles"
        count = copy_corpus(corpus, args.limit, articles)
        load_before = os.getloadavg()
        single, expected = timed_run(articles, Path(tmp) / "single", None, args.batch_size)
        rows.append(["1 process (extract)", count, fmt(single, 1), fmt(count / single, 2), "-"])
        speeds = {}
        for workers in args.workers or [1, 2]:
            seconds, files = timed_run(articles, Path(tmp) / f"w{workers}", workers, args.batch_size)
            speeds[workers] = count / seconds
            same = "yes" if files == expected else "NO"
            rows.append([f"{workers} worker(s) (--scheduler local:{workers})", count,
                         fmt(seconds, 1), fmt(count / seconds, 2), same])
        load_after = os.getloadavg()
    print(markdown_table(["run", "articles", "seconds", "articles/s", "same bytes"], rows))
    print(f"load average (1, 5, 15 min) before: {', '.join(fmt(x, 2) for x in load_before)}; "
          f"after: {', '.join(fmt(x, 2) for x in load_after)}; cores: {os.cpu_count()}")
    emit_result({"bench": "distributed", "articles": count, "single_per_s": count / single,
                 **{f"workers{w}_per_s": s for w, s in speeds.items()}})
    return 0 if all(row[-1] != "NO" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
