"""One name occurrence in the article, before mentions are merged into actors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from generator.extract.actors.words import norm

LEADING_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "every",
        "each",
    ]
)
_CITATION = re.compile(r"\.?\[\d*\]?.*$")
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass
class Mention:
    """A name found in the text, with what the words around it say about it."""

    text: str
    kind: str
    start: int
    sentence: str
    title: str | None = None
    role: str | None = None
    titled: str | None = None  # the name with its title: "Gen. Ken McKenzie"
    key: str = ""
    headline: bool = False  # found in an ALL-CAPS line: weaker evidence than a sentence
    end: int = -1  # token index after the name; -1: one token

    def __post_init__(self) -> None:
        if not self.key:
            self.key = norm(self.text)
        if self.end < 0:
            self.end = self.start + 1


def trim_span(span: Span) -> Span | None:
    """Drop leading determiners/punctuation and trailing possessives, numbers and punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in LEADING_WORDS or _is_junk(doc[start])):
        start += 1
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or _is_junk(doc[end - 1]) or doc[end - 1].like_num
    ):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


def trim_lowercase_tail(span: Span) -> Span | None:
    """Drop trailing words without a capital from an organisation name: "Interfax news" -> "Interfax"."""
    end = span.end
    while end > span.start and span.doc[end - 1].is_lower:
        end -= 1
    return span.doc[span.start : end] if end > span.start else None


def _is_junk(token: Token) -> bool:
    """Punctuation, whitespace and citation markers ("[1]") at the edge of a name."""
    return token.is_punct or token.is_space or token.text.startswith("[")


def clean_text(span: Span) -> str:
    """The span's text without wiki citation markers ("University.[1][2" -> "University")."""
    text = _CITATION.sub("", span.text) if "[" in span.text else span.text
    return " ".join(text.split()).strip(" ,;:-")


def looks_like_name(text: str) -> bool:
    """A name has a capital letter, and its last word has one too or is a number ("al-Abadi", "Euro 96")."""
    if not any(c.isupper() for c in text):
        return False
    last = text.split()[-1]  # "Mevlüt Çavuşoğlu": any capital letter, not only A-Z
    return any(c.isupper() or c.isdigit() for c in last) or not last[0].isalpha()


def sentence_of(doc: Doc, index: int) -> str:
    """The text of the sentence holding token `index`, cut at line breaks ("LONDON 1996-08-30")."""
    token = doc[index]
    sent = token.sent
    text = sent.text
    offset = token.idx - sent.start_char
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : end if end >= 0 else len(text)].strip()
