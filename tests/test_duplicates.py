"""Wire copies and near-duplicates: the same story from several outlets counted once (issue 19).

The copy's briefing records `duplicate_of`, the original's lists `copies`; pages say "also
published as"; actor pages, views and feeds count a statement once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.briefing.store import load_briefing
from generator.duplicates import Text, find_copies
from tests.conftest import SAMPLE_ARTICLE
from tests.sitebuild import browse, build_site, make_project, view_rows

SAMPLE_ID = "us-destroys-three-isis-camps-in-iraq"
COPY_ID = "wire-us-strikes-isis-camps"


def wire_copy() -> str:
    """The sample article as another outlet runs it: its own headline, a local intro, the last
    paragraph cut."""
    body = SAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n", 1)[1].strip()
    paragraphs = body.split("\n\n")
    return ("---\ntitle: Coalition jets hit three Islamic State camps in Kirkuk\nsource: Gulf Wire\n---\n\n"
            "(Gulf Wire) — Readers in the region have followed the air campaign closely.\n\n"
            + "\n\n".join(paragraphs[:-1]) + "\n")


def test_a_wire_copy_with_its_own_headline_and_intro_is_found():
    body = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    copy = wire_copy().split("---\n\n", 1)[1]
    found = find_copies([Text(SAMPLE_ID, "2020-08-03", body), Text(COPY_ID, "2020-08-04", copy)])
    assert found == {COPY_ID: SAMPLE_ID}


def test_the_earliest_article_is_the_original_and_undated_ones_come_last():
    body = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    texts = [Text("c-undated", None, body), Text("b-later", "2020-08-05", body),
             Text("a-first", "2020-08-03", body)]
    assert find_copies(texts) == {"b-later": "a-first", "c-undated": "a-first"}


def test_two_articles_on_one_story_in_different_words_are_not_copies():
    first = ("Gen. Ken McKenzie said the American force of 5,200 soldiers in Iraq will be drawing down "
             "soon, but the fight against the Islamic State is not yet complete and will not be "
             "turned over to Iraqi forces alone, he told reporters at the Pentagon on Monday. ") * 2
    second = ("The top US commander in the Middle East expects troop numbers in Iraq to fall from about "
              "5,200, while warning that Islamic State militants remain a threat the Iraqi army cannot "
              "yet face on its own, according to remarks published by a think tank on Thursday. ") * 2
    assert find_copies([Text("a", "2020-08-03", first), Text("b", "2020-08-04", second)]) == {}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("copies"), {f"{COPY_ID}.md": wire_copy()})
    return build_site(project)


def test_the_copy_records_its_original_and_the_original_its_copies(site: Path):
    briefings = site.parent / "content" / "briefings"
    assert load_briefing(briefings / f"{COPY_ID}.yaml").duplicate_of == SAMPLE_ID
    assert load_briefing(briefings / f"{SAMPLE_ID}.yaml").copies == [COPY_ID]


def test_pages_say_where_else_the_story_ran(site: Path):
    original = (site / "briefings" / f"{SAMPLE_ID}.html").read_text(encoding="utf-8")
    assert re.search(rf'Also published as: <a href="{COPY_ID}.html">Coalition jets hit three Islamic '
                     r"State camps in Kirkuk</a> \(Gulf Wire\)", original)
    copy = (site / "briefings" / f"{COPY_ID}.html").read_text(encoding="utf-8")
    assert re.search(rf'A copy of <a href="{SAMPLE_ID}.html">US destroys three ISIS camps', copy)


def test_views_and_feeds_count_a_statement_once(site: Path):
    positions = view_rows(site, "positions")
    smaller = [row for row in positions
               if row["text"].startswith("I think our numbers are going to get smaller")]
    assert len(smaller) == 1 and smaller[0]["url"] == f"briefings/{SAMPLE_ID}.html"
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "Coalition jets hit" not in feed and "US destroys three ISIS camps" in feed


@pytest.mark.browser
def test_mckenzies_page_shows_his_quote_once(site: Path):
    with browse(site) as (page, url):
        page.goto(f"{url}actors/ken-mckenzie.html")
        quotes = page.locator(".bf-positions-list li", has_text="our numbers are going to get smaller")
        assert quotes.count() == 1
        assert page.locator(".bf-list li", has_text="Coalition jets hit").count() == 0


# -- kept up to date by incremental extraction ------------------------------------------------


def _extract(articles: Path, out: Path):
    from generator.extract_folder import extract_folder
    from tests.test_incremental import FakeExtractor

    return extract_folder(articles, out, extractor=FakeExtractor())


def test_adding_then_removing_a_copy_updates_the_original_without_re_extracting_it(tmp_path: Path):
    articles, out = tmp_path / "articles", tmp_path / "briefings"
    articles.mkdir()
    (articles / f"{SAMPLE_ID}.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    _extract(articles, out)
    assert load_briefing(out / f"{SAMPLE_ID}.yaml").copies is None

    (articles / f"{COPY_ID}.md").write_text(wire_copy(), encoding="utf-8")
    report = _extract(articles, out)
    assert report.extracted == [COPY_ID] and report.marked_copies == [SAMPLE_ID]
    assert load_briefing(out / f"{SAMPLE_ID}.yaml").copies == [COPY_ID]
    assert load_briefing(out / f"{COPY_ID}.yaml").duplicate_of == SAMPLE_ID
    assert _extract(articles, out).marked_copies == []  # nothing changed: nothing to do

    (articles / f"{COPY_ID}.md").unlink()
    report = _extract(articles, out)
    assert report.extracted == [] and report.marked_copies == [SAMPLE_ID]
    assert load_briefing(out / f"{SAMPLE_ID}.yaml").copies is None


def test_an_analysts_reviewed_briefing_keeps_what_they_said_about_copies(tmp_path: Path):
    articles, out = tmp_path / "articles", tmp_path / "briefings"
    articles.mkdir()
    (articles / f"{SAMPLE_ID}.txt").write_text(SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / f"{COPY_ID}.md").write_text(wire_copy(), encoding="utf-8")
    _extract(articles, out)
    path = out / f"{COPY_ID}.yaml"
    # The analyst decides it is a story of its own: no `duplicate_of`, and the whole briefing reviewed.
    text = path.read_text(encoding="utf-8").replace(f"duplicate_of: {SAMPLE_ID}\n", "")
    path.write_text(text.replace("\nreviewed: false", "") + "reviewed: true\n", encoding="utf-8")
    (articles / "another.txt").write_text("Another story\n\nMayor Alice Doe said the bridge will reopen.\n",
                                          encoding="utf-8")
    _extract(articles, out)
    assert load_briefing(path).duplicate_of is None
