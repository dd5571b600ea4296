"""Newswire layout: ALL-CAPS headlines, datelines, press digests and sports results tables.

Reuters-style copy opens with a headline such as "CRICKET - LEICESTERSHIRE TAKE OVER AT TOP"
and a dateline such as "LONDON 1996-08-30"; the model's entities there are unreliable, so
names in such lines are only taken when the article names them elsewhere.  Sports results
("Partick 1 St Mirren 1", "62 Nolan Henke") are lists of names the model mostly misses; they
are read here as chunks of capitalised words between scores and commas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from generator.extract.actors.words import name_words, newswire, norm, not_actors
from generator.extract.text.datelines import NEWSWIRE_DATELINE

_INITIAL = re.compile(r"^[A-Z]\.([A-Z][\w'’-]*)?$")
_MAX_LOWER_SHARE = 0.34


@dataclass
class Layout:
    """Line structure of an article: token ranges of its lines and what kind they are."""

    lines: list[tuple[int, int]]
    caps: set[int] = field(default_factory=set)  # indexes of ALL-CAPS lines
    dateline: int | None = None
    sport: str | None = None  # "team" or "individual"
    digest: bool = False
    table: set[int] = field(default_factory=set)  # indexes of results/list lines
    line_at: list[int] = field(default_factory=list)  # token index -> line index

    def unreliable(self, i: int) -> bool:
        """True for tokens in ALL-CAPS lines, the dateline and table lines."""
        line = self.line_at[i]
        return line in self.caps or line == self.dateline or line in self.table


def _split_lines(doc: Doc) -> tuple[list[tuple[int, int]], list[int]]:
    """Token ranges of the non-empty lines, and the line index of every token."""
    lines: list[tuple[int, int]] = []
    line_at = [0] * len(doc)
    start = None
    for token in doc:
        if token.is_space and "\n" in token.text:
            if start is not None:
                lines.append((start, token.i))
                start = None
            line_at[token.i] = max(len(lines) - 1, 0)
            continue
        if start is None:
            start = token.i
        line_at[token.i] = len(lines)
    if start is not None:
        lines.append((start, len(doc)))
    return lines, line_at


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _sport(headline: str) -> str | None:
    """'team' or 'individual' when the headline starts with a sport ("SOCCER - ...")."""
    prefix = headline.split(" - ", 1)[0].strip().lower() if " - " in headline else ""
    words = newswire()
    if prefix in words["team_sports"]:
        return "team"
    if prefix in words["individual_sports"]:
        return "individual"
    return None


def _is_table_line(doc: Doc, start: int, end: int) -> bool:
    """A line of names and numbers with few lower-case words ("Ayr 6 Berwick 0")."""
    words = [t for t in doc[start:end] if t.is_alpha]
    if not words:
        return False
    table_words, joiners = newswire()["table_words"], name_words()["joiners"]
    lower = [t for t in words if t.is_lower and t.lower_ not in table_words and t.lower_ not in joiners]
    return len(lower) <= _MAX_LOWER_SHARE * len(words)


def read_layout(doc: Doc) -> Layout:
    """Find the headline, dateline, sport, press digest and table lines of `doc`."""
    lines, line_at = _split_lines(doc)
    layout = Layout(lines=lines, line_at=line_at)
    for n, (start, end) in enumerate(lines):
        text = doc[start:end].text
        if n < 3 and layout.dateline is None and NEWSWIRE_DATELINE.match(text):
            layout.dateline = n
        elif _is_caps(text):
            layout.caps.add(n)
    if lines:
        headline = doc[lines[0][0] : lines[0][1]].text
        layout.sport = _sport(headline) if 0 in layout.caps else None
        layout.digest = any(marker in headline.lower() for marker in newswire()["digest"])
    if layout.sport:
        for n, (start, end) in enumerate(lines):
            if n not in layout.caps and n != layout.dateline and _is_table_line(doc, start, end):
                layout.table.add(n)
    return layout


def _is_name_token(token: Token) -> bool:
    text = token.text
    return bool(
        text[:1].isupper() and (token.is_alpha or _INITIAL.match(text) or re.match(r"^[A-Z][\w.'’-]*$", text))
    )


def name_chunks(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words in a line ("Greenock Morton", "Queen of South", "P. Simmons")."""
    joiners = name_words()["joiners"]
    chunks: list[tuple[int, int]] = []
    i = start
    while i < end:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < end:
            token = doc[j]
            if _is_name_token(token):
                j += 1
            elif token.is_space and "\n" not in token.text and j + 1 < end and _is_name_token(doc[j + 1]):
                j += 2  # "Ricky  Ponting": a double space inside a name of a results table
            elif (token.lower_ in joiners or (token.text == "-" and not doc[j - 1].whitespace_)) and (
                j + 1 < end and _is_name_token(doc[j + 1])
            ):
                j += 2
            else:
                break
        chunks.append((i, j))
        i = j
    return chunks


def _date_word(token: Token) -> bool:
    """A word of a date: "May 27-29", "Friday"; not the team a dated fixture line names after
    "v" ("May 27-29 v Gloucestershire", all one date to the model)."""
    if token.ent_type_ != "DATE":
        return False
    return token.like_num or token.is_lower or norm(token.text) in not_actors()


def is_label(doc: Doc, start: int, end: int) -> bool:
    """Column heads, labels and venues: "Division", "W D L", "Attendance", "Leicester:"."""
    labels = newswire()["labels"]
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    if words[0] in labels or words[-1] in labels:
        return True
    if all(len(t.text.rstrip(".")) <= 1 for t in doc[start:end]):
        return True
    if any(t.ent_type_ in ("ORDINAL", "TIME", "CARDINAL") or _date_word(t) for t in doc[start:end]):
        return True
    if end - start == 1 and words[0] in newswire()["ordinals"]:
        return True  # "Third test (at Old Trafford)"
    if end < len(doc) and doc[end].text == ":":
        return True
    return norm(doc[start:end].text) in not_actors()


def table_chunks(doc: Doc, layout: Layout) -> list[tuple[int, int]]:
    """Name chunks in the results/list lines of a sports article."""
    found = []
    for n in sorted(layout.table):
        start, end = layout.lines[n]
        for chunk in name_chunks(doc, start, end):
            if not is_label(doc, *chunk):
                found.append(chunk)
    return found


def result_chunks(doc: Doc, layout: Layout) -> list[tuple[int, int]]:
    """Teams around "beat"/"v" in prose lines of a sports article ("Leicestershire beat Somerset")."""
    found = []
    for n, (start, end) in enumerate(layout.lines):
        if n in layout.table or n in layout.caps or n == layout.dateline:
            continue
        for i in range(start + 1, end - 1):
            if doc[i].lower_ not in newswire()["result_words"]:
                continue
            for chunk in (
                name_chunks(doc, max(start, i - 4), i)[-1:] + name_chunks(doc, i + 1, min(end, i + 5))[:1]
            ):
                adjacent = chunk[1] == i or chunk[0] == i + 1
                if adjacent and not is_label(doc, *chunk) and doc[chunk[0]].i != doc[chunk[0]].sent.start:
                    found.append(chunk)
    return found


def digest_titles(doc: Doc, layout: Layout) -> list[tuple[int, int]]:
    """Newspaper names heading the sections of a press digest ("KOMPAS", "JAKARTA POST")."""
    if not layout.digest:
        return []
    found = []
    for n in sorted(layout.caps):
        start, end = layout.lines[n]
        words = [t for t in doc[start:end] if not t.is_punct]
        if n and words and len(words) <= 4 and all(t.is_alpha for t in words):
            found.append((words[0].i, words[-1].i + 1))
    return found
