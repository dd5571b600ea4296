"""Things that look like counts but are not: dates, times, years, phone numbers, scores, names."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from generator.extract.numbers.found import Found
from generator.extract.numbers.lexicon import Lexicon
from generator.extract.numbers.subject import anchor_token

_TIME_LABELS = {"DATE", "TIME"}
_PRONOUN_ONE_DEPS = {"prep", "det", "amod", "relcl", "acl"}
_PERSONAL_PRONOUNS = {"he", "she", "i"}  # "they were 12" may count them; "he was 86" is an age
_NAME_NUMBER_DEPS = {"nummod", "appos", "npadvmod", "compound"}
_PLACE_OR_TIME_LABELS = {"GPE", "LOC", "NORP", "DATE", "TIME"}
_NAME_LABELS = {"ORG", "PERSON", "PRODUCT", "LAW", "EVENT", "FAC", "WORK_OF_ART", "GPE", "LOC", "LANGUAGE"}
_YEAR_RE = re.compile(r"\d{4}")
# Four digits below this that count a noun are counts ("1000 customers", "5835 units"); from
# it on, "the 2016 elections" is a year whatever follows.
_FIRST_MODERN_YEAR = 1900
_LAST_YEAR = 2100
_PLAIN_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_PHONE_RE = re.compile(r"\+?\(?\d[\d\-(). /]*\d")
_SCORE_RE = re.compile(r"\d{1,3}\s?[-–:]\s?\d{1,3}")
_MANY_DECIMALS_RE = re.compile(r"\d*\.\d{4,}")
_DEGREE_MARKS = {"°", "′", "″"}
_MIN_PHONE_DIGITS = 7


def is_not_a_count(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """True if the number is a date, time, year, phone number, score, identifier or the like."""
    core = doc[found.core_start : found.core_end]
    checks = (
        _is_date_or_time(core, found, lex),
        _is_in_name(core, found),
        _is_year(core, found),
        _is_clock_time(doc, found, lex),
        _is_phone_number(doc, found, lex),
        _is_score(doc, found, lex),
        _is_identifier(doc, core, found, lex),
        _is_reference_or_coordinate(doc, core, found),
        _is_bare_one(core, found),
        _is_re_mention(doc, found, lex),
        _is_weak_ordinal(doc, core, found),
        _is_fraction(doc, found, lex),
        _is_list_marker(doc, found),
    )
    return any(checks)


def is_age(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """True for an age: "14-year-old", "aged 41", "at the age of 95", "the princess, 67,"."""
    if found.chunk_end > found.core_end:
        tail = "".join(t.lower_ for t in doc[found.core_end + 1 : found.chunk_end])
        return tail in lex.age_words
    if found.core_end - found.core_start != 1 or found.value >= 130:
        return False
    before = doc[found.core_start - 1] if found.core_start > 0 else None
    if before is None:
        return False
    if before.lower_ in lex.age_cues or (before.lower_ == "of" and before.head.lower_ in lex.age_cues):
        return True
    after = doc[found.core_end] if found.core_end < len(doc) else None
    number = doc[found.core_start]
    apposed = before.text == "," and after is not None and after.text in {",", "."}
    if apposed and number.dep_ == "appos" and number.head.pos_ in {"NOUN", "PROPN"}:
        return True
    return _is_said_of_a_person(anchor_token(doc[found.core_start : found.core_end]))


def _is_said_of_a_person(number: Token) -> bool:
    """ "He was 86.", "Elijah Cummings, chairman of the committee, was 68.", "when I was about
    18": a bare number that is what a person *is* gives the person's age."""
    verb = number.head
    if number.dep_ != "attr" or verb.lemma_ != "be":
        return False
    if any(c.dep_ in _PRONOUN_ONE_DEPS for c in number.children) or number.nbor(-1).pos_ == "DET":
        return False  # "he was one of the founders", "I was the only one running it"
    for subject in verb.children:
        if subject.dep_ == "nsubj":
            if subject.pos_ == "PROPN":  # a name the NER left untyped is most often a person's
                return subject.ent_type_ in {"PERSON", ""}
            return subject.lower_ in _PERSONAL_PRONOUNS
    return False


def is_tabular(sentence: Span) -> bool:
    """True for a "sentence" that is mostly numbers: a table row, league table or results list."""
    numbers = sum(1 for t in sentence if t.like_num)
    words = sum(1 for t in sentence if t.is_alpha and not t.like_num)
    return numbers >= 4 and numbers >= 0.6 * words


