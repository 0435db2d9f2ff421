"""Attribution on news copy nobody here wrote: the shapes that failed on real articles, each in
sentences of our own. A speaker described is kept as written; two apostrophes make one mark; a
stop inside the marks, a participle clause or a naming verb does not cut a quotation from its
speaker; verbs that report only after a quotation; a name right before a colon; and how sure
each attribution is."""

from __future__ import annotations

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry import Registry
from tests.attribution_helpers import registry, speech  # noqa: F401 - registry is a fixture


def every(text: str, registry: Registry):  # type: ignore[no-untyped-def]
    return Context(Document.from_text(text), registry).quotes


def quotes(text: str, registry: Registry):  # type: ignore[no-untyped-def]
    return [q for q in every(text, registry) if q.kind == "speech"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Nobody here is losing sleep over it,” the insider said.", "the insider"),
        ("“The talks have stalled again,” said a source close to the negotiators.", "a source close to the negotiators"),
        ("Supporters of the levy, however, say it would pay for the new “ring road” within a decade.", "Supporters of the levy"),
        ("“We had no warning at all,” one owner of a bakery on the square said.", "one owner of a bakery on the square"),
        ("“I think the mayor will survive this,” the Ohio senator said.", "the Ohio senator"),
    ],
)
def test_a_described_speaker_is_kept_as_written(text: str, expected: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker is None and q.speaker_text == expected
    assert q.confidence == "medium"


@pytest.mark.parametrize(
    "text",
    [
        "“The rain came through the roof,” 22 percent said.",
        "“It was cold,” she hadn’t said.",
    ],
)
def test_no_description_from_what_is_no_noun_phrase(text: str, registry: Registry) -> None:
    assert all(q.speaker_text in (None, "she") for q in quotes(text, registry))


def test_two_apostrophes_make_one_quotation(registry: Registry) -> None:
    text = "''The harbour will reopen on Monday,'' said Maren Okafor, the port director. ''Not before.''"
    found = Context(Document.from_text(text), registry).quotes
    assert [q.text for q in found] == ["The harbour will reopen on Monday,", "Not before."]
    assert [q.speaker for q in found] == ["Maren Okafor", "Maren Okafor"]
    assert found[0].open_mark == "''" and found[0].close_mark == "''"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop inside the marks, then only the attribution
        ("“We found every one of the missing files.” Okafor said.", ["Okafor"]),
        # a longer sentence after it is a sentence of its own
        ("Maren Okafor spoke first. “We found every one of the missing files.” Tamsin Reyes said the search took a week.", ["Maren Okafor"]),
        # a participle clause after the verb takes its own quotation
        ("“We wrote twenty songs before the summer,” Okafor said, mentioning the record is “nearly done.”", ["Okafor", "Okafor"]),
        # verbs that report only after a quotation, and two-word verbs
        ("“Would the levy go up again next year?” Reyes pressed.", ["Reyes"]),
        ("After the mayor criticized the plan, Okafor shot back, “I could have said nothing and kept my seat.”", ["Okafor"]),
        ("Reyes fired back: “If they take us to court over this, they will lose.”", ["Reyes"]),
        # with no reporting verb, a person named right before the colon
        ("The result did not surprise Democratic pollster Lena Marsh: “Turnout in the suburbs decided it, as it always does.”", ["Lena Marsh"]),
        # a name right before a participle is its subject
        ("Fans booed the referee, with Tamsin Reyes reportedly shouting: “Send him off, he has done it all game!”", ["Tamsin Reyes"]),
        # an appositive opening with a possessor describes the speaker by somebody else's name
        ("Tomas Ferreira, Okafor’s campaign manager, said the result was “a mandate for change.”", ["Tomas Ferreira"]),
    ],
)
def test_shapes_of_real_news(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Okafor called the bankers “fat cats” at the rally.", "speech"),
        ("Tamsin Reyes referred to the protesters as “paid agitators” on Monday.", "speech"),
        ("Residents call the illness “bone fever” because of the pain.", "term"),
    ],
)
def test_a_label_a_named_speaker_gives_is_their_words(text: str, kind: str, registry: Registry) -> None:
    found = Context(Document.from_text(text), registry).quotes
    assert [q.kind for q in found] == [kind]


@pytest.mark.parametrize(
    ("text", "method", "confidence"),
    [
        ("“The bridge is safe,” said Maren Okafor.", "after", "high"),
        ("Maren Okafor said: “The bridge is safe.”", "before", "high"),
        ("Maren Okafor visited the site. “The bridge is safe,” she said.", "after", "medium"),
        ("“The bridge is safe,” said Maren Okafor. “It will open in May.”", "previous", "medium"),
        ("Maren Okafor had one message for the crowd, “build the bridge and build it before the winter.”", "subject", "low"),
    ],
)
def test_every_attribution_says_how_sure_it_is(text: str, method: str, confidence: str, registry: Registry) -> None:
    q = quotes(text, registry)[-1]
    assert (q.attribution, q.confidence) == (method, confidence)


