"""The figure reader's shortcuts give what the longer way they replaced gave.

Each test holds the longer way as a reference (a pattern searched over the whole prose for the
digits that start a word, a pattern searched before every figure for a bound or a marker) and
compares the two on random texts made of pieces chosen to hit the edges, and on the seeds.
Speed is measured by bench/, never here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quotelint.context import Context
from quotelint.document import Document
from quotelint.names import START, TEXT

ROOT = Path(__file__).resolve().parent.parent

FIGURE_PIECES = [
    "5", "12", "2022", "1,000", "3.5", "19", "31st", "5G", "1990s", " ", "  ", "\t", "\u00a0", "\n", "-", "–", "'", "’", "\u0301", "é", "e\u0301",
    "٣", "５", "²", "Ⅻ", "_", "one", "Two", "TWO", "twenty-one", "twenty-first", "hundred", "a", "A", "million", "billion", "dozen", "half",
    "percent", "per cent", "%", "March", "Mar.", "th", "s", "x", "Mr", ".", ",", "/", "$", "US$", "€", "from", "to", "and", "between", "of the",
    "people", "MPs", "seats", "more than", "up to", "about", "than", "some", "nearly", "up from", "Over", "ABOUT", "roughly.", "estimated",
]  # fmt: skip


def _texts(pieces: list[str], seed: int, count: int, size: int) -> list[str]:
    """Random texts of the pieces, most followed by a space (so that most stand as words)."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) + rng.choice(("", " ", " ")) for _ in range(rng.randint(1, size))) for _ in range(count)]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").rglob("*.txt"))]


def _figures_from_a_digit_pattern(prose: str) -> list:  # type: ignore[type-arg]
    """The figures as found when a pattern searched the prose for every digit that starts a word
    (`digit_start`) and the words were tested for number words apart."""
    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.figures import _Reader, read_all
    from quotelint.names import tokens

    data = figure_data()
    reader = _Reader(prose, data)

    def spelled_start(text: str) -> bool:
        return text[0] in data.starter_initials and text.split("-")[0].lower() in data.starters and not (text.isupper() and len(text) > 1)

    spelled = [w[START] for w in tokens(prose) if spelled_start(w[TEXT])]
    digits = [m.start() for m in data.digit_start.finditer(prose)]
    return read_all(reader, sorted(digits + spelled))


@pytest.mark.parametrize("seed", range(3))
def test_the_figures_read_from_the_words_are_those_a_digit_pattern_found(seed: int) -> None:
    from quotelint.claims.figures import find_figures
    from quotelint.registry import Registry

    registry = Registry()  # one run: the word memo judges each word once over all the texts
    found = 0
    for text in _texts(FIGURE_PIECES, seed, 3000, 16) + _seed_texts():
        expected = _figures_from_a_digit_pattern(text)
        assert find_figures(text) == expected, repr(text)
        assert Context(Document.from_text(text), registry).figures == expected, repr(text)
        found += len(expected)
    assert found > 3000


BEFORE_PIECES = [
    "more than", "up to", "up from", "about", "ABOUT", "About", "than", "of", "to", "into", "photo", "almost", "utmost", "vs.", "vs..", "roughly.",
    "compared with", "some", "Some", "approximately", "in", "the", "x", "\u212a", "İ", "ı", "é", "-", "’", ".", " ", "  ", "   ", "    ", "\t",
    "\u00a0", "\n", "5", "(",
]  # fmt: skip


@pytest.mark.parametrize("seed", range(3))
def test_a_bound_or_marker_is_found_where_searching_back_for_every_figure_found_one(seed: int) -> None:
    from quotelint.claims.figuredata import figure_data
    from quotelint.claims.figures import _Reader

    found = 0
    for text in _texts(BEFORE_PIECES, seed, 3000, 10):
        reader = _Reader(text + "5", figure_data())
        for start in range(len(text) + 1):
            expected = reader.searched_back(start)  # as `before` read for every figure
            assert reader.before(start) == expected, (text, start)
            found += expected != (None, None)
    assert found > 1000


@pytest.mark.parametrize("seed", range(2))
def test_no_word_follows_a_figure_where_no_blank_or_hyphen_does(seed: int) -> None:
    """`_Reader.finish` asks WORD_AFTER only where a character in AFTER_OPENS follows."""
    from quotelint.claims.figures import AFTER_OPENS, WORD_AFTER

    matched = 0
    for text in _texts(BEFORE_PIECES + FIGURE_PIECES, seed, 2000, 8):
        for at in range(len(text) + 1):
            m = WORD_AFTER.match(text, at)
            assert m is None or text[at : at + 1] in AFTER_OPENS, (text, at)
            matched += m is not None
    assert matched > 1000
