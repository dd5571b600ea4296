"""Extraction quality on the shared dev sets, beside the naive baseline and the targets (issue 4).

For each split of `shared/eval/` the project's own CLI extracts the articles
(`python -m generator extract <split>/articles --out benchmarks/out/<split> --force`),
`shared/eval/score.py --json` scores the briefings, and one Markdown table shows
P/R/F1 and the extra figures next to `BASELINE.md` and the targets.

A last row set reads the Wikinews corpus (`shared/corpus/wikinews`, unannotated) and counts
what a reader must never see (benchmarks/faithful.py): positions with a bare-pronoun speaker,
paraphrases in quotation marks, evidence links without a target; the target is 0 for each.

    python benchmarks/quality.py                 # every dev split, then the corpus
    python benchmarks/quality.py --split re3d-dev
    python benchmarks/quality.py --split wikinews  # the corpus only
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from benchlib import OUT, ROOT, fmt, markdown_table, met_mark, require_shared
from faithful import Briefing, check

SPLITS = ("re3d-dev", "conllpp-dev", "polnear-dev")
CORPUS = "wikinews"  # shared/corpus/wikinews: no gold, checked for faithfulness
EXTRAS = ("counted_accuracy", "speaker_accuracy", "kind_accuracy", "recall_direct", "recall_indirect")
PRF = (("P", "precision"), ("R", "recall"), ("F1", "f1"))


@dataclass(frozen=True)
class Target:
    dataset: str  # split name without -dev/-test, so the same targets apply to the test sets
    field: str
    figure: str  # "F1" or an extra figure name
    minimum: float


TARGETS = (
    Target("re3d", "actors", "F1", 0.85),
    Target("re3d", "locations", "F1", 0.92),
    Target("re3d", "numbers", "F1", 0.92),
    Target("re3d", "numbers", "counted_accuracy", 0.90),
    Target("conllpp", "actors", "F1", 0.90),
    Target("conllpp", "locations", "F1", 0.92),
    # Stated positions as they were said (issue 17).
    Target("polnear", "positions", "F1", 0.78),
    Target("polnear", "positions", "recall_direct", 0.87),
    Target("polnear", "positions", "recall_indirect", 0.55),
    Target("polnear", "positions", "speaker_accuracy", 0.88),
    Target("polnear", "positions", "kind_accuracy", 0.95),
)


def dataset_of(split: str) -> str:
    return re.sub(r"-(dev|test)$", "", split)


def target_for(split: str, field: str, figure: str) -> Target | None:
    for target in TARGETS:
        if (target.dataset, target.field, target.figure) == (dataset_of(split), field, figure):
            return target
    return None


# ---------------------------------------------------------------- extraction and scoring


def extract_split(split_dir: Path, out_dir: Path, articles: Path | None = None) -> float:
    """Run the user's CLI on the split's articles (or `articles`) into `out_dir`; return the wall
    time in seconds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.yaml"):  # articles removed from the split must not linger
        stale.unlink()
    argv = [sys.executable, "-m", "generator", "extract", str(articles or split_dir / "articles"),
            "--out", str(out_dir), "--force"]
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, check=False)  # cwd: the CLI reads ./mkdocs.yml
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"error: {' '.join(argv)} failed (exit {proc.returncode})")
    return seconds


def score_split(score_py: Path, split_dir: Path, pred_dir: Path) -> dict:
    """The JSON result of `score.py <split> <pred> --json`."""
    argv = [sys.executable, str(score_py), str(split_dir), str(pred_dir), "--json"]
    proc = subprocess.run(argv, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"error: {' '.join(argv)} failed (exit {proc.returncode})")
    return json.loads(proc.stdout)


def geocoded_share(pred_dir: Path) -> tuple[int, int]:
    """(locations with lat and lon, all locations) over the briefings in `pred_dir`."""
    with_point = total = 0
    for path in sorted(pred_dir.glob("*.yaml")):
        briefing = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for location in briefing.get("locations") or []:
            total += 1
            if location.get("lat") is not None and location.get("lon") is not None:
                with_point += 1
    return with_point, total


# ---------------------------------------------------------------- baseline


def parse_baseline(path: Path) -> dict[tuple[str, str], dict[str, float]]:
    """{(split, field): {"P": .., "R": .., "F1": .., extra name: value}} from BASELINE.md's table."""
    rows: dict[tuple[str, str], dict[str, float]] = {}
    header: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if "split" in cells and "field" in cells:
            header = cells
            continue
        if not header or set(cells[0]) <= set("-: "):
            continue
        row = dict(zip(header, cells, strict=False))
        figures = {name: float(row[name]) for name in ("P", "R", "F1") if _is_float(row.get(name, ""))}
        for name, value in re.findall(r"(\w+) ([\d.]+) \(\d+/\d+\)", row.get("extra", "")):
            figures[name] = float(value)
        rows[row["split"], row["field"]] = figures
    return rows


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------- the table


