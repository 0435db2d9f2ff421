"""Attribution patterns of news English: a paragraph ending with a colon introduces the
quotation opening the next, whatever its verb; headline and standfirst forms joining a
quotation and a name with a colon; a possessor's statement or spokesman as the speaker."""

from __future__ import annotations

import pytest

from quotelint.registry import Registry
from tests.attribution_helpers import registry, speech  # noqa: F401 - registry is a fixture


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a paragraph ending with a colon, whatever its verb
        ("At the memorial, her granddaughter Kayla Brannigan, 29, read a tribute:\n\n“She taught us all to swim in that cold lake and never once complained about it.”", ["Kayla Brannigan"]),
        ("Inspector Tomas Ferreira told parliament:\n\n“The roads are open again and the bridge reopens next week.”", ["Tomas Ferreira"]),
        ("Odile Brenner wrote in her letter of resignation:\n\n“I can no longer serve a board that will not listen to its staff.”", ["Odile Brenner"]),
        # and the continuation paragraphs of a quote of several paragraphs
        ("Odile Brenner wrote in her letter of resignation:\n\n“I can no longer serve a board that will not listen to its staff.\n\n“I wish my colleagues every success in the years ahead of them.”", ["Odile Brenner", "Odile Brenner"]),
        # a pronoun subject goes back to the person named before
        ("Amara Lindqvist spoke after the hearing. Later she posted a message online:\n\n“We accept the verdict but we will keep fighting for the families.”", ["Amara Lindqvist"]),
        # titles and bodies resolved as for any subject
        ("Health minister Odile Brenner defended the plan on Tuesday. The minister told parliament:\n\n“We will not close a single ward this winter, whatever the cost.”", ["Odile Brenner"]),
        ("Kestrel Dynamics lost the final on Saturday. In a statement, the club said:\n\n“We are proud of every player who wore the shirt this season.”", ["Kestrel Dynamics"]),
        # a sentence with nobody as its subject names nobody
        ("The report, written by Tomas Ferreira over two years, ends on a warning:\n\n“The bridge was never safe to carry lorries of that weight.”", [None]),
        ("The crowd heard from Tomas Ferreira. Then came the moment everyone waited for:\n\n“I am stepping down at the end of the season.”", [None]),
        # a noun that stands for nobody named is no speaker
        ("The sign at the gate read:\n\n“No entry beyond this point without a permit from the council.”", [None]),
    ],
)
def test_colon_paragraph(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“I wrote it in the dark at the kitchen table”: Amara Lindqvist on her prize-winning debut\n\nThe novel took six years.", ["Amara Lindqvist"]),
        ("Tomas Ferreira: “We will not close a single station this year”\n\nThe transport chief spoke on Monday.", ["Tomas Ferreira"]),
        ("Transport chief Tomas Ferreira spoke on Monday.\n\nFerreira: “We will not close a single station this year.”", ["Tomas Ferreira"]),
        # an ordinary capitalised word is no speaker
        ("Budget Day: “We will not close a single station this year”\n\nThe transport chief spoke on Monday.", [None]),
        ("“We were never told about the leak at the plant”: Inside the scandal at the harbour\n\nWorkers spoke on Monday.", [None]),
        ("Exclusive: “We were never told about the leak at the plant”\n\nWorkers spoke on Monday.", [None]),
    ],
)
def test_headline_colon(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the words of Kestrel Dynamics' statement, “the company regrets any disruption to its customers.”", ["Kestrel Dynamics"]),
        ("Kestrel Dynamics' statement said “the company regrets any disruption to its customers.”", ["Kestrel Dynamics"]),
        ("According to Odile Brenner's spokesman, “she has no plans to stand again next year.”", ["Odile Brenner"]),
        ("“The company regrets any disruption,” according to Kestrel Dynamics' statement.", ["Kestrel Dynamics"]),
        # a statement of a body nobody named is nobody's
        ("According to the company's statement, “the company regrets any disruption to its customers.”", [None]),
        # a possessive before a person noun with a name still names that person
        ("“She has no plans to stand again,” said Odile Brenner's spokesman, Jonas Vik.", ["Jonas Vik"]),
        ("“He never spoke to anyone on the street,” said Holm's neighbour, Jonas Vik.", ["Jonas Vik"]),
    ],
)
def test_possessor(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an abbreviated rank or office before a name is an honorific, not part of the name
        ("The cuts were opposed. “It is simply wrong,” said Cllr Pettifer.", "Pettifer"),
        ("The inquiry went on. “We are grateful,” Det. Insp. Whitlock said.", "Whitlock"),
        # a station or a county is no person, so "he" and "she" pass over it to the person before
        ("Its director, Colm Byrne, told Corrib FM the costs had risen. “We need help,” he said.", "Colm Byrne"),
        ("Janet Okafor runs the Harmon County shelter. “Socks matter,” she said.", "Janet Okafor"),
    ],
)
def test_abbreviated_honorifics_and_organization_words(text: str, speaker: str, registry: Registry) -> None:
    assert speech(text, registry) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname after an honorific or an abbreviated rank: the person named in full before
        ("Cllr Naomi Pettifer, cabinet member for finance, spoke first.\n\nCllr Pettifer said the figure was “simply wrong” and she would not back down.", ["Naomi Pettifer"]),
        ("Naomi Pettifer opened the meeting. Cllr Pettifer said: “Nobody came into local government to close libraries.”", ["Naomi Pettifer"]),
        ("Detective Inspector Sarah Whitlock of Northvale Police led the inquiry.\n\nDI Whitlock said: “These were calculated crimes and we will find every one of them.”", ["Sarah Whitlock"]),
        # another person of the same surname is somebody else
        ("Naomi Pettifer opened the meeting. Mr Pettifer said: “Nobody came into local government to close libraries.”", ["Pettifer"]),
    ],
)
def test_surname_after_title(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised body noun alone: the body of that noun named before
        ("Farmers are angry with the Department of Rural and Community Development.\n\nA spokesperson for the Department said the tender was “at an advanced stage” and would close soon.", ["Department of Rural and Community Development"]),
        ("The Ministry of Housing and Urban Affairs met the tenants on Monday. The Ministry said the rents were “fair for everyone who pays them”.", ["Ministry of Housing and Urban Affairs"]),
        # or, at a sentence's start, the one named after it
        ("Three cars were stolen overnight. Police said the thefts had caused “significant distress” to the owners.\n\nDetective Inspector Sarah Whitlock of Northvale Police asked for witnesses.", ["Northvale Police"]),
        # `and` before a person's name ends the body's name
        ("The Ministry of Finance and Tom Berg said the cuts were “far too deep for the poorest families”.", ["Tom Berg"]),
    ],
)
def test_body_noun_alone(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `the spokesperson`: the organization of the spokesperson met before
        ("A Brightloom spokesperson confirmed the cuts. “We're committed to treating every affected colleague with respect,” the spokesperson said.", ["Brightloom"]),
        ("A spokeswoman for Kestrel Dynamics confirmed the sale on Monday.\n\n“The deal closes next month and nobody will lose their job,” the spokeswoman said.", ["Kestrel Dynamics"]),
        # with nobody's spokesperson before, as before: unnamed
        ("The cuts were confirmed on Monday. “We're committed to treating every affected colleague with respect,” the spokesperson said.", [None]),
    ],
)
def test_spokesperson_again(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation alone in its sentence after a sentence of reported speech: its subject
        ("Leesee Kilabuk has waited four years.\n\nKilabuk says she has stopped checking the list. “It went from 212 to 198 in two years. I did the math.”", ["Leesee Kilabuk"]),
        ("Local councillor Odile Brenner said the uncertainty was hurting families. “Parents are asking whether they should move their children to the mainland.”", ["Odile Brenner"]),
        # not when the sentence before quotes somebody, nor when nobody named speaks in it
        ("Union leaders said the plan was dead. “We will fight on until the last ward is open.”", [None]),
    ],
)
def test_said_before(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `she` after somebody unnamed who speaks is that person, not the woman named before
        ("Inspector Sarah Whitlock led the inquiry.\n\nOne victim, an 88-year-old widow who asked not to be named, said the man had lied. “I let him in without a second thought,” she said.", [None]),
        # an adverbial opening with `a` is nobody
        ("Odile Brenner lost her job in May. A year ago she had been promoted. “I gave that firm eleven years of my life,” she said.", ["Odile Brenner"]),
        # nor does `a` opening a quotation stand for anybody
        ("Odile Brenner spoke after the vote. “A lot of people told me to give up,” she said. “I never listened to them,” she added.", ["Odile Brenner", "Odile Brenner"]),
    ],
)
def test_unnamed_speaker_then_pronoun(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a body puts out, with the body's noun before it, stands for the body named
        ("Detective Inspector Sarah Whitlock of Northvale Police led the inquiry.\n\nA police statement read: “A 31-year-old man has been charged with nine counts of burglary.”", ["Northvale Police"]),
        ("Wrexley Borough Council met on Monday. A council report said the library was “no longer fit for purpose” and would close.", ["Wrexley Borough Council"]),
        # a statement with no body's noun names nobody
        ("Detective Inspector Sarah Whitlock of Northvale Police led the inquiry.\n\nThe statement read: “A 31-year-old man has been charged with nine counts of burglary.”", [None]),
    ],
)
def test_body_statement(text: str, expected: list[str | None], registry: Registry) -> None:
    assert speech(text, registry) == expected
