"""Stated positions: quotes, reported speech, speakers (each rule pinned on a real sentence)."""

from __future__ import annotations

import pytest

from generator.briefing import Actor, Position
from generator.extract.pipeline import paragraph_starts
from generator.extract.positions.finder import extract_positions
from generator.extract.positions.quotes import find_quotes


def _starts(paragraphs: list[str]) -> list[int]:
    return paragraph_starts(paragraphs)


def _actors(doc) -> list[Actor]:
    """Plain actors from the NER (the real actor extractor is tested elsewhere)."""
    kinds = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}
    seen: dict[str, Actor] = {}
    for ent in doc.ents:
        if ent.label_ in kinds:
            seen.setdefault(ent.text, Actor(name=ent.text, kind=kinds[ent.label_]))
    return list(seen.values())


@pytest.fixture
def positions(nlp):
    def run(*paragraphs: str, actors: list[Actor] | None = None) -> list[Position]:
        doc = nlp("\n\n".join(paragraphs))
        actors = actors if actors is not None else _actors(doc)
        return extract_positions(doc, actors, _starts(list(paragraphs)))

    return run


# -- quotations --------------------------------------------------------------


def test_quotes_pair_straight_curly_and_double_apostrophes():
    text = 'He said "one two" and “three four” and \'\'five six\'\'.'
    spans = [text[q.start : q.end] for q in find_quotes(text, [0])]
    assert spans == ["one two", "three four", "five six"]


def test_unclosed_quote_continues_into_next_paragraph():
    paragraphs = ["“We will win this. We always do.", "“And we will keep winning,” she said."]
    text = "\n\n".join(paragraphs)
    quotes = find_quotes(text, _starts(paragraphs))
    assert [q.closed for q in quotes] == [False, True]
    assert quotes[1].continues


def test_direct_quote_cue_after(positions):
    found = positions(
        "“Airstrikes help destroy ISIS targets in terrain difficult to reach by standard vehicles,” "
        "said Col. Myles B. Caggins III, coalition military spokesman in a statement Saturday."
    )
    assert len(found) == 1
    p = found[0]
    assert p.kind == "direct" and p.cue.startswith("said")
    assert "Caggins" in p.speaker and "spokesman" not in p.speaker
    assert p.text.startswith("Airstrikes help destroy") and "“" not in p.text


def test_direct_quote_over_several_sentences_with_cue_inside(positions):
    found = positions(
        '"He would be a great senator. Not good, great. One of the brightest members of the entire '
        'Congress," Rep. Elijah E. Cummings (D-Md.) said in a phone interview.'
    )
    assert len(found) == 1
    assert found[0].text.startswith("He would be a great senator. Not good, great.")
    assert "Cummings" in found[0].speaker
    assert found[0].cue == "said in a phone interview"


def test_cue_before_quote_with_colon(positions):
    found = positions(
        "In one tweet Friday, Trump said: “Did Crooked Hillary help disgusting Alicia M become a U.S. "
        "citizen so she could use her in the debate?”"
    )
    assert [(p.speaker, p.kind) for p in found] == [("Trump", "direct")]


def test_second_quote_continues_same_speaker(positions):
    found = positions(
        "Gen. Ken McKenzie spoke at the Aspen Security Forum on Thursday.",
        "“ISIS, while substantively defeated, still has the capability to pose threats in Iraq,” he added, "
        "underscoring that the Iraqi government supports a continued U.S. troop presence. “They know that we "
        "still provide very, very good support for them as they continue operations against ISIS.”",
    )
    assert [p.speaker for p in found] == ["Ken McKenzie", "Ken McKenzie"]
    assert all(p.kind == "direct" for p in found)
    assert found[1].text.startswith("They know")


def test_quote_running_over_two_paragraphs(positions):
    found = positions(
        "Smith said the plan was fair.",
        "“We looked at every option. Nobody was left out of the talks.",
        "“In the end we chose the cheapest one,” he said.",
    )
    direct = [p for p in found if p.kind == "direct"]
    assert [p.paragraph for p in direct] == [1, 2]
    assert {p.speaker for p in direct} == {"Smith"}


