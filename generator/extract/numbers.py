"""Numbers: counts, money, percentages, ordinals and measures with what they count."""

from __future__ import annotations

from spacy.tokens import Doc

from generator.briefing import Number

_KINDS = {"CARDINAL": "count", "MONEY": "money", "PERCENT": "percent",
          "ORDINAL": "ordinal", "QUANTITY": "measure"}


def extract_numbers(doc: Doc) -> list[Number]:
    """Return every number in the article, in order."""
    out = []
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if not kind:
            continue
        digits = "".join(c for c in ent.text if c.isdigit() or c == ".")
        try:
            value = float(digits)
        except ValueError:
            continue
        out.append(Number(value=value, text=ent.text, kind=kind, sentence=ent.sent.text.strip()))
    return out
