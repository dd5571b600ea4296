"""Settings shared by the CLI and the MkDocs plugin, read from mkdocs.yml's `briefings` plugin.

The library owns its settings; the MkDocs adapter (mkdocs_plugin/config.py) declares the
same options for MkDocs and hands its config to `Settings.from_config`, so nothing here
imports MkDocs. tests/test_settings.py keeps the two sets of defaults in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Protocol, cast

import yaml

from generator.extract.model_name import DEFAULT_MODEL

# The plugin options the library reads: name -> (type, default).
OPTIONS: dict[str, tuple[type, Any]] = {
    "content": (str, "content"),
    "templates": (str, "templates"),
    "model": (str, DEFAULT_MODEL),
    "extract": (bool, True),
    "strict": (bool, False),
}


class SettingsSource(Protocol):
    """What `Settings.from_config` reads: the MkDocs plugin's config, or any object like it."""

    content: str
    templates: str
    model: str
    extract: bool
    strict: bool


@dataclass
class Settings:
    content_dir: Path
    templates_dir: Path
    model: str
    extract: bool = True
    strict: bool = False

    @property
    def articles_dir(self) -> Path:
        return self.content_dir / "articles"

    @property
    def briefings_dir(self) -> Path:
        return self.content_dir / "briefings"

    @classmethod
    def from_config(cls, config: SettingsSource, base: Path) -> Settings:
        return cls(
            content_dir=base / config.content,
            templates_dir=base / config.templates,
            model=config.model,
            extract=config.extract,
            strict=config.strict,
        )

    @classmethod
    def from_mkdocs_yml(cls, path: Path) -> Settings:
        """Read the `briefings` plugin options of `path`; defaults when absent."""
        options: dict[str, Any] = {}
        if path.exists():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader) or {}
            for plugin in data.get("plugins") or []:
                if isinstance(plugin, dict) and "briefings" in plugin:
                    options = plugin["briefings"] or {}
        values, errors = {}, []
        for name, (kind, default) in OPTIONS.items():
            value = options.get(name, default)
            if not isinstance(value, kind):
                errors.append(f"{name}: expected type: {kind.__name__}, but received: {type(value).__name__}")
            values[name] = value
        if errors:
            raise SystemExit(f"{path}: plugin 'briefings': " + "; ".join(errors))
        # The checked values, read like the plugin's config (a SettingsSource).
        return cls.from_config(cast(SettingsSource, SimpleNamespace(**values)), path.parent)


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags; their values are not needed here."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