def test_dash_signed_quote(positions):
    found = positions(
        "“Donald Trump started attacking Latinos at the beginning of his campaign. "
        "He represents everything the US is not.” ― Karen Bobadilla."
    )
    assert [(p.speaker, p.kind) for p in found] == [("Karen Bobadilla", "direct")]


def test_scare_quotes_are_not_positions(positions):
    found = positions(
        "NATO troops do not provide “kinetic-support activities” like those of the U.S. contingent."
    )
    assert found == []


# -- reported speech -------------------------------------------------------------


def test_has_repeatedly_said_that_spans_clauses(positions):
    found = positions(
        "U.S. Central Command Gen. Ken McKenzie has repeatedly said of late that the American force of 5,200 "
        "soldiers in Iraq will be drawing down soon, but the fight against the Islamic State is not yet "
        "complete and will not be turned over to Iraqi Armed Forces alone."
    )
    assert len(found) == 1
    p = found[0]
    assert p.cue == "has repeatedly said" and p.kind == "indirect"
    assert "McKenzie" in p.speaker
    assert p.text.startswith("the American force") and p.text.endswith("Iraqi Armed Forces alone")


def test_content_then_speaker_said(positions):
    found = positions(
        "Secret Service protocol called for the Democratic presidential nominee to be taken to a trauma "
        "center, sources said."
    )
    assert [(p.speaker, p.speaker_kind, p.kind) for p in found] == [("sources", "unnamed", "indirect")]
    assert found[0].text.endswith("trauma center")


def test_according_to(positions):
    found = positions("According to a new Quinnipiac poll, Clinton leads Trump by five points in Florida.")
    assert len(found) == 1
    assert found[0].cue == "according to"
    assert found[0].speaker_kind == "document"
    assert found[0].text == "Clinton leads Trump by five points in Florida"


def test_told_someone_that(positions):
    found = positions("Flynn told reporters on Thursday that the generals had been reduced to rubble.")
    assert [(p.speaker, p.cue) for p in found] == [("Flynn", "told")]
    assert found[0].text == "the generals had been reduced to rubble"


def test_said_in_a_statement_on_saturday_that(positions):
    found = positions("The Pentagon said in a statement on Saturday that the strikes had hit their targets.")
    assert found[0].cue == "said in a statement"
    assert found[0].speaker_kind == "organization"


def test_poll_found(positions):
    found = positions(
        "A Quinnipiac University poll found that 74 percent of likely voters want the returns released."
    )
    assert found and found[0].text.startswith("74 percent")
    assert "poll" in found[0].speaker


def test_called_someone_a_quoted_name(positions):
    found = positions('Cruz called Trump a "pathological liar" who is "utterly amoral."')
    assert [(p.speaker, p.kind) for p in found] == [("Cruz", "direct")]


# -- not positions ------------------------------------------------------------------


def test_no_response_and_questions_are_not_positions(positions):
    found = positions(
        "OIS did not immediately respond to additional questions by the Washington Examiner.",
        "Reporters asked whether the mission would end this year.",
        "The spokesman declined to say when the troops would leave.",
    )
    assert found == []


def test_headline_is_not_a_position(positions):
    found = positions(
        "Flynn Says Trump Was Absolutely Right About The Generals.",
        "Flynn said the generals had been reduced to rubble.",
    )
    assert [p.paragraph for p in found] == [1]


# -- speakers ------------------------------------------------------------------------


def test_description_resolves_to_earlier_description(positions):
    found = positions(
        "“NATO Mission Iraq is a noncombat mission mandated to carry out advising and training,” "
        "a NATO official told the Washington Examiner Monday.",
        "“Its personnel is therefore not embedded with Iraqi security forces,” the official added.",
    )
    assert [p.speaker for p in found] == ["a NATO official", "a NATO official"]
    assert [p.cue for p in found] == ["told", "added"]
    assert {p.speaker_kind for p in found} == {"unnamed"}


def test_release_resolves_to_issuing_organisation(positions):
    found = positions(
        "OIR said that the militants have been driven to inaccessible desert regions.",
        "The release also clarified that the strikes were at the request of the Iraqi government.",
    )
    assert [p.cue for p in found] == ["said", "also clarified"]
    assert found[1].speaker == found[0].speaker


