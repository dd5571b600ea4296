"""Stamped pages: thousands of actor and place pages for the cost of one theme render.

MkDocs renders every page through the whole theme (navigation, header, search box):
about as costly as the page's own content. Actor and place pages are many (often more
than the briefings) and share one layout, so MkDocs renders a single *shell* page per
kind, and each entity's page is the shell's HTML with its own title and body put in,
written by a background thread while MkDocs renders the other pages.
The shell sits at the same depth as the pages stamped from it, so every relative link
of the theme stays right.
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

SHELL_NAME = "entity-shell"
BEGIN = "<!--bf-stamp-begin-->"
END = "<!--bf-stamp-end-->"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class StampShell:
    src_uri: str  # the generated Markdown page whose HTML is the template
    dest_uri: str  # where MkDocs writes it: beside the pages stamped from it, same depth


@dataclass(frozen=True)
class StampedPage:
    shell: StampShell
    uri: str  # the page's file in the site, e.g. actors/ken-mckenzie.html
    title: str
    body: str  # escaped HTML


def shell_markdown(title: str, headings: list[tuple[str, str]]) -> str:
    """The shell page: its headings make the table of contents every stamped page shares."""
    # An <h1> inside the markers stops Material from adding one (with the shell's title).
    lines = ["---", f'title: "{escape(title)}"', "search:", "  exclude: true", "---", BEGIN, ""]
    lines += [f'<h1 id="title">{escape(title)}</h1>', ""]
    for anchor, text in headings:
        lines += [f'<h2 id="{escape(anchor)}">{escape(text)}</h2>', ""]
    lines += [END, ""]
    return "\n".join(lines)


class StampError(RuntimeError):
    """A shell page was not built, or its HTML lacks the markers (a theme override removed them)."""


class StampWriter:
    """Writes each shell's pages in a background thread, from the moment MkDocs renders the shell.

    Creating thousands of files is mostly the kernel's work: done on a second thread, it
    overlaps with MkDocs rendering the briefing pages. `finish()` waits for the writes,
    removes the shells and returns the number of pages written.
    """

    def __init__(self, site_dir: Path, pages: list[StampedPage]) -> None:
        self.site_dir = site_dir
        self._pages: dict[str, list[StampedPage]] = {}
        for page in pages:
            self._pages.setdefault(page.shell.src_uri, []).append(page)
        self._shells = {page.shell.src_uri: page.shell for page in pages}
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stamp")
        self._jobs: dict[str, Future[int]] = {}
        self._written: int | None = None

    @property
    def shell_uris(self) -> set[str]:
        return set(self._shells)

    @property
    def folders(self) -> set[str]:
        """The site's top-level folders that stamped pages are written into."""
        uris = (page.uri for group in self._pages.values() for page in group)
        return {uri.split("/", 1)[0] for uri in uris if "/" in uri}

    def shell_rendered(self, src_uri: str, html: str) -> None:
        """MkDocs rendered page `src_uri` as `html`: if it is a shell, start writing its pages."""
        pages = self._pages.get(src_uri)
        if pages is None or src_uri in self._jobs:
            return
        parts = _split_shell(html, src_uri)
        self._jobs[src_uri] = self._pool.submit(_write_pages, self.site_dir, parts, pages)

    def finish(self) -> int:
        if self._written is not None:
            return self._written
        try:
            missing = sorted(set(self._pages) - set(self._jobs))
            if missing:
                raise StampError(f"shell page {', '.join(missing)} was not built: is a hand-written "
                                 "page in its place, or is it excluded by `exclude_docs`?")
            count = sum(job.result() for job in self._jobs.values())
        finally:
            self.cancel()
        for shell in self._shells.values():
            (self.site_dir / shell.dest_uri).unlink(missing_ok=True)
        self._written = count
        return count

    def cancel(self) -> None:
        """Stop writing (the build failed): what is queued is dropped, what runs ends."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _split_shell(html: str, src_uri: str) -> tuple[str, str, str]:
    start, end = html.find(BEGIN), html.find(END)
    if start == -1 or end == -1:
        raise StampError(f"{src_uri}: shell page has no {BEGIN} marker; does a theme override drop content?")
    return html[:start], html[start:end], html[end + len(END) :]


def _write_pages(site_dir: Path, parts: tuple[str, str, str], pages: list[StampedPage]) -> int:
    head, _, tail = parts
    folders: set[Path] = set()
    for page in pages:
        old, new = _name(page.shell.dest_uri), _name(page.uri)
        html = head.replace(old, new) + page.body + tail.replace(old, new)
        title = _TITLE.search(html)
        if title:
            retitled = f"<title>{_retitle(title.group(1), page.title)}</title>"
            html = html[: title.start()] + retitled + html[title.end() :]
        path = site_dir / page.uri
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        # Plain writes, like MkDocs' own: site/ is rebuilt output, not something to keep safe.
        path.write_text(html, encoding="utf-8")
    return len(pages)


def _retitle(old: str, title: str) -> str:
    """Material writes `<title>Page - Site</title>`: keep the site part."""
    site = old.split(" - ", 1)[1] if " - " in old else ""
    return f"{escape(title)} - {site}" if site else escape(title)


def _name(uri: str) -> str:
    """'actors/entity-shell.html' -> 'entity-shell.html': how the page links to itself."""
    return uri.rsplit("/", 1)[-1]
