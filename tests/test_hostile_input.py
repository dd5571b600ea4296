"""Hostile and broken input: shown as text, never run; bad files named; nothing escapes; no
briefing lost to a killed run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.articles import read_article
from generator.briefing import Actor, Briefing, Location, Number, Position
from generator.briefing.store import dump_briefing, load_briefing, load_briefings, write_briefing
from generator.errors import ArticleError, SlugError
from generator.extract_folder import extract_folder
from generator.render.escaping import anchor_id, front_matter_text, safe_url, slugify
from generator.render.highlight import Highlighter, Term
from tests.sitebuild import build_site, downloads, make_project
from tests.test_incremental import FakeExtractor, write_articles

ROOT = Path(__file__).resolve().parent.parent
MARK = "pwned"  # every payload that would run calls it, so its presence in live markup is a hole
JINJA = "{{ 123457 * 9 }} {% if true %}JINJA-IF{% endif %}"  # 1111113 if ever evaluated
PAYLOADS = [
    f"<script>alert('{MARK}')</script>",
    f"<img src=x onerror=alert('{MARK}')>",
    f"[click](javascript:alert('{MARK}'))",
    "![pixel](http://evil.example/x.png)",
    f'<a href="javascript:alert(\'{MARK}\')">link</a>',
    JINJA,
    f"{{: onclick=\"alert('{MARK}')\" }}",
]
HOSTILE_TEXT = " ".join(PAYLOADS)
HOSTILE_ARTICLE = f"""---
title: "{HOSTILE_TEXT.replace('"', "'")}"
source: "<img src=x onerror=alert('{MARK}')>"
url: "javascript:alert('{MARK}')"
tags: ["<b>{MARK}</b>", "{{% raw %}}"]
date: 2024-05-01
---

Mayor Alice Doe said <script>alert('{MARK}')</script> the bridge in Leeds will reopen.

