"""The briefings a site publishes, read the same way by the MkDocs plugin and `briefings export`.

New or changed articles are extracted first (when the settings say so); briefings whose
article was deleted are not published, as a retracted story would not be.
"""

from __future__ import annotations

import logging

from generator.briefing import Briefing
from generator.briefing.store import load_briefings
from generator.config import Settings


def extract_changed(settings: Settings, log: logging.Logger) -> tuple[set[str], int]:
    """Extract new or changed articles; return the ids not to publish (their article was
    deleted) and the number of problems logged (what `strict: true` fails on)."""
    from generator.extract_folder import ORPHAN_HINT, extract_folder

    if not (settings.extract and settings.articles_dir.is_dir()):
        return set(), 0
    report = extract_folder(settings.articles_dir, settings.briefings_dir, model=settings.model)
    for warning in report.warnings:
        log.warning(warning)
    for error in report.errors:
        log.warning(str(error))  # `mkdocs build --strict` turns these into a failure
    for path in report.orphans:  # the article was deleted on purpose: not a failure
        log.info("briefings: not published: %s: %s", path, ORPHAN_HINT)
    log.info("briefings: %s", report.summary())
    return {path.stem for path in report.orphans}, len(report.warnings) + len(report.errors)


def load_published(settings: Settings, unpublished: set[str],
                   log: logging.Logger) -> tuple[list[Briefing], int]:
    """The briefings to publish, and how many bad briefings were logged (and left out)."""
    briefings, errors = load_briefings(settings.briefings_dir)
    for error in errors:
        log.warning(str(error))
    return [briefing for briefing in briefings if briefing.id not in unpublished], len(errors)
