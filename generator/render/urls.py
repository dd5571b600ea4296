"""Relative URLs between generated pages, as MkDocs will write them.

Page bodies are raw HTML (MkDocs does not rewrite links inside raw HTML), so
the generator computes the final relative URL itself.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


def dest_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page `src_uri`: 'a/b.md' -> 'a/b/' (or 'a/b.html')."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if not src_uri.endswith(".md"):
        return src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


@lru_cache(maxsize=65536)  # the same links recur on every page of a large site
def relative_url(from_src: str, to_src: str, use_directory_urls: bool = True) -> str:
    """The link from page `from_src` to page or file `to_src` (both docs-relative paths)."""
    from_url = dest_url(from_src, use_directory_urls)
    to_url = dest_url(to_src, use_directory_urls)
    if not use_directory_urls and to_url.endswith("/"):
        to_url += "index.html"
    base = posixpath.dirname(from_url) if not from_url.endswith("/") else from_url.rstrip("/")
    rel = posixpath.relpath(to_url or ".", base or ".")
    if (to_url == "" or to_url.endswith("/")) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel
