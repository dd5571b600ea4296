"""Settings shared by the CLI and the MkDocs plugin, read from mkdocs.yml's `briefings` plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.mkdocs_plugin.config import BriefingsConfig


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
    def from_config(cls, config: BriefingsConfig, base: Path) -> Settings:
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
        options: dict = {}
        if path.exists():
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTagsLoader) or {}
            for plugin in data.get("plugins") or []:
                if isinstance(plugin, dict) and "briefings" in plugin:
                    options = plugin["briefings"] or {}
        config = BriefingsConfig()
        config.load_dict(options)
        errors, _ = config.validate()
        if errors:
            raise SystemExit(f"{path}: plugin 'briefings': " + "; ".join(f"{k}: {e}" for k, e in errors))
        return cls.from_config(config, path.parent)


class _IgnoreTagsLoader(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` or `!ENV` tags; their values are not needed here."""


_IgnoreTagsLoader.add_multi_constructor("", lambda loader, suffix, node: None)
