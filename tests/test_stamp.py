"""Stamped pages: a briefing page stamped from its shell is the page MkDocs would have built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.stamp import (
    BEGIN,
    END,
    TITLE_TOKEN,
    StampError,
    StampShell,
    StampWriter,
    layout_shell_markdown,
    split_front_matter,
    stamped_page,
)
from tests.sitebuild import build_site, make_project

SLUG = "us-destroys-three-isis-camps-in-iraq"


def _article(html: str) -> str:
    """The reader's part of a page (tags, title, tables, article), whitespace-normalised."""
    inner = html[html.index('<article class="md-content__inner md-typeset">') : html.index("</article>")]
    inner = re.sub(r"</?div( data-pagefind-body)?>", "", inner)  # Pagefind's wrapper, not seen
    inner = re.sub(r">\s+<", "><", re.sub(r"\s+>", ">", inner))
    return re.sub(r"\s+", " ", inner).strip()


def _toc(html: str) -> list[str]:
    toc = html[html.index('data-md-component="toc"') :]
    return re.findall(r'<a href="(#[^"]+)" class="md-nav__link">', toc[: toc.index("</nav>")])


@pytest.fixture(scope="module")
def stamped_site(tmp_path_factory) -> Path:
    return build_site(make_project(tmp_path_factory.mktemp("stamped")))


@pytest.fixture(scope="module")
def two_builds(stamped_site: Path, tmp_path_factory) -> tuple[str, str]:
    """The sample briefing page, stamped (Pagefind search) and built by MkDocs (Material search)."""
    stamped = stamped_site
    project = make_project(tmp_path_factory.mktemp("mkdocs"))
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("search: pagefind", "search: material"),
                      encoding="utf-8")
    built = build_site(project)
    page = f"briefings/{SLUG}.html"
    assert not list((stamped / "briefings").glob("_*")), "the shell is removed after stamping"
    return (stamped / page).read_text(encoding="utf-8"), (built / page).read_text(encoding="utf-8")


def test_a_stamped_briefing_reads_as_the_page_mkdocs_builds(two_builds):
    stamped, built = two_builds
    assert _article(stamped) == _article(built)
    assert _toc(stamped) == _toc(built) == ["#actors", "#numbers", "#places", "#stated-positions", "#article"]
    for pattern in (r"<title>.*?</title>", r'<meta name="description" content="[^"]*">'):
        assert re.search(pattern, stamped).group(0) == re.search(pattern, built).group(0)
    assert "US destroys three ISIS camps in Iraq" in re.search(r"<title>.*?</title>", stamped).group(0)
    assert TITLE_TOKEN not in stamped and BEGIN not in stamped and END not in stamped


def test_a_page_gets_its_own_title_description_and_tags_escaped():
    shell = StampShell("briefings/_s.md", "briefings/_s.html")
    page = stamped_page(shell, "briefings/x.html", "A <b> & co", description='say "hi"',
                       tags=(("Zeta", None), ("<Alpha>", '../tags/a"b/')), blocks=("<p>block</p>",))
    head = f'<title>{TITLE_TOKEN} - Site</title><meta content="bfStampDescription7f3a"><a href="_s.html">'
    html = page.html(head, "<h2>Actors</h2><!--bf-html-0-->", "</body>")
    assert "<title>A &lt;b&gt; &amp; co - Site</title>" in html
    assert '<meta content="say &quot;hi&quot;">' in html and 'href="x.html"' in html
    assert ('<a href="../tags/a&quot;b/" class="md-tag">&lt;Alpha&gt;</a><span class="md-tag">Zeta</span>'
            in html)
    assert html.endswith("<h2>Actors</h2><p>block</p></body>")


def test_shell_front_matter_is_read_back():
    meta, rest = split_front_matter('---\ntitle: "T: x"\ntags:\n  - A\n---\n## Actors\n')
    assert meta == {"title": "T: x", "tags": ["A"]} and rest == "## Actors\n"
    shell = layout_shell_markdown(rest)
    assert shell.startswith(f"---\ntitle: {TITLE_TOKEN}\n") and BEGIN in shell and "<h1" in shell


def test_a_shell_that_was_not_built_is_a_clear_error(tmp_path: Path):
    shell = StampShell("actors/entity-shell.md", "actors/entity-shell.html")
    writer = StampWriter(tmp_path, [stamped_page(shell, "actors/a.html", "A", "<p>a</p>")])
    with pytest.raises(StampError, match=re.escape("actors/entity-shell.md was not built")):
        writer.finish()
    writer = StampWriter(tmp_path, [stamped_page(shell, "actors/a.html", "A", "<p>a</p>")])
    with pytest.raises(StampError, match=re.escape(f"no {BEGIN} marker")):
        writer.shell_rendered("actors/entity-shell.md", "<html>a theme without the content</html>")
    writer.cancel()


def test_actor_pages_share_the_shell_table_of_contents(stamped_site: Path):
    html = (stamped_site / "actors" / "ken-mckenzie.html").read_text(encoding="utf-8")
    assert _toc(html) == ["#stated-positions", "#connections", "#briefings"]
    assert '<h2 id="stated-positions">' in html and '<h2 id="briefings">' in html
    assert "<title>Ken McKenzie - " in html


def test_front_matter_a_template_adds_reaches_the_stamped_pages(tmp_path: Path):
    project = make_project(tmp_path)
    template = project / "templates" / "briefing.md.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("\ntags:\n", "\nhide:\n  - toc\ntags:\n", 1), encoding="utf-8")
    html = (build_site(project) / "briefings" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert re.search(r'<div class="md-sidebar md-sidebar--secondary"[^>]*hidden', html)
