"""Tests of the registry data in rules/ itself, as codespell tests its dictionary."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings

RULES = Path(__file__).resolve().parent.parent / "rules"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(RULES)])


def test_registry_loads_and_is_not_trivial(registry: Registry) -> None:
    kinds = Counter(e.kind for e in registry.entities.values())
    assert kinds["person"] >= 10 and kinds["organization"] >= 10 and kinds["term"] >= 10, kinds
    assert len(registry.quotes) >= 20


def test_every_entry_has_a_source(registry: Registry) -> None:
    lacking = [e.id for e in registry.entities.values() if not e.source]
    lacking += [q.id for q in registry.quotes if not q.source]
    assert not lacking, f"entries without a source: {lacking}"


def test_quotes_have_a_real_speaker_and_a_plausible_date(registry: Registry) -> None:
    for quote in registry.quotes:
        assert registry.entities[quote.speaker].kind in ("person", "organization"), quote.id
        assert quote.date is not None and dt.date(1900, 1, 1) < quote.date <= dt.date.today(), quote.id


def test_no_accepted_spelling_belongs_to_two_entries(registry: Registry) -> None:
    owners: dict[str, list[str]] = {}
    for entity in registry.entities.values():
        for form in set(entity.forms):
            owners.setdefault(form, []).append(entity.id)
    shared = {form: ids for form, ids in owners.items() if len(ids) > 1}
    assert not shared, f"spellings claimed by several entries: {shared}"


def test_no_alias_is_a_bare_common_word(registry: Registry) -> None:
    words = registry.words
    bad = [(e.id, a) for e in registry.entities.values() for a in e.forms if a.islower() and " " not in a and a in words.common_words]
    assert not bad, f"aliases that are ordinary lower-case words: {bad}"


def test_roles_are_ordered_in_time(registry: Registry) -> None:
    for entity in registry.entities.values():
        for role in entity.roles:
            if role.start and role.end:
                assert role.start <= role.end, (entity.id, role.title)


def test_every_accepted_spelling_reads_clean(registry: Registry) -> None:
    """No name, alias or title the registry accepts is itself flagged as a misspelling."""
    settings = Settings(select=("spelling-drift",))
    for entity in registry.entities.values():
        text = ". ".join(f"They met {form} today" for form in entity.forms) + "."
        findings = lint_text(text, registry, settings)
        assert not findings, f"{entity.id}: {[f.message for f in findings]}"


def test_every_listed_misspelling_is_caught_with_the_right_fix(registry: Registry) -> None:
    settings = Settings(select=("spelling-drift",))
    for entity in registry.entities.values():
        for wrong in entity.misspellings:
            text = f"They met {wrong} today."
            findings = lint_text(text, registry, settings)
            assert len(findings) == 1, (entity.id, wrong, [f.message for f in findings])
            f = findings[0]
            assert 10 <= f.column < f.end_column <= 10 + len(wrong), (wrong, f.column, f.end_column)
            fixed = text[: f.column - 1] + str(f.suggestion) + text[f.end_column - 1 :]
            assert fixed[9 : len(fixed) - 7] in entity.forms, (wrong, fixed)
