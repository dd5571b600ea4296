"""One catalogue of the errors a user can meet; each names the file and the fix."""

from __future__ import annotations

from pathlib import Path


class GeneratorError(Exception):
    """Base class: a problem with one input, reported as `path[:line]: message`."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")


class ArticleError(GeneratorError):
    """An article that cannot be read (empty, binary, not UTF-8, broken front matter)."""


class SlugError(GeneratorError):
    """An unsafe slug or id, or two articles with the same one."""


class BriefingError(GeneratorError):
    """A briefing YAML file that does not load or does not match the schema."""


class ModelError(RuntimeError):
    """The spaCy model named in the settings is not installed (the message says how to get it).

    A RuntimeError, as the command line and the MkDocs plugin already report those whole."""