@pytest.mark.parametrize(
    "layout",
    ["By Jonas Whitfield", "Jonas Whitfield / Reuters.", "Photo: Jonas Whitfield", "Editing by Jonas Whitfield"],
)
def test_layout_lines_never_speak(layout: str, registry: Registry) -> None:
    """A byline or a credit names nobody who speaks, nor anybody `he` can stand for."""
    text = f"{layout}\n\nThe council met on Monday to vote on the budget.\n\n“We will vote again next week,” he said."
    assert speech(text, registry) == [None]
    assert speech(text.replace(layout, "Jonas Whitfield chaired the meeting."), registry) == ["Jonas Whitfield"]


def test_quote_marks_inside_markup_left_in_plain_text_are_no_quotation(registry: Registry) -> None:
    text = 'Watch the clip at <a href="https://example.org/clip">example.org</a>. Maren Okafor said it was “fine.”'
    found = Context(Document.from_text(text), registry).quotes
    assert [(q.text, q.speaker) for q in found] == [("fine.", "Maren Okafor")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Tamsin Reyes refers to the mayor as “Bertie.”", "speech"),
        ("Supporters began chanting “Maren! Maren!” as she walked in.", "speech"),
        ("Tamsin Reyes referred to the transfers in her emails as “Project Kestrel” for months.", "term"),
    ],
)
def test_nicknames_and_chants(text: str, kind: str, registry: Registry) -> None:
    assert [q.kind for q in Context(Document.from_text(text), registry).quotes] == [kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessor before a title and the speaker's own name
        ("“This has to be the first time,” said Okafor’s chief of staff Tamsin Reyes.", ["Tamsin Reyes"]),
        # asides between the subject and its verb
        ("Tomas Ferreira, leading in the polls and focusing on the north, questioned the mayor’s “city values” on Monday.", ["Tomas Ferreira"]),
        ("Tomas Ferreira, when asked what was wrong with the plan, responded that it “ignores the north entirely.”", ["Tomas Ferreira"]),
        ("Tomas Ferreira spoke first. Ferreira, who says the council and its officers should resign, tweeted that the budget “will not survive the winter.”", ["Tomas Ferreira"]),
        # an adverb in -ly between the subject and its verb
        ("Tamsin Reyes has increasingly decried what she calls “systemic neglect” in the county.", ["Tamsin Reyes"]),
        # a possessor's post before a colon
        ("From Tamsin Reyes’s campaign post: “We must move on from this together.”", ["Tamsin Reyes"]),
    ],
)
def test_asides_possessors_and_adverbs(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


def test_a_quantifier_alone_describes_the_speakers(registry: Registry) -> None:
    (q,) = quotes("Fans held signs high as they celebrated. Some chanted “Home! Home!”", registry)
    assert (q.speaker, q.speaker_text) == (None, "Some")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Norberg, co-founder of the Harbour Institute and advocate of a bold plan, welcomed “the recognition that we need more.”", ["Tomas Norberg"]),
        ("“Send them home,” said Tamsin Reyes, backing an Okafor-era rule that the council dropped.", ["Tamsin Reyes"]),
        ("In a clip that Judge Maren Okafor called “distasteful,” Reyes expressed a desire to “close the county office for good.”", ["Maren Okafor", "Reyes"]),
    ],
)
def test_appositives_with_and_and_modifiers(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Her 2019 novel “The Quiet Harbour” predicted the decline of the fishing towns.",
        "The council’s “Harbour Homes Plan,” launched in 2023, would add 240 flats by 2028.",
    ],
)
def test_a_name_in_the_sentence_is_no_speech_of_what_follows(text: str, registry: Registry) -> None:
    assert [q.kind for q in Context(Document.from_text(text), registry).quotes] == ["term"]


@pytest.mark.parametrize(
    ("text", "expected", "confidence"),
    [
        # a quotation alone in its sentence after a sentence whose subject is somebody: a guess
        ("Dana Harlow did not hold back on Tuesday. “This audit is a sham.”", "Dana Harlow", "low"),
        ("The Harlow campaign fired back on Twitter. “We will appeal.”", "Harlow campaign", "low"),
        # not a group described by a capitalised word, nor when the quotation's sentence goes on
        ("Union leaders said the plan was dead. “We will fight on until the last ward is open.”", None, None),
        ("Dana Harlow did not hold back. “This audit is a sham” was the line on every poster.", None, None),
    ],
)
def test_the_subject_of_the_sentence_before(text: str, expected: str | None, confidence: str | None, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker, q.confidence) == (expected, confidence)


def test_a_verb_in_s_after_a_quantifier_is_a_plural_noun(registry: Registry) -> None:
    (q,) = quotes("Beijing has courted many Asian states, and it has worn “velvet gloves” while doing so.", registry)
    assert q.speaker != "Asian"
    (q,) = quotes("Many Asian voters said the plan was “a trap.”", registry)
    assert q.speaker_text == "Many Asian voters"


