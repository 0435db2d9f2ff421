"""Copies of seed paragraphs with a wrong title or a misspelt name put in, and right ones.

The cases and their expected findings are in tests/mutations/*.yaml. Random mutations of the
same kinds are measured by bench/mutations.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.test_drift import accepted_words, drifted

ROOT = Path(__file__).resolve().parent.parent
TITLES = yaml.safe_load((ROOT / "tests" / "mutations" / "titles.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def paragraph(case: dict) -> str:  # type: ignore[type-arg]
    return (ROOT / "seeds" / case["seed"]).read_text(encoding="utf-8").split("\n")[case["line"] - 1]


def mutated(case: dict) -> str:  # type: ignore[type-arg]
    text = paragraph(case)
    assert case["old"] in text, f"{case['seed']}:{case['line']} does not hold {case['old']!r}"
    return text.replace(case["old"], case["new"], 1)


def titles_found(case: dict, registry: Registry, text: str) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    date = case.get("date")
    settings = Settings(select=("QL203",), date=date if isinstance(date, dt.date) else None)
    return [(text[f.start : f.end], f.message) for f in lint_text(text, registry, settings)]


def case_id(case: dict) -> str:  # type: ignore[type-arg]
    return case["new"]


@pytest.mark.parametrize("case", TITLES["wrong"], ids=case_id)
def test_a_wrong_title_is_flagged(case: dict, registry: Registry) -> None:  # type: ignore[type-arg]
    assert titles_found(case, registry, paragraph(case)) == []
    [(flagged, message)] = titles_found(case, registry, mutated(case))
    assert flagged == case["flag"]
    for words in case.get("says", ()):
        assert words in message


@pytest.mark.parametrize("case", TITLES["right"], ids=case_id)
def test_a_right_title_written_another_way_passes(case: dict, registry: Registry) -> None:  # type: ignore[type-arg]
    assert titles_found(case, registry, mutated(case)) == []


TYPOS = yaml.safe_load((ROOT / "tests" / "mutations" / "typos.yaml").read_text(encoding="utf-8"))
DRIFT = Settings(select=("QL201",))


@pytest.mark.parametrize("case", TYPOS["typos"], ids=lambda c: " ".join(e["wrong"] for e in c["edits"]))
def test_a_misspelt_short_name_is_flagged(case: dict, registry: Registry) -> None:  # type: ignore[type-arg]
    original = paragraph(case)
    text, spans = drifted(original, case["edits"])
    before = {(original[f.start : f.end], f.suggestion) for f in lint_text(original, registry, DRIFT)}
    found = {(f.start, f.end): f.suggestion for f in lint_text(text, registry, DRIFT) if (text[f.start : f.end], f.suggestion) not in before}
    for start, end, edit in spans:
        assert edit["wrong"] not in registry.names.known
        assert found.pop((start, end), None) in accepted_words(registry, edit["right"]), edit["wrong"]
    assert not found


@pytest.mark.parametrize("case", TYPOS["real"], ids=case_id)
def test_a_real_word_or_acronym_is_no_misspelling(case: dict, registry: Registry) -> None:  # type: ignore[type-arg]
    original, text = paragraph(case), mutated(case)
    before = [(original[f.start : f.end], f.suggestion) for f in lint_text(original, registry, DRIFT)]
    after = [(text[f.start : f.end], f.suggestion) for f in lint_text(text, registry, DRIFT)]
    assert after == before
