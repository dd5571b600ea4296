"""Golden briefings: each article of tests/golden/articles (and the sample) extracts to the
briefing YAML stored beside it, byte for byte.

These guard changes to the extraction code that must not change what it finds (refactors,
speed-ups). After an intended change of output, re-bless and review the diff in the commit:

    make golden            # or: GOLDEN_BLESS=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import dataclasses
import difflib
import os
from pathlib import Path

import pytest

from generator.articles import discover_articles, read_article
from generator.briefing.store import dump_briefing
from tests.conftest import SAMPLE_ARTICLE

GOLDEN = Path(__file__).resolve().parent / "golden"
ARTICLES = [SAMPLE_ARTICLE, *discover_articles(GOLDEN / "articles")]
EXPECTED = GOLDEN / "briefings"
BLESS = os.environ.get("GOLDEN_BLESS") == "1"
# The fingerprint hashes the rule files, so it changes with every edit of them by design;
# the golden files compare what was extracted, not which revision extracted it.
EXTRACTOR = "golden"


@pytest.fixture(scope="module")
def extracted() -> dict[str, str]:
    """Every golden article's briefing as YAML, extracted in one batch."""
    from generator.extract.pipeline import Extractor

    articles = [read_article(path) for path in ARTICLES]
    briefings = Extractor().extract_many(articles)
    return {
        b.id: dump_briefing(dataclasses.replace(b, extractor=EXTRACTOR)) for b in briefings
    }


def test_there_are_golden_articles_of_many_kinds():
    assert len(ARTICLES) >= 8


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_article_extracts_to_its_golden_briefing(path: Path, extracted: dict[str, str]):
    article_id = read_article(path).id
    actual = extracted[article_id]
    expected_path = EXPECTED / f"{article_id}.yaml"
    if BLESS:
        EXPECTED.mkdir(exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
        return
    assert expected_path.exists(), f"no golden briefing for {path.name}: run `make golden`"
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile=f"golden/{expected_path.name}",
            tofile="extracted now",
        )
        pytest.fail(
            f"{path.name} no longer extracts to its golden briefing "
            "(if the change is intended: `make golden`, then review the diff):\n" + "".join(diff),
            pytrace=False,
        )
