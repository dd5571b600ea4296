"""Stamped pages: thousands of pages of one layout for the cost of one theme render.

MkDocs renders every page through the whole theme (navigation, header, search box):
about as costly as the page's own content, and each page becomes its own folder. Briefing,
actor and place pages are many and share a few layouts, so MkDocs renders one *shell* page
per layout, and each page is the shell's HTML with its own title, description, tags and
body put in: a flat `.html` file written by a background thread while MkDocs renders the
other pages. A shell sits at the same depth as the pages stamped from it, so every
relative link of the theme stays right, and its headings make their table of contents.

- Actor and place pages: the body is HTML, put between the shell's markers.
- Briefing pages: Markdown headings with HTML blocks between them (passthrough.py). Pages
  with the same headings share a shell; the shell's HTML, with the page's blocks put back
  in place of the placeholders, is the page. The headings and their anchors are MkDocs' own.
"""

from __future__ import annotations

import marshal
import re
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import yaml

from generator.render.compact import compact_html
from generator.render.passthrough import restore_html

SHELL_NAME = "entity-shell"
BRIEFING_SHELL_NAME = "_briefing-shell"  # no article slug starts with "_"
BEGIN = "<!--bf-stamp-begin-->"
END = "<!--bf-stamp-end-->"
# Material adds an <h1> with the page title unless the content has one: the stamped body does.
H1_HINT = "<!--the page's own <h1> is stamped in-->"
# The shell's title and description, replaced by each page's own (escaped) in its HTML.
TITLE_TOKEN = "bfStampTitle7f3a"
DESCRIPTION_TOKEN = "bfStampDescription7f3a"
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PACK_LEVEL = 1  # zlib's fastest: most of the gain, at a tenth of a millisecond a page


@dataclass(frozen=True)
class StampShell:
    src_uri: str  # the generated Markdown page whose HTML is the template
    dest_uri: str  # where MkDocs writes it: beside the pages stamped from it, same depth


@dataclass(frozen=True)
class StampedPage:
    """One page to stamp; made by `stamped_page`, which packs its HTML (see there)."""

    shell: StampShell
    uri: str  # the page's file in the site, e.g. actors/ken-mckenzie.html
    title: str
    # The page's own HTML, compacted and zlib-packed: an escaped body put between the shell's
    # markers (actor and place pages), or HTML blocks put back into the shell's own body
    # (briefing pages, see passthrough.py).
    packed: bytes = b""
    description: str = ""
    tags: tuple[tuple[str, str | None], ...] = ()  # (tag, link to its page or None)
    lastmod: str | None = None  # YYYY-MM-DD of the newest briefing the page shows (sitemap)
    feed: str = ""  # the page's own feed (`<link rel="alternate">` for its head), if it has one

    @property
    def body(self) -> str:
        return self._unpacked()[0]

    @property
    def blocks(self) -> tuple[str, ...]:
        return self._unpacked()[1]

    def _unpacked(self) -> tuple[str, tuple[str, ...]]:
        if not self.packed:
            return "", ()
        body, blocks = marshal.loads(zlib.decompress(self.packed))
        return body, tuple(blocks)

    def html(self, head: str, middle: str, tail: str) -> str:
        """This page, from the parts of its shell's HTML (before, between and after the markers)."""
        old, new = _name(self.shell.dest_uri), _name(self.uri)
        head, tail = _fill(head.replace(old, new), self), _fill(tail.replace(old, new), self)
        if self.feed:
            head = head.replace("</head>", self.feed + "</head>", 1)
        body, blocks = self._unpacked()
        if blocks:
            tags = "".join(f'<a href="{escape(href)}" class="md-tag">{escape(tag)}</a>' if href
                           else f'<span class="md-tag">{escape(tag)}</span>'
                           for tag, href in sorted(self.tags, key=lambda pair: pair[0]))
            nav = f'<nav class="md-tags">{tags}</nav>\n' if tags else ""  # as Material writes them
            return head + nav + restore_html(middle, list(blocks)) + tail
        return head + body + tail


def stamped_page(shell: StampShell, uri: str, title: str, body: str = "", blocks: tuple[str, ...] = (),
                 **rest: Any) -> StampedPage:
    """A page to stamp, its HTML compacted (compact.py) and packed with zlib.

    Every stamped page waits in memory until MkDocs has rendered its shell: at 20,000
    briefings their HTML would be a gigabyte and more as Python strings, and is a tenth of
    that packed (README, "Scale").
    """
    if not body and not blocks:
        return StampedPage(shell, uri, title, **rest)
    data = (compact_html(body), [compact_html(block) for block in blocks])
    return StampedPage(shell, uri, title, zlib.compress(marshal.dumps(data), PACK_LEVEL), **rest)


def _fill(html: str, page: StampedPage) -> str:
    html = html.replace(TITLE_TOKEN, escape(page.title))
    return html.replace(DESCRIPTION_TOKEN, escape(page.description)) if DESCRIPTION_TOKEN in html else html


