"""Merging mentions into actors: one actor per entity of the article, under all its names.

"McKenzie" joins "Ken McKenzie"; "OIR" joins "Operation Inherent Resolve"; "U.S.", "US" and
"United States" are one country; "ISIL" and "Islamic State" join "ISIS" (data/aliases.txt).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from generator.briefing import Actor
from generator.extract.actors.kinds import has_org_word
from generator.extract.actors.mentions import Mention
from generator.extract.actors.words import countries, name_words, norm

_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
_KIND_ORDER = ("country", "person", "media", "organization", "group", "other")


def is_acronym(text: str) -> bool:
    """ "OIR", "NATO", "U.N." (two to eight capitals, periods allowed)."""
    return bool(_ACRONYM.match(text)) and sum(c.isalpha() for c in text) >= 2


def initials(text: str) -> str:
    """Initials of a name's words, function words skipped: "Operation Inherent Resolve" -> "OIR"."""
    words = re.split(r"[\s-]+", text)
    skip = name_words()["initials_skip"]
    return "".join(w[0] for w in words if w and w.lower() not in skip and w[0].isalpha()).upper()


def _surname_targets(mentions: list[Mention]) -> dict[str, str]:
    """Single-word key -> key of the one longer person name it belongs to ("mckenzie" -> "ken mckenzie")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.kind != "person":
            continue
        words = [w for w in m.key.split() if w not in name_words()["suffixes"]]
        if len(words) < 2:
            continue
        for word in words[1:]:
            owners[word].add(m.key)
        owners[" ".join(words[-2:])].add(m.key)
    return {word: next(iter(keys)) for word, keys in owners.items() if len(keys) == 1}


def _first_word_targets(mentions: list[Mention]) -> dict[str, tuple[str, str]]:
    """One-word key -> (key, kind) of the one longer name it starts, when only one person or
    organisation name of the article starts with it: "Karim" -> "Karim Wasifi" (a person),
    "Magna" -> "Magna International Inc" (an organisation)."""
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in mentions:
        words = m.key.split()
        if len(words) < 2 or m.headline:
            continue
        # an organisation by its own name only ("Magna International Inc"), not "Assad regime"
        if m.kind == "person" or (m.kind == "organization" and has_org_word(m.text)):
            owners[words[0]].add((m.key, m.kind))
    return {word: next(iter(keys)) for word, keys in owners.items() if len(keys) == 1}


def _acronym_targets(mentions: list[Mention]) -> dict[str, str]:
    """Acronym key -> key of the multi-word name whose initials spell it ("oir" -> "operation ...")."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if len(m.text.split()) >= 2 and m.kind in ("organization", "media", "group", "other"):
            by_initials[initials(m.text)].add(m.key)
            rest = _without_country(m.text)  # "CPD": "(United States) Commission on Presidential Debates"
            if rest != m.text and len(rest.split()) >= 2:
                by_initials[initials(rest)].add(m.key)
    targets = {}
    for m in mentions:
        if is_acronym(m.text) and m.kind != "country":  # "U.S." is no "US Senate"
            keys = by_initials.get(m.text.replace(".", "").upper(), set())
            if len(keys) == 1:
                targets[m.key] = next(iter(keys))
    return targets


def _generic_key(key: str) -> str:
    """ "iraqi security forces" and "iraqi armed forces" are "iraqi forces" within one article."""
    words = key.split()
    if len(words) >= 3 and words[-1] == "forces":
        return " ".join(w for w in words if w not in name_words()["generic_forces"])
    return key


def _join_plurals(mentions: list[Mention]) -> None:
    """ "Houthis" and "Houthi", "Democrats" and "Democrat": one group in one article."""
    keys = {m.key for m in mentions if m.kind in ("group", "organization")}
    for m in mentions:
        if m.kind != "country" and m.key.endswith("s") and m.key[:-1] in keys:
            m.key = m.key[:-1]
            if m.kind == "person":  # "the Houthis" (the model said person) are the group
                m.kind = "group"


def _country_prefix_key(key: str) -> str:
    """ "us navy" -> "united states navy": a name that starts with a form of a country is keyed by
    the country's one name, so "U.S. Navy" and "United States Navy" are one actor."""
    words = key.split()
    for n in (3, 2, 1):
        country = countries().get(" ".join(words[:n])) if len(words) > n else None
        if country:
            return " ".join([norm(country), *words[n:]])
    return key


