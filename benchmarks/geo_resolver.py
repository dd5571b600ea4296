"""The toponym resolver alone on geo-dev: given the gold place names, what share does it place right?

This isolates resolution from mention finding: every gold surface form of an
article is handed to `generator.geo.resolver.resolve` with the article text
(and the offset of its first occurrence, for qualifiers such as ", Ky.").
A name counts as placed right when the chosen place is within 161 km of the
gold point, or, for a gold country, is that country (score.py's rule).

    python benchmarks/geo_resolver.py [--split geo-dev] [--misses FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from benchlib import ROOT, require_shared

sys.path.insert(0, str(ROOT))

from generator.geo.gazetteer import load_gazetteer
from generator.geo.resolver import Toponym, haversine_km, resolve

GEO_KM = 161.0


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    m = re.match(r"---\n.*?\n---\n", text, re.S)
    return text[m.end() :] if m else text


def _toponym(body: str, name: str) -> Toponym:
    m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", body)
    return Toponym(name, m.start(), m.end()) if m else Toponym(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="geo-dev")
    parser.add_argument("--misses", type=Path, help="write each misplaced name here")
    args = parser.parse_args()
    split = require_shared("geo_resolver", "eval", args.split)
    if split is None:
        return
    gaz = load_gazetteer()
    total = ok = unknown = 0
    misses = []
    for gold_path in sorted((split / "gold").glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        golds = [g for g in gold.get("locations") or [] if g.get("lat") is not None]
        body = _body(split / "articles" / f"{gold['id']}.md")
        places = resolve(body, [_toponym(body, g["text"]) for g in golds], gaz)
        for g, p in zip(golds, places, strict=True):
            total += 1
            if p is None:
                unknown += 1
                misses.append(f"{gold['id']}\t{g['text']}\tno candidate")
                continue
            if g.get("country") and p.kind == "country" and p.country == g["country"]:
                ok += 1
                continue
            d = haversine_km(g["lat"], g["lon"], p.lat, p.lon) if p.lat is not None else None
            if d is not None and d <= GEO_KM:
                ok += 1
            else:
                km = "no point" if d is None else f"{d:.0f} km"
                misses.append(f"{gold['id']}\t{g['text']}\t{p.name} ({p.kind} {p.country}.{p.admin1})\t{km}")
    print(f"{args.split}: {ok}/{total} gold names placed within {GEO_KM:.0f} km = {ok / total:.3f} "
          f"({unknown} with no candidate)")
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
