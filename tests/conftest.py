"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Sites are built as published under a sub-path (a GitHub Pages project site), as CI does.
PUBLISHED_AT = "https://example.org/briefings/"
os.environ.setdefault("SITE_URL", PUBLISHED_AT)

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ARTICLE = ROOT / "content" / "articles" / "us-destroys-three-isis-camps-in-iraq.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from generator.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's, see tests/test_browser.py) for a module's browser tests."""
    from tests.test_browser import CHROMIUM, FLAGS

    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def sample_briefing():
    """The briefing of the sample article, extracted once for the whole session."""
    from generator.articles import read_article
    from generator.extract.pipeline import Extractor

    return Extractor().extract(read_article(SAMPLE_ARTICLE))
