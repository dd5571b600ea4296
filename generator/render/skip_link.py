"""Material's "Skip to content" link, pointed at a generated page's title.

Material points it at the first heading of the table of contents. A generated page's title
(`<h1 id="title">`) and summary are HTML before that heading, so the link would skip them:
on such a page it goes to the title instead.
"""

from __future__ import annotations

import re

from generator.render.stamp import H1_HINT

_SKIP = re.compile(r'<a href="[^"]*" class="md-skip">')
_TITLE = '<h1 id="title">'


def skip_to_title(html: str) -> str:
    """`html` with its skip link going to `#title`, when the page has that title (or is the
    shell of briefing pages, whose titles are stamped in)."""
    if _TITLE not in html and H1_HINT not in html:
        return html
    return _SKIP.sub('<a href="#title" class="md-skip">', html, count=1)
