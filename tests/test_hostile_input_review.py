"""Hostile and broken input, second round: what an independent review found, each a case.

Line breaks in metadata and Material's HTML tooltips let script run in a reader's browser;
long articles, impossible dates and control characters crashed or broke runs; hand edits,
ids and aliases could lose or overwrite an analyst's work without a word.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.articles import read_article
from generator.articles.reader import MAX_ARTICLE_CHARS
from generator.briefing import Actor, Briefing, Position
from generator.briefing.store import (
    dump_briefing,
    load_briefing,
    load_briefings,
    validation_errors,
    write_briefing,
)
from generator.cli import main
from generator.errors import ArticleError, BriefingError
from generator.extract_folder import extract_folder, log_report
from tests.sitebuild import build_site, make_project, serve_site
from tests.test_browser import CHROMIUM, FLAGS
from tests.test_incremental import FakeExtractor, write_articles

# The review's payload: a heading with an attribute list that focuses itself and runs script.
INJECTION = "# [x](javascript:alert(1)) {: tabindex=1 autofocus onfocus=alert(2) }"
LINE_BREAK_ARTICLE = """---
title: "Harbour reopens{brk}{inj}{brk}end"
source: "Wire{brk}{inj}{brk}end"
tags: ["port{brk}{inj}"]
date: 2024-05-01
---