@pytest.mark.parametrize(
    "text",
    [
        "As Maren Okafor put it last year, “The bridge is safe.”",
        "“The bridge is safe,” as Maren Okafor put it.",
        "“The bridge is safe” is how Maren Okafor puts it.",
    ],
)
def test_as_she_put_it(text: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == "Maren Okafor"


def test_she_is_not_a_name_most_of_whose_bearers_are_men(registry: Registry) -> None:
    text = "Hillary Moss spoke first. Then Bernie Keane took the stage. “We will win this,” she said."
    (q,) = quotes(text, registry)
    assert q.speaker == "Hillary Moss"  # Bernie: 79% of its bearers men in the 1990 census lists
    (q,) = quotes(text.replace("Bernie", "Taylor"), registry)
    assert q.speaker == "Taylor Keane"  # Taylor: 65%, too close to tell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation alone in its sentence, nobody else found: the person named last, a guess
        ("Dana Harlow toured the plant on Monday with two engineers.\n\n“The line will run again by spring.”", "Dana Harlow"),
        # not across a paragraph that names nobody, nor for a quotation inside a sentence of its own
        ("Dana Harlow toured the plant on Monday.\n\nThe union has other worries.\n\n“The line will run again by spring.”", None),
        ("Chief Executive Dana Harlow opened the forum. The forum is meant to “take stock of progress so far.”", None),
    ],
)
def test_the_person_named_last_is_a_guess(text: str, expected: str | None, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == expected
    assert (q.attribution, q.confidence) == (("nearest", "low") if expected else (None, None))


@pytest.mark.parametrize(
    ("text", "speaker", "described"),
    [
        # a reporting verb whose subject is a thing reports for the sayer of the clause around it
        ("Dana Harlow said the figures suggested the plan was “working as intended.”", "Dana Harlow", None),
        ("A person close to the inquiry said what was taken suggested the thieves wanted “trade secrets.”", None, "A person close to the inquiry"),
        # a thing described is the nearer verb's subject all the same
        ("Dana Harlow said the report suggested the plan was “working as intended.”", None, "the report"),
        # a named subject of the nearer verb is its speaker
        ("Dana Harlow said Tom Reyes suggested the plan was “working as intended.”", "Tom Reyes", None),
    ],
)
def test_a_verb_of_a_thing_in_a_reported_clause(text: str, speaker: str | None, described: str | None, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == speaker
    assert described is None or q.speaker_text == described


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb in -ed right after the speaker that follows a quotation closing on a comma
        ("“We will not back down,” Dana Harlow glowered on Tuesday.", "Dana Harlow"),
        ("Dana Harlow spoke first. “We will not back down,” she glowered.", "Dana Harlow"),
        # not a verb after a helper, nor after a quotation inside its sentence
        ("Since the “forgotten middle class,” Dana Harlow has struggled to find a theme.", None),
    ],
)
def test_a_verb_closing_the_sentence_after_a_quotation(text: str, speaker: str | None, registry: Registry) -> None:
    (q,) = every(text, registry)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "described"),
    [
        # somebody from a place is no place speaking
        ("A woman in Dover said the mayor was “too soft” on crime.", "A woman in Dover"),
        ("Officials in Brussels said the plan was “dead on arrival.”", "Officials in Brussels"),
        # a she after a described person in the same sentence is that person
        ("Gov. Dana Harlow arrived. A woman in the crowd told reporters she thinks the mayor is “too soft” on crime.", "A woman in the crowd"),
    ],
)
def test_somebody_described_is_no_place_nor_the_last_person_named(text: str, described: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text, q.confidence) == (None, described, "medium")


def test_a_place_speaking_for_its_government_is_kept(registry: Registry) -> None:
    (q,) = quotes("Brussels said the plan was “dead on arrival.”", registry)
    assert q.speaker == "Brussels"


@pytest.mark.parametrize(
    "text",
    [
        # a title after a preposition or a possessive is not a quotation the verb introduces
        "\"We will win,\" Dana Harlow said Monday on ABC's \"Morning Desk.\"",
        "\"We will win,\" Dana Harlow told the hosts of \"Fox and Friends.\"",
        # a speaker set off by dashes between the halves of a quotation
        "“We will win” – Dana Harlow told the crowd – “and we will do it soon.”",
    ],
)
def test_the_first_quotation_keeps_its_speaker(text: str, registry: Registry) -> None:
    first = every(text, registry)[0]
    assert (first.kind, first.speaker) == ("speech", "Dana Harlow")


@pytest.mark.parametrize(
    "aside",
    ["asked whether she would back Reyes", "pressed on her support for Reyes", "speaking after Reyes left the room"],
)
def test_a_participle_aside_is_passed_over(aside: str, registry: Registry) -> None:
    text = f"Dana Harlow and Tom Reyes spoke first. But Harlow, {aside}, said: “Never.”"
    assert quotes(text, registry)[-1].speaker == "Dana Harlow"


def test_an_appositive_opening_with_an_adjective_in_ed_is_no_aside(registry: Registry) -> None:
    (q,) = quotes("One fan, retired welder Abel Quintana, 61, said “I have never seen a worse team.”", registry)
    assert q.speaker == "Abel Quintana"


def test_a_reporting_participle_after_the_quotation_gives_the_subject(registry: Registry) -> None:
    text = "The Harlow campaign declined to discuss “that man,” telling the Herald it was focused on the voters."
    (q,) = quotes(text, registry)
    assert q.speaker == "Harlow campaign"
    (q,) = every("Dana Harlow toured the “new wing,” saying little.", registry)
    assert (q.kind, q.speaker) == ("term", None)  # a term stays a term