def test_pronoun_resolves_to_last_person(positions):
    found = positions(
        "Hillary Clinton spoke in Ohio on Monday.",
        "She said the economy was rigged for those at the top.",
    )
    assert [p.speaker for p in found] == ["Hillary Clinton"]
    assert found[0].speaker_kind == "person"


def test_speaker_uses_canonical_actor_name(positions, nlp):
    actors = [Actor(name="Ken McKenzie", kind="person", aliases=["Gen. Ken McKenzie", "McKenzie"])]
    found = positions(
        "The call to replace U.S. forces would leave the Iraqis to fight ISIS on their own, "
        "McKenzie said last week.",
        actors=actors,
    )
    assert [(p.speaker, p.kind) for p in found] == [("Ken McKenzie", "indirect")]


def test_coordinated_speakers_kept_together(positions):
    found = positions("Mr. Grassley and Mr. Leahy said other changes are needed.")
    assert found[0].speaker == "Grassley and Leahy"


# -- the sample article ------------------------------------------------------------------


def test_sample_article_positions(sample_briefing):
    found = [(p.speaker or "", p.kind, p.cue, p.text) for p in sample_briefing.positions]
    assert not any("did not immediately respond" in text or text.startswith("OIS") for *_, text in found)
    expected = [
        ("McKenzie", "indirect", "has repeatedly said", "will be drawing down soon"),
        ("Caggins", "direct", "said", "Airstrikes help destroy ISIS targets"),
        ("OIR", "indirect", "said", "driven to inaccessible desert"),  # an acronym stays as written
        ("", "indirect", "clarified", "at the request and in coordination with the Iraqi government"),
        ("NATO official", "direct", "told", "NATO Mission Iraq is a noncombat mission"),
        ("NATO official", "direct", "added", "Its personnel is therefore not embedded"),
        ("McKenzie", "indirect", "said", "leave the Iraqis to fight ISIS on their own"),
        ("McKenzie", "direct", "told", "I think our numbers are going to get smaller"),
        ("McKenzie", "direct", "added", "still has the capability to pose threats"),
        ("McKenzie", "direct", "", "They know that we still provide very, very good support"),
    ]
    assert len(found) == len(expected)
    for (speaker, kind, cue, text), (want_speaker, want_kind, want_cue, want_text) in zip(
        found, expected, strict=True
    ):
        assert want_text in text
        assert kind == want_kind, text
        assert want_cue in cue, text
        assert want_speaker in speaker, text
    release = sample_briefing.positions[3]
    assert release.speaker in ("Operation Inherent Resolve", "OIR", "the release", "The release")


# -- kinds and transcripts ---------------------------------------------------------------


def test_quotation_after_that_opens_a_reported_clause(positions):
    found = positions(
        "The campaign said that “exactly who did it” remains under investigation.",
    )
    expected = [("indirect", "exactly who did it remains under investigation")]
    assert [(p.kind, p.text) for p in found] == expected


def test_partial_quotation_in_double_apostrophes_ends_a_reported_clause(positions):
    found = positions(
        "Mr. Lewis said he had fought in Vietnam ''for the nation's rights, "
        "knowing that back home we didn't have the rights.''",
    )
    assert [(p.speaker, p.kind) for p in found] == [("Lewis", "indirect")]


def test_partial_quotation_in_quotation_marks_ends_a_direct_statement(positions):
    found = positions(
        "Trump said that voting fraud is “a big, big problem in this country.”",
    )
    assert [(p.speaker, p.kind) for p in found] == [("Trump", "direct")]


def test_transcript_turns_are_attributed_to_their_label(positions):
    found = positions(
        "Partial transcript as follows:",
        "\"WALLACE: Do you really see those two as equivalent, Mark Cuban and Gennifer Flowers?",
        "\"PENCE: Well, look, you know, Mark Cuban has been out there saying some pretty tough stuff.",
        "\"But the truth is that Donald Trump has a unique way of communicating to the American people.",
        actors=[Actor(name="Chris Wallace", kind="person"), Actor(name="Mike Pence", kind="person")],
    )
    assert [(p.speaker, p.kind, p.cue) for p in found] == [
        ("Chris Wallace", "indirect", ":"), ("Mike Pence", "indirect", ":"), ("Mike Pence", "indirect", ":")]
    assert found[1].text.startswith("Well, look")


