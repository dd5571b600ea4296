"""The site holds together where it is published: every page in the sitemap, every internal
link and anchor resolves under the sub-path, feeds with absolute links."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.conftest import PUBLISHED_AT, SHARED
from tests.sitebuild import build_site, make_project

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CORPUS = SHARED / "corpus" / "wikinews"
CORPUS_ARTICLES = 20


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The sample article, plus 20 Wikinews articles when ../shared is beside the repository."""
    harbour = ("---\ntitle: Harbour reopens\ndate: 2024-05-01\ntags: [ports, R&D]\n---\n\n"
               "Mayor Alice Doe said the harbour in Leeds will reopen.\n")
    project = make_project(tmp_path_factory.mktemp("published"), {"harbour.md": harbour})
    for path in sorted(CORPUS.glob("*.md"))[:CORPUS_ARTICLES] if CORPUS.is_dir() else []:
        shutil.copy(path, project / "content" / "articles" / path.name)
    return build_site(project)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for name in ("href", "src"):
            if values.get(name) and not (tag == "link" and values.get("rel") in ("canonical", "alternate")):
                self.links.append(values[name] or "")


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _to_file(site: Path, page: Path, link: str) -> tuple[Path | None, str]:
    """The file a link of `page` leads to in `site` (None: outside the site) and its anchor."""
    base = PUBLISHED_AT + str(page.relative_to(site))
    target = urlsplit(urljoin(base, link))
    if f"{target.scheme}://{target.netloc}" != PUBLISHED_AT.rstrip("/").rsplit("/", 1)[0]:
        return None, ""  # another site
    path = unquote(target.path)
    root = urlsplit(PUBLISHED_AT).path
    if not path.startswith(root):
        return site / "ESCAPES-THE-SUB-PATH" / path, target.fragment
    file = site / path[len(root):]
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, target.fragment


def _broken_links(site: Path, anchors: bool) -> list[str]:
    pages = sorted(site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    broken = []
    for page, found in parsed.items():
        for link in found.links:
            if link.startswith(("mailto:", "javascript:", "data:")):
                continue
            file, anchor = _to_file(site, page, link)
            if file is None:
                continue
            if not file.is_file():
                broken.append(f"{page.relative_to(site)}: {link} (no file)")
            elif anchors and anchor and file.suffix == ".html":
                ids = parsed[file].ids if file in parsed else _parse(file).ids
                if anchor not in ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no #{anchor})")
    return broken


def test_every_internal_link_resolves_under_the_sub_path(published: Path):
    assert _broken_links(published, anchors=False) == []


def test_the_sitemap_lists_every_page_and_nothing_else(published: Path):
    urls = list(ET.parse(published / "sitemap.xml").getroot().iter(f"{NS}url"))
    locs = [url.findtext(f"{NS}loc") or "" for url in urls]
    assert all(loc.startswith(PUBLISHED_AT) for loc in locs)
    listed = {loc[len(PUBLISHED_AT):] for loc in locs}
    for uri in listed:
        assert (published / uri).is_file() or (published / uri / "index.html").is_file(), uri
    briefings = {f"briefings/{p.name}" for p in (published / "briefings").glob("*.html")}
    actors = {f"actors/{p.name}" for p in (published / "actors").glob("*.html") if p.name != "index.html"}
    assert briefings and actors and briefings | actors <= listed
    lastmod = {url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod") for url in urls}
    assert lastmod[PUBLISHED_AT + "briefings/harbour.html"] == "2024-05-01"


def test_feed_links_are_absolute_under_the_published_address(published: Path):
    channel = ET.parse(published / "feed.xml").getroot().find("channel")
    links = [item.findtext("link") for item in channel.iter("item")]
    assert links and all(link.startswith(PUBLISHED_AT + "briefings/") for link in links)
    for link in links:
        assert (published / link[len(PUBLISHED_AT):]).is_file()


def test_tags_are_links_to_tag_pages_that_list_their_briefings(published: Path):
    page = (published / "briefings" / "harbour.html").read_text(encoding="utf-8")
    assert '<a href="../tags/ports/" class="md-tag">ports</a>' in page
    assert '<a href="../tags/r-d/" class="md-tag">R&amp;D</a>' in page
    listing = (published / "tags" / "ports" / "index.html").read_text(encoding="utf-8")
    assert "Harbour reopens" in listing
    assert "ports" in (published / "tags" / "index.html").read_text(encoding="utf-8")
    mapping = json.loads((published / "tags.json").read_text(encoding="utf-8"))["mappings"]
    harbour = next(m for m in mapping if m["item"]["url"] == "briefings/harbour.html")
    assert {"ports", "R&D"} <= set(harbour["tags"])
