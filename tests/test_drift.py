"""Spelling drift on hand-made misspellings of registered names in copies of seed paragraphs.

The cases are in tests/drift/edits.yaml. Prints recall by kind of edit; requires at least 95%
of the misspellings flagged on exactly the edited word with the right suggestion, no finding
for a dropped accent (an accepted variant), and no finding at all on the clean paragraphs.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
import yaml

from quotelint.linter import lint_text
from quotelint.names import form_tokens
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "drift" / "edits.yaml").read_text(encoding="utf-8"))
SETTINGS = Settings(select=("spelling-drift",))


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def paragraph(case: dict) -> str:  # type: ignore[type-arg]
    lines = (ROOT / "seeds" / case["seed"]).read_text(encoding="utf-8").split("\n")
    return lines[case["line"] - 1]


def drifted(text: str, edits: list[dict]) -> tuple[str, list[tuple[int, int, dict]]]:  # type: ignore[type-arg]
    """The paragraph with each edit made, and the (start, end, edit) of each edited word."""
    spans = []
    for edit in edits:
        pattern = regex.compile(rf"(?<![\w-]){regex.escape(edit['right'])}(?![\w-])")
        matches = list(pattern.finditer(text))
        n = edit.get("n", 1)
        assert len(matches) >= n, f"{edit['right']!r} does not occur {n} time(s)"
        m = matches[n - 1]
        text = text[: m.start()] + edit["wrong"] + text[m.end() :]
        shift = len(edit["wrong"]) - len(edit["right"])
        spans = [(s + shift, e + shift, x) if s > m.start() else (s, e, x) for s, e, x in spans]
        spans.append((m.start(), m.start() + len(edit["wrong"]), edit))
    return text, spans


def accepted_words(registry: Registry, word: str) -> set[str]:
    """The words of every accepted spelling of the entities that spell a name with `word`:
    a suggestion of another accepted spelling of the same name is right too (Turkiye, Türkiye)."""
    owners = registry.names.owners.get(word, frozenset())
    return {w for i in owners for f in registry.entities[i].forms for w in form_tokens(f)}


def test_wrong_spellings_are_not_listed(registry: Registry) -> None:
    listed = {m for e in registry.entities.values() for m in e.misspellings}
    for case in CASES:
        for edit in case["edits"]:
            assert edit["wrong"] not in listed, f"{edit['wrong']} is listed; the set is for unlisted drift"
            if edit["kind"] != "diacritics":
                assert edit["wrong"] not in registry.names.known, f"{edit['wrong']} is an accepted spelling"
            assert edit["right"] in registry.names.known, edit["right"]


def test_clean_paragraphs_give_no_finding(registry: Registry) -> None:
    for case in CASES:
        findings = lint_text(paragraph(case), registry, SETTINGS)
        assert not findings, f"{case['seed']}:{case['line']}: {[f.message for f in findings]}"


def test_other_articles_give_no_finding(registry: Registry) -> None:
    """Precision away from the seeds: wire copy about other places and people, none misspelled."""
    for path in sorted((ROOT / "tests" / "gold" / "wire").glob("*.txt")):
        findings = lint_text(path.read_text(encoding="utf-8"), registry, SETTINGS)
        assert not findings, f"{path.name}: {[(f.line, f.message) for f in findings]}"


def test_drifted_paragraphs(registry: Registry, capsys: pytest.CaptureFixture[str]) -> None:
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    misses, extras = [], []
    for case in CASES:
        text, spans = drifted(paragraph(case), case["edits"])
        found = {(f.start, f.end): f.suggestion for f in lint_text(text, registry, SETTINGS)}
        for start, end, edit in spans:
            kind = edit["kind"]
            totals[kind] += 1
            suggestion = found.pop((start, end), None)
            if kind == "diacritics":
                hits[kind] += suggestion is None
            elif suggestion in accepted_words(registry, edit["right"]):
                hits[kind] += 1
            else:
                misses.append(f"{edit['wrong']} -> {suggestion!r} (wanted {edit['right']})")
        extras += [f"{case['seed']}:{case['line']} {text[s:e]!r} -> {sug}" for (s, e), sug in found.items()]
    drift = sum(v for k, v in totals.items() if k != "diacritics")
    caught = sum(v for k, v in hits.items() if k != "diacritics")
    with capsys.disabled():
        print(f"\nspelling drift: {caught}/{drift} unlisted misspellings flagged with the right fix ({caught / drift:.1%})")
        for kind in sorted(totals):
            print(f"  {kind:<14} {hits[kind]}/{totals[kind]}")
        for line in misses + [f"extra: {e}" for e in extras]:
            print(f"  {line}")
    assert drift >= 40
    assert all(totals[k] >= 5 for k in ("insertion", "deletion", "substitution", "transposition", "case"))
    assert caught / drift >= 0.95
    assert hits["diacritics"] == totals["diacritics"], "a dropped accent is a variant, not a misspelling"
    assert not extras, extras
