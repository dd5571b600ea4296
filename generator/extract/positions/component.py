"""The `briefing_positions` spaCy component: stated positions as `doc._.positions`.

Reads the actors from the Doc (`briefing_actors` must run first) to name speakers as the
rest of the briefing does. Paragraphs are the blocks of the text between blank lines, as
`Article.text` joins them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from generator.extract.doc_items import actors, set_items
from generator.extract.positions.finder import extract_positions

PARAGRAPH_BREAK = "\n\n"


class PositionsComponent:
    """Writes `doc._.positions`: one dict per stated position, in order of the text."""

    def __call__(self, doc: Doc) -> Doc:
        starts = paragraph_starts_in(doc.text)
        set_items(doc, "positions", extract_positions(doc, actors(doc), starts))
        return doc


def paragraph_starts_in(text: str) -> list[int]:
    """Character offset of each blank-line separated paragraph of `text`."""
    starts, offset = [], 0
    for paragraph in text.split(PARAGRAPH_BREAK):
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


@Language.factory("briefing_positions", requires=["doc._.actors"], assigns=["doc._.positions"])
def create_positions_component(nlp: Language, name: str) -> PositionsComponent:
    return PositionsComponent()
