"""Helpers shared by the benchmark scripts: where things are, tables, memory, subprocesses.

The benchmarks read data from the `shared` folder beside the repository (or
`$BRIEFINGS_SHARED`) and write only to `benchmarks/out/` (git-ignored).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
SHARED_ENV = "BRIEFINGS_SHARED"
RESULT_PREFIX = "BENCH-RESULT "
MIB = 1024 * 1024


def shared_dir() -> Path:
    """The shared data folder: `$BRIEFINGS_SHARED`, else `shared/` beside the repository."""
    override = os.environ.get(SHARED_ENV)
    return Path(override).resolve() if override else ROOT.parent / "shared"


def require_shared(name: str, *parts: str) -> Path | None:
    """Return `shared/<parts>` if it exists; else print why benchmark `name` is skipped."""
    path = shared_dir().joinpath(*parts)
    if path.exists():
        return path
    print(
        f"{name}: skipped: {path} not found (put the shared folder beside the repo, "
        f"or set {SHARED_ENV})"
    )
    return None


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub Markdown table; columns after the first that look numeric are right-aligned."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    numeric = [i > 0 and all(_looks_numeric(r[i]) for r in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        columns = zip(values, widths, numeric, strict=True)
        padded = [v.rjust(w) if num else v.ljust(w) for v, w, num in columns]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (w - 1) + ":" if num else "-" * w for w, num in zip(widths, numeric, strict=True)]
    return "\n".join([line(list(headers)), "| " + " | ".join(rule) + " |", *(line(r) for r in cells)])


def _looks_numeric(text: str) -> bool:
    head = text.split(" ")[0].replace(",", "").replace("%", "").lstrip("+-")
    return head in ("", "–") or head.replace(".", "", 1).isdigit()


def met_mark(ok: bool | None) -> str:
    """'yes' / 'NO' / '–' (no target)."""
    if ok is None:
        return "–"
    return "yes" if ok else "NO"


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size of this process (or its waited-for children) in MiB (Linux: KiB)."""
    kib = resource.getrusage(who).ru_maxrss
    return kib * 1024 / MIB if sys.platform != "darwin" else kib / MIB


def emit_result(result: dict) -> None:
    """Child side: print the result on one marked line of stdout for the parent to read."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)


def run_child(argv: list[str], cwd: Path = ROOT) -> dict:
    """Parent side: run a python child, pass its stderr through, return its marked result."""
    proc = subprocess.run(
        [sys.executable, *argv], cwd=cwd, stdout=subprocess.PIPE, stderr=None, text=True, check=False
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(RESULT_PREFIX)]
    if proc.returncode != 0 or not lines:
        sys.stdout.write(proc.stdout)
        raise SystemExit(f"error: child {' '.join(argv)} failed (exit {proc.returncode})")
    return json.loads(lines[-1][len(RESULT_PREFIX) :])


def model_name() -> str:
    """The spaCy model the project's CLI would use (mkdocs.yml's `briefings: model`)."""
    from generator.config import Settings

    return Settings.from_mkdocs_yml(ROOT / "mkdocs.yml").model
