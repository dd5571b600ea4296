"""Build the site beside the published one and swap it in at the end.

`mkdocs build` empties `site_dir` first: a build that is killed or fails would leave no site
at all, or half of one. The site is built into a sibling folder instead and only replaces the
old one once it is complete, so the last good site stays until there is a better one.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def building_dir(site_dir: Path) -> Path:
    """Where the next site is built: `.site.building` beside `site/` (same file system)."""
    return site_dir.with_name(f".{site_dir.name}.building")


def swap_in(built: Path, site_dir: Path) -> None:
    """Make the finished build `built` the site at `site_dir`, removing the old one."""
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        os.replace(site_dir, old)  # two renames: never a moment with half a site
    os.replace(built, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(built: Path) -> None:
    """Drop a failed build; the published site is untouched."""
    shutil.rmtree(built, ignore_errors=True)
