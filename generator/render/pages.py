"""Briefings -> Markdown pages, through the Jinja templates of `templates/`.

Each page is Markdown with front matter; its body is HTML written by
autoescaping templates, so article text is always shown as text.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import jinja2

from generator.briefing import Briefing
from generator.render.connections import Connections, actor_connections, by_month
from generator.render.escaping import anchor_id, front_matter_text, safe_url, template_value
from generator.render.facets import FACETS, briefing_facets
from generator.render.feeds import feed_link, feed_uri
from generator.render.highlight import Highlighter, Term
from generator.render.identities import Identities
from generator.render.passthrough import lift_html
from generator.render.quantity import format_quantity, plain_number
from generator.render.quoting import quoted_html, quoting
from generator.render.site_index import SiteIndex, build_site_index
from generator.render.stamp import (
    BRIEFING_SHELL_NAME,
    SHELL_NAME,
    StampedPage,
    StampShell,
    layout_shell_markdown,
    shell_markdown,
    split_front_matter,
    stamped_page,
)
from generator.render.tags import briefing_tags, tag_entries, tag_targets
from generator.render.urls import briefing_uri, entity_uri, relative_url

HOME_LATEST = 20
HOME_TOP = 15
INDEX_PAGE_SIZE = 200
# The sections of an actor or place page: the shell's table of contents.
ENTITY_HEADINGS = {"actors": ["Stated positions", "Connections", "Briefings"],
                   "locations": ["Actors mentioned", "Stated positions", "Briefings"]}
# What an actor or place page lists (a page's size must not grow with the site; the rest is
# one link away, in the positions view or the search page filtered by the actor or place):
ENTITY_BRIEFINGS = 100  # its newest briefings
ENTITY_POSITIONS = 50  # the positions of its newest briefings
PLACE_ACTORS = 60  # the actors most often named with a place


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    content: str
    in_nav: bool = False
    # HTML blocks lifted out of `content` (see passthrough.py), restored after Markdown.
    html_blocks: tuple[str, ...] = ()
    # Where MkDocs should write the page, when not where its name says (flat `.html` pages).
    dest_uri: str | None = None


class PageRenderer:
    """Renders every page of the site from a list of briefings."""

    def __init__(self, templates_dir: Path, use_directory_urls: bool = True, entity_pages: int = 1,
                 stamp_briefings: bool = False, identities: Identities | None = None) -> None:
        self.use_directory_urls = use_directory_urls
        self.identities = identities  # the analyst's identity file, applied to every page
        self.entity_pages = entity_pages
        # Briefing pages stamped from shells too (see stamp.py), rather than built by MkDocs
        # one by one: the plugin asks for it unless Material's own search must index them.
        self.stamp_briefings = stamp_briefings
        self.index: SiteIndex = build_site_index([])
        # Actor and place pages, written from a shell page after the build (see stamp.py).
        self.stamped: list[StampedPage] = []
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
            finalize=template_value,
        )
        self.env.filters["fm"] = front_matter_text
        self.env.filters["safe_url"] = safe_url
        self.env.filters["anchor"] = anchor_id
        self.env.filters["quoted"] = quoted_html
        self.env.filters["quoting"] = quoting
        self.env.filters["number"] = plain_number
        self.env.filters["quantity"] = format_quantity
        self.env.globals["entity_uri"] = entity_uri
        self.env.globals["briefing_uri"] = briefing_uri
        self.env.globals["briefing_facets"] = briefing_facets
        self.env.globals["by_month"] = by_month

    def render_all(self, briefings: list[Briefing]) -> Iterator[GeneratedPage]:
        """Yield the home page, indexes and one page per briefing, actor and place."""
        index = self.index = build_site_index(briefings, self.entity_pages, self.identities)
        connections = actor_connections(index)
        self.env.globals["connections"] = lambda entry: connections.get(entry.slug, Connections())
        self.stamped = []
        yield self._page("index.md", "home.md.j2", True, index=index,
                         latest=index.briefings[:HOME_LATEST],
                         top_actors=_top(index.actors.values(), HOME_TOP),
                         top_places=_top(index.locations.values(), HOME_TOP))
        yield from self._timeline(index)
        tags = tag_entries(index)
        shells: dict[str, StampShell] = {}
        for briefing in index.briefings:
            page = self._briefing_page(briefing, index)
            if self.stamp_briefings:
                yield from self._stamp_briefing(page, shells, briefing, tag_targets(briefing, index, tags))
            else:
                yield page
        yield from self._entity_pages("actors", "actor.html.j2", index.actors.values(), index)
        yield from self._entity_pages("locations", "location.html.j2", index.locations.values(), index)
        for tag in tags.values():
            base = tag.uri.removesuffix(".md")
            yield from self._listing(base, f"Tag: {tag.name}", tag.briefings, "briefings",
                                     feed=feed_uri("tags", tag.slug))
        yield from self._listing("tags/index", "Tags", list(tags.values()), "tags")
        positions = sum(len(b.positions) for b in index.briefings)
        yield self._page("positions.md", "positions.md.j2", True, count=positions)
        yield self._page("said.md", "said.md.j2", True)
        numbers = sum(len(b.numbers) for b in index.briefings)
        yield self._page("numbers.md", "numbers.md.j2", True, count=numbers)
        yield self._page("data.md", "data.md.j2", True, index=index)
        yield self._page("search.md", "search.md.j2", True, facets=FACETS)

    def _timeline(self, index: SiteIndex) -> Iterator[GeneratedPage]:
        """Briefings by month: an index of months, then one (paginated) page per month."""
        months = []
        for month, group in itertools.groupby(index.briefings, key=lambda b: (b.date or "")[:7]):
            items = list(group)
            key = month or "undated"
            months.append((key, len(items), f"timeline/{key}.md", _month_name(key)))
            yield from self._listing(f"timeline/{key}", _month_name(key), items, "briefings")
        by_year = itertools.groupby(months, key=lambda m: "Undated" if m[0] == "undated" else m[0][:4])
        years = [(year, list(group)) for year, group in by_year]
        yield self._page("timeline/index.md", "timeline.md.j2", True, years=years, total=len(index.briefings))

    def _entity_pages(self, folder: str, template: str, entries, index: SiteIndex) -> Iterator[GeneratedPage]:
        """One page per actor (or place), an index with the most-mentioned and A-Z listings."""
        entries = sorted(entries, key=lambda e: (_letter(e.name) == "#", _sort_name(e.name), e.slug))
        # Entity pages are flat files (actors/<slug>.html), like their shell: thousands of
        # page folders cost more to create than the pages themselves on a slow disk.
        shell = StampShell(f"{folder}/{SHELL_NAME}.md", f"{folder}/{SHELL_NAME}.html")
        if any(e.has_page for e in entries):
            markdown = shell_markdown(folder.title(), ENTITY_HEADINGS[folder])
            yield GeneratedPage(shell.src_uri, markdown, False, dest_uri=shell.dest_uri)
        for entry in (e for e in entries if e.has_page and getattr(e, "actor", None) is None):
            uri = entity_uri(folder, entry)
            feed = feed_uri(folder, entry.slug)
            body = self._render(uri, template, entry=entry, index=index, max_links=ENTITY_BRIEFINGS,
                                max_actors=PLACE_ACTORS, max_positions=ENTITY_POSITIONS, feed=feed)
            dates = [b.date for b in entry.briefings if b.date]
            link = feed_link(relative_url(uri, feed, self.use_directory_urls), f"{entry.name}: new briefings")
            self.stamped.append(stamped_page(shell, uri, entry.name, body, lastmod=max(dates, default=None),
                                            feed=link))
        letters = []
        for letter, group in itertools.groupby(entries, key=lambda e: _letter(e.name)):
            items = list(group)
            base = f"{folder}/by-letter/{'0-9' if letter == '#' else letter.lower()}"
            letters.append((letter, len(items), f"{base}.md"))
            yield from self._listing(base, f"{folder.title()}: {letter}", items, folder)
        yield self._page(f"{folder}/index.md", f"{folder}_index.md.j2", True, letters=letters,
                         top=_top(entries, 100), total=len(entries))

    def _listing(self, base: str, heading: str, items: list, kind: str,
                 feed: str | None = None) -> Iterator[GeneratedPage]:
        """`base.md`, then `base-2.md`, ...: `items` in pages of INDEX_PAGE_SIZE links."""
        pages = list(_chunks(items, INDEX_PAGE_SIZE))
        uris = [f"{base}.md"] + [f"{base}-{n}.md" for n in range(2, len(pages) + 1)]
        for number, (uri, chunk) in enumerate(zip(uris, pages, strict=True), 1):
            yield self._page(uri, "listing.md.j2", False, heading=heading, items=chunk, kind=kind,
                             page_number=number, page_uris=uris, feed=feed)

    def _briefing_page(self, briefing: Briefing, index: SiteIndex) -> GeneratedPage:
        uri = briefing_uri(briefing)  # a flat file: no folder to create per briefing
        terms: list[Term] = []
        for actor in briefing.actors:
            entry = index.actor_for(briefing, actor.name)
            page = entry and entry.has_page
            href = relative_url(uri, entity_uri("actors", entry), self.use_directory_urls) if page else None
            terms += [Term(form, f"hl-actor hl-{actor.kind}", href) for form in [actor.name, *actor.aliases]]
        for location in briefing.locations:
            place = index.location_for(briefing, location.name)
            href = relative_url(uri, entity_uri("locations", place), self.use_directory_urls) \
                if place and place.has_page else None
            terms += [Term(form, "hl-place", href) for form in [location.name, *location.aliases]]
        terms += [Term(number.text, "hl-number") for number in briefing.numbers]
        highlighter = Highlighter(terms, [item.sentence for item in _items(briefing)])
        paragraphs = highlighter.paragraphs(briefing.paragraphs)
        content = self._render(uri, "briefing.md.j2", briefing=briefing, index=index,
                               paragraphs=paragraphs, tags=briefing_tags(briefing))
        content, blocks = lift_html(content)
        return GeneratedPage(f"briefings/{briefing.id}.md", content, False, tuple(blocks), dest_uri=uri)

    def _stamp_briefing(self, page: GeneratedPage, shells: dict[str, StampShell], briefing: Briefing,
                        tags: list[tuple[str, str | None]]) -> Iterator[GeneratedPage]:
        """Stamp `page` from the shell of its layout, first yielding a new shell.

        The layout is the page's headings and any front matter the template adds beyond the
        title, description and tags each page has (`hide: [toc]`, say): the shell carries it.
        """
        meta, body = split_front_matter(page.content)
        extra = {key: value for key, value in meta.items() if key not in ("title", "description", "tags")}
        layout = layout_shell_markdown(body, extra)
        shell = shells.get(layout)
        if shell is None:
            name = f"{BRIEFING_SHELL_NAME}-{len(shells) + 1}"
            shell = shells[layout] = StampShell(f"briefings/{name}.md", f"briefings/{name}.html")
            yield GeneratedPage(shell.src_uri, layout, dest_uri=shell.dest_uri)
        assert page.dest_uri is not None
        # The front matter holds HTML-escaped text (`fm`: Material prints it as is); a stamped
        # page escapes its own, so it gets the text back, not escaped twice ("AT&amp;amp;T").
        # Its tags are links (tags.py), which Material's own tags are not.
        self.stamped.append(stamped_page(
            shell, page.dest_uri, unescape(str(meta.get("title") or "")),
            description=unescape(str(meta.get("description") or "")),
            tags=tuple((name, target and relative_url(page.dest_uri, target, self.use_directory_urls))
                       for name, target in tags),
            blocks=page.html_blocks, lastmod=briefing.date))

    def _page(self, src_uri: str, template: str, in_nav: bool, **context) -> GeneratedPage:
        # Markdown reads only the template's own heading lines: the HTML between them, where
        # every value is, is put back after it (passthrough.py), never parsed again.
        content, blocks = lift_html(self._render(src_uri, template, **context))
        return GeneratedPage(src_uri, content, in_nav, tuple(blocks))

    def _render(self, src_uri: str, template: str, **context) -> str:
        def url(target: str) -> str:
            return relative_url(src_uri, target, self.use_directory_urls)

        try:
            return self.env.get_template(template).render(url=url, **context)
        except jinja2.TemplateNotFound as err:
            raise FileNotFoundError(f"template {err.name!r} not found in the templates folder") from err


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, max(len(items), 1), size):
        yield items[start : start + size]


def _sort_name(name: str) -> str:
    return name.casefold().removeprefix("the ")


def _letter(name: str) -> str:
    first = _sort_name(name)[:1].upper()
    return first if "A" <= first <= "Z" else "#"


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def _month_name(key: str) -> str:
    if key == "undated":
        return "Undated briefings"
    year, month = key.split("-")
    return f"{_MONTHS[int(month) - 1]} {year}"


def _items(briefing: Briefing):
    return itertools.chain(briefing.actors, briefing.numbers, briefing.locations, briefing.positions)


def _top(entries, n: int) -> list:
    return sorted(entries, key=lambda e: (-len(e.briefings), -e.mention_count, e.name.casefold()))[:n]
