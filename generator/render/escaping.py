"""Making untrusted article text safe inside generated Markdown/HTML pages.

Article text comes from the web. Generated pages are Markdown files whose body
is HTML produced by autoescaping Jinja templates, so text is never read as
Markdown or HTML. Values that end up outside the body (front matter, URLs)
go through the functions here.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from html import escape
from urllib.parse import urlsplit

from markupsafe import Markup

from generator.plain_text import LINE_BREAKS

_SAFE_SCHEMES = {"http", "https"}


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug for URLs: 'Gen. Ken McKenzie' -> 'gen-ken-mckenzie'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")
    if not slug:
        slug = fallback + "-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return slug


def safe_url(url: str | None) -> str | None:
    """Return `url` if it is an absolute http(s) URL, else None (no javascript:, data:, ...)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc:
        return None
    if any(ch in url for ch in "\"'<>` \t\n"):
        return None
    return url


def front_matter_text(text: str) -> Markup:
    """A front-matter scalar: HTML-escaped (MkDocs themes print titles unescaped) and JSON-quoted.

    JSON strings are valid YAML, so no YAML syntax in the text can be interpreted. YAML
    refuses some characters JSON allows raw (DEL, C1 controls, lone surrogates) and reads
    others as line breaks (NEL, U+2028/9): those are written as `\\uXXXX` escapes, which
    both languages read back as the same character.
    """
    quoted = json.dumps(escape(str(text), quote=True), ensure_ascii=False)
    return Markup(_YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted))


# Everything outside YAML's printable set, plus its extra line breaks.
_YAML_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# What Python-Markdown (with attr_list) reads as syntax inside a line: links and images,
# emphasis, code, attribute lists, escapes, heading hashes, tables. As character references
# they read the same to a browser and mean nothing to Markdown.
# One table for both, applied to the raw text: applying the second to escaped text would
# break the character references the first wrote ("&#39;" holds a "#").
_AS_HTML = str.maketrans({
    **{ch: f"&#{ord(ch)};" for ch in "[]()*_`{}\\#!|~"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;",
})


def template_value(value: object) -> Markup:
    """Every value a template prints, as the HTML of one line that no Markdown parser acts on.

    The one escaping rule of generated pages (the templates' `finalize`): text is HTML-escaped,
    its line breaks become spaces, so no value can start a Markdown heading, list or attribute
    line, and Markdown's inline syntax is written as character references. Markup the
    renderer built itself (highlighted paragraphs, front matter) only has its line breaks
    collapsed: its text was escaped when it was built.
    """
    if hasattr(value, "__html__"):
        text = str(Markup(value))
        return Markup(text) if not LINE_BREAKS.search(text) else Markup(LINE_BREAKS.sub(" ", text))
    return Markup(LINE_BREAKS.sub(" ", str(value)).translate(_AS_HTML))


def anchor_id(sentence: str) -> str:
    """A stable HTML id for an evidence sentence."""
    return "s-" + hashlib.sha256(sentence.strip().encode("utf-8", "surrogatepass")).hexdigest()[:10]