def test_section_heading_is_not_a_transcript_turn(positions):
    found = positions(
        "Correction: An earlier version of this story misstated the date of the debate.",
    )
    assert found == []


def test_document_speaker_keeps_its_identifying_clause(positions):
    found = positions(
        "Research conducted by the Center for Media and Public Affairs found that PolitiFact "
        "consistently rated Democrats higher in its fact-checking.",
    )
    assert [p.speaker for p in found] == ["Research conducted by the Center for Media and Public Affairs"]


def test_dash_signature_after_a_no_break_space(positions):
    found = positions("“Maybe, we can build a wall around Donald Trump.”\u00a0― Steve Quinlan.")
    assert [(p.speaker, p.kind) for p in found] == [("Steve Quinlan", "direct")]


def test_dash_signature_glued_to_the_closing_mark(positions):
    found = positions(
        "We asked readers what they thought of the first debate.",
        "“During the debate Trump said Hispanics live in hell. He is ignorant of our culture and lives.”"
        "― Pamela Padilla",
        "“Trump must stop portraying Latinos as dangerous gangsters when most of us are hard-working, "
        "tax-paying, successful entrepreneurs, unlike him.”― Carla Sanchez.",
        actors=[],
    )
    assert [(p.speaker, p.kind) for p in found] == [("Pamela Padilla", "direct"), ("Carla Sanchez", "direct")]


def test_each_signed_quote_keeps_its_own_signer(positions):
    found = positions(
        "We asked readers what they thought of the first debate.",
        "“Not a worthy representative for the most powerful nation in the world.” ― Oscar P. Quintero",
        "“I just hope that this campaign gives the Hispanic community the anger to go out and register "
        "to vote, that way they could be hear and respected.” ― Jorge Falcon",
        "“Maybe, we can build a wall around Donald Trump.” ― Steve Quinlan.",
    )
    assert [p.speaker for p in found] == ["Oscar P. Quintero", "Jorge Falcon", "Steve Quinlan"]


def test_signer_is_not_the_named_entity_with_its_dash(positions):
    found = positions(
        "“You cannot be a good business man if you have failed soo many times.” "
        "―\u00a0Christina N Luis Olidem",
        actors=[Actor(name="―\u00a0Christina N Luis Olidem", kind="person")],
    )
    assert [p.speaker for p in found] == ["Christina N Luis Olidem"]


# -- speakers: headings, acronyms, signatures, names inside quotations ---------------------


def test_subject_across_a_timestamp_heading_is_not_the_speaker(positions):
    found = positions(
        "12:15 p.m.",
        "Donald Trump says political correctness has run amok in the military.",
    )
    assert [(p.speaker, p.text) for p in found] == [
        ("Donald Trump", "political correctness has run amok in the military")]


def test_subject_before_a_colon_heading_is_not_the_speaker(positions):
    found = positions("The Latest: Trump urges supporters to monitor polling places.")
    assert [p.speaker for p in found] == ["Trump"]


def test_acronym_and_group_plural_stay_as_written(positions):
    found = positions(
        "The IMF had warned that the Brexit vote could depress growth in Britain for years.",
        actors=[Actor(name="International Monetary Fund", kind="organization", aliases=["IMF"])],
    )
    assert [p.speaker for p in found] == ["IMF"]
    found = positions(
        "Republicans are slamming Democratic vice presidential nominee Tim Kaine for his work past "
        "work defending death row inmates.",
        actors=[Actor(name="Republican", kind="group", aliases=["Republicans"])],
    )
    assert [p.speaker for p in found] == ["Republicans"]


def test_question_quote_signed_in_the_next_sentence(positions):
    found = positions(
        "“Every time you say that, you give ammunition to the people who want to break up the big "
        "banks,” Tester said.",
        "“Why isn’t this crystal clear proof that an entity as big as Wells is too big to fail, too "
        "big to manage, too big to regulate?” Vitter demanded.",
    )
    assert [p.speaker for p in found] == ["Tester", "Vitter"]
    assert found[1].cue == "demanded" and found[1].kind == "direct"


