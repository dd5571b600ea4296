"""An analyst's identity file (`content/identities.yaml`), applied to every briefing the build
renders: the briefing pages, actor pages, indexes and downloads all follow it.

    # merge or rename: any name or alias of an actor -> the name the site shows
    Erdogan: Recep Tayyip Erdoğan
    AFP: Agence France-Presse
    # never an actor
    suppress: [Witch Hunt, Brexit]
    # one name, different actors: in these briefings it means someone else
    split:
      Michael Jordan:
        2019-03-02-basketball-final: Michael Jordan (basketball)
    # the right kind
    kind:
      Hagia Sophia: other

Names match as the site matches them (accents, case, dots and a leading "the" ignored).
A reviewed actor, or any actor of a reviewed briefing, is left as the analyst wrote it.
Rules that match nothing are reported, naming the file and the rule.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.briefing import Actor, Briefing
from generator.errors import BriefingError
from generator.render.site_index import name_key

FILE_NAME = "identities.yaml"
_KINDS = ("person", "organization", "group", "country", "media", "other")
_SECTIONS = ("suppress", "split", "kind")


@dataclass
class Identities:
    """The rules of one identity file, keyed by `name_key`."""

    path: Path
    rename: dict[str, str] = field(default_factory=dict)  # key -> canonical name
    suppress: set[str] = field(default_factory=set)
    split: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> briefing id -> name
    kind: dict[str, str] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (section, key) -> rule text


def load_identities(path: Path) -> Identities:
    """Read `path`; a missing file is no rules, a malformed one a BriefingError naming it."""
    rules = Identities(path)
    if not path.exists():
        return rules
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise BriefingError(path, f"not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise BriefingError(path, "expected a mapping of names (see the README, 'Identities')")
    for name, target in data.items():
        if name in _SECTIONS:
            continue
        if not isinstance(target, str) or not target.strip():
            raise BriefingError(path, f"{name!r}: expected the name to show, got {target!r}")
        rules.rename[name_key(str(name))] = target.strip()
        rules.labels["rename", name_key(str(name))] = f"{name}: {target}"
    for name in _as_list(data.get("suppress"), path, "suppress"):
        rules.suppress.add(name_key(str(name)))
        rules.labels["suppress", name_key(str(name))] = f"suppress: {name}"
    for name, by_briefing in (data.get("split") or {}).items():
        if not isinstance(by_briefing, dict):
            raise BriefingError(path, f"split: {name!r}: expected briefing id: name lines")
        rules.split[name_key(str(name))] = {str(k): str(v) for k, v in by_briefing.items()}
        rules.labels["split", name_key(str(name))] = f"split: {name}"
    for name, kind in (data.get("kind") or {}).items():
        if kind not in _KINDS:
            raise BriefingError(path, f"kind: {name!r}: {kind!r} is not one of {', '.join(_KINDS)}")
        rules.kind[name_key(str(name))] = kind
        rules.labels["kind", name_key(str(name))] = f"kind: {name}: {kind}"
    return rules


def _as_list(value: object, path: Path, section: str) -> list:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    raise BriefingError(path, f"{section}: expected a list of names")


def apply_identities(briefings: list[Briefing], rules: Identities | None) -> tuple[list[Briefing], list[str]]:
    """The briefings with the rules applied (the originals are left as they are), and one
    warning per rule that matched no actor."""
    if rules is None or not rules.labels:
        return briefings, []
    used: set[tuple[str, str]] = set()
    out = [_apply(briefing, rules, used) for briefing in briefings]
    warnings = [
        f"{rules.path}: rule '{label}' matches no actor"
        for rule, label in rules.labels.items()
        if rule not in used
    ]
    return out, warnings


def _apply(briefing: Briefing, rules: Identities, used: set[tuple[str, str]]) -> Briefing:
    if briefing.reviewed:
        _note_matches(briefing, rules, used)  # the rule is right; the analyst's briefing wins
        return briefing
    actors: list[Actor] = []
    by_name: dict[str, Actor] = {}
    changed = False
    for actor in briefing.actors:
        new = actor if actor.reviewed else _rewrite(actor, briefing.id, rules, used)
        if actor.reviewed:
            _note_matches_actor(actor, briefing.id, rules, used)
        changed |= new is not actor
        if new is None:
            continue
        same = by_name.get(name_key(new.name))
        if same is not None and not same.reviewed and not new.reviewed:
            _fold_into(same, new)  # two actors of the briefing renamed to one
            changed = True
            continue
        if not new.reviewed:
            new = dataclasses.replace(new, aliases=list(new.aliases))  # folding must not touch the original
        by_name[name_key(new.name)] = new
        actors.append(new)
    if not changed:
        return briefing
    return dataclasses.replace(briefing, actors=actors, positions=_split_speakers(briefing, rules))


def _split_speakers(briefing: Briefing, rules: Identities) -> list:
    """Statements of a split actor go to the name the split gives it in this briefing."""
    out = []
    for position in briefing.positions:
        renamed = rules.split.get(name_key(position.speaker or ""), {}).get(briefing.id)
        keep = not renamed or position.reviewed
        out.append(position if keep else dataclasses.replace(position, speaker=renamed))
    return out


def _forms(actor: Actor) -> list[str]:
    return [name_key(form) for form in [actor.name, *actor.aliases]]


def _rewrite(actor: Actor, briefing_id: str, rules: Identities, used: set[tuple[str, str]]) -> Actor | None:
    """The actor after the rules: None if suppressed, else a copy when a rule changed it."""
    key = name_key(actor.name)
    if key in rules.suppress:
        used.add(("suppress", key))
        return None
    new_name, kind = actor.name, actor.kind
    split = rules.split.get(key, {})
    if split:
        used.add(("split", key))
    if briefing_id in split:
        new_name = split[briefing_id]
    else:
        for form in _forms(actor):
            if form in rules.rename:
                used.add(("rename", form))
                new_name = rules.rename[form]
                break
    for form in [name_key(new_name), *_forms(actor)]:
        if form in rules.kind:
            used.add(("kind", form))
            kind = rules.kind[form]  # type: ignore[assignment]
            break
    if new_name == actor.name and kind == actor.kind:
        return actor
    forms = [actor.name, *actor.aliases]
    if briefing_id in split:  # the shared name would join it to the other actor again
        forms = [a for a in forms if name_key(a) != key]
    aliases = [a for a in forms if name_key(a) != name_key(new_name)]
    return dataclasses.replace(actor, name=new_name, kind=kind, aliases=list(dict.fromkeys(aliases)))


def _fold_into(target: Actor, other: Actor) -> None:
    """Merge `other` (the same actor under another name) into `target`."""
    seen = {name_key(a) for a in [target.name, *target.aliases]}
    for form in [other.name, *other.aliases]:
        if name_key(form) not in seen:
            seen.add(name_key(form))
            target.aliases.append(form)
    target.mentions += other.mentions
    target.title = target.title or other.title
    target.role = target.role or other.role


def _note_matches(briefing: Briefing, rules: Identities, used: set[tuple[str, str]]) -> None:
    for actor in briefing.actors:
        _note_matches_actor(actor, briefing.id, rules, used)


def _note_matches_actor(
    actor: Actor, briefing_id: str, rules: Identities, used: set[tuple[str, str]]
) -> None:
    """A rule that names a reviewed actor matched it, though the analyst's version wins."""
    for form in _forms(actor):
        for section, table in (("rename", rules.rename), ("kind", rules.kind), ("split", rules.split)):
            if form in table:
                used.add((section, form))
        if form in rules.suppress:
            used.add(("suppress", form))
