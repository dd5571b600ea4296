"""What produced a briefing: generator version, a hash of the extraction rules, the model.

A briefing whose recorded fingerprint differs from the current one is re-extracted, so a
change to any rule file or to the model refreshes every briefing, and nothing else does.
The rules are everything an article passes through on its way to a briefing: the article
reader, the extraction components, the gazetteer and the unit tables.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
RULE_SOURCES = ("articles", "extract", "geo", "quantities", "plain_text.py")
RULE_SUFFIXES = {".py", ".txt", ".json", ".jsonl", ".yaml", ".yml", ".csv", ".tsv", ".sqlite"}


def rule_files() -> list[Path]:
    """The files whose bytes decide what an article's briefing says, in a stable order."""
    files: list[Path] = []
    for name in RULE_SOURCES:
        source = PACKAGE_DIR / name
        candidates = source.rglob("*") if source.is_dir() else [source]
        files += [path for path in candidates if path.is_file() and path.suffix in RULE_SUFFIXES]
    return sorted(files)


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """sha256 over the rule files (names and bytes), 12 hex digits."""
    digest = hashlib.sha256()
    for path in rule_files():
        digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=8)
def model_version(model: str) -> str:
    """The installed version of the model package, or 'unknown' for a model given as a path."""
    for name in (model, model.replace("_", "-")):
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


def extractor_fingerprint(generator_version: str, model: str) -> str:
    return f"generator {generator_version}; rules {rules_hash()}; model {model} {model_version(model)}"
