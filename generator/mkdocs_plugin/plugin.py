"""MkDocs event handlers only: extraction and rendering live in the plain library."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.config import Settings
from generator.errors import GeneratorError
from generator.mkdocs_plugin.collector import long_lived_objects, release_long_lived
from generator.mkdocs_plugin.config import BriefingsConfig
from generator.mkdocs_plugin.site_swap import building_dir, discard, swap_in
from generator.render.compact import compact_html
from generator.render.feeds import feed_links
from generator.render.passthrough import restore_html
from generator.render.sitemap import rewrite_sitemap
from generator.render.skip_link import skip_to_title
from generator.render.stamp import StampError, StampWriter
from generator.search import (
    THEME_DIR,
    UNDATED,
    Bundle,
    BundledIndexRun,
    IndexRun,
    PagefindError,
    index_folders,
    index_glob,
    mark_for_index,
    plan_bundles,
)
from generator.site_source import extract_changed, load_published

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """`plugins: [search, briefings]`: extracts new articles and adds the generated pages."""

    stamper = None  # writes the briefing, actor and place pages of the last on_files (stamp.py)
    html_blocks: dict = {}  # noqa: RUF012 - replaced per build in on_files
    indexed: list = []  # noqa: RUF012 - site paths of the pages marked for Pagefind, per build
    index = None  # the site index of the last on_files, for the downloads
    command = "build"  # what on_startup says; `build()` called from Python sends no startup
    published_site: Path | None = None  # where the finished build goes (site_swap.py)
    bundles: list[Bundle] = []  # noqa: RUF012 - the Pagefind bundles of the last on_files
    page_months: dict[str, str] = {}  # noqa: RUF012 - briefing page -> "YYYY-MM", for the bundles

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = Settings.from_config(self.config, Path(config.config_file_path).parent)
        # `serve` builds into a temporary folder of its own; gh-deploy reads site_dir.
        if self.config.enabled and self.command == "build":
            self.published_site = Path(config.site_dir)
            config.site_dir = str(building_dir(self.published_site))
        if not self.settings.templates_dir.is_dir():
            raise PluginError(
                f"briefings: templates folder {self.settings.templates_dir} not found; "
                "set `templates:` under the briefings plugin in mkdocs.yml"
            )
        if self._pagefind:
            search = config.plugins.get("material/search")
            if search is None or not search.config.enabled:
                raise PluginError(
                    "briefings: `search: pagefind` answers Material's header search box, which "
                    "Material shows only with its search plugin: keep `- search` in plugins"
                )
            # Our partials/search.html: after the user's custom_dir, before Material's own.
            dirs = config.theme.dirs
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        return config

    @property
    def _pagefind(self) -> bool:
        return self.config.enabled and self.config.search == "pagefind"

    # Runs before other plugins' on_files (default priority 0), so that the search and tags
    # plugins see the generated pages as if they were files in docs_dir.
    @event_priority(50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        from jinja2 import TemplateError

        from generator.render.pages import PageRenderer, briefing_uri

        settings = self.settings
        unpublished, problems = extract_changed(settings, log)
        from generator.render.identities import FILE_NAME, load_identities

        try:
            identities = load_identities(settings.content_dir / FILE_NAME)
        except GeneratorError as err:
            raise PluginError(f"briefings: {err}") from err
        renderer = PageRenderer(settings.templates_dir, config.use_directory_urls, self.config.entity_pages,
                                stamp_briefings=self._pagefind, identities=identities)
        with long_lived_objects():
            briefings, bad = load_published(settings, unpublished, log)
            problems += bad
            if problems and settings.strict:
                raise PluginError(f"briefings: {problems} problem(s) above, and the plugin's `strict: true` "
                                  "fails the build on any: fix them, or set `strict: false`")
            try:
                pages = list(renderer.render_all(briefings))
            except (FileNotFoundError, TemplateError) as err:
                raise PluginError(f"briefings: cannot render the pages: {err}") from err
            for warning in renderer.index.warnings:
                log.warning(warning)  # an identity rule that matches nothing: a typo, or stale
        if not config.site_url:
            log.warning("briefings: `site_url` is not set in mkdocs.yml: feed.xml and sitemap.xml need "
                        "absolute links, so feed readers and search engines cannot follow theirs; set "
                        "it to where the site is published (CI sets SITE_URL from GitHub Pages)")
        self.html_blocks = {}
        self.indexed = []
        for page in pages:
            if page.src_uri in files.src_uris:
                continue  # a hand-written page in docs_dir wins over the generated one
            if page.html_blocks:
                self.html_blocks[page.src_uri] = page.html_blocks
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content=page.content, inclusion=inclusion)
            if page.dest_uri:
                file.dest_uri = page.dest_uri
            files.append(file)
        self.briefing_pages = [briefing_uri(briefing) for briefing in briefings]
        if self._pagefind:
            from collections import Counter

            self.page_months = {briefing_uri(briefing): briefing.date[:7] if briefing.date else UNDATED
                                for briefing in briefings}
            # Planned before the pages are rendered: each page's search box names the bundles.
            self.bundles = plan_bundles(Counter(self.page_months.values()), 0,
                                        self.config.search_bundle_pages)
        self.stamper = StampWriter(Path(config.site_dir), renderer.stamped)
        self.index = renderer.index  # the downloads are written after the build (on_post_build)
        # The shells are built first, so their pages are written while MkDocs builds the rest.
        shells = [file for file in files if file.src_uri in self.stamper.shell_uris]
        return Files([*shells, *(file for file in files if file.src_uri not in self.stamper.shell_uris)])

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        # The search box (partials/search.html) lists the older bundles for search.js to merge.
        env.globals["bf_search_bundles"] = [bundle.subdir for bundle in self.bundles if not bundle.main]
        return env

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        blocks = self.html_blocks.pop(page.file.src_uri, None)  # needed once: free it
        if blocks:
            html = restore_html(html, list(blocks))
        if not self._pagefind:
            return html
        marked = mark_for_index(html, page.meta, page.is_homepage)
        if marked is not html:
            self.indexed.append(page.file.dest_uri)
        # Pagefind indexes this page instead: Material's search plugin skips it (no double work).
        search = page.meta.get("search")
        page.meta["search"] = {**search, "exclude": True} if isinstance(search, dict) else {"exclude": True}
        return marked

    # Last of the plugins: the HTML a shell page's stamped pages copy is the one written.
    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.config.enabled:
            output = announce_feeds(output, page, config.site_name)
        # Before the shells are copied: their pages get the skip link and the compact HTML too.
        output = compact_html(skip_to_title(output))
        if self.stamper is not None:
            try:
                self.stamper.shell_rendered(page.file.src_uri, output)
            except StampError as err:
                raise PluginError(f"briefings: {err}") from err
        return output

    # Last of the plugins: the site is swapped in once every plugin has written its part.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        from generator.render.data_export import write_exports

        site_dir = Path(config.site_dir)
        search = None
        try:
            # Pagefind indexes the briefing pages as soon as they are all written, while the
            # actor and place pages and the downloads are still being written. Its glob keeps
            # it to the folders of the pages to index: the actor and place pages (often more
            # than the briefings) would double its time for names that the briefings' own
            # pages already make findable.
            if self._pagefind:
                self._finish_stamping(index_folders(self.indexed))
                search = self._start_index(site_dir, config)
            # Downloads are written straight into the site, not held as MkDocs files: at
            # thousands of briefings they are a third of the site, and memory is what a large
            # build runs out of.
            if self.index is not None:
                write_exports(site_dir, self.index, config.site_url, config.site_name,
                              config.use_directory_urls)
            self._finish_stamping()
            if self.index is not None:
                self._write_tag_mappings(site_dir)
            if self.stamper is not None:
                rewrite_sitemap(site_dir, config.site_url, self.stamper.shell_dest_uris,
                                [(page.uri, page.lastmod) for page in self.stamper.pages])
        except BaseException:
            if search is not None:
                search.stop()
            raise
        if search is not None:
            self._finish_index(search)
        release_long_lived()
        self._check_briefing_pages(site_dir, config)
        if self.published_site is not None:
            swap_in(Path(config.site_dir), self.published_site)
            config.site_dir = str(self.published_site)

    def on_build_error(self, *, error: Exception) -> None:
        if self.stamper is not None:
            self.stamper.cancel()
        release_long_lived()
        if self.published_site is not None:
            discard(building_dir(self.published_site))

    def _write_tag_mappings(self, site_dir: Path) -> None:
        """Material's tags.json, written after Material's (which sees no stamped page)."""
        import json

        from generator.render.pages import briefing_uri
        from generator.render.tags import mappings

        assert self.index is not None
        data = mappings(self.index, briefing_uri)
        (site_dir / "tags.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    def _check_briefing_pages(self, site_dir: Path, config: MkDocsConfig) -> None:
        """Fail loudly when briefings exist but their pages did not reach the site (a theme
        override, another plugin or `exclude_docs` dropped them): never publish an empty site."""
        pages = getattr(self, "briefing_pages", [])
        missing = [uri for uri in pages if not (site_dir / uri).is_file()]
        if missing:
            raise PluginError(f"briefings: {len(missing)} of {len(pages)} briefing pages were not written "
                              f"(first: {missing[0]}); does a theme override, a plugin or `exclude_docs` "
                              "drop them?")

    def _finish_stamping(self, folders: set[str] | None = None) -> None:
        if self.stamper is None:
            return
        try:
            count = self.stamper.finish(folders)
        except StampError as err:
            raise PluginError(f"briefings: {err}") from err
        if count:
            log.info("briefings: stamped %d page%s from their shells", count, "" if count == 1 else "s")

    def _start_index(self, site_dir: Path, config: MkDocsConfig) -> IndexRun | BundledIndexRun:
        self._index_started = time.perf_counter()
        language = config.theme.get("language") or "en"
        try:
            if len(self.bundles) > 1:
                return BundledIndexRun(site_dir, self.bundles, self.indexed, self.page_months,
                                       language).start()
            return IndexRun(site_dir, language, index_glob(self.indexed)).start()
        except PagefindError as err:
            raise PluginError(f"briefings: {err}") from err

    def _finish_index(self, search: IndexRun | BundledIndexRun) -> None:
        try:
            pages = search.wait()
        except PagefindError as err:
            raise PluginError(f"briefings: {err}") from err
        bundles = f" in {len(self.bundles)} bundles" if len(self.bundles) > 1 else ""
        log.info("briefings: Pagefind indexed %d pages%s in %.1f s", pages, bundles,
                 time.perf_counter() - self._index_started)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        # Briefings are watched too, so an analyst's YAML edit shows at once; the rebuild this
        # triggers after an extraction reuses every briefing and writes nothing, so it settles.
        for folder in (self.settings.articles_dir, self.settings.briefings_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))



def announce_feeds(html: str, page: Page, site_name: str) -> str:
    """Put the site's feed, and the page's own (`feed:` in its front matter), in its head."""
    feed = page.meta.get("feed")
    links = feed_links(page.url, site_name, feed if isinstance(feed, str) else None, page.title or "")
    return html.replace("</head>", links + "</head>", 1)
