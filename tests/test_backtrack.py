"""The static look at users' patterns: shapes that backtrack without end are refused, safe ones pass."""

from __future__ import annotations

import pytest

from quotelint.yamlrules.backtrack import problem, starts_with_word

RUNAWAY = [
    r"(a+)+", r"(.*)*", r"(\w+\s?)+$", r"(?:\w+,?)*", r"(.+,)*", r"((ab)*)+", r"(\s*\w*)*z", r"(x+x+)+y",
    r"(a|a)*", r"(a|ab)+", r"(\w|\d)+", r"(?:a?){30}", r"^(?:[a-z]+\.?)+@", r"(?=(a+)+b)",
]  # fmt: skip
SAFE = [
    r"\d{1,3}(?:,\d{3})*", r"(\w+\s)+", r"(?:\s*,\s*\w+)*", r"(?:\s|,)+", r"(?:ab|ac)+", r"(?>a+)+", r"(a++)+",
    r"colou?r", r"(?<stem>\p{L}{3,})is(?<end>e|es|ed|ing|ation|ations)", r"per\s+cent", r"[(a+)+]", r"\(a+\)+",
    r"(a+){2}", r"(?i)t[üu]rkiye", r"(?P<x>a)(?P=x)+", r"(?#(a+)+)x",
]  # fmt: skip


@pytest.mark.parametrize("pattern", RUNAWAY)
def test_runaway_shapes_are_refused(pattern: str) -> None:
    assert problem(pattern), pattern


@pytest.mark.parametrize("pattern", SAFE)
def test_safe_shapes_pass(pattern: str) -> None:
    assert problem(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "word"),
    [
        (r"(?<stem>\p{L}{3,})is(?:e|es)", True), ("Belaruss?ia", True), (r"\d+%", True), (r"(?:co|co-)operat", True), ("^foo", True),
        ("%", False), (r"(?!x)%", False), (r"\.net", False), ("a?%", False), (".x", False), (r"\bfoo", False),
    ],
)
def test_which_patterns_begin_with_a_word_character(pattern: str, word: bool) -> None:
    assert starts_with_word(pattern) is word
