"""Every evidence link of a built site lands: each `#` link names an element of its page.

A site of real articles (the sample, the golden articles of many kinds; the Wikinews corpus
too, as a slow test, when ../shared is present) is built and crawled: briefing tables link
each actor, number, place and position to its sentence, actor pages link positions to the
sentence on the briefing page.
"""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from tests.sitebuild import build_site, make_project

GOLDEN_ARTICLES = Path(__file__).resolve().parent / "golden" / "articles"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "wikinews"
_HREF = re.compile(r'href="([^"]*#[^"]+)"')
_ID = re.compile(r'\bid="([^"]+)"')


def _site_of(tmp: Path, folders: list[Path]) -> Path:
    project = make_project(tmp)
    for folder in folders:
        for article in sorted(folder.glob("*.md")):
            if article.name != "README.md":
                shutil.copy(article, project / "content" / "articles" / article.name)
    return build_site(project)


def _links_without_target(site: Path) -> tuple[int, list[str]]:
    """(how many `#` links, those whose page has no element with that id)."""
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(_ID.findall(page.read_text(encoding="utf-8"))) if page.is_file() else set()
        return ids[page]

    checked, broken = 0, []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for href in _HREF.findall(page.read_text(encoding="utf-8")):
            path, _, fragment = unescape(href).partition("#")
            if path.startswith(("http:", "https:", "//")) or not fragment.startswith(("s-", "p")):
                continue  # theme links (#__search, headings) are the theme's business
            target = page if not path else (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if fragment not in ids_of(target):
                broken.append(f"{page.relative_to(site)} -> {href}")
    return checked, broken


@pytest.mark.slow
def test_every_evidence_link_of_a_site_of_real_articles_lands(tmp_path: Path):
    checked, broken = _links_without_target(_site_of(tmp_path, [GOLDEN_ARTICLES]))
    assert checked > 200 and not broken, broken[:10]


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"needs the Wikinews corpus at {CORPUS}")
def test_every_evidence_link_of_the_wikinews_site_lands(tmp_path: Path):
    checked, broken = _links_without_target(_site_of(tmp_path, [CORPUS]))
    assert checked > 5000 and not broken, broken[:10]
