"""Every option of the `briefings` MkDocs plugin, declared once with its default."""

from __future__ import annotations

from mkdocs.config.base import Config, ValidationError
from mkdocs.config.config_options import Choice, Type

from generator.extract.model_name import DEFAULT_MODEL
from generator.search import BUNDLE_PAGES, SEARCH_ENGINES


class AtLeast(Type):
    """An integer option with a lower bound (MkDocs reports `option: message` and stops)."""

    def __init__(self, minimum: int, default: int) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or number < self.minimum:
            raise ValidationError(f"must be a whole number of at least {self.minimum}, not {value!r}")
        return number


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
    # What answers the header search box: "pagefind" (a chunked index built after the site;
    # a first search downloads ~0.22 MB gzipped at 5,000 briefings) or "material"
    # (Material's own index: every page's text in one file, 5-16 MB gzipped at 5,000).
    search = Choice(SEARCH_ENGINES, default="pagefind")
    # Pagefind indexes at most this many pages in one run: a larger site gets one bundle per
    # range of dates (years, or months of a large year), indexed one after another so that the
    # indexer's memory stays that of one bundle, and merged in the reader's browser.
    search_bundle_pages = AtLeast(1, default=BUNDLE_PAGES)
    # An actor or place gets its own page once this many briefings name it (an actor who
    # stated a position always does); the others link to their one briefing. 1 gives every
    # actor and place a page, at about one extra page per five facts in the build.
    entity_pages = AtLeast(1, default=2)