def test_a_long_appositive_between_the_speaker_and_the_verb(registry: Registry) -> None:
    text = (
        "Tom Reyes spoke first. “A very good reporter, this one,” Dana Harlow, the party's front-runner nationally and "
        "its polling leader in Ohio by a wide margin after winning the primaries, said when Reyes asked her a question."
    )
    assert quotes(text, registry)[-1].speaker == "Dana Harlow"


@pytest.mark.parametrize(
    "text",
    [
        "She described herself as “anti-system.”",  # he or she is somebody, found or not
        "He implied the judge was biased and “hostile” because of his background.",
    ],
)
def test_words_a_he_or_she_gives_are_speech(text: str, registry: Registry) -> None:
    (q,) = every(text, registry)
    assert q.kind == "speech"


def test_one_capitalised_ordinary_word_a_speaker_says_is_speech(registry: Registry) -> None:
    (q,) = every("Harlow has said the trade deal could lead to another \"Depression.\"", registry)
    assert (q.kind, q.speaker) == ("speech", "Harlow")
    (q,) = every("Harlow said she watches \"Lilyhammer\" most nights.", registry)
    assert q.kind == "term"  # a title is no ordinary word


def test_a_verb_with_no_subject_to_find_leaves_the_context_to_name_the_speaker(registry: Registry) -> None:
    text = "“The line is ready,” Dana Harlow said on Monday. What was found suggested the line was “ready to run again.”"
    assert quotes(text, registry)[-1].speaker == "Dana Harlow"
    # inside somebody's words it names nobody
    text = "“When the letter came, my grandson read it and said, ‘Nan, they have robbed you,’” Margaret Oduya said."
    inner = every(text, registry)[-1]
    assert inner.text.startswith("Nan") and inner.speaker is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Farmers along the river grew more “hopeful” about the harvest, Moon said.", "Moon"),
        ("Most of the councillors became “restless” during the budget debate and left early, Gale said.", "Gale"),
        ("The ferry crews had been “patient” for weeks, Fox told reporters.", "Fox"),
    ],
)
def test_a_lone_surname_closing_the_sentence_speaks_its_fragment(text: str, expected: str, registry: Registry) -> None:
    """Nobody met before, one capitalised word after a comma and a reporting verb that ends the
    sentence: the quoted word is that person's, even when the name is also an ordinary word."""
    (q,) = quotes(text, registry)
    assert q.speaker_text == expected and q.confidence == "high"


def test_a_lone_capitalised_word_inside_the_clause_is_not_taken_for_a_speaker(registry: Registry) -> None:
    (q,) = every("The “quiet” season, when Harbour Street said nothing, ended in May.", registry)
    assert q.kind == "term"


def test_a_label_somebody_named_gives_with_as_is_theirs(registry: Registry) -> None:
    text = "Councillor Ida Renner spoke first. Renner described the new levy as “Victorian.”"
    (q,) = quotes(text, registry)
    assert q.speaker == "Ida Renner"
    (label,) = every("Critics described the new levy as “Victorian.”", registry)
    assert label.kind == "term"


def test_a_surname_after_a_lower_case_particle_is_a_name(registry: Registry) -> None:
    text = (
        "Transport Minister Layla al-Rashid opened the bridge on Friday, saying it was “built to last.”\n\n"
        "Al-Rashid added that the tolls would be “modest.”\n\n"
        "“We listened,” said al-Rashid.\n\n"
        "“It is late,” wrote Henri d’Arcy, an engineer."
    )
    found = quotes(text, registry)
    assert [q.speaker for q in found] == ["Layla al-Rashid"] * 3 + ["Henri d’Arcy"]
    assert [q.confidence for q in found] == ["high"] * 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The inspector was blunt: “Nobody checked the welds.”", "The inspector"),
        ("Asked about the delay, the contractor shrugged: “Rain happens.”", "the contractor"),
    ],
)
def test_somebody_described_before_a_colon_speaks(text: str, expected: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker is None and q.speaker_text == expected
    assert q.attribution == "colon" and q.confidence == "medium"


def test_a_thing_before_a_colon_does_not_speak(registry: Registry) -> None:
    (q,) = every("The audit had one conclusion: “Nothing was checked.”", registry)
    assert q.speaker is None and q.speaker_text is None


def test_a_pronoun_in_the_reported_clause_gives_way_to_the_named_sayer(registry: Registry) -> None:
    """`Pike wrote that he felt "betrayed"`: Pike is named in the quotation's own sentence with a
    reporting verb, so the attribution is sure, and says Pike, not `he`."""
    text = "Jordan Pike lost his job in March. Pike wrote on Sunday that he felt “betrayed.”"
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text, q.confidence) == ("Jordan Pike", "Pike", "high")


