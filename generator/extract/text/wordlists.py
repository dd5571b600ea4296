r"""The one format of our word lists, and its loader.

A word list is a UTF-8 text file, one entry a line; blank lines and lines starting with `#`
are skipped. A `[section]` line starts a named section; a line `canonical | other | ...`
lists the forms of one name (read with `alias_lines`); a table has its columns separated by
tabs (read with `table_rows`). A backslash at the start of an entry escapes what follows:
`\#` is the entry "#", `\[x]` the entry "[x]".
"""

from __future__ import annotations

from pathlib import Path


def word_lines(path: Path) -> list[str]:
    """The entries of a word list, stripped, in file order."""
    return [_unescaped(line) for line in _lines(path)]


def word_sections(path: Path) -> dict[str, list[str]]:
    """A word list split by its `[section]` lines (entries before the first one: section "")."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in _lines(path):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        else:
            out.setdefault(current, []).append(_unescaped(line))
    return out


def section_rows(path: Path) -> dict[str, list[list[str]]]:
    """A tabular word list split by its `[section]` lines, each row as its list of columns."""
    return {name: [line.split("\t") for line in lines] for name, lines in word_sections(path).items()}


def _lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _unescaped(line: str) -> str:
    return line[1:] if line.startswith("\\") else line


def alias_lines(path: Path) -> list[list[str]]:
    """The `canonical | other form | ...` lines of a word list, each as [canonical, *others]."""
    return [[part.strip() for part in line.split("|")] for line in word_lines(path)]


def table_rows(path: Path) -> list[list[str]]:
    """The rows of a tab-separated word list, each as its list of columns."""
    return [line.split("\t") for line in word_lines(path)]
