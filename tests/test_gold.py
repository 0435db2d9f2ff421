"""Extraction measured against the hand-labelled gold (tests/gold/): the issue's thresholds.

Prints the figures (run with `-s` to see them; `python -m quotelint.devtools.gold -v` lists every
miss). Wire articles 07-09 were held out while the extractor was developed; 10-14, 15-18 and
19-21 were written for it and measured before it was first run on them; each group is shown apart.
"""

from __future__ import annotations

import pytest

from quotelint.devtools.gold import Tally, load_gold, measure
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold"
RECALL, ATTRIBUTION, TERMS = 0.98, 0.95, 0.95


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def wire_group(name: str) -> str:
    number = int(name[:2])
    if number <= 6:
        return "wire 01-06"
    if number <= 9:
        return "wire 07-09 (held out)"
    if number <= 14:
        return "wire 10-14 (own)"
    return "wire 15-18 (own, 2nd)" if number <= 18 else "wire 19-21 (own, 3rd)"


def report(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for name, tally in sorted(tallies.items()):
        print(tally.line(name))
        total.add(tally)
    return total


def check(total: Tally) -> None:
    assert total.recall >= RECALL, total.misses
    assert total.accuracy >= ATTRIBUTION, total.misses
    assert total.term_share >= TERMS, total.misses


def test_seeds(registry: Registry) -> None:
    total = report(measure(load_gold(str(GOLD / "seeds.yaml")), str(ROOT / "seeds"), registry, group_of=lambda name: name))
    print(total.line("seeds"))
    check(total)


def test_wire(registry: Registry) -> None:
    tallies = measure(load_gold(str(GOLD / "wire.yaml")), str(GOLD / "wire"), registry, group_of=wire_group)
    total = report(tallies)
    print(total.line("wire, all"))
    check(total)


def test_gold_files_are_well_formed() -> None:
    for name, folder in (("seeds.yaml", ROOT / "seeds"), ("wire.yaml", GOLD / "wire")):
        for entry in load_gold(str(GOLD / name)):
            text = (folder / str(entry["file"])).read_text(encoding="utf-8")
            line = text.split("\n")[int(entry["line"]) - 1]  # type: ignore[call-overload]
            assert str(entry["text"]).split("\n")[0] in line, entry
            assert entry["kind"] in ("speech", "term") and (entry["kind"] == "speech" or entry["speaker"] is None), entry
