"""Where a position's content begins and ends: clipped to its paragraph, stretched over the
quotations it reaches into, stopped before the writer's asides."""

from __future__ import annotations

from spacy.tokens import Token

from generator.extract.positions.article import DASHES, Part


class ContentSpans(Part):
    """Turns the token ranges a rule proposes into the content of a position."""

    def finish(self, pieces: list[tuple[int, int]], cue: Token) -> list[tuple[int, int]]:
        """Clip to the cue's paragraph, trim edges, stretch over quotations, drop empty pieces."""
        low, high = self.view.paragraph_tokens(cue)
        out: list[tuple[int, int]] = []
        for start, end in pieces:
            start, end = self.view.stretch(*self.view.trim(max(start, low), min(end, high)))
            end = min(self.reach_quote(start, self.mend_split(end, high), cue), high)
            end = self.cut_aside(start, end)
            if end - start >= 2:
                out.append((start, end))
        if not out:
            return []
        merged = [out[0]]
        for start, end in out[1:]:
            if start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        words = sum(1 for s, e in merged for t in self.doc[s:e] if t.is_alpha)
        return merged if words >= 2 else []

    def mend_split(self, end: int, high: int) -> int:
        """A content cut by a sentence split without a full stop ('she felt the 13th | Amendment was
        worth examining ...') goes on to the end of the next sentence."""
        last = self.doc[end - 1] if 0 < end < high else None
        if last is None or not (last.is_alpha or last.like_num):
            return end
        if self.quote_of[end - 1] >= 0:  # a quotation closed on a dangling word: '“... away from” that'
            if last.pos_ != "ADP" or not self.doc[end].is_quote or self.quote_of[end] >= 0:
                return end
            end += 1
            if end >= high:
                return end
        if self.doc[end - 1].sent.end != end or not self.doc[end].is_alpha or self.quote_of[end] >= 0:
            return end
        stop = min(self.doc[end].sent.end, high)
        for k in range(end + 2, stop):  # not into the cue of a quotation: '... loop-hole,” she said'
            if self.doc[k - 1].is_quote and self.quote_of[k - 1] < 0 and self.quote_of[k - 2] >= 0:
                return k
        return self.view.trim(end, stop)[1]

    def cut_aside(self, start: int, end: int) -> int:
        """End a content at a quotation followed by the writer's aside or a date: 'Estonia as being
        in the “suburbs of St. Petersburg” — a metaphor for ...', 'Clinton as a “disgrace” Wednesday'."""
        for k in range(start + 2, end):
            closing = self.doc[k - 1].is_quote and self.quote_of[k - 1] < 0 and self.quote_of[k - 2] >= 0
            if closing and self.quote_of[k] < 0 and (
                    self.doc[k].text in DASHES
                    or (self.doc[k].ent_iob_ == "B" and self.doc[k].ent_type_ in ("DATE", "TIME")
                        and (k + 1 >= len(self.doc) or self.doc[k + 1].ent_iob_ != "I"))):
                return k
        return end

    def reach_quote(self, start: int, end: int, cue: Token) -> int:
        """A content left unfinished before a quotation of its sentence goes on over it: 'to blame for
        focusing on “he said this, he tweeted that.”', 'she recalled thinking, "This is ..."'."""
        if start >= end or self.quote_of[end - 1] >= 0:
            return end
        last = self.doc[end - 1]
        j = end
        while j < len(self.doc) and j < end + 3 and self.quote_of[j] < 0 and (
                self.doc[j].is_punct and self.doc[j].text not in (".", "?", "!", ";")):
            j += 1
        if j >= len(self.doc) or self.quote_of[j] < 0 or self.quote_tokens[self.quote_of[j]][0] != j:
            return end
        if j > cue.i > end or self.doc[j].sent != last.sent:
            return end
        unfinished = last.pos_ == "ADP" or (last.tag_ == "VBG"
                                            and last.lemma_.lower() in self.rules.cue_verbs)
        return self.quote_tokens[self.quote_of[j]][1] if unfinished else end