def _is_date_or_time(core: Span, found: Found, lex: Lexicon) -> bool:
    """A date, time or duration: inside a DATE/TIME entity ("March 2019", "the past 24 hours"),
    next to a month name ("11-13 Dec.") or counting time ("two years")."""
    if found.age or (found.kind == "ordinal" and core[0].is_alpha):
        return False  # "14-year-old Amjad", "the third week of negotiations"
    doc = core.doc
    if _next_to_month(doc, found, lex):
        return True
    if found.kind not in {"count", "ordinal"}:
        return False
    anchor = anchor_token(core)
    head = anchor.head
    if anchor.dep_ in {"nummod", "quantmod"} and head.i > anchor.i and head.lower_ in lex.time_nouns:
        return True
    if any(t.ent_type_ in _TIME_LABELS for t in core):
        # the small model's DATE spans swallow counts ("since Dec. 5 to 922"): only a value that
        # could be a day or a year, or one next to a word of time, is taken as time
        if found.value <= 31 or _year_shaped(core, found) or found.kind == "ordinal":
            return True
        return _next_to_time_word(doc, found, lex)
    return False


def _next_to_time_word(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """True if a word of time stands right before or after the number ("fifty minute")."""
    neighbours = [doc[i] for i in (found.core_start - 1, found.end) if 0 <= i < len(doc)]
    return any(t.lower_ in lex.time_nouns or t.lower_ in lex.clock_words for t in neighbours)


def _next_to_month(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """True if a month name stands right before or after the number ("Dec. 15", "11-13 Dec.")."""
    neighbours = []
    if found.core_start > 0:
        neighbours.append(doc[found.core_start - 1])
    if found.end < len(doc):
        neighbours.append(doc[found.end])
    return any(t.lower_.rstrip(".") in lex.months and t.text[:1].isupper() for t in neighbours)


def _is_in_name(core: Span, found: Found) -> bool:
    """Part of a name the NER found ("the 158th Fighter Wing", "Resolution 2254"); a number
    written with its unit or currency ("a 5kW panel", "RM3.06mil") is a quantity whatever
    the NER says of it."""
    return found.unit is None and any(t.ent_type_ in _NAME_LABELS for t in core)


def _is_year(core: Span, found: Found) -> bool:
    """A bare four-digit year ("in 2019"); "$2000" or "2,019 people" are kept."""
    if found.kind not in {"count", "ordinal"} or (found.value_max or 0) > _LAST_YEAR:
        return False
    return _may_be_year(core, found)


def _may_be_year(core: Span, found: Found) -> bool:
    """Four digits that can be a year, unless an older "year" counts a noun after it ("1000 staff")."""
    if not _year_shaped(core, found):
        return False
    return not (found.value < _FIRST_MODERN_YEAR and _counts_noun_after(core))


def _year_shaped(core: Span, found: Found) -> bool:
    """Four digits from 1000 to 2100; "sales of 5835 units" is a count even inside a DATE span."""
    return bool(_YEAR_RE.fullmatch(core[0].text)) and 1000 <= found.value <= _LAST_YEAR


def _counts_noun_after(core: Span) -> bool:
    """True if the number counts a noun after it ("more than 1000 customers", "1000 staff")."""
    anchor = anchor_token(core)
    return anchor.dep_ == "nummod" and anchor.head.i > anchor.i and anchor.head.pos_ == "NOUN"


def _is_clock_time(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """A clock time: "10:30", "10 a.m.", "0800 GMT"."""
    if any(":" in t.text for t in doc[found.core_start : found.core_end]):
        return True
    return found.end < len(doc) and doc[found.end].lower_ in lex.clock_words


def _word_around(doc: Doc, found: Found) -> str:
    """The text of the whitespace-free word that holds the number ("888-847-6592", "3-1")."""
    start = found.core_start
    while start > 0 and not doc[start - 1].whitespace_ and not doc[start - 1].is_space:
        start -= 1
    end = max(found.chunk_end, found.core_end)
    while end < len(doc) and not doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1
    return doc[start:end].text.strip("()[],;.")


def _is_phone_number(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """A phone or fax number: many digits in groups, or right after "phone"/"call"/"+"."""
    word = _word_around(doc, found)
    digits = sum(c.isdigit() for c in word)
    if _PHONE_RE.fullmatch(word) and digits >= _MIN_PHONE_DIGITS and any(c in word for c in "-()."):
        return True
    before = doc[max(0, found.core_start - 3) : found.core_start]
    return any(t.lower_ in lex.phone_words or t.text == "+" for t in before) and found.kind == "count"


def _is_score(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """A sports score ("won 3-1"); a real range ("3,000-5,000 troops") is kept."""
    word = _word_around(doc, found)
    if not _SCORE_RE.fullmatch(word):
        return False
    if found.value_max is None:
        return True
    sentence = doc[found.core_start].sent
    return any(t.lower_ in lex.score_words for t in sentence)


def _is_identifier(doc: Doc, core: Span, found: Found, lex: Lexicon) -> bool:
    """A number that names something: "Resolution 2254", "Article 5", "No. 10", "F-16", "G20"."""
    if found.kind not in {"count", "ordinal"}:
        return False
    anchor = anchor_token(core)
    counts_noun_after = anchor.dep_ == "nummod" and anchor.head.i > anchor.i
    if found.core_start > 0:
        before = doc[found.core_start - 1]
        if before.lower_.rstrip(".") in lex.identifier_words and not counts_noun_after:
            return True
        if not before.whitespace_ and (before.is_alpha or before.text == "-"):
            return True  # glued to letters: "G20", "MQ-9"
        proper_before = before.tag_ in {"NNP", "NNPS"} and before.ent_type_ not in _PLACE_OR_TIME_LABELS
        if proper_before and _PLAIN_NUMBER_RE.fullmatch(core[0].text):
            return True  # a model or a name: "Boeing 737", "Falcon 9", "Apollo 11"
    head = anchor.head
    named = head.pos_ == "PROPN" or (head.text[:1].isupper() and head.i != head.sent.start)
    return head.i < anchor.i and named and anchor.dep_ in _NAME_NUMBER_DEPS


def _is_reference_or_coordinate(doc: Doc, core: Span, found: Found) -> bool:
    """A footnote mark ("[12]") or a map coordinate ("36.269635", "33°30′21″N"); "40°C" is kept."""
    if found.core_start > 0 and doc[found.core_start - 1].text == "[":
        return True
    if found.core_end < len(doc) and doc[found.core_end].text == "]":
        return True
    if any(_MANY_DECIMALS_RE.fullmatch(t.text) for t in core):
        return True
    end = found.end
    if end < len(doc) and doc[end].text[:1] in _DEGREE_MARKS:
        return not (end + 1 < len(doc) and doc[end + 1].lower_ in {"c", "f"})
    return False


def _is_bare_one(core: Span, found: Found) -> bool:
    """ "one" alone ("one of them", "one man I spoke to", "only one way"): rarely a count worth
    listing; "one dinar" (money) and "one million" are kept."""
    if core.text.lower() != "one" or found.kind != "count":
        return False
    return not _counts_noun_after_one(core)


def _counts_noun_after_one(core: Span) -> bool:
    """ "you have one solution", "she put one hand": "one" straight before the noun it counts is
    a count; "only one way", "the one thing" are manners of speaking."""
    anchor = anchor_token(core)
    head = anchor.head
    before = anchor.nbor(-1) if anchor.i > 0 else None
    if before is not None and before.pos_ in {"ADV", "DET"}:
        return False
    return anchor.dep_ == "nummod" and head.i == anchor.i + 1 and head.pos_ == "NOUN"


def _is_re_mention(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """A small number after a definite determiner points back to things already named
    ("the two leaders", "our 2 countries"); "the 250,000-strong army" is still a count."""
    if found.kind != "count" or found.value >= 10 or found.core_start == 0:
        return False
    if doc[found.core_start - 1].lower_ not in lex.definite_determiners:
        return False
    return not _describes_a_noun(doc[found.core_start : found.core_end])


def _describes_a_noun(core: Span) -> bool:
    """True if the noun the number counts is itself a modifier of a noun after it, as in an
    unhyphenated compound ("the 5 speed manual transmission version" is a five-speed version)."""
    anchor = anchor_token(core)
    noun = anchor.head
    if anchor.dep_ != "nummod" or noun.i <= anchor.i or noun.pos_ != "NOUN":
        return False
    return noun.dep_ in {"compound", "nmod"} and noun.head.i > noun.i and noun.head.pos_ == "NOUN"


def _is_list_marker(doc: Doc, found: Found) -> bool:
    """The number of a list item: "1." opening a line, "1)" in running text."""
    after = doc[found.end] if found.end < len(doc) else None
    if after is None or after.text not in {".", ")"} or found.kind != "count":
        return False
    if after.text == ")":
        return not any(t.text == "(" for t in doc[max(0, found.start - 3) : found.start])
    sentence = doc[found.start].sent
    return found.start == sentence.start or doc[found.start - 1].is_space


def _is_fraction(doc: Doc, found: Found, lex: Lexicon) -> bool:
    """The top of a fraction: "two-thirds of senators", "three quarters of the vote"."""
    after = doc[found.core_end : found.core_end + 2]
    return any(t.lower_ in lex.fractions for t in after if t.text != "-")


def _is_weak_ordinal(doc: Doc, core: Span, found: Found) -> bool:
    """An ordinal that is not a fact worth listing: part of a name ("5th Fleet"), of a superlative
    ("second-largest"), or not ordering a noun."""
    if found.kind != "ordinal":
        return False
    token = core[0]
    if found.chunk_end > found.core_end:
        return True
    nxt = doc[found.core_end] if found.core_end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper():
        return True
    return not (token.dep_ == "amod" and token.head.pos_ == "NOUN" and token.head.i > token.i)
