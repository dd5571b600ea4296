"""`briefings export DOCS`: the site as plain MkDocs input, buildable without our plugin.

The pages are the plugin's own (generator/render), written as ordinary Markdown files
instead of being handed to MkDocs in memory: the briefing, actor and place pages the
plugin stamps after the build (render/stamp.py) are full pages here, their HTML blocks put
back in place (render/passthrough.py). The hand-written pages and assets of `docs_dir` and
the downloads (render/data_export.py) go beside them, and an `mkdocs.yml` beside the folder
lists the navigation and drops the `briefings` plugin, so MkDocs 1.6, ProperDocs or any
other builder that reads mkdocs.yml builds the site.

Every URL is a flat `.html` file (`use_directory_urls: false`): the pages' links between
each other are computed by the renderer, and a briefing's page is `briefings/<id>.html`
whatever the builder does with folders.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.config import Settings
from generator.errors import GeneratorError
from generator.render.data_export import export_all, write_data
from generator.render.escaping import front_matter_text
from generator.render.pages import GeneratedPage, PageRenderer
from generator.render.passthrough import restore_html
from generator.render.stamp import StampedPage
from generator.render.urls import dest_url
from generator.site_source import extract_changed, load_published

log = logging.getLogger(__name__)

# The file in an exported folder that says `export` may empty it again.
MARKER = ".briefings-export"
HEADER = "# Written by `briefings export`: the site as plain MkDocs input, rewritten on each export.\n"


class ExportError(GeneratorError):
    """The export cannot be written where asked (it would overwrite someone's files)."""


@dataclass(frozen=True)
class ExportResult:
    docs_dir: Path
    config_file: Path
    pages: int  # generated pages written (hand-written ones not counted)
    downloads: int
    problems: int  # bad articles or briefings logged (what `strict` fails on)


def export_site(config_file: Path, docs_dir: Path) -> ExportResult:
    """Write the site of the project `config_file` into `docs_dir`, and `docs_dir/../mkdocs.yml`."""
    from mkdocs.config import load_config

    config_file, docs_dir = Path(config_file).resolve(), Path(docs_dir).resolve()
    config = load_config(config_file=str(config_file))  # MkDocs checks every option, ours too
    plugin = config.plugins.get("briefings")
    if plugin is None:
        raise ExportError(config_file, "no `briefings` plugin in `plugins:`, so nothing to export")
    target_config = docs_dir.parent / "mkdocs.yml"
    source_docs = Path(config.docs_dir).resolve()
    _check_target(docs_dir, target_config, config_file, source_docs)

    settings = Settings.from_config(plugin.config, config_file.parent)
    unpublished, problems = extract_changed(settings, log)
    briefings, bad = load_published(settings, unpublished, log)
    from generator.render.identities import FILE_NAME, load_identities

    renderer = PageRenderer(settings.templates_dir, use_directory_urls=False,
                            entity_pages=plugin.config.entity_pages,
                            identities=load_identities(settings.content_dir / FILE_NAME))
    pages = list(renderer.render_all(briefings))
    for warning in renderer.index.warnings:
        log.warning(warning)

    if not config.site_url:
        log.warning("`site_url` is not set in %s: feed.xml needs absolute links, so feed readers cannot "
                    "follow its items; set it (or SITE_URL) to where the site is published", config_file)
    shutil.rmtree(docs_dir, ignore_errors=True)
    shutil.copytree(source_docs, docs_dir)  # hand-written pages and assets; they win over ours
    (docs_dir / MARKER).write_text("briefings export\n", encoding="utf-8")
    shells = {page.shell.src_uri for page in renderer.stamped}
    written = [page for page in pages if page.src_uri not in shells and _write_page(docs_dir, page)]
    written_uris = {page.src_uri for page in written}
    for entity in renderer.stamped:
        src_uri = entity.uri.removesuffix(".html") + ".md"
        if _write_new(docs_dir / src_uri, entity_markdown(entity)):
            written_uris.add(src_uri)
    downloads = 0
    for data in export_all(renderer.index, config.site_url, config.site_name, use_directory_urls=False):
        write_data(docs_dir / data.src_uri, data)
        downloads += 1
    in_nav = [page.src_uri for page in pages if page.in_nav and page.src_uri in written_uris]
    in_nav += [uri for uri in _nav_files(config.get("nav")) if uri in written_uris and uri not in in_nav]
    target_config.write_text(
        HEADER + exported_config(config_file, docs_dir, config.get("nav"), in_nav,
                                 sorted(written_uris - set(in_nav)), source_docs),
        encoding="utf-8")
    log.info("exported %d generated pages and %d downloads to %s; build it with: mkdocs build -f %s",
             len(written_uris), downloads, docs_dir, target_config)
    return ExportResult(docs_dir, target_config, len(written_uris), downloads, problems + bad)


def _check_target(docs_dir: Path, target_config: Path, config_file: Path, source_docs: Path) -> None:
    """Refuse to overwrite anything `export` did not write itself."""
    if target_config == config_file or docs_dir == source_docs or source_docs.is_relative_to(docs_dir) \
            or docs_dir.is_relative_to(source_docs):
        raise ExportError(docs_dir, "the export would overwrite the project itself; "
                          "export to a folder of its own, e.g. build/export/docs")
    if docs_dir.exists() and any(docs_dir.iterdir()) and not (docs_dir / MARKER).is_file():
        raise ExportError(docs_dir, "not empty and not an earlier export; choose a new folder")
    if target_config.exists() and not target_config.read_text(encoding="utf-8").startswith(HEADER):
        raise ExportError(target_config, "exists and was not written by `briefings export`; "
                          "export to a folder of its own")


def _write_page(docs_dir: Path, page: GeneratedPage) -> bool:
    """Write a generated page as MkDocs will read it: its HTML blocks back in the Markdown."""
    if page.dest_uri is not None and page.dest_uri != dest_url(page.src_uri, False):
        raise ExportError(page.src_uri, f"cannot be written where its links expect it ({page.dest_uri})")
    return _write_new(docs_dir / page.src_uri, restore_html(page.content, list(page.html_blocks)))


def _write_new(path: Path, text: str) -> bool:
    """Write `path` unless a hand-written page is there (it wins, as in the plugin's build)."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def entity_markdown(page: StampedPage) -> str:
    """An actor or place page as a Markdown file: its title, then its HTML body (it has its <h1>).

    Left out of Material's search index, as the plugin's stamped pages are: the briefings'
    own pages are what a search should find.
    """
    front = f"title: {front_matter_text(page.title)}\nsearch:\n  exclude: true\n"
    return f"---\n{front}---\n\n{page.body.strip()}\n"


def exported_config(config_file: Path, docs_dir: Path, nav: Any, in_nav: list[str], others: list[str],
                    source_docs: Path) -> str:
    """The project's mkdocs.yml for the exported folder: without the `briefings` plugin, with
    flat URLs, a navigation (the project's, else the generated and hand-written top pages)
    and the generated pages outside it marked `not_in_nav`."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_KeepTagsLoader) or {}
    here = docs_dir.parent
    data["docs_dir"] = docs_dir.name
    data["site_dir"] = "site"
    data["use_directory_urls"] = False
    data["plugins"] = [plugin for plugin in data.get("plugins") or [] if _plugin_name(plugin) != "briefings"]
    theme = data.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = os.path.relpath(config_file.parent / theme["custom_dir"], here)
    if isinstance(data.get("hooks"), list):
        data["hooks"] = [os.path.relpath(config_file.parent / hook, here) for hook in data["hooks"]]
    if not nav:
        hand_written = sorted(str(p.relative_to(source_docs).as_posix()) for p in source_docs.glob("*.md"))
        data["nav"] = in_nav + [uri for uri in hand_written if uri not in in_nav]
    data["not_in_nav"] = not_in_nav_patterns(others, set(in_nav) | set(_nav_files(data["nav"])))
    return yaml.dump(data, Dumper=_KeepTagsDumper, sort_keys=False, allow_unicode=True, width=110)


def not_in_nav_patterns(uris: list[str], in_nav: set[str]) -> str:
    """MkDocs' `not_in_nav` (gitignore lines) for `uris`: a folder's pages as one pattern when
    none of that folder's pages is in the navigation, else one line per page."""
    folders: dict[str, list[str]] = {}
    for uri in uris:
        folders.setdefault(uri.rpartition("/")[0], []).append(uri)
    nav_folders = {uri.rpartition("/")[0] for uri in in_nav}
    lines = []
    for folder, members in sorted(folders.items()):
        if folder and folder not in nav_folders:
            lines.append(f"/{folder}/*.md")
        else:
            lines += [f"/{uri}" for uri in sorted(members)]
    return "\n".join(lines) + "\n"


def _nav_files(nav: Any) -> list[str]:
    """The docs-relative files a `nav:` names (its links to other sites left out)."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in _nav_files(value)]
    if isinstance(nav, list):
        return [uri for value in nav for uri in _nav_files(value)]
    return []


def _plugin_name(entry: Any) -> str:
    name = next(iter(entry)) if isinstance(entry, dict) and entry else entry
    return str(name).removeprefix("material/") if name is not None else ""


@dataclass(frozen=True)
class _Tagged:
    """A YAML value with a tag the export does not interpret (`!ENV`, `!!python/name:`): kept as is."""

    tag: str
    value: Any


class _KeepTagsLoader(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return _Tagged(node.tag, loader.construct_mapping(node, deep=True))
    return _Tagged(node.tag, loader.construct_scalar(node))  # type: ignore[arg-type]


_KeepTagsLoader.add_multi_constructor("", _construct_tagged)


class _KeepTagsDumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_KeepTagsDumper.add_representer(_Tagged, _represent_tagged)


def _literal_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_KeepTagsDumper.add_representer(str, _literal_str)
