"""Quotation marks on the pages go around the article's quoted words, and only them."""

from __future__ import annotations

from generator.briefing import Position
from generator.render.quoting import quote_runs, quoted_html, quoting, with_quote_marks


def _position(text: str, quoted: list[str], kind: str = "indirect") -> Position:
    return Position(speaker="Donald Trump", kind=kind, cue="described", text=text, sentence="", quoted=quoted)


PARAPHRASE = _position("the call with Zelensky as perfectly fine and routine.",
                       ["perfectly fine and routine."], kind="direct")


def test_a_paraphrase_shows_marks_around_the_quoted_words_only():
    assert with_quote_marks(PARAPHRASE.text, PARAPHRASE.quoted) == (
        "the call with Zelensky as “perfectly fine and routine.”")
    assert quoting(PARAPHRASE) == "partly quoted"


def test_html_escapes_the_text_and_marks_the_quotation():
    p = _position("the plan was <b>bad</b> and a disaster", ["a disaster"])
    assert str(quoted_html(p)) == (
        'the plan was &lt;b&gt;bad&lt;/b&gt; and <span class="bf-quoted">“a disaster”</span>')


def test_reported_speech_without_quoted_words_has_no_marks():
    p = _position("the House would act", [])
    assert str(quoted_html(p)) == "the House would act" and quoting(p) == ""


def test_a_whole_quotation_is_quoted():
    p = _position("Airstrikes help destroy ISIS targets", ["Airstrikes help destroy ISIS targets"], "direct")
    assert with_quote_marks(p.text, p.quoted) == "“Airstrikes help destroy ISIS targets”"
    assert quoting(p) == "quoted"


def test_a_fragment_not_in_the_text_is_never_quoted():
    # A hand-edited briefing whose text no longer holds the fragment: nothing is put in marks.
    assert quote_runs("the House would act", ["betrayed his oath"]) == [("the House would act", False)]


def test_the_faithfulness_check_knows_a_bare_pronoun_from_a_name():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from faithful import bare_pronoun

    assert [bare_pronoun(s) for s in ("they", "You", "who", "a statement which said")] == [True] * 4
    assert [bare_pronoun(s) for s in ("WHO", "US", "that paper", "the author", "Donald Trump")] == [False] * 5