@dataclass
class Row:
    split: str
    field: str
    figure: str
    value: float | None
    detail: str = ""
    baseline: float | None = None
    target: Target | None = None

    maximum: float | None = None  # a count that must stay at or below this (0: never)

    @property
    def met(self) -> bool | None:
        if self.maximum is not None:
            return self.value is not None and self.value <= self.maximum
        if self.target is None:
            return None
        return self.value is not None and self.value >= self.target.minimum

    def cells(self) -> list[str]:
        shown = str(self.value) if isinstance(self.value, int) else fmt(self.value)
        value = shown + (f" ({self.detail})" if self.detail else "")
        delta = "" if self.value is None or self.baseline is None else f"{self.value - self.baseline:+.3f}"
        target = f">= {self.target.minimum:.2f}" if self.target else ""
        if self.maximum is not None:
            target = f"<= {self.maximum:g}"
        return [self.split, self.field, self.figure, value, fmt(self.baseline) if self.baseline is not None
                else "", delta, target, met_mark(self.met)]


def split_rows(split: str, result: dict, baseline: dict, geocoded: tuple[int, int]) -> list[Row]:
    rows = []
    for field, counts in result["fields"].items():
        base = baseline.get((split, field), {})
        for figure, key in PRF:
            rows.append(Row(split, field, figure, counts[key], baseline=base.get(figure),
                            target=target_for(split, field, figure)))
        for extra in EXTRAS:
            if extra in counts:
                ratio = counts[extra]
                rows.append(Row(split, field, extra, ratio["value"], f"{ratio['ok']}/{ratio['n']}",
                                base.get(extra), target_for(split, field, extra)))
    with_point, total = geocoded
    rows.append(Row(split, "locations", "geocoded share (lat/lon)", with_point / total if total else None,
                    f"{with_point}/{total}"))
    return rows


def corpus_rows(pred_dir: Path) -> list[Row]:
    """What a reader must never see, counted over the corpus's briefings (target 0 each)."""
    briefings = [Briefing.from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))
                 for path in sorted(pred_dir.glob("*.yaml"))]
    found = check(briefings)
    return [
        Row(CORPUS, "positions", "bare-pronoun speakers", found.pronoun_speakers,
            f"of {found.positions} positions", maximum=0),
        Row(CORPUS, "positions", "paraphrases in quotation marks", found.paraphrases_in_marks,
            f"of {found.quoted_pieces} quoted pieces", maximum=0),
        Row(CORPUS, "all", "evidence links without a target", found.links_without_target,
            f"of {found.evidence_links} links", maximum=0),
    ]


HEADERS = ("split", "field", "figure", "ours", "baseline", "Δ", "target", "met")


# ---------------------------------------------------------------- main


def run(splits: list[str], eval_dir: Path) -> list[Row]:
    baseline = parse_baseline(eval_dir / "BASELINE.md")
    rows: list[Row] = []
    for split in splits:
        split_dir, pred_dir = eval_dir / split, OUT / split
        print(f"{split}: extracting {split_dir / 'articles'} -> {pred_dir} ...", file=sys.stderr, flush=True)
        seconds = extract_split(split_dir, pred_dir)
        result = score_split(eval_dir / "score.py", split_dir, pred_dir)
        print(f"{split}: {result['documents']} documents, extracted in {seconds:.1f} s, "
              f"predictions missing {result['predictions_missing']}", flush=True)
        rows += split_rows(split, result, baseline, geocoded_share(pred_dir))
    return rows


def run_corpus(corpus_dir: Path) -> list[Row]:
    pred_dir = OUT / CORPUS
    print(f"{CORPUS}: extracting {corpus_dir} -> {pred_dir} ...", file=sys.stderr, flush=True)
    seconds = extract_split(corpus_dir.parent / "_", pred_dir, articles=corpus_dir)
    print(f"{CORPUS}: extracted in {seconds:.1f} s", flush=True)
    return corpus_rows(pred_dir)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", action="append", help="run only this split (repeatable), e.g. re3d-dev")
    args = parser.parse_args(argv)
    eval_dir = require_shared("bench-quality", "eval")
    if eval_dir is None:
        return 0
    corpus_dir = eval_dir.parent / "corpus" / CORPUS
    splits = args.split or [s for s in SPLITS if (eval_dir / s).is_dir()] + [CORPUS]
    with_corpus = CORPUS in splits
    splits = [s for s in splits if s != CORPUS]
    unknown = [s for s in splits if not (eval_dir / s / "gold").is_dir()]
    if unknown:
        print(f"error: no such split under {eval_dir}: {', '.join(unknown)}", file=sys.stderr)
        return 2
    rows = run(splits, eval_dir)
    if with_corpus and corpus_dir.is_dir():
        rows += run_corpus(corpus_dir)
    elif with_corpus:
        print(f"{CORPUS}: skipped, no corpus at {corpus_dir}", file=sys.stderr)
    print()
    print(markdown_table(HEADERS, [row.cells() for row in rows]))
    judged = [row for row in rows if row.target is not None or row.maximum is not None]
    print(f"\nbench-quality: targets_met={sum(bool(r.met) for r in judged)}/{len(judged)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