def _without_country(text: str) -> str:
    """The name without the form of a country it starts with: "US Navy" -> "Navy"."""
    words = text.split()
    for n in (3, 2, 1):
        if len(words) > n and norm(" ".join(words[:n])) in countries():
            return " ".join(words[n:])
    return text


def _join_middle_names(mentions: list[Mention]) -> None:
    """ "John Conyers" and "John James Conyers Jr.": one person, when only one longer name of
    the article has the same first and last word."""
    suffixes = name_words()["suffixes"]
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        words = [w for w in m.key.split() if w not in suffixes]
        if m.kind == "person" and len(words) >= 3:
            longer[(words[0], words[-1])].add(m.key)
    for m in mentions:
        words = m.key.split()
        owners = longer.get((words[0], words[-1]), set()) if len(words) == 2 else set()
        if m.kind == "person" and len(owners) == 1:
            m.key = next(iter(owners))


def resolve_keys(mentions: list[Mention], defined: dict[str, str]) -> None:
    """Point each mention's key at the key of the actor it names (in place).

    `defined` maps acronym keys to the names they were defined for in the text: "(OIR)".
    """
    for m in mentions:
        m.key = _generic_key(m.key)
        if m.kind in ("organization", "media", "group"):
            m.key = _country_prefix_key(m.key)
    _join_plurals(mentions)
    _join_middle_names(mentions)
    surnames = _surname_targets(mentions)
    first_words = _first_word_targets(mentions)
    acronyms = {**_acronym_targets(mentions), **{k: _generic_key(v) for k, v in defined.items()}}
    for m in mentions:
        if m.key in acronyms:
            m.key = acronyms[m.key]
        elif (
            m.kind != "country" and len(m.key.split()) <= 2 and m.key in surnames and surnames[m.key] != m.key
        ):
            m.key = surnames[m.key]
            m.kind = "person"
        elif m.kind in ("person", "organization") and " " not in m.key and m.key in first_words:
            if m.key in surnames:  # the word of two different names: leave it alone
                continue
            m.key, m.kind = first_words[m.key]


def _kind(group: list[Mention]) -> str:
    """Kind of an actor: a country stays one; otherwise the most frequent kind, ties by _KIND_ORDER."""
    counts = Counter(m.kind for m in group)
    if "country" in counts:
        return "country"
    if "person" in counts and any(len(m.text.split()) > 1 for m in group if m.kind == "person"):
        return "person"
    if "media" in counts:
        return "media"
    return max(counts, key=lambda k: (counts[k], -_KIND_ORDER.index(k)))


def _canonical(group: list[Mention], kind: str, fixed: str | None) -> str:
    """The actor's name: a country's or alias table's name, a person's fullest name, else the usual form."""
    if fixed:
        return fixed
    forms = Counter(m.text for m in group if not m.text.isupper() or len(m.text) <= 8)
    if not forms:
        forms = Counter(m.text for m in group)
    if kind == "person":
        return max(forms, key=lambda f: (len(f.split()), forms[f], len(f)))
    acronyms = {f.replace(".", "") for f in forms if is_acronym(f)}
    expansions = [f for f in forms if len(f.split()) > 1 and initials(f) in acronyms]
    if expansions:  # "Operation Inherent Resolve" rather than "OIR"
        return max(expansions, key=lambda f: (forms[f], len(f)))
    return max(forms, key=lambda f: (forms[f], len(f.split()), len(f)))


def build_actors(mentions: list[Mention], fixed_names: dict[str, str]) -> list[tuple[Actor, list[Mention]]]:
    """Group mentions by key into actors (each with its mentions), ordered by first mention.

    `fixed_names` maps keys to names that must be used as the canonical name (countries).
    """
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: m.start):
        groups[m.key].append(m)
    actors: list[tuple[Actor, list[Mention]]] = []
    for key, group in groups.items():
        kind = _kind(group)
        name = _canonical(group, kind, fixed_names.get(key))
        aliases: list[str] = []
        seen = {name.casefold()}
        for m in group:
            for form in (m.text, m.titled):
                if form and form.casefold() not in seen:
                    seen.add(form.casefold())
                    aliases.append(form)
        first = next((m for m in group if not m.headline), group[0])
        title = next((m.title for m in group if m.title), None)
        role = next((m.role for m in group if m.role), None)
        actor = Actor(
            name=name,
            kind=kind,  # type: ignore[arg-type]
            aliases=aliases,
            title=title if kind == "person" else None,
            role=role if kind == "person" else None,
            mentions=len(group),
            sentence=first.sentence,
        )
        actors.append((actor, group))
    return actors
