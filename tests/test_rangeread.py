"""What links a range's two numbers, the words of a number written out and a part to its whole,
read without compiling the patterns where the text is ASCII (claims/rangeread.py), is what the
patterns match; and a number may follow where the pattern after a link says so: compared at
every offset of random texts of dashes, blanks, join words in mixed case and look-alikes (`ſ`,
`İ`), currency signs, digits of other scripts and letters."""

from __future__ import annotations

import random

import pytest

PIECES = [
    "5", "12", "-", "–", "—", " ", "  ", "   ", "\t", "\u00a0", "to", "TO", "To", "and", "AND", "aNd", "tO", "t", "an", "x", "é", "ſ", "İ", "ı",
    " to ", " and ", "  To\t", "\u00a0AND  ", " tO", " – ", "-5", " ", "$", "€", "₹", "£", "¥", "$5", "€7", "٣", "५", "²", "Ⅳ", "\n", ".", ",", "\u0345", "K", "\u212a",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(4))
def test_the_range_link_reads_what_its_patterns_match(seed: int) -> None:
    import regex

    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.rangeread import NUMBER_AHEAD, RangeLink, link_source

    joins = list(figure_data().range_joins)
    link, pattern, ahead = RangeLink(joins), regex.compile(link_source(joins), regex.IGNORECASE), regex.compile(NUMBER_AHEAD)
    rng = random.Random(seed)
    found = [0, 0, 0]
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 7)))
        for at in range(len(text) + 1):
            m = pattern.match(text, at)
            expected = None if m is None else (m.group("join").lower() if m.group("join") else None, m.end())
            assert link.read(text, at) == expected, (text, at)
            assert link.number_ahead(text, at) == (ahead.match(text, at) is not None), (text, at)
            found = [found[0] + (m is not None), found[1] + bool(m and m.group("join")), found[2] + (ahead.match(text, at) is not None)]
    assert min(found) > 500, found


def test_the_range_links_patterns_are_not_compiled_for_ascii_text() -> None:
    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.figures import find_figures
    from quotelint.claims.rangeread import RangeLink

    link = RangeLink(list(figure_data().range_joins))
    assert link.read("from 5 to 7", 6) == ("to", 10) and link.read("5-7", 1) == (None, 2) and link.read("5 – 7", 1) == (None, 4)
    assert link.number_ahead("5 to 7", 5) and not link.number_ahead("5 to .", 5)
    assert "_compiled" not in vars(link._pattern) and "_compiled" not in vars(link._ahead)
    assert link.read("5-٣", 1) == (None, 2) and "_compiled" in vars(link._pattern)  # an Arabic-Indic digit: the pattern is asked
    assert [(f.value, f.high) for f in find_figures("Prices rose between 5 and 7 percent.")] == [(5.0, 7.0)]


@pytest.mark.parametrize("seed", range(3))
def test_a_spelled_gap_and_a_part_are_read_as_their_patterns_match(seed: int) -> None:
    import regex

    from quotelint.claims.rangeread import PART_OF, SPELLED_GAP, part_follows, spelled_gap

    gap, part = regex.compile(SPELLED_GAP), regex.compile(PART_OF.pattern)
    pieces = [" ", "  ", "\t", "\u00a0", "-", "and", "And", "of", "OF", "the", "The", "5", "٣", "x", "é", "\n", " of ", " the ", "of the ", "and ", " of the 5", " of 7", "  of\tthe  3"]
    rng = random.Random(seed)
    found = [0, 0]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        for at in range(len(text) + 1):
            g = gap.match(text, at)
            assert spelled_gap(text, at) == (None if g is None else g.end()), (text, at)
            p = part.match(text, at) is not None
            assert part_follows(text, at) == p, (text, at)
            found = [found[0] + (g is not None), found[1] + p]
    assert min(found) > 500, found
