"""One document giving the same quantity two values (QL302), on paragraphs written for the test
and on the seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.document import read_document
from quotelint.linter import Plan, lint_document, lint_text
from quotelint.registry import Registry
from quotelint.settings import Settings

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
WIRE = sorted((ROOT / "tests" / "gold" / "wire").glob("*.txt"))
ONLY = Settings(select=("QL302",))


def conflicts(text: str, kind: str = "text") -> list[tuple[int, str, str]]:
    lines = text.split("\n")
    found = lint_text(text, Registry(), ONLY, kind=kind)
    return [(f.line, lines[f.line - 1][f.column - 1 : f.end_column - 1], f.message) for f in found]


def test_both_places_are_reported_each_pointing_at_the_other() -> None:
    text = (
        "Turnout in Sunday's election was 53 percent, the commission said.\n"
        "\n"
        "Analysts had expected more. The turnout of 54 per cent was the lowest since 1995.\n"
    )
    found = lint_text(text, Registry(), ONLY)
    assert [(f.line, f.column, f.end_column, f.category, str(f.severity)) for f in found] == [
        (1, 34, 44, "claim-conflict", "warning"),
        (3, 44, 55, "claim-conflict", "warning"),
    ]
    assert found[0].message == "turnout given as '53 percent' here but as '54 per cent' on line 3"
    assert found[1].message == "turnout given as '54 per cent' here but as '53 percent' on line 1"
    assert found[0].related == ((3, 44),) and found[1].related == ((1, 34),)


@pytest.mark.parametrize(
    "text",
    [
        # the same word, another event
        "Turnout in the referendum was 68 percent.\nTurnout in the presidential election was 69 percent.",
        "Turnout in the election was 54 percent.\nIn the referendum a year earlier, turnout was 68 percent.",
        # another year, another place
        "Turnout was 54 percent this time.\nTurnout in 2019 was 77 percent.",
        "Turnout was 53 percent, a figure on par with Canada, which averages 54 percent voter turnout.",
        "Turnout was 53 percent.\nNeighbouring Canada, which votes in October, usually sees turnout of 62 percent.",
        # another quantity of the same kind
        "Inflation was 4.2 percent in May.\nCore inflation eased to 3.1 percent.",
        "Youth unemployment stands at 17 percent.\nUnemployment stands at 6 percent.",
        # earlier values, comparisons, bounds, ranges, parts
        "The threshold was lowered from 7 percent to 5 percent.\nThe new threshold of 5 percent applies in June.",
        "Turnout was 38 percent, compared with 41 percent four years ago.\nTurnout of 38 percent worried officials.",
        "Turnout was about 46 percent.\nTurnout was 48 percent.",
        "Turnout was more than 50 percent.\nTurnout was 52 percent.",
        "Turnout of between 40 and 45 percent was expected.\nTurnout was 52 percent.",
        # values that agree once rounded
        "Turnout was 54 percent.\nFinal figures put turnout at 54.19 percent.",
        # holders: each party's own seats; no holder, no comparison
        "Greenway won 12 seats.\nThe Harbour Party won 9 seats.",
        "The ruling party won 40 seats.\nThe opposition won 20 seats.",
        # a scene set at the start of the sentence, a period, a forecast
        "Inflation hit 8.1 percent across the bloc.\nIn Germany, inflation reached 8.7 percent.",
        "Last year, inflation was 8 percent.\nInflation is 3 percent now, the bank said.",
        "Inflation was 3.1 percent in March.\nInflation was 3.4 percent in April.",
        "Growth slowed to 2.1 percent.\nGrowth is expected to reach 3 percent.",
        "Growth was 1.2 percent in the first quarter.\nGrowth was 0.8 percent in the second quarter.",
        # one sentence that gives two values compares them
        "Turnout rose to 61 percent in the cities and turnout fell to 48 percent in the villages.",
    ],
)
def test_different_quantities_with_the_same_word_do_not_conflict(text: str) -> None:
    assert conflicts(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The threshold is 5 percent.\nParties must clear a 7% threshold to win seats.",
        "Inflation reached 7.1 percent, the statistics office said.\nInflation of 6.4 percent hurt savers.",
        "Greenway won 12 seats, officials said.\nIn the new chamber Greenway won 14 seats.",
        "Turnout in the referendum was 68 percent.\nThe referendum turnout of 61 percent disappointed.",
        "The budget deficit reached $2.1 billion, the ministry said.\nThe $2.6 billion deficit alarmed investors.",
    ],
)
def test_the_same_quantity_with_two_values_conflicts(text: str) -> None:
    assert len(conflicts(text)) == 2


ARTICLE = """\
Ruling party wins Westland vote as turnout slumps

KARVIK, Oct 6 (Reuters) - Westland's governing Unity party won 41.2 percent of the vote in Sunday's parliamentary election, preliminary results showed on Monday, while turnout fell to 58 percent from 66 percent four years ago.

The party is expected to hold 74 of the 150 seats in the new parliament, down from 81, the election commission said. The opposition Renewal bloc took 27.5 percent and 49 seats.

Turnout was lowest in the capital, where only 46 percent of voters cast ballots. In the rural north, turnout reached 71 percent.

Unity leader Mara Keel said the result was \"a clear mandate\". Renewal, which had hoped to win more than 30 percent, said it would challenge results in 12 districts.

The 5 percent threshold kept three small parties out of parliament. Parties needed 7 percent until a 2019 reform.

Inflation, at 6.2 percent in September, dominated the campaign. The central bank expects inflation to slow to 4 percent next year. Unemployment stands at 7.8 percent, and youth unemployment at 19 percent.

Turnout of 58 percent was the lowest since independence in 1991, the commission said. Unity has governed since 2011, when it won 52 percent of the vote.
"""


def test_a_wire_story_full_of_figures_gives_no_conflict() -> None:
    # a regional turnout, an earlier one, the threshold before a reform, a forecast, a month,
    # youth unemployment, a party's share and seats, a dateline: none of them is "the turnout"
    assert conflicts(ARTICLE) == []


def test_the_same_story_stating_its_turnout_twice_differently_conflicts() -> None:
    changed = ARTICLE.replace("Turnout of 58 percent was the lowest", "Turnout of 56 percent was the lowest")
    assert [(line, span) for line, span, _ in conflicts(changed)] == [(3, "58 percent"), (15, "56 percent")]


def test_positions_are_those_of_the_file_in_markdown() -> None:
    text = "# Results\n\nTurnout was **53 percent**.\n\n> Later, turnout of `x` was put at 54 per cent.\n"
    assert [(line, span) for line, span, _ in conflicts(text, kind="markdown")] == [(3, "53 percent"), (5, "54 per cent")]


def test_seeds_give_the_turnout_conflict_in_001_and_003_and_nothing_else() -> None:
    plan = Plan.make(Registry(), ONLY)
    found = {}
    for path in SEEDS:
        doc = read_document(str(path))
        found[path.name[:3]] = [(f.line, doc.line_text(f.line)[f.column - 1 : f.end_column - 1]) for f in lint_document(doc, plan)]
    assert found == {
        "000": [],
        "001": [(143, "53 percent"), (155, "54 per cent")],
        "002": [],
        "003": [(45, "53 percent"), (57, "54 per cent")],
        "004": [],
    }


def test_wire_stories_give_no_conflict() -> None:
    plan = Plan.make(Registry(), ONLY)
    assert [f for path in WIRE for f in lint_document(read_document(str(path)), plan)] == []
