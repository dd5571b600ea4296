"""Raw HTML that skips Markdown: generated page bodies are HTML already.

Python-Markdown parses every raw HTML block it meets, which costs more than the rest of
a briefing page's build. The HTML between a page's Markdown headings is lifted out and
replaced by a comment placeholder; after Markdown has run, the plugin puts it back. The
headings stay Markdown, so the table of contents and anchors are MkDocs' own.
"""

from __future__ import annotations

import re

_PLACEHOLDER = "<!--bf-html-{}-->"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HEADING = re.compile(r"^#{1,6} ")


def lift_html(markdown: str) -> tuple[str, list[str]]:
    """Return the page with its HTML blocks replaced by placeholders, and the blocks."""
    match = _FRONT_MATTER.match(markdown)
    front, body = (match.group(0), markdown[match.end() :]) if match else ("", markdown)
    out: list[str] = []
    chunks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        block = "".join(current)
        current.clear()
        if block.strip():
            out.append(f"\n{_PLACEHOLDER.format(len(chunks))}\n\n")
            chunks.append(block)

    for line in body.splitlines(keepends=True):
        if _HEADING.match(line):
            flush()
            out.append(line)
        else:
            current.append(line)
    flush()
    return front + "".join(out), chunks


def restore_html(html: str, chunks: list[str]) -> str:
    """Put the lifted blocks back into the page's rendered HTML."""
    for number, chunk in enumerate(chunks):
        html = html.replace(_PLACEHOLDER.format(number), chunk, 1)
    return html
