"""Stamped pages: thousands of actor and place pages for the cost of one theme render.

MkDocs renders every page through the whole theme (navigation, header, search box):
about as costly as the page's own content. Actor and place pages are many (often more
than the briefings) and share one layout, so MkDocs renders a single *shell* page per
kind, and each entity's page is the shell's HTML with its own title and body put in.
The shell sits at the same depth as the pages stamped from it, so every relative link
of the theme stays right.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from generator.render.urls import dest_url

BEGIN = "<!--bf-stamp-begin-->"
END = "<!--bf-stamp-end-->"
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@dataclass(frozen=True)
class StampedPage:
    shell_uri: str  # the generated Markdown page whose HTML is the template
    src_uri: str  # the page this would be as a Markdown file, e.g. actors/ken-mckenzie.md
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
    """The shell's HTML lacks the markers (a theme override removed the page content)."""


def stamp_pages(site_dir: Path, pages: list[StampedPage], use_directory_urls: bool = True) -> int:
    """Write each page into `site_dir` from its built shell; remove the shells. Returns the count."""
    shells: dict[str, tuple[str, str, str]] = {}
    for page in pages:
        if page.shell_uri not in shells:
            shells[page.shell_uri] = _split_shell(_output_path(site_dir, page.shell_uri, use_directory_urls))
        head, _, tail = shells[page.shell_uri]
        old, new = _slug(page.shell_uri) + "/", _slug(page.src_uri) + "/"
        html = head.replace(old, new) + page.body + tail.replace(old, new)
        title = _TITLE.search(html)
        if title:
            retitled = f"<title>{_retitle(title.group(1), page.title)}</title>"
            html = html[: title.start()] + retitled + html[title.end() :]
        # Plain writes, like MkDocs' own: site/ is rebuilt output, not something to keep safe.
        target = _output_path(site_dir, page.src_uri, use_directory_urls)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    for shell_uri in shells:
        path = _output_path(site_dir, shell_uri, use_directory_urls)
        path.unlink(missing_ok=True)
        if use_directory_urls:
            with contextlib.suppress(OSError):  # not empty: leave it
                path.parent.rmdir()
    return len(pages)


def _split_shell(path: Path) -> tuple[str, str, str]:
    html = path.read_text(encoding="utf-8")
    start, end = html.find(BEGIN), html.find(END)
    if start == -1 or end == -1:
        raise StampError(f"{path}: shell page has no {BEGIN} marker; does a theme override drop content?")
    return html[:start], html[start:end], html[end + len(END) :]


def _retitle(old: str, title: str) -> str:
    """Material writes `<title>Page - Site</title>`: keep the site part."""
    site = old.split(" - ", 1)[1] if " - " in old else ""
    return f"{escape(title)} - {site}" if site else escape(title)


def _slug(src_uri: str) -> str:
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md")


def _output_path(site_dir: Path, src_uri: str, use_directory_urls: bool) -> Path:
    url = dest_url(src_uri, use_directory_urls)
    return site_dir / (url + "index.html" if url.endswith("/") or url == "" else url)
