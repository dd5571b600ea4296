"""Briefings on disk: deterministic YAML out, safe YAML in, schema-checked with line numbers."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import yaml

from generator.briefing.migrate import upgrade
from generator.briefing.model import Briefing
from generator.errors import BriefingError

SCHEMA_FILE = Path(__file__).with_name("schema.json")


@lru_cache(maxsize=1)
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _fast_validator():
    """The schema compiled to Python (fastjsonschema): ~25x faster on valid briefings, the
    common case on every build; jsonschema still explains invalid ones, path by path."""
    return fastjsonschema.compile(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


class _Dumper(yaml.SafeDumper):
    """Block style, long lines kept whole, multi-line strings as literal blocks."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_briefing(briefing: Briefing) -> str:
    """Return the briefing as YAML text; the same briefing always gives the same bytes."""
    return _dump(briefing.to_dict())


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100_000,
        default_flow_style=False,
    )


def write_briefing(path: Path, briefing: Briefing) -> None:
    """Write atomically: a killed run leaves either the old file or the new one, whole.

    Raises BriefingError naming `path` when the briefing would not load back (so the next run
    would refuse it) or cannot be written (a full disk, a read-only folder); the file already
    there is then left as it was.
    """
    data = briefing.to_dict()
    try:
        _fast_validator()(data)
    except fastjsonschema.JsonSchemaException as err:
        raise BriefingError(path, f"not written, it would not match the schema: {err}") from None
    write_atomic(path, _dump(data))  # the data just checked, not a second to_dict()


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename.

    The file gets the permissions any new file gets (the umask), like a file written in place.
    """
    path = Path(path)
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The writer's pid is in the name so that a later run can tell a killed run's leftover
        # from a file another live process is still writing (see `remove_stale_temp_files`).
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as err:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        problem = f"cannot write: {err.strerror or err}; the file there is unchanged"
        raise BriefingError(path, problem) from None
    except BaseException:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it is to set it: put it straight back
    os.umask(mask)
    return mask


def remove_stale_temp_files(folder: Path) -> list[Path]:
    """Delete the `.<name>.<pid>.*.tmp` files of `folder` whose writing process is gone.

    A run killed between writing its temporary file and renaming it leaves one behind;
    nothing reads those files (briefings are `*.yaml`), this only keeps the folder tidy.
    """
    removed: list[Path] = []
    folder = Path(folder)
    if not folder.is_dir():
        return removed
    for tmp in sorted(folder.glob(".*.tmp")):
        match = _TEMP_NAME.match(tmp.name)
        if match is None or _process_alive(int(match.group(1))):
            continue
        tmp.unlink(missing_ok=True)
        removed.append(tmp)
    return removed


_TEMP_NAME = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists but belongs to someone else, or cannot tell: leave it alone
    return True


def validation_errors(path: Path, text: str) -> list[BriefingError]:
    """Return every problem of a briefing's YAML text, each with its line when known."""
    return _parse_and_check(path, text)[1]


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "map", "seq"))