def test_name_inside_a_quotation_is_not_the_pronoun_antecedent(positions):
    found = positions(
        "Mr. Obama immersed himself in the scientific literature. \"My top science adviser, John "
        "Holdren, periodically will issue some chart or report or graph in the morning meetings,\" he "
        "said, \"and they're terrifying.\""
    )
    assert found and all(p.speaker == "Obama" for p in found)


def test_partial_quotation_in_double_apostrophes_inside_a_clause_is_reported(positions):
    found = positions(
        "As Ms. Simonyan put it in a statement to my colleague Michael M. Grynbaum in July, RT is "
        "''providing a perspective you won't get from the mainstream press.''"
    )
    assert [(p.kind, p.text) for p in found] == [
        ("indirect", "providing a perspective you won't get from the mainstream press.")]


def test_content_ending_on_a_preposition_runs_over_the_quotation(positions):
    found = positions(
        "The Indiana governor said Democrats and the media are to blame for focusing on “he said "
        "this, he tweeted that.”"
    )
    assert [(p.kind, p.text) for p in found] == [
        ("direct", "Democrats and the media are to blame for focusing on he said this, he tweeted that.")]


def test_content_at_a_paragraph_end_keeps_its_closing_quotation(positions):
    found = positions(
        "Donald Trump spoke in Ohio.",
        "He’s claiming that voting fraud is “a big, big problem in this country” but “nobody has the "
        "guts to talk about it.”",
        "Second paragraph.",
    )
    assert [(p.speaker, p.kind) for p in found] == [("Donald Trump", "direct")]


def test_content_ends_at_the_quotation_before_an_aside(positions):
    found = positions(
        "Trump cynically dismissed NATO member Estonia as being in the “suburbs of St. Petersburg” — a "
        "metaphor for the GOP’s abandonment of principle at the altar of Trump."
    )
    assert [(p.kind, p.text) for p in found] == [
        ("direct", "NATO member Estonia as being in the suburbs of St. Petersburg")]


def test_quotation_interrupted_by_its_cue_starts_after_the_lead_in(positions):
    found = positions(
        "As for complexity, ''broadening the base and closing loopholes for the wealthy inevitably involve "
        "a certain amount of administration,'' said Mr. Kamin."
    )
    assert [(p.kind, p.text) for p in found] == [
        ("direct", "broadening the base and closing loopholes for the wealthy inevitably involve a certain "
                   "amount of administration")]


def test_naming_with_two_predicates_keeps_both(positions):
    found = positions(
        'In a White House statement, President Obama condemned Friday\'s test as "provocative and '
        'destabilizing" and a "grave threat" to regional and international stability.'
    )
    assert [(p.kind, p.text, p.quoted) for p in found] == [
        ("indirect", "Friday's test as provocative and destabilizing and a grave threat to regional "
                     "and international stability", ["provocative and destabilizing", "grave threat"])]


def test_copula_interrupted_by_its_cue_takes_the_quotation_after(positions):
    found = positions(
        "It was, the president said, ''a stone where day after day for years, men and women were torn "
        "from their spouse or their child, shackled and bound, and bought and sold.''"
    )
    assert [(p.kind, p.text[:20]) for p in found] == [("indirect", "It was a stone where")]


def test_partial_quotation_after_a_dash_aside_is_reported(positions):
    found = positions(
        "Yet, as Mr. Bown observed, in the early days of a Trump administration -- when he wouldn't be "
        "worried about re-election -- ''what products would you pick?''"
    )
    assert [(p.kind, p.text) for p in found] == [("indirect", "what products would you pick?")]


def test_content_cut_by_a_sentence_split_goes_on(positions):
    found = positions(
        "DuVernay said she felt the 13th Amendment was worth examining because “most people don’t know "
        "about that loop-hole,” she said. “We have no context for the current moment if we don’t know "
        "where we came from.”"
    )
    assert found[0].kind == "direct"
    assert found[0].text.startswith("she felt the 13th Amendment was worth examining")
    assert "she said" not in found[0].text


