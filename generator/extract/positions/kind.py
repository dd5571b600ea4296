"""Direct or indirect: whether a position quotes its speaker or reports them."""

from __future__ import annotations

from generator.extract.positions.article import DASHES, Found, Part


class KindJudge(Part):
    """Decides the kind of each found position."""

    def is_direct(self, item: Found) -> bool:
        """Direct when the content ends inside a quotation, or begins inside one that is not
        introduced by 'that' ("said that “exactly who did it” remains ..." is reported speech).

        A transcript turn ("PENCE: Well, ...") is direct only when a quotation opens after its
        label, and the paragraphs that continue a turn are of its kind. A reported clause ending
        with a partial quotation in the ''...'' style ("he had fought in Vietnam ''for the
        nation's rights''") counts as reported: that is how the newspapers using that style are
        annotated (PolNeAR).
        """
        if item.direct is not None:
            return item.direct
        words = [t for s, e in item.pieces for t in self.doc[s:e] if not (t.is_punct or t.is_space)]
        if not words:
            return False
        first, last = self.quote_of[words[0].i], self.quote_of[words[-1].i]
        if item.label:
            return first >= 0 and self.quotes[first].start > self.doc[item.cue_i].idx
        if last >= 0 and first < 0 and self.double_apostrophes(last):
            return False
        if item.from_quote and first >= 0 and self.double_apostrophes(first) and self.embedded(words[0].i):
            return False
        if last >= 0:
            return True
        before = words[0].i - 1
        while before >= 0 and self.doc[before].is_punct:
            before -= 1
        return first >= 0 and not (before >= 0 and self.doc[before].lower_ == "that")

    def embedded(self, first: int) -> bool:
        """The quotation goes on a clause of the writer's: 'RT is ''providing a perspective ...'''
        (a word just before it that is not a verb of saying)."""
        before = first - 1
        while before >= 0 and (self.doc[before].is_quote or self.doc[before].text in ("''", "``", "'")):
            before -= 1
        if before >= 0 and self.doc[before].text in DASHES:  # past an aside: 'days -- when ... --'
            opening = next((k for k in range(before - 1, max(before - 16, -1), -1)
                            if self.doc[k].text in DASHES), None)
            before = opening - 1 if opening is not None else before
        if before < 0 or self.doc[before].is_punct or self.doc[before].is_space:
            return False
        return self.doc[before].lemma_.lower() not in self.rules.speech_verbs

    def double_apostrophes(self, q_index: int) -> bool:
        """The quotation is opened with '' or `` rather than a quotation mark."""
        start = self.quotes[q_index].start
        return self.doc.text[max(start - 2, 0) : start] in ("''", "``")
