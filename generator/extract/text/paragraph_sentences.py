"""The `paragraph_sentences` spaCy component: no sentence runs over a paragraph break.

The page shows an article paragraph by paragraph and anchors each fact's evidence sentence
inside one paragraph. Left alone, the parser sometimes joins a dateline paragraph ("Sunday,
February 17, 2019") or a caption to the sentence after it, and that sentence is then on no
page. Runs before the parser, which keeps sentence starts that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAK = "\n\n"


def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence at the first word after each blank line."""
    text = doc.text
    last_end = None  # end of the last word seen
    for tok in doc:
        if tok.is_space:
            continue
        if last_end is not None and PARAGRAPH_BREAK in text[last_end : tok.idx]:
            tok.is_sent_start = True
        last_end = tok.idx + len(tok)
    return doc


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    return mark_paragraph_starts(doc)
