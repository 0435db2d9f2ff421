"""What a run pays the first time it reads a document: patterns compiled only when a cheap test
says they can match. Each test before a pattern must say no only where the pattern cannot match:
checked here on random texts made of what the pattern looks for, near misses and letters that
match others when case is ignored (`ſ` and `s`, the Kelvin sign and `k`)."""

from __future__ import annotations

import random

import pytest


def random_texts(pieces: list[str], seed: int, count: int = 2000, size: int = 8) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, size))) for _ in range(count)]


FIGURE_PIECES = [
    "5", "12", " ", "  ", "\t", "\u00a0", " million", "\u00a0Billion", " ſ", " K", " thousand", "Trillion", " of", "of the ",
    " of the 3", "  of 7", "US$", "$", "€", "Rs", " Rs ", "CHF", "EUR ", "x", "é", "\n", "-", "percent", " mln", "T", "m",
]  # fmt: skip


def test_the_figure_patterns_are_compiled_when_a_document_first_needs_them() -> None:
    from quotelint import enginedata
    from quotelint.claims.figuredata import DATA, _build

    import os

    data = _build(enginedata.load(os.path.basename(DATA)))
    patterns = (data.unit_after, data.scale_after, data.currency_prefix, data.digit_start, data.range_link)
    assert all("_compiled" not in vars(p) for p in patterns)  # a lazyre.Lazy, not compiled yet
    assert data.unit_after.match(" percent") is not None


@pytest.mark.parametrize("seed", range(3))
def test_a_scale_a_currency_and_a_part_are_tested_for_only_where_their_patterns_can_match(seed: int) -> None:
    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.figures import PART_OF, currency_may_precede, part_may_follow, scale_may_follow

    data = figure_data()
    matched = [0, 0, 0]
    for text in random_texts(FIGURE_PIECES, seed):
        for at in range(len(text) + 1):
            scale = data.scale_after.match(text, at) is not None
            assert scale_may_follow(text, at, data.scale_initials) or not scale, (text, at)
            currency = data.currency_prefix.search(text, max(0, at - 5), at) is not None
            assert currency_may_precede(text, at, data.currency_before) or not currency, (text, at)
            part = PART_OF.match(text, at) is not None
            assert part_may_follow(text, at) or not part, (text, at)
            matched = [matched[0] + scale, matched[1] + currency, matched[2] + part]
    assert min(matched) > 100  # the patterns do match in these texts