class _FastLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader (libyaml's C parser when built with it), with a quicker constructor.

    The build reads every briefing on each run, and PyYAML's generic constructor, not the
    parsing, is most of that cost. A briefing is string-keyed mappings, lists and strings:
    those are built here in one pass; any other node (numbers, booleans, dates, merge keys)
    goes to PyYAML's own constructor, so the result is the same as `yaml.safe_load`'s.
    Containers are built once per node, so an alias is shared, not copied (no alias bombs).
    """

    def construct_document(self, node: yaml.Node) -> Any:
        self._built: dict[int, Any] = {}
        try:
            return self._build(node)
        finally:
            self._built = {}

    def _build(self, node: yaml.Node) -> Any:
        kind = node.__class__
        if kind is yaml.ScalarNode:
            return node.value if node.tag == _STR else self.construct_object(node, deep=True)
        built = self._built
        if id(node) in built:
            return built[id(node)]
        if kind is yaml.MappingNode and node.tag == _MAP and all(k.tag == _STR for k, _ in node.value):
            mapping: dict[str, Any] = {}
            built[id(node)] = mapping
            for key, value in node.value:
                mapping[key.value] = self._build(value)
            return mapping
        if kind is yaml.SequenceNode and node.tag == _SEQ:
            items: list[Any] = []
            built[id(node)] = items
            items.extend(self._build(item) for item in node.value)
            return items
        built[id(node)] = result = self.construct_object(node, deep=True)
        return result


class _AliasUsed(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


_MERGE = "tag:yaml.org,2002:merge"


class _BriefingLoader(_FastLoader):
    """The fast loader, refusing anchors, aliases and merge keys: the generator never writes
    them, and a 1 KB file of nested aliases means billions of values to anything that walks the
    data (the schema check, JSON). Refused before anything walks it."""

    def _build(self, node: yaml.Node) -> Any:
        if node.__class__ is not yaml.ScalarNode and (
            id(node) in self._built
            or (node.__class__ is yaml.MappingNode and any(k.tag == _MERGE for k, _ in node.value))
        ):
            raise _AliasUsed(node.start_mark.line + 1)
        return super()._build(node)


def _parse_and_check(path: Path, text: str) -> tuple[Any, list[BriefingError]]:
    """Parse once; only when the data is invalid, compose the node tree for line numbers."""
    try:
        data = yaml.load(text, Loader=_BriefingLoader)
    except _AliasUsed as err:
        problem = "YAML anchors, aliases (*name) and merge keys (<<) are not allowed: write each value out"
        return None, [BriefingError(path, problem, line=err.line)]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        return None, [BriefingError(path, f"invalid YAML: {problem}", line=mark.line + 1 if mark else None)]
    except (ValueError, RecursionError) as err:
        # PyYAML lets some bad scalars escape as plain Python errors (`date: 2024-02-30` is
        # read as a timestamp and fails in `datetime.date`); a hand edit must not crash us.
        return None, [BriefingError(path, f"invalid YAML: {err}", line=_bad_timestamp_line(text))]
    if not isinstance(data, dict):
        return None, [BriefingError(path, "a briefing must be a YAML mapping (key: value)", line=1)]
    data = upgrade(data)  # an older schema version reads as today's
    if _has_lone_surrogate(data):
        # `"\ud800"` loads as half a character that no page or file can be written with.
        match = _SURROGATE_ESCAPE.search(text)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        problem = "text contains a surrogate escape (\\udXXX): write the character itself, or \\UXXXXXXXX"
        return None, [BriefingError(path, problem, line=line)]
    try:
        _fast_validator()(data)
        return data, _impossible_date(path, data, text)
    except fastjsonschema.JsonSchemaException:
        pass  # invalid: jsonschema below says every problem, with its path
    schema_errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    if not schema_errors:
        return data, _impossible_date(path, data, text)
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    errors = []
    for error in schema_errors:
        for where, message in _problems(error):
            text = f"{'/'.join(map(str, where)) or '(top level)'}: {message}"
            errors.append(BriefingError(path, text, line=_line_of(node, where)))
    return None, errors


def _impossible_date(path: Path, data: dict[str, Any], text: str) -> list[BriefingError]:
    """An error for a `date` that has the YYYY-MM-DD shape but is no day (2024-02-30)."""
    date = data.get("date")
    if not isinstance(date, str):
        return []
    try:
        dt.date.fromisoformat(date)
        return []
    except ValueError:
        match = re.search(r"^date:", text, re.M)
        line = text.count("\n", 0, match.start()) + 1 if match else None
        return [BriefingError(path, f"date: {date!r} is not a real day (YYYY-MM-DD)", line=line)]


def _problems(error: jsonschema.ValidationError) -> list[tuple[list[Any], str]]:
    """(path, message) of a schema error; an unknown key is named at its own line."""
    where = list(error.path)
    if error.validator == "pattern" and "description" in error.schema:
        return [(where, f"{error.instance!r}: {error.schema['description']}")]
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {})
        extra = [key for key in error.instance if key not in known]
        if extra:
            return [([*where, key], f"unknown key {key!r} (a typo?)") for key in extra]
    return [(where, error.message)]


_SURROGATE_ESCAPE = re.compile(r"\\(?:u|U000)[dD][89a-fA-F][0-9a-fA-F]{2}")


def _has_lone_surrogate(data: Any) -> bool:
    try:
        json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _bad_timestamp_line(text: str) -> int | None:
    """The line of the first timestamp-looking scalar that PyYAML cannot turn into a date."""
    try:
        nodes = [yaml.compose(text, Loader=yaml.SafeLoader)]
    except (yaml.YAMLError, RecursionError):
        return None
    loader = yaml.SafeLoader("")
    while nodes:
        node = nodes.pop(0)
        if isinstance(node, yaml.MappingNode):
            nodes.extend(v for pair in node.value for v in pair)
        elif isinstance(node, yaml.SequenceNode):
            nodes.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError:
                return node.start_mark.line + 1
    return None


def load_briefing(path: Path) -> Briefing:
    """Load and validate one briefing; raise BriefingError with `file:line` on the first problem."""
    briefing, errors = _load_checked(Path(path))
    if briefing is None:
        raise errors[0]
    return briefing


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
    """Load every `*.yaml` briefing of `folder`; bad ones are returned as errors, not raised.

    Every problem of a bad file is returned (not only the first), so that the build logs
    exactly what `python -m generator check` prints.
    """
    loaded: list[tuple[Path, Briefing]] = []
    errors: list[BriefingError] = []
    for path in sorted(Path(folder).glob("*.yaml")):
        briefing, problems = _load_checked(path)
        if briefing is not None:
            loaded.append((path, briefing))
        errors.extend(problems)
    return _one_per_id(loaded, errors), errors


def _one_per_id(loaded: list[tuple[Path, Briefing]], errors: list[BriefingError]) -> list[Briefing]:
    """The briefings, each id once: two files with one id would publish one page over the
    other. The file whose name is its id wins; any other is an error (naming both)."""
    by_id: dict[str, list[tuple[Path, Briefing]]] = {}
    for path, briefing in loaded:
        by_id.setdefault(briefing.id.lower(), []).append((path, briefing))
    briefings = []
    for same in by_id.values():
        same.sort(key=lambda pair: pair[0].stem != pair[1].id)  # the well-named file first
        briefings.append(same[0][1])
        for path, briefing in same[1:]:
            errors.append(BriefingError(
                path, f"id {briefing.id!r} is also the id of {same[0][0]}, which is published; "
                "give this briefing its own id (its file name) or delete it", line=_id_line(path)))
    return briefings


def _id_line(path: Path) -> int | None:
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("id:"):
                return number
    except OSError:
        pass
    return None


# Within one process a briefing file is often read twice (incremental extraction, then the
# render); the second read is free while the file is unchanged. Callers must not mutate.
_LOADED: dict[str, tuple[tuple[int, int], Briefing]] = {}


def _load_checked(path: Path) -> tuple[Briefing | None, list[BriefingError]]:
    """The briefing at `path` and no errors, or None and all of its errors."""
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = None
    where = os.path.abspath(path)  # not resolve(): a system call per folder of the path
    cached = _LOADED.get(where) if key else None
    if cached and cached[0] == key:
        return cached[1], []
    briefing, errors = _read_checked(path)
    if briefing is not None and key:
        _LOADED[where] = (key, briefing)
    return briefing, errors


def _read_checked(path: Path) -> tuple[Briefing | None, list[BriefingError]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [BriefingError(path, "not valid UTF-8")]
    except OSError as err:
        return None, [BriefingError(path, f"cannot read: {err.strerror or err}")]
    data, problems = _parse_and_check(path, text)
    if problems:
        return None, problems
    return Briefing.from_dict(data), []
