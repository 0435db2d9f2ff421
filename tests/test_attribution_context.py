"""Attribution patterns of news copy in other outlets' styles: split quotations with an
adverbial, relative clauses, titles of a body, unnamed spokespeople, descriptions standing for
a person, quotation paragraphs carried over from the paragraph before."""

from __future__ import annotations

import pytest

from quotelint.registry import Registry
from tests.attribution_helpers import registry, speech, kinds  # noqa: F401 - registry is a fixture


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a split quotation whose verb has an adverbial after it serves both halves
        ("Counsel Amara Lindqvist said the firm would appeal. “We accept the verdict,” she said on the steps, “but not the sentence.”", ["Amara Lindqvist", "Amara Lindqvist"]),
        ("“The roads are open,” Inspector Tomas Ferreira said on Friday morning, “and the bridge reopens next week.”", ["Tomas Ferreira", "Tomas Ferreira"]),
        # a title of a body after the name: the body is no person
        ("“We are ready,” said Odile Brenner, Chief Operating Officer of Kestrel Dynamics.", ["Odile Brenner"]),
        ("“Costs will fall,” said Rui Valente, Managing Director of the Harbour Authority.", ["Rui Valente"]),
        # an unnamed spokesperson speaks for the organization
        ("A Kestrel Dynamics spokesman said: “We will publish the figures in March.”", ["Kestrel Dynamics"]),
        ("The Harbour Authority said the berth would reopen. “Ships can dock from Monday,” a spokeswoman said.", ["Harbour Authority"]),
        # a description with `the` stands for the last person named
        ("Councillor Idris Mwangala rejected the plan. “It is a land grab,” the legislator said.", ["Idris Mwangala"]),
        ("Goalkeeper Rónán Daly kept a clean sheet. “We defended well,” the 29-year-old goalkeeper said, “and we deserved it.”", ["Rónán Daly", "Rónán Daly"]),
        ("Its spokesperson, Marit Solberg, told reporters the rules would change. “We have listened,” the spokesperson added.", ["Marit Solberg"]),
        # but an indefinite one names nobody
        ("Councillor Idris Mwangala rejected the plan. “It is a land grab,” a resident said.", [None]),
    ],
)
def test_speaker(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


def test_relative_clause_verb_does_not_govern_the_quotation(registry: Registry) -> None:
    text = "The kit uses the firm’s patented “GlassLock” hinge, which Kestrel Dynamics says lasts ten years."
    assert kinds(text, registry) == [("term", None)]


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph holding only a quotation goes on with the speaker of the one before ...
        "Coach Petra Lindahl was calm. “We stayed patient,” Lindahl said.\n\n“We always believed the goal would come.”\n\nThe club plays again on Sunday.",
        # ... or is claimed by `she added` opening the next one
        "Coach Petra Lindahl was calm after the match.\n\n“We always believed the goal would come.”\n\nShe added that the squad was tired.",
    ],
)
def test_quotation_paragraph(text: str, registry: Registry) -> None:
    assert speech(text, registry) == ["Petra Lindahl"] * (2 if text.count("“") == 2 else 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a naming verb that requests or judges reports words
        ("The opposition leader, Halvard Rune, called on the minister to “come clean” about the deal.", [("speech", "Halvard Rune")]),
        ("Senator Olu Badmus termed the budget a “fiasco” before the vote.", [("speech", "Olu Badmus")]),
        # one that names with an object between stays a term
        ("Fishermen call the storm “the widowmaker” in these parts.", [("term", None)]),
        # words the speaker reports saying inside the quotation are the speaker's
        ("“I kept shouting ‘get out, get out’ until they woke,” said Mireille Okonjo.", [("speech", "Mireille Okonjo"), ("speech", "Mireille Okonjo")]),
        # words somebody else said inside it are not
        ("“One clerk told my staff, ‘The files were shredded in May,’ and nobody asked why,” said Mireille Okonjo.", [("speech", "Mireille Okonjo"), ("speech", None)]),
    ],
)
def test_kind_and_speaker(text: str, expected: list[tuple[str, str | None]], registry: Registry) -> None:
    assert kinds(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a closing mark after a plural `s` closes when a new quotation opens before the next closer
        ("Minister Tove Anker said she backed ‘all of the reforms’ but insisted the plan had ‘saved jobs’.", [("speech", "Tove Anker"), ("speech", "Tove Anker")]),
        # a name cue with a longer phrase in between
        ("Baptiste, known to the home supporters as “the Wall”, made six saves.", [("term", None)]),
        # an abbreviation in brackets is the name before it
        ("The Coastal Water Supply Board (CWSB), in a statement, said supplies were “stable for now”.", [("speech", "Coastal Water Supply Board")]),
        # South Asian honorifics are taken off the name
        ("Shri Anil Mehrotra said the bridge would open “well before the monsoon”.", [("speech", "Anil Mehrotra")]),
    ],
)
def test_marks_cues_and_names(text: str, expected: list[tuple[str, str | None]], registry: Registry) -> None:
    assert kinds(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name that is also an ordinary word still makes a person, whom `he` can take
        ("Grant Okoye-Lund chaired the hearing. “The evidence is thin,” he said.", ["Grant Okoye-Lund"]),
        # a spokesperson's organization written before or after the noun
        ("“Flights resume on Monday,” a Baltair spokeswoman said.", ["Baltair"]),
        ("“Flights resume on Monday,” said a spokesman for the Civil Aviation Authority.", ["Civil Aviation Authority"]),
        # a surname that is also an ordinary word, alone beside the verb
        ("“The evidence is thin,” Hart said. “We will appeal.”", ["Hart", "Hart"]),
        ("“The evidence is thin,” said Baker.", ["Baker"]),
    ],
)
def test_names_and_spokespeople(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline quotation whose own subject is unnamed takes the speaker of the same words
        ("Dock workers’ leader vows: ‘We will not be moved’\n\nKwabena Asare, who leads the dock union, said: “We will not be moved. Not this time.”", ["Kwabena Asare", "Kwabena Asare"]),
        # a possessor is not the speaker: the person in the appositive is, or nobody
        ("Petra Holm watched the water rise. “It was terrifying,” said Holm’s neighbour, Jonas Vikstrand.", ["Jonas Vikstrand"]),
        ("Petra Holm watched the water rise. “It was terrifying,” said Holm’s husband.", [None]),
    ],
)
def test_echo_and_possessor(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


def test_registered_name_inside_a_longer_name(registry: Registry) -> None:
    text = "The OSCE for the Northern Basin said the talks had been “productive”. The OSCE said it was “hopeful”."
    assert speech(text, registry) == ["OSCE for the Northern Basin", "Organization for Security and Co-operation in Europe"]


@pytest.mark.parametrize(
    "text",
    [
        "Teachers marched with placards reading “Pay us fairly” and “No more cuts”.",
        "Villagers have already given the drought a name: “the Long Thirst”.",
        "The memo referred to the payments in several emails as “tea money”.",
    ],
)
def test_term_cues(text: str, registry: Registry) -> None:
    assert {k for k, _ in kinds(text, registry)} == {"term"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no reporting verb, but the sentence's subject and a colon before the quotation
        ("Councillor Bronwen Hughes was blunt: “Members are angry.”", ["Bronwen Hughes"]),
        ("The message from Councillor Bronwen Hughes was simple: “Stay home.”", ["Bronwen Hughes"]),
        ("The rules are clear: “No phones after ten.”", [None]),
    ],
)
def test_colon_after_the_subject(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lower-case title before a name makes a person, who wins over the company before it
        ("“We delivered,” said Kestrel Dynamics chief executive Odile Brenner.", ["Odile Brenner"]),
        ("“We were poor,” admitted coach Rune Halvorsen. “We must improve,” he added.", ["Rune Halvorsen", "Rune Halvorsen"]),
        # a capitalised title alone stands for the person written with it, or for nobody
        ("Prime Minister Aroha Tane toured the valley. The Prime Minister said the floods were “a national tragedy”.", ["Aroha Tane"]),
        ("The Prime Minister said the floods were “a national tragedy”.", [None]),
    ],
)
def test_titles(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a first name tells the sex when nothing else does
        ("Senator Grace Adeyemi met Mayor Tom Ruskin on Monday. “The bill is dead,” she said.", ["Grace Adeyemi"]),
        ("Senator Grace Adeyemi met Mayor Tom Ruskin on Monday. “The bill is dead,” he said.", ["Tom Ruskin"]),
        # an honorific still wins over the first name
        ("Ms. Jordan Pike met Mr. Lee Brandt. “We agree,” she said.", ["Jordan Pike"]),
    ],
)
def test_sex_of_first_names(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


def test_quotation_paragraph_with_a_source_of_its_own(registry: Registry) -> None:
    text = "Coach Petra Lindahl was calm. “We stayed patient,” Lindahl said.\n\n“The club failed its players,” the review found."
    assert speech(text, registry) == ["Petra Lindahl", None]


def test_description_with_nobody_named_in_its_paragraph(registry: Registry) -> None:
    text = "His barrister, Simon Hale, said his client was “deeply ashamed”.\n\nSentencing him, the judge said: “You betrayed people who trusted you.”"
    assert speech(text, registry) == ["Simon Hale", None]
