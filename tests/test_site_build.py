"""End to end: articles in `content/`, a searchable site out."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.render.connections import TOP as CONNECTIONS
from tests.sitebuild import ROOT, build_site, downloads, make_project

SLUG = "us-destroys-three-isis-camps-in-iraq"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("project"))
    return build_site(project)


def test_briefing_yaml_is_written_next_to_the_articles(built_site: Path):
    assert (built_site.parent / "content" / "briefings" / f"{SLUG}.yaml").is_file()


def test_site_has_home_and_briefing_page(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"briefings/{SLUG}.html" in home
    page = (built_site / "briefings" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "US destroys three ISIS camps in Iraq" in page
    assert "McKenzie" in page and "Kirkuk" in page and "5,200" in page


def test_briefing_pages_stay_out_of_the_sidebar(built_site: Path):
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = about[about.index('<nav class="md-nav md-nav--primary') :]
    assert "All briefings" in about or "Briefings" in nav
    assert SLUG not in about


def test_bad_articles_are_reported_and_the_good_one_still_builds(tmp_path: Path, caplog):
    project = make_project(
        tmp_path,
        {
            "empty.txt": b"",
            "latin1.txt": "Caf\xe9\n\nx".encode("latin-1"),
            "fm.md": "---\ntitle: [\n---\n\nx",
        },
    )
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.briefings"):
        site = build_site(project)
    messages = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    for name in ("empty.txt", "latin1.txt", "fm.md"):
        assert sum(name in m for m in messages) == 1, (name, messages)
    assert (site / "briefings" / f"{SLUG}.html").is_file()


def test_strict_build_fails_on_a_bad_article(tmp_path: Path):
    project = make_project(tmp_path, {"empty.txt": b""})
    with pytest.raises(Abort):
        build_site(project, strict=True)


def test_a_deleted_article_is_no_longer_published(tmp_path: Path, caplog):
    project = make_project(tmp_path, {"second.txt": "Second story\n\nMayor Alice Doe spoke in Kirkuk.\n"})
    build_site(project)
    assert (project / "site" / "briefings" / "second.html").is_file()
    (project / "content" / "articles" / "second.txt").unlink()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefings"):
        site = build_site(project, strict=True)  # a deletion is on purpose: not a failure
    assert not (site / "briefings" / "second.html").exists()
    published = downloads(site, "briefings.json")
    assert [briefing["id"] for briefing in published] == [SLUG]
    assert (site / "briefings" / f"{SLUG}.html").is_file()
    assert (project / "content" / "briefings" / "second.yaml").is_file()  # the file is the user's
    assert any("not published" in r.getMessage() and "second.yaml" in r.getMessage() for r in caplog.records)


def test_a_large_site_keeps_sidebar_listings_and_briefing_pages_small(tmp_path: Path):
    """Issue 8's invariants, at 250 briefings: what a page holds does not grow with the site."""
    sample = (ROOT / "content" / "briefings" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    alone = build_site(_briefings_only(tmp_path / "alone", {SLUG: sample}))
    copies = {f"copy-{n:03d}": sample.replace(f"id: {SLUG}", f"id: copy-{n:03d}") for n in range(250)}
    large = build_site(_briefings_only(tmp_path / "large", {SLUG: sample, **copies}))

    pages = list(large.rglob("*.html"))
    assert len(list((large / "briefings").glob("*.html"))) == 251
    for page in pages:
        html = page.read_text(encoding="utf-8")
        sidebar = html[html.find('md-nav--primary') : html.find('md-nav--secondary')]
        assert sidebar.count("md-nav__link") < 20, page  # the eight sections, never the briefings
        links = html[html.find("<article") : html.find("</article>")].count("<a ")
        entity_page = page.parent.name in ("actors", "locations") and page.name != "index.html"
        # Listings paginate at 200 links; an actor page caps its positions and briefings at 200
        # each and its connections at TOP actors and TOP places, a place page its briefings at
        # 200, its actors at 60 and its positions at 50.
        assert links <= (2 * 200 + 2 * CONNECTIONS if entity_page else 200) + 10, page
    assert _chrome(large) == _chrome(alone)  # a briefing page's theme is the same at any size


def _briefings_only(folder: Path, briefings: dict[str, str]) -> Path:
    """A project with these briefings (id -> YAML) and no articles."""
    folder.mkdir()
    project = make_project(folder, sample=False)
    (project / "content" / "briefings").mkdir()
    for briefing_id, text in briefings.items():
        (project / "content" / "briefings" / f"{briefing_id}.yaml").write_text(text, encoding="utf-8")
    return project


def _chrome(site: Path) -> int:
    """Bytes of the sample briefing's page outside its <article>: header, sidebars, footer."""
    html = (site / "briefings" / f"{SLUG}.html").read_text(encoding="utf-8")
    return len(html) - len(html[html.find("<article") : html.find("</article>")])


def test_every_link_and_asset_of_the_site_resolves_to_a_file(built_site: Path):
    broken, checked = [], 0
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":  # MkDocs writes it with root-absolute links, for any depth
            continue
        for href in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if href.startswith(("http:", "https:", "mailto:", "//", "data:")):
                continue
            checked += 1
            target = (page.parent / href).resolve()
            if not (target / "index.html" if target.is_dir() else target).is_file():
                broken.append(f"{page.relative_to(built_site)} -> {href}")
    assert checked > 500 and not broken, broken[:10]


DROP_BRIEFINGS_HOOK = '''
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files


@event_priority(-50)  # after the briefings plugin has added its pages
def on_files(files, config):
    return Files([file for file in files if not file.src_uri.startswith("briefings/")])
'''


@pytest.mark.parametrize("search", ["material", "pagefind"])
def test_a_build_that_loses_every_briefing_page_fails_loudly(tmp_path: Path, caplog, search: str):
    """Another plugin (here a hook) drops the briefing pages: the build fails, naming them,
    rather than publishing a site without its briefings (what Zensical would give)."""
    sample = (ROOT / "content" / "briefings" / f"{SLUG}.yaml").read_text(encoding="utf-8")
    project = _briefings_only(tmp_path / "project", {SLUG: sample})
    (project / "drop_briefings.py").write_text(DROP_BRIEFINGS_HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("search: pagefind", f"search: {search}")
    config.write_text(text + "hooks:\n  - drop_briefings.py\n", encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(project)
    [error] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    # Built by MkDocs (`search: material`), the pages are checked at the end; stamped from a
    # shell (`pagefind`), the missing shell stops the build.
    expected = "1 of 1 briefing pages were not written" if search == "material" else "was not built"
    assert "briefings/" in error and expected in error, error
    assert not (project / "site").exists()  # nothing was published
