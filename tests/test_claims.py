"""Registered claims: loading and checking them, and the figures that disagree (QL301)."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from quotelint.claims.cues import compile_cue, search
from quotelint.errors import RegistryErrors
from quotelint.linter import lint_text
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.integ_helpers import through_the_cache

CLAIMS = """
claims:
  - id: turnout
    about: voter turnout in the 2024 Eastmark general election
    cue: turnout
    context: [Eastmark]
    value: 61.4
    unit: percent
    tolerance: 0.5
    source: https://example.org/eastmark/results
  - id: threshold
    about: minimum share of votes for a seat in the Eastmark parliament
    cue: threshold
    context: [Eastmark]
    value: 4
    unit: per cent
    source: https://example.org/eastmark/law
  - id: threshold-before
    about: minimum share of votes for a seat in the Eastmark parliament before the reform
    cue: threshold
    context: [Eastmark]
    value: 6
    unit: "%"
    when: previous
    source: https://example.org/eastmark/law
  - id: election-date
    about: date of the 2024 Eastmark general election
    cue: \\b(?:election|vote)\\b
    context: [Eastmark]
    value: 2024-04-14
    unit: date
    source: https://example.org/eastmark/results
  - id: seats
    about: number of seats in the Eastmark parliament
    cue: \\b(?:seats|members)\\b
    context: [Eastmark]
    value: 150
    unit: seats
    source: https://example.org/eastmark/law
