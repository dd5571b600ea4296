"""The article as read from disk: metadata and clean paragraphs, no NLP yet."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Article:
    path: Path
    slug: str
    id: str
    title: str
    paragraphs: list[str]
    date: str | None = None
    source: str | None = None
    url: str | None = None
    tags: list[str] = field(default_factory=list)
    raw: bytes = b""

    @property
    def text(self) -> str:
        """The article body: headline excluded, paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        """sha256 of the file as stored, so any edit to the article is noticed."""
        return "sha256:" + hashlib.sha256(self.raw).hexdigest()
