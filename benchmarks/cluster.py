"""Throughput of extraction on a Dask LocalCluster of 1 and of 2 worker processes (issue 20).

For each worker count: start the cluster, load the model on every worker (not timed), then
time `extract_folder(..., force=True)` of the first `--limit` Wikinews articles through a
`ClusterExtractor` (the run `briefings extract --scheduler local:N --force` does). A
single-process `extract_folder` is timed the same way, and its briefings must be the cluster
runs' byte for byte. The load average is printed: wall times mean little on a busy machine;
CPU seconds per article (the client process, its scheduler thread and the workers) less so.

    python benchmarks/cluster.py               # 60 articles, 1 and 2 workers
    python benchmarks/cluster.py --limit 20 --workers 2
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib import fmt, markdown_table, model_name, require_shared  # noqa: E402


def copy_corpus(folder: Path, limit: int, into: Path) -> int:
    """The first `limit` corpus articles (README.md is documentation) copied into `into`."""
    into.mkdir(parents=True)
    paths = [p for p in sorted(folder.glob("*.md")) if p.name.lower() != "readme.md"][:limit]
    for path in paths:
        shutil.copy(path, into / path.name)
    return len(paths)


def cpu_seconds() -> float:
    """User + system CPU time of this process and its threads so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed_run(articles: Path, out: Path, workers: int | None, batch_size: int
              ) -> tuple[float, float, dict]:
    """Wall seconds and CPU seconds (this process and the workers) to extract `articles` into
    `out`, the model already loaded; and the files written."""
    from generator.extract.nlp import load_nlp
    from generator.extract_folder import extract_folder

    model = model_name()
    if workers is None:
        load_nlp(model)
        start, cpu = time.perf_counter(), cpu_seconds()
        report = extract_folder(articles, out, model=model, force=True)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    else:
        from distributed import Client

        from generator.distributed import ClusterExtractor, ExtractorPlugin, local_cluster

        with local_cluster(workers) as cluster, Client(cluster) as client:
            extractor = ClusterExtractor(client, model, batch_size=batch_size)
            client.register_plugin(ExtractorPlugin(model))  # every worker loads the model now
            start, cpu = time.perf_counter(), cpu_seconds()
            worker_cpu = sum(client.run(cpu_seconds).values())
            report = extract_folder(articles, out, extractor=extractor, force=True)
            worker_cpu = sum(client.run(cpu_seconds).values()) - worker_cpu
            seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
            print(f"{workers} worker(s): CPU s per article: client {cpu / len(report.extracted):.3f}, "
                  f"workers {worker_cpu / len(report.extracted):.3f}", file=sys.stderr)
            cpu += worker_cpu
    assert not report.errors, report.errors
    return seconds, cpu, {p.name: p.read_bytes() for p in sorted(out.glob("*.yaml"))}


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
        single, cpu, expected = timed_run(articles, Path(tmp) / "single", None, args.batch_size)
        rows.append(["1 process (extract)", count, fmt(single, 1), fmt(count / single, 2),
                     fmt(cpu / count, 2), "-"])
        speeds = {}
        for workers in args.workers or [1, 2]:
            seconds, cpu, files = timed_run(articles, Path(tmp) / f"w{workers}", workers, args.batch_size)
            speeds[workers] = count / seconds
            same = "yes" if files == expected else "NO"
            rows.append([f"{workers} worker(s) (--scheduler local:{workers})", count,
                         fmt(seconds, 1), fmt(count / seconds, 2), fmt(cpu / count, 2), same])
        load_after = os.getloadavg()
    print(markdown_table(["run", "articles", "seconds", "articles/s", "CPU s per article",
                          "same bytes"], rows))
    print(f"load average (1, 5, 15 min) before: {', '.join(fmt(x, 2) for x in load_before)}; "
          f"after: {', '.join(fmt(x, 2) for x in load_after)}; cores: {os.cpu_count()}")
    same = all(row[-1] != "NO" for row in rows)
    speedup = fmt(speeds[2] / speeds[1], 2) if {1, 2} <= speeds.keys() else "-"
    print(f"bench-distributed: speedup_2_workers={speedup} same_bytes={'yes' if same else 'no'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
