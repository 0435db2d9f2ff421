"""The wrong-title rule's short cut (QL203): a title is judged once a run for each person, date
and title as written. It must give what judging each place gives, on varied documents.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quotelint.checks import wrong_title
from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent
DATELINES = ("", "ASTANA, March 20, 2023 - ", "ALMATY, June 2, 2015 - ", "BRUSSELS, January 9, 2030 - ")
# One title before several people: right for some, wrong for others.
SAME_TITLES = (
    "President Kassym-Jomart Tokayev met President António Guterres, and Secretary-General Ned Price "
    "spoke with Secretary-General António Guterres and former president Nursultan Nazarbayev."
)


def documents(rng: random.Random, count: int) -> list[str]:
    """Paragraphs of the seeds and gold articles shuffled into new documents, each under a
    dateline or none: the same titles at other places, beside other names, at other dates."""
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.txt"))
    paragraphs = [p for path in paths for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return [rng.choice(DATELINES) + "\n\n".join(rng.sample([*paragraphs, SAME_TITLES], 12) + [SAME_TITLES]) + "\n" for _ in range(count)]


def hits(text: str, registry, judge_once) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    """QL203's hits on the text with `judge_once` as given (restored afterwards)."""
    kept = wrong_title.judge_once
    wrong_title.judge_once = judge_once
    try:
        return [tuple(h) for h in wrong_title.check(Context(Document.from_text(text), registry))]
    finally:
        wrong_title.judge_once = kept


@pytest.mark.parametrize("seed", range(3))
def test_titles_judged_once_a_run_are_judged_as_each_place_alone(seed: int) -> None:
    """A title judged earlier in the run (kept by person, date and the title as written) gives
    at each later place the hit judging it there gives."""
    rng = random.Random(seed)
    registry = load_registry([str(ROOT / "rules")])
    fresh = load_registry([str(ROOT / "rules")])

    def each_alone(ctx, page, person, written, when, verdicts):  # type: ignore[no-untyped-def]
        return wrong_title.judge(ctx, page, person, written, when)

    found = 0
    for text in documents(rng, 12):
        expected = hits(text, fresh, each_alone)
        assert hits(text, registry, wrong_title.judge_once) == expected
        found += len(expected)
    assert found > 0
    assert registry.names.answers("wrong-title verdicts")
