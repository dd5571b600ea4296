"""What a number counts, read off the dependency parse ("three rural ISIS camps" -> "ISIS camps")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from generator.extract.numbers.lexicon import Lexicon, lexicon

_NOMINAL = {"NOUN", "PROPN"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
_VALUE_DEPS = {"dobj", "attr", "pobj", "oprd", "npadvmod"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "dobj"}


def anchor_token(core: Span) -> Token:
    """The token of the written number that attaches it to the rest of the sentence."""
    for token in reversed(core):
        if not token.is_space and not (core.start <= token.head.i < core.end):
            return token
    return core[-1]


def counted_noun(core: Span, chunk_end: int, lex: Lexicon | None = None) -> Token | None:
    """The noun a number counts: "5,200 soldiers" -> soldiers, "250,000-strong ... forces" -> forces.

    `chunk_end` is the index past the number's hyphenated word ("250,000-strong"), whose
    inner words are not what is counted.
    """
    lex = lex or lexicon()
    anchor = anchor_token(core)
    if chunk_end > core.end:
        return _noun_after_compound(anchor, chunk_end)
    head = anchor.head
    if anchor.dep_ in {"nummod", "quantmod", "amod", "compound", "nmod"} and head.i > anchor.i:
        return head if head.pos_ in _NOMINAL else None
    return _noun_of_value(anchor, lex)


def _noun_after_compound(anchor: Token, chunk_end: int) -> Token | None:
    """Climb from a number inside "250,000-strong" / "14-year-old" to the noun it describes."""
    token = anchor
    for _ in range(6):
        if token.head is token:
            return None
        token = token.head
        if token.i >= chunk_end and token.pos_ in _NOMINAL:
            return token
    return None


def _noun_of_value(anchor: Token, lex: Lexicon) -> Token | None:
    """The counted noun of a number that stands alone: "8,000 of the residents",
    "a population of 80,000", "the number of munitions now totals 6,602"."""
    of_object = _of_object(anchor)
    if of_object is not None:
        return of_object if of_object.pos_ in _NOMINAL else None
    head = anchor.head
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in _NOMINAL:
        return _through_count_noun(head.head, lex)
    if anchor.dep_ in _VALUE_DEPS:
        verb = head.head if anchor.dep_ == "pobj" else head
        for _ in range(2):  # "the number of X [delivered] now totals N": up to two verbs up
            if verb.pos_ not in {"VERB", "AUX"}:
                break
            for child in verb.children:
                if child.dep_ in _SUBJECT_DEPS and child.lower_ in lex.count_nouns:
                    return _through_count_noun(child, lex)
            verb = verb.head
    return None


def _of_object(token: Token) -> Token | None:
    """The object of an "of" that hangs on `token` ("number of [munitions]"), if any."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _through_count_noun(noun: Token, lex: Lexicon) -> Token:
    """For "number/total/toll of X" the counted thing is X; other nouns stand for themselves."""
    if noun.lower_ in lex.count_nouns and noun.lower_ != "population":
        of_object = _of_object(noun)
        if of_object is not None and of_object.pos_ in _NOMINAL:
            return of_object
    return noun


def noun_phrase(noun: Token, after: int, lex: Lexicon | None = None) -> str:
    """The counted noun with the modifiers that name it, from index `after` on.

    Keeps compounds, proper-noun and hyphenated modifiers and an adjective right before the
    noun ("Iraqi armed forces", "ISIL-held buildings"); drops determiners, amounts and
    descriptive adjectives further left ("three rural ISIS camps" -> "ISIS camps"); adds
    plain conjoined nouns ("NATO trainers and support staff").
    """
    lex = lex or lexicon()
    text = _phrase_text(noun, after, lex)
    for conj in noun.children:
        if conj.dep_ == "conj" and conj.pos_ in _NOMINAL and _is_plain_conjunct(conj):
            cc = next((c for c in noun.children if c.dep_ == "cc" and c.i < conj.i), None)
            joiner = f" {cc.text} " if cc is not None else " and "
            text += joiner + _phrase_text(conj, noun.i + 1, lex)
    return text


def _is_plain_conjunct(conj: Token) -> bool:
    """A conjoined noun with no amount or article of its own ("... and support staff")."""
    return not any(c.dep_ in {"nummod", "det", "quantmod"} for c in conj.children) and not conj.like_num


def _phrase_text(noun: Token, after: int, lex: Lexicon) -> str:
    """The noun and its naming modifiers (see `noun_phrase`), as written."""
    kept: list[Token] = []
    for child in noun.lefts:
        if child.i < after or child.dep_ not in _MODIFIER_DEPS:
            continue
        if child.dep_ == "amod" and not _names_thing(child, noun, lex):
            continue
        if child.lower_ in lex.quantity_adjectives or child.like_num:
            continue
        kept.extend(t for t in child.subtree if t.i >= after and not t.like_num and t.dep_ != "det")
    kept.append(noun)
    kept.sort(key=lambda t: t.i)
    parts = [t.text + t.whitespace_ for t in kept[:-1]] + [kept[-1].text]
    return "".join(parts).strip()


def _names_thing(adjective: Token, noun: Token, lex: Lexicon) -> bool:
    """True for an adjective that names a kind of thing (Iraqi, ISIL-held, the one right before
    the noun) rather than describing it (rural, large)."""
    if adjective.lower_ in lex.quantity_adjectives:
        return False
    if adjective.text[:1].isupper() or adjective.pos_ == "PROPN":
        return True
    if any(_is_hyphenated(t) for t in adjective.subtree):
        return True
    return adjective.i == noun.i - 1


def _is_hyphenated(token: Token) -> bool:
    """True for a hyphen or a word glued to one ("anti", "-", "aircraft" in "anti-aircraft")."""
    doc = token.doc
    if token.text == "-":
        return True
    glued_after = token.i + 1 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
    glued_before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return glued_after or glued_before