Read [more](javascript:alert('{MARK}')) and ![pic](http://evil.example/x.png) or
<img src=x onerror=alert('{MARK}')> here.

"We will fix {JINJA} now," said John Smith, the mayor of Leeds.
"""


def hostile_briefing() -> Briefing:
    """A hand-edited (reviewed) briefing with markup in every free-text field."""
    sentence = f"<b>{MARK}</b> said {HOSTILE_TEXT}."
    return Briefing(
        id="edited", title=HOSTILE_TEXT, source_file="edited.md", content_hash="sha256:" + "0" * 64,
        summary=sentence, paragraphs=[sentence], tags=[HOSTILE_TEXT], reviewed=True,
        actors=[Actor(name=PAYLOADS[1], kind="person", aliases=[PAYLOADS[0]], title=PAYLOADS[2],
                      role=JINJA, sentence=sentence)],
        numbers=[Number(value=3, text=PAYLOADS[0], subject=PAYLOADS[3], sentence=sentence)],
        locations=[Location(name=f"<img src=x onerror=window.{MARK}=1>", kind="city", lat=1.0,
                            lon=2.0, sentence=sentence)],
        positions=[Position(speaker=PAYLOADS[1], kind="direct", cue=PAYLOADS[4], text=HOSTILE_TEXT,
                            sentence=sentence, speaker_kind="person")],
    )


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"), {"hostile.md": HOSTILE_ARTICLE}, sample=False)
    write_briefing(project / "content" / "briefings" / "edited.yaml", hostile_briefing())
    return build_site(project)


class _LiveMarkup(HTMLParser):
    """Collects what a browser would act on: elements, attributes, inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip()
            if name.startswith("on") and MARK in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and (
                value.lower().startswith(("javascript:", "data:")) or "evil.example" in value
            ):
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and MARK in data:
            self.problems.append(f"<script>{data[:60]}")
        self.text.append(data)


def _scan(path: Path) -> _LiveMarkup:
    parser = _LiveMarkup()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_markup_from_articles_or_briefings_is_live_anywhere_in_the_site(hostile_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 5
    problems = {str(p.relative_to(hostile_site)): _scan(p).problems for p in pages}
    assert {page: found for page, found in problems.items() if found} == {}
    for page in pages:
        assert "1111113" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("slug", ["hostile", "edited"])
def test_hostile_text_is_shown_as_text(hostile_site: Path, slug: str):
    text = "".join(_scan(hostile_site / "briefings" / f"{slug}.html").text)
    assert f"<script>alert('{MARK}')</script>" in text
    assert f"[more](javascript:alert('{MARK}'))" in text or f"[click](javascript:alert('{MARK}'))" in text
    assert "{% if true %}JINJA-IF{% endif %}" in text


def test_data_downloads_keep_hostile_text_as_data(hostile_site: Path):
    [edited] = [b for b in downloads(hostile_site, "briefings.json")
                if b["id"] == "edited"]
    assert edited["title"] == HOSTILE_TEXT
    rss = (hostile_site / "feed.xml").read_text(encoding="utf-8")
    assert "<script>" not in rss and "&lt;script&gt;" in rss


@pytest.mark.browser
def test_place_names_on_the_map_are_text(hostile_site: Path):
    from tests.test_browser import CHROMIUM, FLAGS

    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_page()
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1")
                       else r.abort())
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/locations/")
            page.wait_for_selector("#bf-map[data-markers]", timeout=10000)
            page.locator("#bf-map .bf-marker").first.hover()
            page.wait_for_timeout(300)
            ran = page.evaluate(f"window.{MARK} === 1")
            browser.close()
    finally:
        server.shutdown()
    assert not ran, "a place name ran as HTML in the map tooltip"


# -- the escaping helpers and the highlighter, over random text ---------------------------------

HTML_ISH = st.text(alphabet=st.sampled_from(list("<>&\"'`=/ :;(){}[]!#%.-_aAjsx1\n\t")) | st.characters(),
                   max_size=80)


@given(HTML_ISH)
def test_front_matter_text_is_one_escaped_yaml_string(text: str):
    value = front_matter_text(text)
    assert "\n" not in value and "<" not in value and ">" not in value
    loaded = yaml.safe_load(f"title: {value}")["title"]
    assert loaded == text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;").replace("'", "&#x27;")


@given(HTML_ISH)
def test_safe_url_only_lets_plain_http_urls_through(text: str):
    for candidate in (text, "https://" + text, "javascript:" + text, " JavaScript:" + text):
        url = safe_url(candidate)
        assert url is None or (url.lower().startswith(("http://", "https://"))
                               and not any(c in url for c in "\"'<> \t\n`"))


@given(HTML_ISH)
def test_slugs_and_anchors_are_plain_ascii(text: str):
    import re

    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slugify(text))
    assert re.fullmatch(r"s-[0-9a-f]{10}", anchor_id(text))


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)

    def handle_data(self, data) -> None:
        self.text.append(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_highlighter_never_emits_markup_from_the_text(data):
    paragraph = data.draw(HTML_ISH, label="paragraph")
    pieces = st.integers(0, len(paragraph))
    spans = data.draw(st.lists(st.tuples(pieces, pieces), max_size=4), label="spans")
    chunks = [paragraph[min(a, b):max(a, b)] for a, b in spans]
    terms = [Term(c, "hl-actor", "../actors/x/" if i % 2 else None) for i, c in enumerate(chunks)]
    [html] = map(str, Highlighter(terms, chunks).paragraphs([paragraph]))
    parser = _Structure()
    parser.feed(html)
    parser.close()
    assert set(parser.tags) <= {"p", "span", "a", "mark"}
    # Everything the reader sees is the paragraph itself, character for character.
    assert "".join(parser.text) == paragraph.replace("\r\n", "\n").replace("\r", "\n") or "\r" in paragraph


# -- reading broken files -----------------------------------------------------------------------

NAMES = st.text(alphabet=st.sampled_from(list("ab1.-_ ~$%")), min_size=1, max_size=12)
FRONT = st.sampled_from(["", "---\n", "---\ntitle: T\n---\n", "---\n[\n---\n", "---\ntitle: [a]\n---\n",
                         "---\ndate: 2024-02-30\ntitle: x\n---\n", "---\nid: ../x\ntitle: x\n---\n",
                         "---\ntags: {a: 1}\ntitle: x\n---\n", "---\n" + "[" * 1000 + "\n---\n",
                         "---\ntitle: !!python/object/apply:os.system ['true']\n---\n"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=NAMES, suffix=st.sampled_from([".md", ".txt"]), front=FRONT,
       body=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_read_article_only_fails_with_a_named_error(tmp_path: Path, name, suffix, front, body):
    path = tmp_path / (name + suffix)
    path.write_bytes(front.encode("utf-8") + body)
    try:
        article = read_article(path)
    except (ArticleError, SlugError) as err:
        assert str(err).startswith(str(path)) and "\n" not in str(err)
        return
    finally:
        path.unlink()
    assert article.title and article.paragraphs and "/" not in article.id and ".." not in article.id


def test_each_kind_of_bad_article_is_one_error_and_the_rest_extract(tmp_path: Path):
    articles = write_articles(tmp_path / "articles", 2)
    bad = {
        "empty.txt": b"", "binary.txt": b"\x00\x01PNG", "latin1.txt": "Caf\xe9\n\nx".encode("latin-1"),
        "huge.txt": b"Headline\n\n" + b"word " * (2 * 1024 * 1024), "fm.md": b"---\ntitle: [\n---\n\nx\n",
    }
    for name, data in bad.items():
        (articles / name).write_bytes(data)
    report = extract_folder(articles, tmp_path / "out", extractor=FakeExtractor())
    assert sorted(report.extracted) == ["story-0", "story-1"]
    assert sorted(Path(e.path).name for e in report.errors) == sorted(bad)


# -- names that try to escape -----------------------------------------------------------------


def test_ids_cannot_escape_the_briefings_folder(tmp_path: Path):
    articles = write_articles(tmp_path / "content" / "articles", 1)
    for i, bad_id in enumerate(["../../site/x", "/etc/passwd", "..", "a/../../b", "index", "INDEX"]):
        (articles / f"evil{i}.md").write_text(f"---\nid: {json.dumps(bad_id)}\ntitle: T\n---\n\nText.\n",
                                              encoding="utf-8")
    report = extract_folder(articles, tmp_path / "content" / "briefings", extractor=FakeExtractor())
    assert report.extracted == ["story-0"] and len(report.errors) == 6
    assert all(isinstance(e, SlugError) for e in report.errors)
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert written - {p.relative_to(tmp_path) for p in articles.iterdir()} == {
        Path("content/briefings/story-0.yaml")
    }


def test_a_symlink_out_of_the_articles_folder_is_not_published(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nTOKEN=abc\n", encoding="utf-8")
    articles = write_articles(tmp_path / "articles", 1)
    (articles / "leak.txt").symlink_to(secret)
    (articles / "inside.txt").symlink_to(articles / "story-0.txt")  # a link within the folder is fine
    report = extract_folder(articles, tmp_path / "out", extractor=FakeExtractor())
    [error] = report.errors
    assert "leak.txt" in str(error) and "symbolic link" in str(error)
    assert sorted(report.extracted) == ["inside", "story-0"]


def test_duplicate_ids_via_front_matter_name_both_files(tmp_path: Path):
    articles = write_articles(tmp_path / "articles", 1)
    (articles / "z.md").write_text("---\nid: Story-0\ntitle: T\n---\n\nText.\n", encoding="utf-8")
    report = extract_folder(articles, tmp_path / "out", extractor=FakeExtractor())
    [error] = report.errors  # z.md is blamed: its id is another file's name
    assert error.path.endswith("z.md") and "story-0.txt" in str(error) and "duplicate id" in str(error)
    assert not (tmp_path / "out" / "story-0.yaml").exists()


# -- briefings edited by hand --------------------------------------------------------------------


@pytest.mark.parametrize("edit", [
    "date: 2024-02-30\n",                 # PyYAML raises ValueError, not a YAML error
    "summary: " + "[" * 1000 + "\n",      # nesting deep enough to exhaust the recursion limit
    "actors: {name: x}\n",
    "summary: !!binary aGVsbG8=\n",
    'summary: "\\ud83d\\ude00"\n',          # half characters no page can be written with
])
def test_hand_edited_briefing_errors_never_crash(tmp_path: Path, edit: str):
    path = tmp_path / "b.yaml"
    good = dump_briefing(Briefing(id="b", title="T", source_file="b.md", content_hash="sha256:" + "0" * 64))
    path.write_text(good + edit, encoding="utf-8")
    briefings, errors = load_briefings(tmp_path)
    assert briefings == [] and errors and all(str(e).startswith(str(path)) for e in errors)


# -- a killed run ----------------------------------------------------------------------------------

KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import generator.briefing.store as store
    from generator.extract_folder import extract_folder
    from tests.test_incremental import FakeExtractor

    real_replace, calls = os.replace, []

    def replace_then_die(src, dst):
        calls.append(dst)
        if len(calls) == 2:  # the second briefing is written to its temporary file: die now
            os.kill(os.getpid(), signal.SIGKILL)
        real_replace(src, dst)

    store.os.replace = replace_then_die
    extract_folder(Path(sys.argv[1]), Path(sys.argv[2]), extractor=FakeExtractor("fake 2"))
""")


def test_a_killed_extraction_leaves_every_briefing_whole_and_the_next_run_completes(tmp_path: Path):
    articles, out = write_articles(tmp_path / "articles", 4), tmp_path / "briefings"
    extract_folder(articles, out, extractor=FakeExtractor("fake 1"))
    before = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-c", KILLER, str(articles), str(out)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    leftovers = list(out.glob(".*.tmp"))
    assert len(leftovers) == 1
    after = {p.name: p.read_bytes() for p in out.glob("*.yaml")}
    assert set(after) == set(before)
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1  # the first one was replaced whole, the others untouched
    for path in out.glob("*.yaml"):
        load_briefing(path)  # every briefing is complete and valid
    report = extract_folder(articles, out, extractor=FakeExtractor("fake 2"))
    assert report.removed_temp_files == leftovers and not list(out.glob(".*.tmp"))
    assert len(report.extracted) == 3 and len(report.reused) == 1
    assert {load_briefing(p).extractor for p in out.glob("*.yaml")} == {"fake 2"}