@pytest.mark.parametrize("name", ["Martin Pike", "Grant Wells", "Jordan Price"])
def test_a_first_name_and_a_surname_that_is_a_word_make_a_person(name: str, registry: Registry) -> None:
    surname = name.split()[1]
    text = f"{name} lost his job in March. {surname} wrote that he felt “betrayed.”"
    (q,) = quotes(text, registry)
    assert (q.speaker, q.confidence) == (name, "high")


def test_a_registered_surname_after_somebody_elses_first_name_is_theirs(registry: Registry) -> None:
    """The registry knows Ned Price; the article is about Jordan Price and never names Ned: its
    `Price` is Jordan. Where the article names Ned Price too, `Price` stays the registered one."""
    text = "Jordan Price, a welder, lost his job in March. “I felt betrayed,” Price said."
    assert [q.speaker for q in quotes(text, registry)] == ["Jordan Price"]
    both = "Ned Price spoke first. " + text
    assert [q.speaker for q in quotes(both, registry)] == ["Ned Price"]


def test_alleges_reports_and_a_floated_quantifier_is_no_part_of_the_speaker(registry: Registry) -> None:
    (q,) = quotes("The complaint alleges the landlord “deliberately ignored” the leaks.", registry)
    assert q.speaker_text == "The complaint"
    (q,) = quotes("The tenants all said the repairs were “far too slow.”", registry)
    assert q.speaker_text == "The tenants"


def test_somebody_described_as_the_subject_outranks_an_earlier_according_to(registry: Registry) -> None:
    text = "According to court records, the suspect told officers she had been “awake for a day.”"
    (q,) = quotes(text, registry)
    assert q.speaker_text == "the suspect"


def test_a_quotation_of_two_paragraphs_takes_the_speaker_its_last_part_names(registry: Registry) -> None:
    text = (
        "Harbour master Ines Doyle addressed the council on Monday.\n\n"
        "“The breakwater is older than any of us. It was patched in 1987.\n\n"
        "“One more storm like the last and it goes,” she told the council."
    )
    found = quotes(text, registry)
    assert [q.speaker for q in found] == ["Ines Doyle", "Ines Doyle"]
    assert [q.attribution for q in found] == ["part", "after"]


def test_a_bracketed_photo_credit_and_the_outlet_under_a_byline_stand_for_nobody(registry: Registry) -> None:
    text = (
        "By Ruth Okafor\nThe Northern Ledger\n\n"
        "HALIFAX — Ferry fares will rise in June.\n\n"
        "(Photo: Dev Patel/Harbour Wire)\n\n"
        "“It is a blow,” he said.\n\n"
        "“We will adapt,” it said."
    )
    assert [(q.speaker, q.speaker_text) for q in quotes(text, registry)] == [(None, None), (None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The audit was released on Friday. “Controls were weak,” it said.", "The audit"),
        ("The company lost money last year. “We regret the delays,” it said.", "The company"),
    ],
)
def test_it_stands_for_the_report_or_body_opening_the_sentence_before(text: str, expected: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text, q.confidence) == (None, expected, "medium")


@pytest.mark.parametrize(
    "text",
    [
        "Senator Mark Doyle met with Governor Paul Reyes on Friday. He said the talks were “productive.”",
        "On Monday, Mark Doyle thanked Paul Reyes for the loan. He called it “a lifeline.”",
        "Mark Doyle, a farmer, sold his land to Paul Reyes. “It was time,” he said.",
    ],
)
def test_he_goes_to_the_subject_of_the_sentence_before_not_its_object(text: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == "Mark Doyle"


def test_a_noun_for_a_person_before_a_name_makes_it_a_person_unless_it_names_companies(registry: Registry) -> None:
    text = "Opposition critic Aleana Young was not convinced. “Nobody believes that,” Young said."
    assert [q.speaker for q in quotes(text, registry)] == ["Aleana Young"]
    text = "Shares of battery maker Volt Cell fell. Ana Ruiz, a union spokeswoman, said staff heard “from the radio.”"
    assert [q.speaker for q in quotes(text, registry)] == ["Ana Ruiz"]


def test_a_capitalised_participle_clause_holds_no_subject(registry: Registry) -> None:
    text = "Jane Doe is the mayor's press secretary. Asked if she would run again, Doe laughed. “Never say never.”"
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text) == ("Jane Doe", "Doe")


def test_she_after_somebody_described_is_that_person_when_the_sexes_agree(registry: Registry) -> None:
    text = (
        "Defence lawyer Maria Ortiz said her client was “deeply sorry.”\n\n"
        "The victim's mother read a statement in court. “I think of him every day,” she said.\n\n"
        "The victim's father spoke next. “Justice was done,” she said."
    )
    found = quotes(text, registry)
    assert [(q.speaker, q.speaker_text) for q in found] == [
        ("Maria Ortiz", "Defence lawyer Maria Ortiz"),
        (None, "The victim's mother"),
        ("Maria Ortiz", "she"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ferry worker in Stornoway, who gave only his first name, said he had waited “three hours in the rain.”", "A ferry worker in Stornoway"),
        ("One resident of Quarry Lane said the blasting was “unbearable at night.”", "One resident of Quarry Lane"),
    ],
)
def test_somebody_described_with_a_place_after_the_noun_is_the_speaker(text: str, expected: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text) == (None, expected)


