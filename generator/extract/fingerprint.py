"""What produced a briefing: generator version, a hash of the extraction rules, the model.

A briefing whose recorded fingerprint differs from the current one is re-extracted, so a
change to any rule file or to the model refreshes every briefing, and nothing else does.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

EXTRACT_DIR = Path(__file__).resolve().parent
RULE_SUFFIXES = {".py", ".txt", ".json", ".jsonl", ".yaml", ".yml", ".csv", ".tsv"}


@lru_cache(maxsize=1)
def rules_hash() -> str:
    """sha256 over the extraction code and its data files (names and bytes), 12 hex digits."""
    digest = hashlib.sha256()
    for path in sorted(EXTRACT_DIR.rglob("*")):
        if path.is_file() and path.suffix in RULE_SUFFIXES:
            digest.update(path.relative_to(EXTRACT_DIR).as_posix().encode())
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