Mayor Alice Doe said the harbour in Leeds will reopen on Monday.
"""
TOOLTIP_SENTENCE = "Mayor Alice Doe said <img src=x onerror=alert(3)> the bridge in Leeds will reopen."


def _line_break_articles() -> dict[str, str]:
    return {
        f"{name}.md": LINE_BREAK_ARTICLE.format(brk=brk, inj=INJECTION.replace('"', "'"))
        for name, brk in (("newline", "\\n"), ("separator", "\\u2028"))
    }


def _briefing_with_breaks() -> Briefing:
    """A reviewed briefing whose free text (not its names) holds line breaks and the payload."""
    text = f"the harbour will reopen\n{INJECTION}\n\u2028{INJECTION}\u2029done"
    return Briefing(
        id="edited", title="Edited", source_file="edited.md", content_hash="sha256:" + "0" * 64,
        summary=text, paragraphs=[TOOLTIP_SENTENCE, text], reviewed=True,
        actors=[Actor(name="Alice Doe", kind="person", sentence=TOOLTIP_SENTENCE)],
        positions=[Position(speaker="Alice Doe", kind="direct", cue="said", text=text,
                            sentence=TOOLTIP_SENTENCE, speaker_kind="person")],
    )


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("review"), _line_break_articles(), sample=False)
    write_briefing(project / "content" / "briefings" / "edited.yaml", _briefing_with_breaks())
    return build_site(project, strict=True)


# -- 1. line breaks never reach Markdown ----------------------------------------------------------


def test_line_breaks_in_front_matter_are_one_line_of_metadata(tmp_path: Path):
    for name, text in _line_break_articles().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        article = read_article(tmp_path / name)
        for value in (article.title, article.source, *article.tags):
            assert "\n" not in value and "\u2028" not in value
        assert article.source == f"Wire {INJECTION.replace(chr(34), chr(39))} end"


@pytest.mark.parametrize("page", ["briefings/newline.html", "briefings/separator.html",
                                  "briefings/edited.html", "index.html", "timeline/index.html"])
def test_no_value_becomes_markup_on_any_page(injected_site: Path, page: str):
    parser = _Elements()
    parser.feed((injected_site / page).read_text(encoding="utf-8"))
    assert not [attrs for attrs in parser.attributes if "autofocus" in attrs
                or any(name.startswith("on") and "alert" in (value or "") for name, value in attrs.items())]
    assert not [href for href in parser.hrefs if href.lower().startswith("javascript:")]
    assert parser.tags.count("h1") == 1  # no heading made from the payload
    # The payload is shown as the text it is, heading hashes and brackets included.
    if page.startswith("briefings/") and "edited" not in page:
        assert f"Wire {INJECTION} end" in "".join(parser.text)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append(dict(attrs))
        self.hrefs += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_a_line_break_in_a_briefing_name_is_a_schema_error_naming_the_line(tmp_path: Path):
    briefing = _briefing_with_breaks()
    text = dump_briefing(briefing).replace("name: Alice Doe", 'name: "Alice\\u2028# Doe"')
    [error] = validation_errors(tmp_path / "edited.yaml", text)
    assert str(error).startswith(f"{tmp_path / 'edited.yaml'}:") and "line break" in str(error)
    assert error.line == text.splitlines().index('- name: "Alice\\u2028# Doe"') + 1


# -- 2. no article text in attributes that Material renders as HTML --------------------------------


def test_evidence_links_carry_no_article_text_in_their_title(injected_site: Path):
    html = (injected_site / "briefings" / "edited.html").read_text(encoding="utf-8")
    assert "onerror" in html  # the sentence is on the page, as text
    # An evidence link has no title at all (Material shows titles as tooltips), only its text.
    evidence = re.findall(r'<a href="#s-[0-9a-f]{10}"[^>]*>', html)
    assert evidence and all(link.endswith('">') for link in evidence)
    assert "title=\"Mayor" not in html and "onerror=alert(3)&gt;" not in html.split("bf-article")[0]


@pytest.fixture(scope="module")
def injected_url(injected_site: Path):
    with serve_site(injected_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_loading_and_hovering_pages_runs_no_script(injected_url: str):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for slug in ("newline", "separator", "edited"):
            page.goto(f"{injected_url}briefings/{slug}.html")
            page.wait_for_timeout(300)  # autofocus fires on load
            links = page.locator("a", has_text="sentence")
            for number in range(links.count()):
                links.nth(number).hover()
                page.wait_for_timeout(150)  # Material shows its tooltip after a delay
            page.mouse.move(0, 0)
        injected = page.evaluate("document.querySelectorAll('.md-tooltip img, [onfocus], [onerror]').length")
        browser.close()
    assert dialogs == [] and injected == 0


# -- 3. long articles, and one article failing the extractor -----------------------------------


def test_an_article_over_the_character_limit_is_an_error_naming_it(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("Headline\n\n" + "word " * (MAX_ARTICLE_CHARS // 5 + 1), encoding="utf-8")
    with pytest.raises(ArticleError, match=r"long\.txt: article is [\d,]+ characters, over the"):
        read_article(path)


class _FailingExtractor(FakeExtractor):
    """Fails on any batch holding the article `bad`, as a crashing rule would."""

    def extract_many(self, articles, jobs=1):
        articles = list(articles)
        for done, briefing in enumerate(super().extract_many(articles, jobs)):
            if articles[done].id == "story-2":
                raise IndexError("list index out of range")
            yield briefing


def test_one_article_that_breaks_the_extractor_does_not_stop_the_others(tmp_path: Path):
    articles = write_articles(tmp_path / "articles", 5)
    report = extract_folder(articles, tmp_path / "out", extractor=_FailingExtractor())
    assert sorted(report.extracted) == ["story-0", "story-1", "story-3", "story-4"]
    [error] = report.errors
    assert error.path.endswith("story-2.txt") and "IndexError" in str(error)
    assert report.failed


# -- 4. impossible dates --------------------------------------------------------------------------


@pytest.mark.parametrize("date", ["2024-13-45", "2024-00-10", "2024-02-30"])
def test_an_impossible_date_is_an_error_naming_the_file(tmp_path: Path, date: str):
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: T\ndate: '{date}'\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=rf"dated\.md: front matter 'date' '{date}' is not"):
        read_article(path)
    text = dump_briefing(_briefing_with_breaks())
    text = text.replace("title: Edited\n", f"title: Edited\ndate: '{date}'\n")
    [error] = validation_errors(tmp_path / "edited.yaml", text)
    assert "not a real day" in str(error) and error.line == 3


def test_a_reviewed_briefing_with_an_impossible_date_fails_the_strict_build_not_the_build(
        tmp_path: Path, monkeypatch):
    project = make_project(tmp_path, sample=False)
    monkeypatch.chdir(project)
    folder = project / "content" / "briefings"
    folder.mkdir(parents=True)
    good = _briefing_with_breaks()
    (folder / "edited.yaml").write_text(dump_briefing(good), encoding="utf-8")
    bad = dump_briefing(dataclasses.replace(good, id="bad", date="2024-02-10"))
    (folder / "bad.yaml").write_text(bad.replace("2024-02-10", "2024-02-30"), encoding="utf-8")
    assert main(["build"]) == 0
    assert (project / "site" / "briefings" / "edited.html").is_file()
    assert not (project / "site" / "briefings" / "bad.html").exists()
    assert main(["build", "--strict"]) == 1


# -- 5. the feed stays XML --------------------------------------------------------------------------


def test_control_characters_never_reach_the_feed(tmp_path: Path):
    bell = "---\ntitle: \"Bell\\u0007 and \\x01 rings\"\n---\n\nText.\n"
    project = make_project(tmp_path, {"bell.md": bell}, sample=False)
    briefing = _briefing_with_breaks()
    briefing.title, briefing.summary = "Edited\x07 title", "A summary\x01 with a control"
    folder = project / "content" / "briefings"
    folder.mkdir(parents=True)
    (folder / "edited.yaml").write_text(dump_briefing(briefing), encoding="utf-8")
    site = build_site(project)
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    titles = sorted(item.findtext("title") for item in channel.iter("item"))
    assert titles == ["Bell and  rings", "Edited title"]


# -- 6. hand edits without `reviewed: true` --------------------------------------------------------


def test_a_hand_edit_is_kept_and_named_when_the_extractor_changes(tmp_path: Path, caplog):
    articles, out = write_articles(tmp_path / "articles", 2), tmp_path / "out"
    extract_folder(articles, out, extractor=FakeExtractor("fake 1"))
    path = out / "story-0.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Alice", "name: Alicia"), encoding="utf-8")
    report = extract_folder(articles, out, extractor=FakeExtractor("fake 2"))
    assert report.extracted == ["story-1"] and report.kept_edited == ["story-0"]
    assert "name: Alicia" in path.read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="generator"):
        log_report(report)
    [warning] = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert str(path) in warning and "actors: 'Alicia' edited or added" in warning


def test_a_removed_item_and_an_edited_title_are_named_too(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 1), tmp_path / "out"
    extract_folder(articles, out, extractor=FakeExtractor("fake 1"))
    path = out / "story-0.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"], data["actors"] = "My title", data["actors"][1:]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    report = extract_folder(articles, out, extractor=FakeExtractor("fake 2"), force=True)
    [warning] = report.warnings
    assert "title" in warning and "actors: 1 removed" in warning and report.extracted == []


def test_edits_marked_reviewed_are_not_hand_edits_and_a_renamed_item_comes_back_once(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 1), tmp_path / "out"
    extract_folder(articles, out, extractor=FakeExtractor("fake 1"))
    path = out / "story-0.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "- name: Alice\n", "- name: Alice Doe\n  reviewed: true\n"), encoding="utf-8")
    report = extract_folder(articles, out, extractor=FakeExtractor("fake 2"))
    assert report.extracted == ["story-0"] and report.warnings == []
    names = [actor.name for actor in load_briefing(path).actors]
    assert names.count("Alice Doe") == 1 and "Alice" not in names


# -- 7. an id that is another file's name ----------------------------------------------------------


def test_the_file_whose_id_is_another_file_s_name_is_blamed_and_neither_written(tmp_path: Path,
                                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.md").write_text("---\nid: b\ntitle: A\n---\n\nText of a.\n", encoding="utf-8")
    (folder / "b.md").write_text("---\ntitle: B\n---\n\nText of b.\n", encoding="utf-8")
    out = tmp_path / "briefings"
    out.mkdir()
    (out / "b.yaml").write_text("kept: as it was\n", encoding="utf-8")
    report = extract_folder(folder, out, extractor=FakeExtractor())
    [error] = report.errors
    assert error.path == str(folder / "a.md") and str(folder / "b.md") in str(error)
    assert (out / "b.yaml").read_text(encoding="utf-8") == "kept: as it was\n"
    assert main(["extract", str(folder), "--out", str(out), "--strict"]) == 1


# -- 8. YAML aliases ---------------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_at_once_with_its_line(tmp_path: Path):
    lines = ["id: bomb", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")  # 9**9 if expanded
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BriefingError, match=r"bomb\.yaml:2: YAML anchors, aliases"):
        load_briefing(path)


# -- low: escaping once, the last good site, writes that fail, odd files -----------------------------


def test_every_value_reads_as_written_on_the_page(tmp_path: Path):
    title = "Turkey's \"AT&T\" #1 [deal] (2019) *now* <b>_x_</b> {a} ~b~ | c!"
    article = f"---\ntitle: '{title.replace(chr(39), chr(39) * 2)}'\n---\n\nAT&T's text here.\n"
    site = build_site(make_project(tmp_path, {"odd.md": article}, sample=False))
    parser = _Elements()
    parser.feed((site / "briefings" / "odd.html").read_text(encoding="utf-8"))
    assert title in "".join(parser.text)
    listing = _Elements()
    listing.feed((site / "index.html").read_text(encoding="utf-8"))
    assert title in "".join(listing.text)


def test_titles_descriptions_and_tags_are_escaped_once(tmp_path: Path):
    article = "---\ntitle: AT&T buys R&D <b>lab</b>\ntags: [R&D]\n---\n\nAT&T said the lab <i>opens</i>.\n"
    site = build_site(make_project(tmp_path, {"att.md": article}, sample=False))
    html = (site / "briefings" / "att.html").read_text(encoding="utf-8")
    assert "<title>AT&amp;T buys R&amp;D &lt;b&gt;lab&lt;/b&gt; - Briefings</title>" in html
    assert 'content="AT&amp;T said the lab &lt;i&gt;opens&lt;/i&gt;."' in html
    assert 'class="md-tag">R&amp;D</a>' in html and "&amp;amp;" not in html


def test_a_failed_build_keeps_the_last_good_site(tmp_path: Path, monkeypatch):
    project = make_project(tmp_path, sample=False)
    monkeypatch.chdir(project)
    (project / "content" / "articles" / "good.txt").write_text(
        "Harbour reopens\n\nMayor Alice Doe said the harbour will reopen.\n", encoding="utf-8")
    assert main(["build"]) == 0
    page = project / "site" / "briefings" / "good.html"
    assert page.is_file()
    (project / "templates" / "briefing.md.j2").write_text("{{ no_such_value }}", encoding="utf-8")
    assert main(["build"]) == 1
    assert page.is_file() and not (project / ".site.building").exists()


def test_a_briefing_that_cannot_be_written_is_an_error_naming_it(tmp_path: Path):
    articles = write_articles(tmp_path / "articles", 1)
    blocked = tmp_path / "out"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    report = extract_folder(articles, blocked / "briefings", extractor=FakeExtractor())
    [error] = report.errors
    assert str(error).startswith(str(blocked / "briefings" / "story-0.yaml") + ": cannot write:")


def test_rewritten_briefings_get_the_umask_s_permissions(tmp_path: Path):
    previous = os.umask(0o022)
    try:
        write_briefing(tmp_path / "b.yaml", _briefing_with_breaks())
    finally:
        os.umask(previous)
    assert (tmp_path / "b.yaml").stat().st_mode & 0o777 == 0o644


def test_a_symlink_loop_and_a_utf16_file_are_named(tmp_path: Path):
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "wide.txt").write_bytes("Headline\n\nText.\n".encode("utf-16"))
    with pytest.raises(ArticleError, match=r"loop\.md: cannot read"):
        read_article(tmp_path / "loop.md")
    with pytest.raises(ArticleError, match=r"wide\.txt: encoded as UTF-16"):
        read_article(tmp_path / "wide.txt")


def test_two_briefing_files_with_one_id_are_an_error_and_one_page(tmp_path: Path):
    briefing = _briefing_with_breaks()
    write_briefing(tmp_path / "edited.yaml", briefing)
    shutil.copy(tmp_path / "edited.yaml", tmp_path / "copy.yaml")
    briefings, errors = load_briefings(tmp_path)
    assert [b.id for b in briefings] == ["edited"]
    [error] = errors
    assert str(error).startswith(f"{tmp_path / 'copy.yaml'}:") and "edited.yaml" in str(error)