def test_a_noun_opening_a_name_and_the_n_year_old_after_it(registry: Registry) -> None:
    text = (
        "Grandfather Peter Walsh, 67, was stranded at the airport for six hours.\n\n"
        "“It was absolutely freezing,” the 67-year-old said.\n\n"
        "“We had no food,” the 40-year-old said."
    )
    found = quotes(text, registry)
    assert [(q.speaker, q.speaker_text) for q in found] == [("Peter Walsh", "the 67-year-old"), (None, "the 40-year-old")]


def test_first_names_from_elsewhere_tell_a_sex_and_a_lone_one_is_somebody(registry: Registry) -> None:
    text = (
        "“Why should we pay more?” asked Ravi Menon, a grocer in Kochi.\n\n"
        "Menon's neighbour, Sunita, nodded. “Everything costs double now,” she said."
    )
    assert [(q.speaker, q.speaker_text) for q in quotes(text, registry)] == [("Ravi Menon", "Ravi Menon"), ("Sunita", "she")]
    crude = "Brent crude rose 4 per cent. “It will not last,” she said."
    assert [q.speaker for q in quotes(crude, registry)] == [None]


def test_a_later_quotation_with_its_own_verb_leaves_the_first_its_speaker(registry: Registry) -> None:
    text = "Dr. Amy Lind led the trial. “This changes how we treat patients,” Lind said, while Berg called it “a first step.”"
    assert [(q.speaker, q.attribution) for q in quotes(text, registry)] == [("Amy Lind", "after"), ("Berg", "before")]


def test_a_title_description_goes_to_a_person_not_to_a_body_named_like_one(registry: Registry) -> None:
    text = (
        "Sen. Dana Whitcombe said the speech ignored the threat from the Islamic State. "
        "Nothing in it “will calm anyone,” the Ohio senator said."
    )
    (q,) = quotes(text, registry)
    assert q.speaker == "Dana Whitcombe"


def test_somebody_unnamed_opening_the_sentence_is_its_subject_not_a_name_after_it(registry: Registry) -> None:
    text = (
        "Mayor Ruth Gale spoke on Monday. One aide inside city hall tried to play down Gale's remarks, "
        "saying they were “not a big deal here.”"
    )
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text) == (None, "One aide")


def test_a_statement_from_a_body_speaks_for_it(registry: Registry) -> None:
    text = "According to a statement from the Harbour Ferry Authority, crossings will resume “when the wind drops.”"
    (q,) = quotes(text, registry)
    assert q.speaker == "Harbour Ferry Authority"


def test_an_interviews_answers_go_to_the_person_answering(registry: Registry) -> None:
    text = (
        "Harbour master Ines Doyle spoke to the Ledger on Friday.\n\n"
        "Q: “Will the ferry run this winter?”\n\n"
        "A: “Only if the breakwater holds.”\n\n"
        "Q: “And if it does not?”\n\n"
        "A: “Then we wait for spring.”"
    )
    found = every(text, registry)
    assert [(q.speaker, q.attribution) for q in found if q.kind == "speech"] == [
        (None, None),
        ("Ines Doyle", "answer"),
        (None, None),
        ("Ines Doyle", "answer"),
    ]
    assert found[1].confidence == "medium"


def test_what_opens_a_clause_so_the_describers_are_only_those_after_it(registry: Registry) -> None:
    (q,) = quotes("The bill creates what critics call “a giveaway to developers.”", registry)
    assert q.speaker_text == "critics"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Okafor identified the referee as “Belgian,” which was wrong.", "Okafor"),
        ("Councillor Ada Marsh portrayed the rival bid as a “vanity project.”", "Ada Marsh"),
        ("Okafor has a strategy that rests on presenting herself as “anti-establishment.”", "Okafor"),
    ],
)
def test_a_verb_that_labels_through_as_gives_its_subjects_words(text: str, speaker: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == speaker


def test_a_label_verb_without_as_or_in_the_passive_reports_nothing(registry: Registry) -> None:
    (product,) = every("The firm presented its “LumaCell” battery at the fair.", registry)
    assert product.kind == "term"  # no `as`: a product's name
    (passive,) = every("The driver was identified as “a local man” by police.", registry)
    assert passive.speaker_text is None  # not the driver's words


def test_one_capitalised_word_after_is_in_reported_speech_is_the_speakers_word(registry: Registry) -> None:
    (q,) = quotes("Okafor said the new coach was “Scottish,” and that was enough.", registry)
    assert q.speaker == "Okafor"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("The senator called the levy “a tax on commuters.”", "The senator"),
        ("Today the Valley Courier newspaper calls the town “the jewel” of the coast.", "the Valley Courier newspaper"),
        ("Officials called the delay “a disgrace.”", "Officials"),
    ],
)
def test_a_label_from_one_person_described_or_a_judgment_with_a_is_speech(text: str, described: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker_text == described


def test_a_name_that_a_group_gives_a_place_stays_a_term(registry: Registry) -> None:
    (q,) = every("Local fishermen call the cove “the Kettle.”", registry)
    assert q.kind == "term"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Okafor closed with a plea for the council to “rethink” its budget.", "speech"),
        ("The levy would “cripple” small shops, the report found.", "speech"),
        ("He was sent to “rehab” twice.", "term"),  # a noun after the preposition `to`
        ("The archive moved to “the cloud” last year.", "term"),
    ],
)
def test_a_verb_quoted_after_to_or_a_modal_is_somebodys_word(text: str, kind: str, registry: Registry) -> None:
    (q,) = every(text, registry)
    assert q.kind == kind


