"""Stamped pages: thousands of actor and place pages for the cost of one theme render.

MkDocs renders every page through the whole theme (navigation, header, search box):
about as costly as the page's own content. Actor and place pages are many (often more
than the briefings) and share one layout, so MkDocs renders a single *shell* page per
kind, and each entity's page is the shell's HTML with its own title and body put in.
The shell sits at the same depth as the pages stamped from it, so every relative link
of the theme stays right.
"""

from __future__ import annotations

import re
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
    """The shell's HTML lacks the markers (a theme override removed the page content)."""


def stamp_pages(site_dir: Path, pages: list[StampedPage]) -> int:
    """Write each page into `site_dir` from its built shell; remove the shells. Returns the count."""
    shells: dict[StampShell, tuple[str, str, str]] = {}
    for page in pages:
        if page.shell not in shells:
            shells[page.shell] = _split_shell(site_dir / page.shell.dest_uri)
        head, _, tail = shells[page.shell]
        old, new = _name(page.shell.dest_uri), _name(page.uri)
        html = head.replace(old, new) + page.body + tail.replace(old, new)
        title = _TITLE.search(html)
        if title:
            retitled = f"<title>{_retitle(title.group(1), page.title)}</title>"
            html = html[: title.start()] + retitled + html[title.end() :]
        # Plain writes, like MkDocs' own: site/ is rebuilt output, not something to keep safe.
        (site_dir / page.uri).write_text(html, encoding="utf-8")
    for shell in shells:
        (site_dir / shell.dest_uri).unlink(missing_ok=True)
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


def _name(uri: str) -> str:
    """'actors/entity-shell.html' -> 'entity-shell.html': how the page links to itself."""
    return uri.rsplit("/", 1)[-1]
