"""A sentence is left unsearched for a cue only when the cue cannot match it (quotelint/claims/cuewords.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from quotelint.claims.cues import compile_cue
from quotelint.claims.cuewords import lowered, may_match, required

ROOT = Path(__file__).resolve().parent.parent
PROJECT_CUES = sorted({c["cue"] for c in yaml.safe_load((ROOT / "rules" / "claims.yaml").read_text(encoding="utf-8"))["claims"]})
CUES = [
    *PROJECT_CUES,
    r"\bvotes?\b",
    r"colou?r",
    r"kiss|k\w+s",
    r"(?:ab){2,}c",
    r"turn(?=out)",
    r"(?i)turnout",
    "(?x) turn out  # a comment\n | vote",
    r"x|y?",
    r"[Tt]urnout",
]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("turnout", {"turnout"}),
        (r"\b(?:elections?|polls?|vote)\b", {"election", "poll", "vote"}),
        (r"in\s+favou?r", {"favo"}),
        (r"[Tt]urnout", {"urnout"}),
        ("(?x) turn out  # a comment\n | vote", {"turnout", "vote"}),  # blanks and comments mean nothing under (?x)
        (r"(?x)\b(?:Mazhilis|Mäjilis) \s+ (?:seats|members)", {"mazhilis", "jilis"}),  # the runs of one part: the rarest
        (r"(?x)[ ]turn\ out", {"turn"}),  # a blank in a class or escaped stays
        (r"(?i)turnout", None),
        (r"x|y?", None),  # an optional branch needs nothing
        (r"(?:ab){2,}c", {"ab"}),  # the longer of the two runs every match holds
    ],
)
def test_the_words_a_cue_needs(source: str, expected: set[str] | None) -> None:
    assert required(source) == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize(("cue", "text"), [("kiss", "\u212aiss"), ("kiss", "ki\u017fs"), ("id", "\u0130d"), ("id", "\u0131d")])
def test_the_four_letters_that_match_ascii_ones_in_any_case_turn_the_shortcut_off(cue: str, text: str) -> None:
    assert lowered(text) is None
    assert may_match(cue, lowered(text))


def test_a_sentence_is_compared_in_lower_case() -> None:
    assert lowered("TURNOUT “was” 54%") == "turnout “was” 54%"
    assert not may_match("turnout", lowered("The vote “was” calm."))
    assert may_match("turnout", lowered("TurnOut “was” 54%."))


TEXT = st.lists(st.sampled_from(["turnout", "TurnOut", "vote", "poll", "s", "k", "i", "\u212a", "\u017f", "\u0130", "\u0131",
                                 " ", "-", "’", "é", "ab", "c", "favour", "in", "parties", "ran", "elected", "x",
                                 "Mazhilis", "Mäjilis", "size of the ", "seats in the ", "lower house", " has"]), max_size=14).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.sampled_from(CUES))
def test_a_sentence_left_unsearched_has_no_match(text: str, source: str) -> None:
    if not may_match(source, lowered(text)):
        assert compile_cue(source).search(text) is None