def test_reason_clause_after_the_content_is_part_of_it(positions):
    found = positions(
        "Rep. Trey Gowdy (R-S.C.) said that claim smacked of hypocrisy, because Democrats have been at "
        "the forefront of questioning the FBI's decisions on issuing national security letters."
    )
    assert [p.text for p in found] == [
        "claim smacked of hypocrisy, because Democrats have been at the forefront of questioning the "
        "FBI's decisions on issuing national security letters"]


def test_quotation_closed_on_a_dangling_preposition_goes_on(positions):
    found = positions(
        "12:15 p.m.",
        "Donald Trump says political correctness has run amok in the military, and “we’re going to get "
        "away from” that if he’s elected president.",
    )
    assert [(p.text, p.quoted) for p in found] == [
        ("political correctness has run amok in the military, and we’re going to get away from that if "
         "he’s elected president", ["we’re going to get away from"])]


# -- what stood inside quotation marks ------------------------------------------


def test_a_paraphrase_around_a_few_quoted_words_keeps_only_those_as_quoted(positions):
    [found] = positions(
        "Donald Trump spoke to reporters on Friday.",
        'Trump described the call with Zelensky as "perfectly fine and routine."',
    )
    assert found.text == "the call with Zelensky as perfectly fine and routine."
    assert found.quoted == ["perfectly fine and routine."]


def test_reported_speech_keeps_its_quoted_fragments(positions):
    [found] = positions('Pelosi said the president had "betrayed his oath" and that the House would act.')
    assert (found.kind, found.text, found.quoted) == (
        "indirect", "the president had betrayed his oath and that the House would act", ["betrayed his oath"])


def test_a_whole_quotation_is_quoted_whole(positions):
    [found] = positions(
        "“Airstrikes help destroy ISIS targets,” said Col. Myles Caggins, a coalition spokesman.")
    assert found.quoted == [found.text] == ["Airstrikes help destroy ISIS targets"]


# -- speakers a reader can use ----------------------------------------------------


def test_a_relative_pronoun_speaks_for_the_noun_before_it(positions):
    found = positions("The shooting began at 10:39 a.m., according to police, who said officers arrived "
                      "at the Walmart six minutes later.")
    assert [(p.speaker, p.text) for p in found] == [
        ("police", "The shooting began at 10:39 a.m."),
        ("police", "officers arrived at the Walmart six minutes later"),
    ]


def test_an_acronym_is_not_a_pronoun(positions):
    [found] = positions("WHO said they are uncertain whether infected people are infectious "
                        "before symptoms show.")
    assert found.speaker == "WHO"


def test_a_statement_speaks_for_whoever_released_it(positions):
    [found] = positions('The Vatican released a statement which said, "Hagia Sophia bears profound '
                        'historical significance."')
    assert found.speaker == "The Vatican"


def test_they_is_the_plural_the_article_used_before(positions):
    found = positions("The researchers observed horse flies around zebras in captive settings. "
                      "They found the flies had a harder time landing on zebras.")
    assert [(p.speaker, p.text) for p in found] == [
        ("The researchers", "the flies had a harder time landing on zebras")]


def test_first_person_in_an_interview_is_whose_turn_it_is(positions):
    found = positions(
        "Natasha Gownaris studies Magellanic penguins.",
        "((WN))  Why do you think that might be?",
        "((Natasha Gownaris))  We think that females have a lower storage capacity.",
    )
    assert [(p.speaker, p.text) for p in found] == [
        ("Natasha Gownaris", "females have a lower storage capacity")]


def test_a_pronoun_with_nothing_to_refer_to_gives_no_position(positions):
    assert positions("That said, Red Hat is working on programs for users.",
                     "You know the plan will fail.", "They said it was over.") == []


def test_first_person_outside_quotations_and_interviews_is_the_author(positions):
    found = positions("I truly believed the progress of these past eight years had shown us the way.")
    assert [(p.speaker, p.speaker_kind) for p in found] == [("the author", "person")]


def test_a_question_put_to_someone_is_no_position(positions):
    assert positions("Why do you think that might be?", "Can you clarify what you mean by that?") == []


def test_a_cue_closing_its_paragraph_with_a_colon_reports_the_next(positions):
    found = positions("Only 24 percent of activists backed her in a survey.", "The New York Times reports:",
                      "Without this online network, the campaign is being made to continue with rallies.")
    assert [(p.speaker, p.text) for p in found] == [
        ("The New York Times",
         "Without this online network, the campaign is being made to continue with rallies")]


