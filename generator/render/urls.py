"""Relative URLs between generated pages, as MkDocs will write them.

Page bodies are raw HTML (MkDocs does not rewrite links inside raw HTML), so
the generator computes the final relative URL itself.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import Any

from generator.briefing import Briefing


def dest_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page `src_uri`: 'a/b.md' -> 'a/b/' (or 'a/b.html')."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not src_uri.endswith(".md"):
        return src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def relative_url(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """The link from page `from_src` to page or file `to_src` (both docs-relative paths).

    Pure string work (posixpath.relpath asks the OS for the working directory, twice per call):
    a large site makes hundreds of thousands of these links.
    """
    base = _folders(from_src, use_directory_urls)
    parts, is_folder = _target(to_src, use_directory_urls)
    shared = 0
    while shared < len(base) and shared < len(parts) and base[shared] == parts[shared]:
        shared += 1
    rel = "/".join([".."] * (len(base) - shared) + list(parts[shared:]))
    if not rel:
        return "./"
    return f"{rel}/" if is_folder else rel


@lru_cache(maxsize=8192)
def _folders(src: str, use_directory_urls: bool) -> tuple[str, ...]:
    """The folders of the URL a page is served at, which its relative links start from."""
    url = dest_url(src, use_directory_urls)
    base = url if url.endswith("/") else posixpath.dirname(url)
    return tuple(part for part in base.split("/") if part)


@lru_cache(maxsize=65536)  # the same targets recur on every page of a large site
def _target(src: str, use_directory_urls: bool) -> tuple[tuple[str, ...], bool]:
    url = dest_url(src, use_directory_urls)
    if not use_directory_urls and url.endswith("/"):
        url += "index.html"
    return tuple(part for part in url.split("/") if part), url == "" or url.endswith("/")


def entity_uri(folder: str, entry: Any) -> str:
    """Where an actor or place links: its own page, else the one briefing that names it (a
    country that is also an actor: the actor's page)."""
    if getattr(entry, "actor", None) is not None:
        return entity_uri("actors", entry.actor)
    if entry.has_page:
        return f"{folder}/{entry.slug}.html"
    return briefing_uri(entry.briefings[0])


def briefing_uri(briefing: Briefing) -> str:
    """A briefing's page in the site: a flat file, like the actor and place pages."""
    return f"briefings/{briefing.id}.html"
