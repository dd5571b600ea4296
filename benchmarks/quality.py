"""Extraction quality on the shared dev sets, beside the naive baseline and the targets (issue 4).

For each split of `shared/eval/` the project's own CLI extracts the articles
(`python -m generator extract <split>/articles --out benchmarks/out/<split> --force`),
`shared/eval/score.py --json` scores the briefings, and one Markdown table shows
P/R/F1 and the extra figures next to `BASELINE.md` and the targets.

    python benchmarks/quality.py                 # every dev split, then the Wikinews identities
    python benchmarks/quality.py --split re3d-dev
    python benchmarks/quality.py --split wikinews   # only the unannotated-corpus row

Beside the dev splits, the Wikinews corpus (`shared/corpus/wikinews`, no gold) gives one
row: the share of counts that say nothing about what they count (issue 16: <= 15 %).
The toponym resolver alone (gold place names in, points out) is measured by
`benchmarks/geo_resolver.py`.
The `wikinews` rows also count, on the site built from the corpus's first 120 briefings,
the names shown under two spellings across the actor and place entries
(`benchmarks/identity.py`) and the actor pages per distinct actor (issue 15).
Last, what a reader must never see on the corpus's site (benchmarks/faithful.py): positions with
a bare-pronoun speaker, paraphrases in quotation marks, evidence links without a target (target 0).
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

SPLITS = ("re3d-dev", "conllpp-dev", "polnear-dev", "newsquant-dev", "geo-dev")
CORPUS = "wikinews"
EXTRAS = ("counted_accuracy", "unit_accuracy", "speaker_accuracy", "kind_accuracy", "recall_direct",
          "recall_indirect", "geocoded_161", "geocoded_recall")
PRF = (("P", "precision"), ("R", "recall"), ("F1", "f1"))


@dataclass(frozen=True)
class Target:
    dataset: str  # split name without -dev/-test, so the same targets apply to the test sets
    field: str
    figure: str  # "F1" or an extra figure name
    minimum: float  # the bound: a floor, or a ceiling when `at_most`
    at_most: bool = False


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
    Target("newsquant", "numbers", "F1", 0.90),
    Target("newsquant", "numbers", "counted_accuracy", 0.90),
    Target("newsquant", "numbers", "unit_accuracy", 0.90),
    Target(CORPUS, "numbers", "counts without subject", 0.15, at_most=True),
    # Toponym resolution (issue 14): Accuracy@161 km of the places found, and the share of
    # all gold places a reader sees in the right place.
    Target("geo", "locations", "F1", 0.82),
    Target("geo", "locations", "geocoded_161", 0.88),
    Target("geo", "locations", "geocoded_recall", 0.72),
    Target("re3d", "actors", "kind_accuracy", 0.96),
    Target("conllpp", "actors", "kind_accuracy", 0.96),
    Target(CORPUS, "identities", "split identities", 2, at_most=True),
)
IDENTITY_FIRST = 120  # briefings of the corpus the identity figures are counted on


def dataset_of(split: str) -> str:
    return re.sub(r"-(dev|test)$", "", split)


def target_for(split: str, field: str, figure: str) -> Target | None:
    for target in TARGETS:
        if (target.dataset, target.field, target.figure) == (dataset_of(split), field, figure):
            return target
    return None


# ---------------------------------------------------------------- extraction and scoring


def extract_split(split_dir: Path, out_dir: Path) -> float:
    """Run the user's CLI on the split's articles into `out_dir`; return the wall time in seconds."""
    return extract_split_folder(split_dir / "articles", out_dir)


def extract_split_folder(articles: Path, out_dir: Path) -> float:
    """Run the user's CLI on a folder of articles into `out_dir`; return the wall time in seconds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("*.yaml"):  # articles removed from the split must not linger
        stale.unlink()
    argv = [sys.executable, "-m", "generator", "extract", str(articles), "--out", str(out_dir), "--force"]
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
        if self.value is None:
            return False
        if self.target.at_most:
            return self.value <= self.target.minimum
        return self.value >= self.target.minimum

    def cells(self) -> list[str]:
        shown = str(self.value) if isinstance(self.value, int) else fmt(self.value)
        value = shown + (f" ({self.detail})" if self.detail else "")
        delta = "" if self.value is None or self.baseline is None else f"{self.value - self.baseline:+.3f}"
        target = ""
        if self.target:
            target = f"<= {self.target.minimum:g}" if self.target.at_most else f">= {self.target.minimum:.2f}"
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


def faithful_rows(pred_dir: Path) -> list[Row]:
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


def counts_without_subject(pred_dir: Path) -> tuple[int, int]:
    """(counts with no `subject`, all counts) over the briefings in `pred_dir`."""
    bare = total = 0
    for path in sorted(pred_dir.glob("*.yaml")):
        briefing = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for number in briefing.get("numbers") or []:
            if number.get("kind") == "count":
                total += 1
                bare += not number.get("subject")
    return bare, total


def corpus_rows(corpus_dir: Path) -> list[Row]:
    """The unannotated corpus, extracted once: how many counts lack what they count (issue 16),
    names under two spellings and actor pages per distinct actor (issue 15)."""
    pred_dir = OUT / CORPUS
    print(f"{CORPUS}: extracting {corpus_dir} -> {pred_dir} ...", file=sys.stderr, flush=True)
    seconds = extract_split_folder(corpus_dir, pred_dir)
    bare, total = counts_without_subject(pred_dir)
    print(f"{CORPUS}: extracted in {seconds:.1f} s", flush=True)
    figure = "counts without subject"
    return [Row(CORPUS, "numbers", figure, bare / total if total else None, f"{bare}/{total}",
                target=target_for(CORPUS, "numbers", figure)),
            *identity_rows(pred_dir), *faithful_rows(pred_dir)]


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


def identity_rows(pred_dir: Path) -> list[Row]:
    """Split identities and actor pages per distinct actor, on the corpus's briefings."""
    from identity import identity_figures

    figures = identity_figures(pred_dir, IDENTITY_FIRST)
    for key, forms in figures.split.items():
        print(f"{CORPUS}: split identity {key!r}: {' / '.join(forms)}", flush=True)
    split = float(len(figures.split))
    return [
        Row(CORPUS, "identities", "split identities", split, f"{figures.briefings} briefings",
            target=target_for(CORPUS, "identities", "split identities")),
        Row(CORPUS, "identities", "actor pages per distinct actor", figures.pages_per_actor,
            f"{figures.actor_pages}/{figures.distinct_actors}"),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", action="append", help="run only this split (repeatable), e.g. re3d-dev")
    args = parser.parse_args(argv)
    eval_dir = require_shared("bench-quality", "eval")
    if eval_dir is None:
        return 0
    splits = args.split or [*(s for s in SPLITS if (eval_dir / s).is_dir()), CORPUS]
    with_corpus = CORPUS in splits
    splits = [s for s in splits if s != CORPUS]
    unknown = [s for s in splits if not (eval_dir / s / "gold").is_dir()]
    if unknown:
        print(f"error: no such split under {eval_dir}: {', '.join(unknown)}", file=sys.stderr)
        return 2
    rows = run(splits, eval_dir)
    corpus_dir = require_shared("bench-quality", "corpus", CORPUS) if with_corpus else None
    if corpus_dir is not None:
        rows += corpus_rows(corpus_dir)
    print()
    print(markdown_table(HEADERS, [row.cells() for row in rows]))
    judged = [row for row in rows if row.target is not None or row.maximum is not None]
    print(f"\nbench-quality: targets_met={sum(bool(r.met) for r in judged)}/{len(judged)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