# -- stands taken without a verb of saying ------------------------------------------


def test_a_demand_on_an_object_is_a_position(positions):
    found = positions("Opposition leader Jane Doe demanded an independent inquiry into the contract.")
    assert [(p.speaker, p.cue, p.text) for p in found] == [
        ("Jane Doe", "demanded", "an independent inquiry into the contract")]


def test_telling_someone_to_act_is_a_position(positions):
    found = positions("Mr. Obama told his advisers to figure out how to enact deep emissions cuts "
                      "without Congress.")
    assert [(p.speaker, p.text) for p in found] == [
        ("Obama", "his advisers to figure out how to enact deep emissions cuts without Congress")]


def test_a_warning_of_something_is_a_position_and_a_finding_of_a_thing_is_not(positions):
    found = positions("The minister warned of a long and difficult winter for farmers.",
                      "Police found a body near the river.")
    assert [(p.cue, p.text) for p in found] == [("warned", "a long and difficult winter for farmers")]


def test_two_statements_sharing_a_sentence_get_passages_the_page_can_anchor(positions):
    from generator.render.highlight import anchored

    paragraph = ('"Parts of Abaco are decimated. There is severe flooding damage to homes", Minnis said. '
                 '"The southern aspect of Abaco has suffered less devastation than the north."')
    lead = "Prime Minister Hubert Minnis spoke on Tuesday."
    found = positions(lead, paragraph)
    sentences = [p.sentence for p in found]
    assert len(sentences) >= 2
    assert set(sentences) <= anchored([lead, paragraph], sentences)


def test_a_capitals_dateline_is_not_the_speaker(positions):
    found = positions("WASHINGTON — President Obama said on Sunday that the museum tells a story "
                      "of hope.")
    assert [p.speaker for p in found] == ["Obama"]


def test_the_title_of_the_one_person_who_holds_it_names_them(positions):
    obama = Actor(name="Barack Obama", kind="person", title="President")
    found = positions("President Barack Obama spoke at the museum on Saturday.",
                      "The president said the museum tells a story of hope.", actors=[obama])
    assert [p.speaker for p in found] == ["Barack Obama"]


def test_a_chant_is_what_the_crowd_said(positions):
    found = positions('Small groups of protesters marched downtown, chanting "Hands up, don\'t shoot."')
    assert [(p.text, p.quoted) for p in found] == [("Hands up, don't shoot.", ["Hands up, don't shoot."])]


# -- speakers: definite descriptions that refer back -----------------------------------


def test_description_with_another_proper_word_is_not_the_earlier_speaker(positions):
    found = positions(
        "The Latest on the presidential race.",
        "The Clinton campaign says the ad will air on national cable stations.",
        "The Trump campaign called the charges unsubstantiated and fabricated by disgruntled former "
        "employees.",
    )
    assert [p.speaker for p in found] == ["The Clinton campaign", "The Trump campaign"]


def test_democratic_nominee_is_not_the_republican_nominee(positions):
    found = positions(
        "The Latest on the presidential race.",
        "Giving a speech in Toledo, Clinton says the Ohio native is a longtime, dedicated advocate for "
        "children. The Democratic presidential nominee says they both share the belief that every child "
        "should have the chance to live up to his or her God-given potential.",
        "The Republican nominee also outlined his cybersecurity plan and vowed to harshly punish "
        "“those who violate classification rules.”",
    )
    vowed = next(p for p in found if p.cue.startswith("vowed"))
    assert vowed.speaker == "The Republican nominee"


def test_the_nearer_of_two_subjects_speaks_not_a_run_in_heading(positions):
    found = positions(
        "Mr. McKinley has written a book about money.",
        "THE BORROWING Back when he wrote his book, Mr. McKinley said that he considered debt a last resort.",
    )
    said = next(p for p in found if p.cue == "said")
    assert said.speaker == "McKinley"


def test_one_member_of_a_group_is_not_the_group(positions):
    found = positions(
        "Republicans on the committee met on Thursday.",
        "One Republican threatened to make Kadzik testify in a public setting, should he fail to get "
        "them the information.",
    )
    assert [(p.speaker, p.cue) for p in found] == [("One Republican", "threatened")]


