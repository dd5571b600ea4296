"""A stated position as a reader sees it: quotation marks around the quoted words only.

A position's `text` holds no quotation marks; its `quoted` fragments are the parts that
stood inside quotation marks in the article. Every page, view and download puts marks
around those and nothing else, so a paraphrase is never shown as someone's words.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from generator.briefing import Position

OPEN, CLOSE = "\u201c", "\u201d"


def quote_runs(text: str, quoted: list[str]) -> list[tuple[str, bool]]:
    """`text` cut into (piece, quoted) runs, each quoted fragment found in order; a fragment
    not found in the text (a hand-edited briefing) is left out rather than guessed at."""
    runs: list[tuple[str, bool]] = []
    cursor = 0
    for fragment in quoted:
        at = text.find(fragment, cursor) if fragment else -1
        if at < 0:
            continue
        if at > cursor:
            runs.append((text[cursor:at], False))
        runs.append((fragment, True))
        cursor = at + len(fragment)
    if cursor < len(text):
        runs.append((text[cursor:], False))
    return runs


def with_quote_marks(text: str, quoted: list[str]) -> str:
    """Plain text with “ ” around the quoted fragments (CSV downloads)."""
    return "".join(OPEN + piece + CLOSE if inside else piece for piece, inside in quote_runs(text, quoted))


def quoted_html(position: Position) -> Markup:
    """The position's text as HTML, escaped, the quoted fragments in `<q>`-like marks."""
    return Markup("".join(
        f'<span class="bf-quoted">{OPEN}{escape(piece)}{CLOSE}</span>' if inside else escape(piece)
        for piece, inside in quote_runs(position.text, position.quoted)
    ))


def quoting(position: Position) -> str:
    """'quoted' when all of the text is a quotation, 'partly quoted' when some of it is,
    '' when none is (reported speech)."""
    runs = quote_runs(position.text, position.quoted)
    quoted = [piece for piece, inside in runs if inside]
    if not quoted:
        return ""
    rest = "".join(piece for piece, inside in runs if not inside)
    return "partly quoted" if any(ch.isalnum() for ch in rest) else "quoted"
