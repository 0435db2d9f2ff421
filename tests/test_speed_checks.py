"""Shortcuts of the checks area (QL201, QL203, YAML rules, the word memos, the registry cache)
proven equal to the long way on varied inputs."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quotelint.checks import all_rules
from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from quotelint.yamlrules.kinds import Consistency

ROOT = Path(__file__).resolve().parent.parent

# Sentences of my own, each holding some variant a house consistency rule counts (or a word that
# looks like one), in prose, in a quotation or in a name.
PIECES = [
    "Turnout was 53 percent in the north.",
    "Turnout was 54 per cent in the south.",
    "Prices rose 3 Percent, the bank said.",
    "“We want 10 per cent more,” the mayor said.",
    "Regional cooperation grew over the year.",
    "The two sides co-operate on trade.",
    "The Shanghai Cooperation Organisation met in June.",
    "Co-operation between the towns ended.",
    "Officials in Türkiye said the vote was fair.",
    "Turkey's exports grew, and Turkiye's imports fell.",
    "Ankara is the capital of Turkey.",
    "The group will organize a march; others organise a count.",
    "Observers recognise the result and we realize the cost.",
    "The firm made a promise, otherwise nothing would change.",
    "“They organise nothing,” said Ann Hale.",
    "The Organization for Security and Co-operation in Europe sent observers.",
    "Nobody could apprise the board of the plan.",
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry((str(ROOT / "rules"),))


def consistency_rules(registry: Registry) -> list:  # type: ignore[type-arg]
    return [r for r in all_rules(registry) if r.gather is not None]


@pytest.mark.parametrize("seed", range(60))
def test_a_consistency_rule_that_skips_unmixed_documents_finds_what_its_uses_judged_say(registry: Registry, seed: int) -> None:
    """`Consistency.__call__` looks at the matches in their places only where two variants of a
    group are among them; the hits are those `judge` gives from every use `gather` keeps."""
    rng = random.Random(seed)
    text = "\n\n".join(" ".join(rng.sample(PIECES, rng.randint(1, 4))) for _ in range(rng.randint(1, 4))) + "\n"
    ctx = Context(Document.from_text(text, "a.txt"), registry, Settings())
    rules = consistency_rules(registry)
    assert len(rules) >= 4
    for rule in rules:
        assert list(rule.check(ctx)) == list(rule.judge([rule.gather(ctx)], ctx.document, registry))


def test_a_document_with_one_variant_of_each_group_has_no_consistency_hit_and_a_mixed_one_has(registry: Registry) -> None:
    by_id = {r.id: r for r in consistency_rules(registry)}
    for text, expected in (("Turnout was 53 percent. Then 54 percent.\n", 0), ("Turnout was 53 percent. Then 54 per cent.\n", 1)):
        ctx = Context(Document.from_text(text, "a.txt"), registry, Settings())
        assert len(list(by_id["house/percent"].check(ctx))) == expected


def test_a_consistency_rule_reads_a_match_kept_for_the_run_as_it_reads_it_anew(registry: Registry) -> None:
    """`Consistency.worded` keeps how a match of a word, a phrase or a words-only pattern is
    written as the other variants (`read`) once a run for each key and text; over 60 random
    documents of one run (the memo kept throughout), every kept reading is what reading the
    match in its own document gives."""
    rng = random.Random(7)
    rules = [r.check for r in consistency_rules(registry) if isinstance(r.check, Consistency)]
    assert len(rules) >= 4 and any(any(rule.by_text) for rule in rules)
    for _ in range(60):
        text = "\n\n".join(" ".join(rng.sample(PIECES, rng.randint(1, 4))) for _ in range(rng.randint(1, 3))) + "\n"
        ctx = Context(Document.from_text(text, "a.txt"), registry, Settings())
        for rule in rules:
            matches = rule.keys.find(ctx, rule.options.rule_id, rule.options.where)
            anew = [(m, spelled) for m in matches if (spelled := rule.read(ctx, m)) is not None]
            assert rule.worded(ctx, matches) == anew
