"""Identity figures of a site's actors and places (issue 15), from a folder of briefings.

- split identities: name keys (accents, case, dots, a leading "the" and country forms such
  as "US"/"U.S."/"United States" folded) under which the site shows more than one canonical
  name across its actor and place entries (one real-world entity on two pages);
- actor pages per distinct actor: actor pages over the distinct name keys among them (1.0
  when no actor has two pages).

    python benchmarks/identity.py content/briefings [--first 120] [--identities content/identities.yaml]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from generator.briefing.store import load_briefing
from generator.extract.actors.words import countries, norm
from generator.render.identities import load_identities
from generator.render.site_index import build_site_index, name_key

ENTITY_PAGES = 2  # the site's default: a page once two briefings name an entity


def fold_key(name: str) -> str:
    """The key two spellings of one entity share: "Erdoğan" = "Erdogan", "U.S." = "United States"."""
    country = countries().get(norm(name))
    return name_key(country or name)


@dataclass
class IdentityFigures:
    briefings: int
    split: dict[str, list[str]]  # fold key -> the distinct names the site shows for it
    actor_pages: int
    distinct_actors: int

    @property
    def pages_per_actor(self) -> float:
        return self.actor_pages / self.distinct_actors if self.distinct_actors else 1.0


def identity_figures(
    briefing_dir: Path, first: int | None = None, identities: Path | None = None
) -> IdentityFigures:
    paths = sorted(briefing_dir.glob("*.yaml"))[:first]
    briefings = [load_briefing(p) for p in paths]
    rules = load_identities(identities) if identities and identities.exists() else None
    index = build_site_index(briefings, ENTITY_PAGES, identities=rules)
    names: dict[str, set[str]] = defaultdict(set)
    for entry in [*index.actors.values(), *index.locations.values()]:
        names[fold_key(entry.name)].add(entry.name)
    split = {key: sorted(forms) for key, forms in names.items() if len(forms) > 1}
    paged = [entry for entry in index.actors.values() if entry.has_page]
    return IdentityFigures(
        briefings=len(briefings),
        split=dict(sorted(split.items())),
        actor_pages=len(paged),
        distinct_actors=len({fold_key(entry.name) for entry in paged}),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("briefings", type=Path)
    parser.add_argument("--first", type=int, help="only the first N briefings (by file name)")
    parser.add_argument("--identities", type=Path, help="an identities file to apply")
    args = parser.parse_args(argv)
    figures = identity_figures(args.briefings, args.first, args.identities)
    for key, forms in figures.split.items():
        print(f"split: {key!r}: {' / '.join(forms)}")
    print(
        f"identity: briefings={figures.briefings} split_identities={len(figures.split)} "
        f"actor_pages={figures.actor_pages} distinct_actors={figures.distinct_actors} "
        f"pages_per_actor={figures.pages_per_actor:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