def test_a_title_description_stands_for_the_subject_not_the_person_spoken_of(registry: Registry) -> None:
    text = (
        "Sen. Dana Holt, speaking on a radio show, said Governor Ross had ignored the floods. "
        "Nothing the governor did “will calm anyone down,” the Ohio senator said."
    )
    (q,) = quotes(text, registry)
    assert q.speaker == "Dana Holt"


def test_a_title_heading_the_sentence_is_its_subject_though_a_name_follows(registry: Registry) -> None:
    (q,) = quotes("In two interviews, the judge sounded off on Ross, saying she did not “want to think about” a Ross win.", registry)
    assert (q.speaker, q.speaker_text) == (None, "the judge")


def test_a_pronoun_after_a_participle_takes_the_sentences_subject_not_a_possessor(registry: Registry) -> None:
    text = (
        "Senator Paul Dreyer spoke in Lowell. “They did nothing,” Dreyer said.\n\n"
        "Erin Vasquez, a well-known campaigner, backed Dreyer’s plan on Saturday, saying she had held off "
        "because she believed “the town needs help first.”"
    )
    assert [q.speaker for q in quotes(text, registry)] == ["Paul Dreyer", "Erin Vasquez"]


def test_a_name_in_a_relative_clause_after_a_described_speaker_is_not_the_speaker(registry: Registry) -> None:
    text = "Mara Quinlan spoke first. “It will be hard to finish in time,” said a longtime ACLU data analyst who has worked for one of Quinlan’s rivals."
    speakers = [(q.speaker, q.speaker_text) for q in quotes(text, registry)]
    assert speakers == [(None, "a longtime ACLU data analyst")]


def test_a_participles_subject_described_then_named_in_an_appositive_is_the_person(registry: Registry) -> None:
    text = "In early May, the state director, Lena Ortiz, reached out to the firm, writing in an email: “We want the files soon.”"
    (q,) = quotes(text, registry)
    assert q.speaker == "Lena Ortiz"


def test_a_word_the_headline_quotes_is_the_speakers_who_says_it_in_the_body(registry: Registry) -> None:
    text = (
        "Trustees split over ‘hasty’ plan to sell the old school\n\n"
        "Trustee Mira Okonjo called the sale ‘hasty’ and said the board had not consulted parents."
    )
    found = every(text, registry)
    assert [(q.kind, q.speaker, q.attribution) for q in found] == [
        ("speech", "Mira Okonjo", "echo"),
        ("speech", "Mira Okonjo", "before"),
    ]


def test_a_headline_term_nobody_says_in_the_body_stays_a_term(registry: Registry) -> None:
    text = "Residents rally behind ‘Save the Pier’ campaign\n\nMira Okonjo said the pier ‘must stay open’ for anglers."
    assert every(text, registry)[0].kind == "term"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Okafor said the city had sent 40 tankers, but conceded that the timetable posted online was “not always right”.", "Okafor"),
        ("Okafor said the figures reported last week were “alarming.”", "Okafor"),
    ],
)
def test_a_participle_describing_a_noun_is_not_the_quotations_verb(text: str, speaker: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == speaker


def test_a_noun_ending_in_ly_heads_a_description(registry: Registry) -> None:
    (q,) = quotes("In a statement, the family said: “We are heartbroken.”", registry)
    assert q.speaker_text == "the family"


def test_police_without_a_determiner_are_a_body_of_their_own(registry: Registry) -> None:
    text = "“Prices will rise,” said Jane Rowe, chief executive of the Harbour Traders Association.\n\nAccording to police, the man “appeared agitated” before the crash."
    assert [q.speaker for q in quotes(text, registry)] == ["Jane Rowe", "police"]


def test_a_colon_after_a_possessors_noun_and_an_appositive_gives_the_person_named(registry: Registry) -> None:
    text = "“It's a relief,” said Maria Santos, a homeowner in Leeds.\n\nSantos’s neighbour, Tom Briggs, was less hopeful: “I'll believe it when I see it.”"
    assert [q.speaker for q in quotes(text, registry)] == ["Maria Santos", "Tom Briggs"]


def test_what_a_possessor_puts_out_before_a_colon_stands_for_them(registry: Registry) -> None:
    (q,) = quotes("Holt’s reply was: “Is he from Ohio or Iowa?”", registry)
    assert q.speaker == "Holt"


def test_a_particle_written_with_a_capital_opening_a_sentence_is_the_same_person(registry: Registry) -> None:
    text = "Coach Luis de Souza agreed. De Souza said it was “a bad night”.\n\n“We were outplayed,” conceded manager Erik ten Hoven."
    assert [q.speaker for q in quotes(text, registry)] == ["Luis de Souza", "Erik ten Hoven"]


def test_a_colon_after_a_paper_from_a_body_gives_the_body(registry: Registry) -> None:
    text = "Likewise, a paper from the left-leaning Harbour Policy Institute had this to say about the plan: “Richer families would gain most.”"
    (q,) = quotes(text, registry)
    assert q.speaker == "Harbour Policy Institute"


def test_an_organization_opening_the_sentence_is_a_guess_for_its_unattributed_words(registry: Registry) -> None:
    (q,) = quotes("The Harbour Council released a statement on Monday, offering “a deep and sincere apology” to residents.", registry)
    assert (q.speaker, q.attribution, q.confidence) == ("Harbour Council", "subject", "low")
    (later,) = quotes("One example was a loan made to Tradewell, a firm which offered “no services at all” to anyone.", registry)
    assert later.speaker is None  # named after the verb: not the sentence's subject


def test_a_dateline_is_no_subject_for_the_verb(registry: Registry) -> None:
    text = "LISBON (AP) — A senior official, speaking on condition of anonymity, said the deal was “very close.”"
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text) == (None, "A senior official")


