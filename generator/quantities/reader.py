"""Units and currencies around a number in a spaCy Doc: "$ 5", "US$ 300", "120 mph",
"275 pound-feet", "3923 sq m", "30 degrees Celsius"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from generator.quantities.units import Unit, unit_table

# Degree, minute and second marks alone are map coordinates ("33°30′21″N"); "40°C" is a unit.
_MARKS_ALONE = {"°", "′", "″", "'", '"'}


@dataclass(frozen=True)
class UnitMatch:
    """A unit found in the text: tokens [start, end), its spelling there and what it is."""

    start: int
    end: int
    written: str
    unit: Unit

    @property
    def label(self) -> str:
        return self.unit.label(self.written)


def unit_after(doc: Doc, i: int, glued: bool = False) -> UnitMatch | None:
    """The longest unit written from token `i` on ("miles per hour" over "miles"), or None.

    `glued`: token `i` touches the number ("45g" split by the tokenizer into "45" "g"). Words
    are joined as the text writes them, so "lb-ft" (three tokens) is one spelling.
    """
    table = unit_table()
    best = None
    text = ""
    for j in range(i, min(len(doc), i + 2 * table.max_words + 1)):
        token = doc[j]
        if token.is_space or (token.is_punct and token.text not in ("-", "/", "%", "°")):
            break
        text += token.text
        unit = table.lookup(text, glued=glued and j == i) or _ratio(text)
        if unit is not None and text not in _MARKS_ALONE:
            best = UnitMatch(i, j + 1, text, unit)
        if token.whitespace_:
            text += " "
    return best


def _ratio(text: str) -> Unit | None:
    """A unit per unit written with a slash ("kV/cm", "A/cm2"), when both halves are units."""
    top, slash, bottom = text.partition("/")
    if not slash or not top or not bottom:
        return None
    table = unit_table()
    over, under = table.lookup(top, glued=True), table.lookup(bottom, glued=True)
    if over is None or under is None:
        return None
    return Unit(name=f"{over.name} per {under.name}", kind="ratio")


def currency_before(doc: Doc, i: int) -> UnitMatch | None:
    """The currency sign or code written right before token `i` ("$", "US$", "RM", "EUR", "S $")."""
    if i == 0:
        return None
    table = unit_table()
    prev = doc[i - 1]
    glued = not prev.whitespace_
    unit = table.lookup(prev.text, glued=glued)
    if unit is None or not unit.is_money or (prev.text.isalpha() and not prev.is_upper):
        return None  # currency words ("dollars") come after the amount
    if i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].is_upper:
        two = table.lookup(doc[i - 2].text + prev.text, glued=True)
        if two is not None and two.is_money:  # "S $1mil" tokenised apart
            return UnitMatch(i - 2, i, doc[i - 2].text + prev.text, two)
    return UnitMatch(i - 1, i, prev.text, unit)
