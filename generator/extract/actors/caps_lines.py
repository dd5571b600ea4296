"""Names in ALL-CAPS lines (headlines, sports tables): taken only when the article names them elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from generator.extract.actors.layout import Layout, is_label, name_chunks
from generator.extract.actors.mentions import Mention
from generator.extract.actors.words import countries, norm, not_actors

Add = Callable[[Span, str], "Mention | None"]


def add_caps_lines(
    doc: Doc, layout: Layout, mentions: list[Mention], lower_words: set[str], add: Add
) -> None:
    """Names in ALL-CAPS lines count only when the article names them elsewhere (or are countries)."""
    known = {m.key: m for m in mentions}
    by_text = {norm(m.text): m for m in mentions}
    body_names = _body_names(doc, layout, lower_words) if layout.sport else {}
    for n in sorted(layout.caps):
        start, end = layout.lines[n]
        for chunk_start, chunk_end in name_chunks(doc, start, end):
            _match_caps(doc, add, (chunk_start, chunk_end), known, by_text, body_names)


def _match_caps(
    doc: Doc, add: Add, span: tuple[int, int], known: dict, by_text: dict, body_names: dict
) -> None:
    """Longest word windows of an ALL-CAPS chunk that match a known name."""
    start, end = span
    i = start
    while i < end:
        for j in range(min(end, i + 4), i, -1):
            key = norm(doc[i:j].text)
            match = by_text.get(key) or known.get(key)
            if match or key in countries() or key in body_names:
                kind = match.kind if match else ("country" if key in countries() else body_names[key])
                mention = add(doc[i:j], kind)
                if mention:
                    mention.headline = True
                if mention and match:
                    mention.key = match.key
                i = j
                break
        else:
            i += 1


def _body_names(doc: Doc, layout: Layout, lower_words: set[str]) -> dict[str, str]:
    """Capitalised word runs inside sentences of a sports article (the teams the model missed)."""
    names: dict[str, str] = {}
    kind = "person" if layout.sport == "individual" else "organization"
    for n, (start, end) in enumerate(layout.lines):
        if n in layout.caps or n == layout.dateline:
            continue
        for chunk_start, chunk_end in name_chunks(doc, start, end):
            token = doc[chunk_start]
            if token.i == token.sent.start or is_label(doc, chunk_start, chunk_end):
                continue
            key = norm(doc[chunk_start:chunk_end].text)
            if key not in not_actors() and key not in lower_words:
                names[key] = kind
    return names