def test_participle_after_a_relative_clause_goes_with_the_main_subject(positions):
    found = positions(
        "Trump faced questions about his businesses on Monday.",
        "Trump was similarly defensive when forced to defend not paying an architect who said he was "
        "stiffed after he designed a clubhouse at one of Trump’s golf courses, saying, “Maybe he didn’t "
        "do a good job, and I wasn’t satisfied with his work.”",
    )
    saying = next(p for p in found if p.cue == "saying")
    assert saying.speaker == "Trump" and saying.kind == "direct"
    assert next(p for p in found if p.cue == "said").speaker == "an architect"


def test_quotation_inside_a_quotation_stays_one_signed_quotation(positions):
    found = positions(
        "We asked readers what they thought of the first debate.",
        "“As a young, Hispanic woman....I’d rather live in what he calls “hell” than live in a world "
        "where he is president.” ― Adriana Rodarte",
    )
    assert [(p.speaker, p.kind) for p in found] == [("Adriana Rodarte", "direct")]
    assert found[0].text.endswith("where he is president.")


# -- contents ---------------------------------------------------------------------------


def test_clause_before_a_semicolon_is_not_what_the_speaker_says(positions):
    found = positions(
        "The Latest on the race.",
        "It’s an extremely unlikely scenario; Clinton’s team says she’ll continue her march toward "
        "Election Day later this week.",
    )
    assert [(p.speaker, p.text) for p in found] == [
        ("Clinton’s team", "she’ll continue her march toward Election Day later this week")]


def test_called_for_someone_to_do_something(positions):
    found = positions(
        "The Latest on the race.",
        "Trump called for female contestants to wear shorter dresses that showed more cleavage.",
    )
    assert [(p.speaker, p.text) for p in found] == [
        ("Trump", "female contestants to wear shorter dresses that showed more cleavage")]


def test_spoke_about_states_what_was_spoken_of(positions):
    found = positions(
        "Hillary Clinton visited the convention on Thursday.",
        "She spoke about her deep ties to black churches while at the National Baptist Convention in "
        "Kansas City, Mo.",
    )
    spoke = next(p for p in found if p.cue == "spoke")
    assert spoke.speaker == "Hillary Clinton" and spoke.text.startswith("her deep ties to black churches")


# -- speakers: pronouns -----------------------------------------------------------------


def test_pronoun_goes_to_the_main_subject_not_a_name_inside_a_clause(positions):
    found = positions(
        "The Latest on the race.",
        "Donald Trump says he is sure the debate microphone was broken on purpose.",
        "The Republican is also encouraging his supporters at a rally Friday evening in Michigan to ask "
        "why he had issues and Clinton did not.",
        "He says: “I wonder why it was bad. Think of that.”",
        "Clinton says Trump’s “latest twitter meltdown is unhinged, even for him.” She says it underscores "
        "that Trump is “temperamentally unfit to be commander-in-chief.”",
    )
    by_text = {p.text.split()[0]: p.speaker for p in found}
    assert by_text["I"] == "Donald Trump"
    assert by_text["it"] == "Clinton"


def test_a_title_elsewhere_in_the_article_gives_the_name_its_gender(positions):
    found = positions(
        "The Latest on the race.",
        "Mr. Trump spoke in Ohio on Monday.",
        "Clinton met Trump backstage, and Trump shook hands with the moderator.",
        "She said the evening had gone well.",
    )
    said = next(p for p in found if p.cue == "said")
    assert said.speaker == "Clinton"


def test_she_after_a_clause_hung_on_said_is_its_subject(positions):
    found = positions(
        "The Latest on the doctor.",
        "CONGRESS HAS INVESTIGATED HIM — Oz’s dubious medical advice earned him the attention of Congress, "
        "where he appeared at a 2014 Senate hearing for his role in promoting weight-loss aids on his show.",
        "Democratic Sen. Claire McCaskill (D-Mo.) scolded him: “The scientific community is almost "
        "monolithic against you in terms of the efficacy of the three products you called ‘miracles,’” "
        "she said.",
    )
    assert {p.speaker for p in found if p.cue == "said"} == {"Claire McCaskill"}
