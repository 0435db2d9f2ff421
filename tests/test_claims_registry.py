"""The registered claims about Kazakhstan's 2023 election (rules/claims.yaml) against the seeds
and against a story written for this test, first right and then with errors put in."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.document import read_document
from quotelint.linter import Plan, lint_document, lint_text
from quotelint.registry.load import load_registry
from quotelint.settings import Settings

ROOT = Path(__file__).parent.parent
CLAIMS = ROOT / "rules" / "claims.yaml"
ONLY = Settings(select=("QL301",))

STORY = """\
Kazakhstan's ruling party keeps majority in overhauled parliament

ASTANA, March 20 (AP) - Kazakhstan's ruling Amanat party won 53.9 percent of the vote in Sunday's snap election to the Mazhilis, the lower house of parliament, the Central Election Commission said on Monday. Turnout was 54.19 percent, down from 63.3 percent in 2021.

Six parties cleared the 5 percent threshold, which was lowered from 7 percent last year. Amanat will have 40 of the 69 seats filled from party lists, while independents won most of the 29 single-mandate districts.

The Mazhilis now has 98 members, down from 107, after the Assembly of the People of Kazakhstan lost its nine seats in the chamber. Turnout in Almaty was 25.8 percent, the lowest in the country.

President Kassym-Jomart Tokayev, who was re-elected on 20 November 2022 with 81.3 percent, called the vote a step toward a \"fair Kazakhstan\". The constitutional referendum of 5 June 2022, in which 77 percent backed the amendments, set the new rules; turnout in that referendum was 68 percent.

The Auyl party came second with 10.9 percent. Seven parties took part, two of them for the first time.
"""

ERRORS = [
    ("Turnout was 54.19 percent", "Turnout was 52.1 percent", "52.1 percent"),
    ("cleared the 5 percent threshold", "cleared the 6 percent threshold", "6 percent"),
    ("now has 98 members", "now has 100 members", "100 members"),
    ("referendum of 5 June 2022", "referendum of 6 June 2022", "6 June 2022"),
    ("in which 77 percent backed", "in which 70 percent backed", "70 percent"),
    ("Seven parties took part", "Five parties took part", "Five parties"),
]


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry([str(CLAIMS)])


def test_every_claim_has_a_source_and_a_compiled_cue(registry) -> None:  # type: ignore[no-untyped-def]
    assert len(registry.claims) >= 15
    for claim in registry.claims:
        assert claim.source and claim.source.startswith("https://"), claim.id
        assert claim.pattern is not None, claim.id


def test_the_seeds_disagree_with_the_sources_where_the_registry_notes_it(registry) -> None:  # type: ignore[no-untyped-def]
    plan = Plan.make(registry, ONLY)
    found = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        doc = read_document(str(path))
        found[path.name[:3]] = [(f.line, doc.line_text(f.line)[f.column - 1 : f.end_column - 1]) for f in lint_document(doc, plan)]
    assert found == {
        "000": [],
        "001": [(143, "53 percent"), (179, "75%"), (185, "13 January 2021")],
        "002": [],
        "003": [(45, "53 percent"), (81, "75%"), (87, "13 January 2021")],
        "004": [],
    }


def test_a_story_that_gets_the_figures_right_passes(registry) -> None:  # type: ignore[no-untyped-def]
    assert lint_text(STORY, registry, ONLY) == []


@pytest.mark.parametrize(("right", "wrong", "flagged"), ERRORS, ids=[e[2] for e in ERRORS])
def test_each_error_put_into_the_story_is_found(registry, right: str, wrong: str, flagged: str) -> None:  # type: ignore[no-untyped-def]
    assert right in STORY
    text = STORY.replace(right, wrong)
    lines = text.split("\n")
    found = [lines[f.line - 1][f.column - 1 : f.end_column - 1] for f in lint_text(text, registry, ONLY)]
    assert found == [flagged]