def shell_markdown(title: str, headings: list[str]) -> str:
    """An actor or place shell: its headings make the table of contents its pages share."""
    # An <h1> inside the markers stops Material from adding one (with the shell's title).
    lines = ["---", f"title: {TITLE_TOKEN}", "search:", "  exclude: true", "---", BEGIN, ""]
    lines += [f'<h1 id="title">{escape(title)}</h1>', ""]
    # Markdown headings, so MkDocs makes the table of contents; their anchors are the text's
    # slug, which the pages' own headings (in actor.html.j2 and location.html.j2) use.
    for text in headings:
        lines += [f"## {text}", ""]
    lines += [END, ""]
    return "\n".join(lines)


def split_front_matter(markdown: str) -> tuple[dict[str, Any], str]:
    """A generated page's front matter (title, description, tags) and the rest of it."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return {}, markdown
    meta = yaml.load(match.group(1), Loader=_Loader)
    return (meta if isinstance(meta, dict) else {}), markdown[match.end() :]


def layout_shell_markdown(body: str, meta: dict[str, Any] | None = None) -> str:
    """A briefing shell: the pages' headings and block placeholders, with a token title and
    description, and the rest of the pages' front matter (`meta`)."""
    front = f"title: {TITLE_TOKEN}\ndescription: {DESCRIPTION_TOKEN}\n"
    if meta:
        front += yaml.safe_dump(meta, sort_keys=True, allow_unicode=True)
    return f"---\n{front}---\n{BEGIN}\n{H1_HINT}\n\n{body.strip()}\n\n{END}\n"


class StampError(RuntimeError):
    """A shell page was not built, or its HTML lacks the markers (a theme override removed them)."""


class StampWriter:
    """Writes each shell's pages in a background thread, from the moment MkDocs renders the shell.

    `finish()` waits for the writes, removes the shells and returns the number of pages written.
    """

    def __init__(self, site_dir: Path, pages: list[StampedPage]) -> None:
        self.site_dir = site_dir
        self._pages: dict[str, list[StampedPage]] = {}
        for page in pages:
            self._pages.setdefault(page.shell.src_uri, []).append(page)
        self._shells = {page.shell.src_uri: page.shell for page in pages}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stamp")
        self._jobs: dict[str, Future[int]] = {}
        self._finished: set[str] = set()

    @property
    def shell_uris(self) -> set[str]:
        return set(self._shells)

    @property
    def shell_dest_uris(self) -> set[str]:
        """Where the shells were written: removed once their pages are stamped."""
        return {shell.dest_uri for shell in self._shells.values()}

    @property
    def pages(self) -> list[StampedPage]:
        return [page for pages in self._pages.values() for page in pages]

    def shell_rendered(self, src_uri: str, html: str) -> None:
        """MkDocs rendered page `src_uri` as `html`: if it is a shell, start writing its pages."""
        pages = self._pages.get(src_uri)
        if pages is None or src_uri in self._jobs:
            return
        parts = _split_shell(html, src_uri)
        self._jobs[src_uri] = self._pool.submit(_write_pages, self.site_dir, parts, pages)

    def finish(self, folders: set[str] | None = None) -> int:
        """Wait for the pages of every shell (or of those in the site's top-level `folders`),
        remove those shells, and return how many pages they made."""
        shells = [uri for uri, shell in self._shells.items() if uri not in self._finished
                  and (folders is None or shell.dest_uri.split("/", 1)[0] in folders)]
        try:
            missing = sorted(uri for uri in shells if uri not in self._jobs)
            if missing:
                raise StampError(f"shell page {', '.join(missing)} was not built: is a hand-written "
                                 "page in its place, or is it excluded by `exclude_docs`?")
            count = sum(self._jobs[uri].result() for uri in shells)
        except BaseException:
            self.cancel()
            raise
        for uri in shells:
            (self.site_dir / self._shells[uri].dest_uri).unlink(missing_ok=True)
            self._finished.add(uri)
        if len(self._finished) == len(self._shells):
            self._pool.shutdown(wait=True)
        return count

    def cancel(self) -> None:
        """Stop writing (the build failed): what is queued is dropped, what runs ends."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _split_shell(html: str, src_uri: str) -> tuple[str, str, str]:
    start, end = html.find(BEGIN), html.find(END)
    if start == -1 or end == -1:
        raise StampError(f"{src_uri}: shell page has no {BEGIN} marker; does a theme override drop content?")
    middle = html[start + len(BEGIN) : end].replace(H1_HINT, "")
    return html[:start], middle, html[end + len(END) :]


def _write_pages(site_dir: Path, parts: tuple[str, str, str], pages: list[StampedPage]) -> int:
    folders: set[Path] = set()
    for page in pages:
        path = site_dir / page.uri
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        # Plain writes, like MkDocs' own: site/ is rebuilt output, not something to keep safe.
        path.write_text(page.html(*parts), encoding="utf-8")
    return len(pages)


def _name(uri: str) -> str:
    """'actors/entity-shell.html' -> 'entity-shell.html': how the page links to itself."""
    return uri.rsplit("/", 1)[-1]