"""


def registry_file(tmp_path: Path, text: str, name: str = "claims.yaml") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(path)


@pytest.fixture()
def registry(tmp_path: Path):  # type: ignore[no-untyped-def]
    return load_registry([registry_file(tmp_path, CLAIMS)])


def mismatches(registry, text: str) -> list[tuple[int, str, str | None]]:  # type: ignore[no-untyped-def]
    found = lint_text(text, registry, Settings(select=("QL301",)))
    return [(f.line, text.split("\n")[f.line - 1][f.column - 1 : f.end_column - 1], f.suggestion) for f in found]


def test_a_figure_outside_the_tolerance_is_flagged_with_the_value_and_source(registry) -> None:  # type: ignore[no-untyped-def]
    text = "Eastmark voted on Sunday. Turnout was 59 percent."
    found = lint_text(text, registry, Settings(select=("QL301",)))
    assert [(f.rule, f.category, str(f.severity)) for f in found] == [("QL301", "claim-mismatch", "warning")]
    assert "registered 61.4 percent (±0.5)" in found[0].message
    assert "https://example.org/eastmark/results" in found[0].message
    assert found[0].suggestion == "61.4 percent"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Turnout was 61.4 percent.", False),
        ("Turnout was 61 percent.", False),  # the value rounded as the article rounds it
        ("Turnout was 61.8 percent.", False),  # 0.4 from the value: within the tolerance of 0.5
        ("Turnout was 61.95 percent.", True),  # 0.55 from it: outside
        ("Turnout was 62.1 percent.", True),
        ("Turnout was 60 percent.", True),
        ("Turnout was about 63 percent.", False),  # approximate: within 5% of 63
        ("Turnout was more than 60 percent.", False),
        ("Turnout was more than 65 percent.", True),
        ("Turnout was between 60 and 62 percent.", False),
        ("Turnout was 61 per cent.", False),
    ],
)
def test_tolerance_rounding_bounds_and_ranges(registry, sentence: str, flagged: bool) -> None:  # type: ignore[no-untyped-def]
    assert bool(mismatches(registry, f"Eastmark voted on Sunday. {sentence}")) is flagged


def test_no_context_word_no_check(registry) -> None:  # type: ignore[no-untyped-def]
    assert mismatches(registry, "Westmark voted on Sunday. Turnout was 20 percent.") == []


def test_figures_about_something_else_are_not_compared(registry) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Eastmark held its general election on Sunday.\n"
        "Turnout in the 2019 referendum was 44 percent.\n"  # another event and year
        "Neighbouring Northvale, which votes in May, reported turnout of 70 percent.\n"  # another place
        "Turnout was 62 percent in the north, compared with 58 percent four years ago.\n"  # a comparison
    )
    assert mismatches(registry, text) == []


def test_one_right_figure_in_a_sentence_is_enough(registry) -> None:  # type: ignore[no-untyped-def]
    text = "Eastmark voted. Turnout of 61 percent was close to the 58 percent that pollsters expected."
    assert mismatches(registry, text) == []


def test_previous_and_current_values_are_checked_against_their_own_claims(registry) -> None:  # type: ignore[no-untyped-def]
    assert mismatches(registry, "In Eastmark the threshold was lowered from 6% to 4%.") == []
    assert mismatches(registry, "In Eastmark the threshold was lowered from 6% to 5%.") == [(1, "5%", "4%")]
    assert mismatches(registry, "In Eastmark the threshold was lowered from 7% to 4%.") == [(1, "7%", "6%")]
    assert mismatches(registry, "In Eastmark the 4 percent threshold (previously it was six percent) holds.") == []


def test_dates_and_counts(registry) -> None:  # type: ignore[no-untyped-def]
    assert mismatches(registry, "Eastmark's election on 14 April passed calmly.") == []
    assert mismatches(registry, "Eastmark's election on 15 April passed calmly.") == [(1, "15 April", "14 April")]
    assert mismatches(registry, "Eastmark's election on April 15, 2024 passed.") == [(1, "April 15, 2024", "April 14, 2024")]
    assert mismatches(registry, "The 2019 election in Eastmark, on 2 June 2019, was calm.") == []  # another election
    assert mismatches(registry, "Eastmark's parliament has 150 members.") == []
    assert mismatches(registry, "Eastmark's parliament has 151 members.") == [(1, "151 members", "150 members")]


def test_cues_are_checked_when_the_registry_loads(tmp_path: Path) -> None:
    bad = """
    claims:
      - id: broken
        about: a claim with a broken cue
        cue: "turnout ("
        value: 5
        source: https://example.org/a
      - id: runaway
        about: a claim whose cue could run without end
        cue: (\\w+\\s?)*turnout
        value: 5
        source: https://example.org/b
      - id: empty
        about: a claim whose cue marks every sentence
        cue: "turnout|"
        value: 5
        source: https://example.org/c
      - id: date
        about: a date that is none
        cue: election
        value: 19 March
        unit: date
        source: https://example.org/d
      - id: when
        about: an unknown when
        cue: election
        value: 3
        when: later
        tolerance: -1
        source: https://example.org/e
    """
    path = registry_file(tmp_path, bad)
    with pytest.raises(RegistryErrors) as info:
        load_registry([path])
    messages = [str(e) for e in info.value.errors]
    assert any(m.startswith(f"{path}:5: claim 'broken' key 'cue'") and "does not compile" in m for m in messages)
    assert any(m.startswith(f"{path}:10: claim 'runaway' key 'cue'") and "backtrack" in m for m in messages)
    assert any(m.startswith(f"{path}:15: claim 'empty' key 'cue'") and "empty" in m for m in messages)
    assert any(m.startswith(f"{path}:21: claim 'date' key 'value'") and "ISO date" in m for m in messages)
    assert any(m.startswith(f"{path}:28:") and "'later' is not current or previous" in m for m in messages)
    assert any(m.startswith(f"{path}:29:") and "must not be negative" in m for m in messages)


def test_compiled_cues_survive_the_registry_cache(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    copy = through_the_cache(registry, tmp_path / "cache")
    claim = next(c for c in copy.claims if c.id == "election-date")
    assert claim.value == dt.date(2024, 4, 14)
    assert claim.pattern.search("The ELECTION was held") is not None  # any case


def test_a_slow_search_is_cut_short() -> None:
    import regex

    slow = regex.compile(r"(x+x+)+y")  # built by hand: the registry would refuse it
    assert search(slow, "x" * 5000) is None
    assert search(compile_cue("turnout"), "Turnout was low") is not None
