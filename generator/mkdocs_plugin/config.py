"""Every option of the `briefings` MkDocs plugin, declared once with its default."""

from __future__ import annotations

from mkdocs.config.base import Config
from mkdocs.config.config_options import Type

from generator.extract.nlp import DEFAULT_MODEL


class BriefingsConfig(Config):
    enabled = Type(bool, default=True)
    # Folder holding `articles/` (input) and `briefings/` (extracted YAML).
    content = Type(str, default="content")
    # Jinja templates for the generated pages; a user's copy overrides the packaged ones.
    templates = Type(str, default="templates")
    # spaCy pipeline: the PyPI re-upload of en_core_web_sm 3.8.0 by default.
    model = Type(str, default=DEFAULT_MODEL)
    # Extract new or changed articles during `mkdocs build`/`serve` (else only render YAML).
    extract = Type(bool, default=True)
    # Fail the build on any bad article or briefing (CI sets this through `--strict`).
    strict = Type(bool, default=False)
