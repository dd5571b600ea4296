"""The `briefing_numbers` spaCy component: counts, money, percentages as `doc._.numbers`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from generator.extract.doc_items import set_items
from generator.extract.numbers.finder import extract_numbers


class NumbersComponent:
    """Writes `doc._.numbers`: one dict per number, in order of the text."""

    def __call__(self, doc: Doc) -> Doc:
        set_items(doc, "numbers", extract_numbers(doc))
        return doc


@Language.factory("briefing_numbers", assigns=["doc._.numbers"])
def create_numbers_component(nlp: Language, name: str) -> NumbersComponent:
    return NumbersComponent()