def test_a_pronoun_inside_a_relative_aside_is_not_the_subject_of_the_verb_after_it(registry: Registry) -> None:
    text = (
        "Sen. Maria Ostrowska said the bill “falls short.”\n\n"
        "The spokeswoman, who asked not to be named because she was not authorized to speak, said the agency “does not comment.”"
    )
    assert [q.speaker_text for q in quotes(text, registry)] == ["Maria Ostrowska", "The spokeswoman"]


def test_a_transcript_label_in_capitals_names_the_person_with_that_surname(registry: Registry) -> None:
    text = "Finance Minister Carla Brennan spoke to the committee.\n\nBRENNAN: “We are ready for whatever comes.”\n\nUPDATE: “The bridge is open again.”"
    found = quotes(text, registry)
    assert [(q.speaker, q.attribution) for q in found] == [("Carla Brennan", "colon"), (None, None)]


def test_a_thing_as_the_subject_of_an_inner_verb_leaves_the_words_to_the_person_reporting(registry: Registry) -> None:
    text = "Chief Financial Officer Colette Marr told analysts on a call that the company expected “a choppy few quarters.”"
    (q,) = quotes(text, registry)
    assert q.speaker == "Colette Marr"


def test_a_surname_nobody_introduced_that_says_something_is_somebody_a_he_can_stand_for(registry: Registry) -> None:
    text = (
        "Coach Andy Reid praised his quarterback. “He's the best,” Reid said.\n\n"
        "Mahomet, for his part, shrugged off the praise. “I just try to do my job,” he said. Mahomet said the team “has work to do”."
    )
    assert [q.speaker for q in quotes(text, registry)] == ["Andy Reid", "Mahomet", "Mahomet"]


def test_a_word_after_of_before_a_verb_is_no_surname(registry: Registry) -> None:
    text = "Shipping analyst Priya Rao of Drewmark noted that rates had risen “by double digits”. “You will see empty shelves,” she warned."
    assert [q.speaker for q in quotes(text, registry)] == ["Priya Rao", "Priya Rao"]


def test_a_verb_in_s_right_after_a_verb_is_its_object_not_a_reporting_verb(registry: Registry) -> None:
    (q,) = quotes("A spokeswoman for Mayor Dana Holt referred questions to “the legal team, as always.”", registry)
    assert q.speaker_text != "A spokeswoman for Mayor Dana Holt referred"
    assert q.attribution == "before" and q.speaker == "Dana Holt"


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("The Harbour Authority issued a statement that said the work would be “fully funded.”", "Harbour Authority"),
        ("Residents received a letter that said the pool would “never reopen.”", "a letter"),
    ],
)
def test_a_reporting_verb_after_that_is_a_verb_not_a_noun_after_a_determiner(text: str, described: str, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker or q.speaker_text) == described


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Acme said the complaint was “baseless” and would be fought.", "Acme"),
        ("Rice said the vote was “a foregone conclusion.”", "Rice"),
        ("Everyone said the plan was “a mess.”", None),  # nobody named
        ("Smith said the plan was “a mess.”", "Smith"),  # a surname that is a noun for a person
    ],
)
def test_a_name_that_is_also_a_word_alone_before_the_verb_is_the_subject(text: str, speaker: str | None, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Parents at the school were furious. “Nobody told us anything,” they said.", "Parents at the school"),
        ("Local farmers had waited all week. “We lost everything,” they told reporters.", "Local farmers"),
        ("The roads were closed for hours. “Nobody told us anything,” they said.", None),  # no people
    ],
)
def test_they_stands_for_people_described_opening_the_sentence_before(text: str, described: str | None, registry: Registry) -> None:
    (q,) = quotes(text, registry)
    assert (q.speaker, q.speaker_text) == (None, described)


def test_a_hyphenated_adjective_opening_a_headline_is_no_part_of_a_name(registry: Registry) -> None:
    (q,) = quotes("Low-budget Marathi drama wins top prize\n\n“We never expected this,” he said.", registry)
    assert q.speaker is None  # nobody named: not `Low-budget Marathi`
