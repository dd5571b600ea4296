"""Text rules every layer shares: what a line break is, and which characters are never text."""

from __future__ import annotations

import re

# Every character that starts a new line somewhere: `str.splitlines()` splits on all of
# them, Python-Markdown and YAML on some; a one-line field must hold none.
LINE_BREAKS = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# Control characters (tab and line feed excepted) and the two non-characters: no article means
# them, and XML 1.0 (the feed) cannot hold them at all.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks included, as one space; stripped."""
    return " ".join(LINE_BREAKS.sub(" ", text).split())
