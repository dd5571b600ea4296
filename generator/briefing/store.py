"""Briefings on disk: deterministic YAML out, safe YAML in, schema-checked with line numbers."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator.briefing.model import Briefing
from generator.errors import BriefingError

SCHEMA_FILE = Path(__file__).with_name("schema.json")


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, multi-line strings as literal blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_briefing(briefing: Briefing) -> str:
    """Return the briefing as YAML text; the same briefing always gives the same bytes."""
    return yaml.dump(
        briefing.to_dict(),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100_000,
        default_flow_style=False,
    )


def write_briefing(path: Path, briefing: Briefing) -> None:
    """Write atomically: a killed run leaves either the old file or the new one, whole."""
    write_atomic(path, dump_briefing(briefing))


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def validation_errors(path: Path, text: str) -> list[BriefingError]:
    """Return every problem of a briefing's YAML text, each with its line when known."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        return [BriefingError(path, f"invalid YAML: {problem}", line=mark.line + 1 if mark else None)]
    if not isinstance(data, dict):
        return [BriefingError(path, "a briefing must be a YAML mapping (key: value)", line=1)]
    errors = []
    for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
        where = "/".join(str(p) for p in error.path) or "(top level)"
        errors.append(
            BriefingError(path, f"{where}: {error.message}", line=_line_of(node, list(error.path)))
        )
    return errors


def load_briefing(path: Path) -> Briefing:
    """Load and validate one briefing; raise BriefingError with `file:line` on the first problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BriefingError(path, "not valid UTF-8") from None
    errors = validation_errors(path, text)
    if errors:
        raise errors[0]
    return Briefing.from_dict(yaml.safe_load(text))


def _line_of(node: yaml.Node | None, path: list[Any]) -> int | None:
    """The 1-based line of the YAML node at `path` (or of its nearest parent)."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def load_briefings(folder: Path) -> tuple[list[Briefing], list[BriefingError]]:
    """Load every `*.yaml` briefing of `folder`; bad ones are returned as errors, not raised."""
    briefings: list[Briefing] = []
    errors: list[BriefingError] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            briefings.append(load_briefing(path))
        except BriefingError as err:
            errors.append(err)
    return briefings, errors
