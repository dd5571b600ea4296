"""MkDocs event handlers only: extraction and rendering live in the plain library."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.briefing.store import load_briefings
from generator.config import Settings
from generator.mkdocs_plugin.config import BriefingsConfig

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    """`plugins: [search, briefings]`: extracts new articles and adds the generated pages."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        self.settings = Settings.from_config(self.config, Path(config.config_file_path).parent)
        if not self.settings.templates_dir.is_dir():
            raise PluginError(
                f"briefings: templates folder {self.settings.templates_dir} not found; "
                "set `templates:` under the briefings plugin in mkdocs.yml"
            )
        return config

    # Runs before other plugins' on_files (default priority 0), so that the search and tags
    # plugins see the generated pages as if they were files in docs_dir.
    @event_priority(50)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        from jinja2 import TemplateError

        from generator.extract_folder import extract_folder
        from generator.render.data_export import export_all
        from generator.render.pages import PageRenderer

        settings = self.settings
        if settings.extract and settings.articles_dir.is_dir():
            report = extract_folder(settings.articles_dir, settings.briefings_dir, model=settings.model)
            for warning in report.warnings:
                log.warning(warning)
            for error in report.errors:
                log.warning(str(error))  # `mkdocs build --strict` turns these into a failure
            log.info("briefings: %s", report.summary())
        briefings, errors = load_briefings(settings.briefings_dir)
        for error in errors:
            log.warning(str(error))
        renderer = PageRenderer(settings.templates_dir, config.use_directory_urls)
        try:
            pages = list(renderer.render_all(briefings))
        except (FileNotFoundError, TemplateError) as err:
            raise PluginError(f"briefings: cannot render the pages: {err}") from err
        for page in pages:
            if page.src_uri in files.src_uris:
                continue  # a hand-written page in docs_dir wins over the generated one
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src_uri, content=page.content, inclusion=inclusion))
        for data in export_all(renderer.index, config.site_url, config.site_name):
            files.append(File.generated(config, data.src_uri, content=data.content))
        return files

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> None:
        # Briefings are watched too, so an analyst's YAML edit shows at once; the rebuild this
        # triggers after an extraction reuses every briefing and writes nothing, so it settles.
        for folder in (self.settings.articles_dir, self.settings.briefings_dir, self.settings.templates_dir):
            if folder.is_dir():
                server.watch(str(folder))
