"""The words of a text (wordsplit.columns): cut by `str` methods through an ASCII shape where
every character lies in wordsplit.PLAIN_RANGES, by the `regex` pattern `WORD_SPLIT` elsewhere,
and the same either way."""

from __future__ import annotations

import random

import pytest
import regex

from quotelint import names, wordsplit


def _plain_characters() -> list[str]:
    return [chr(c) for a, b in wordsplit.PLAIN_RANGES for c in range(a, b + 1)]


def test_in_the_plain_ranges_isalnum_is_the_patterns_letter_or_digit_and_no_character_is_a_mark() -> None:
    word = regex.compile(r"[\p{L}\p{N}]")
    mark = regex.compile(r"\p{M}")
    assert [c for c in _plain_characters() if c.isalnum() != bool(word.match(c))] == []
    assert [c for c in _plain_characters() if mark.match(c)] == []


def _by_pattern(text: str) -> list[str]:
    """The words as the pattern cuts them, with a possessive 's cut off as columns does."""
    plain = text.replace("\u2019", "'")
    return [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in wordsplit.WORD_SPLIT.split(plain)[1::2]]


def _places_hold(text: str) -> None:
    words, starts, ends = wordsplit.columns(text)
    plain = text.replace("\u2019", "'")
    assert [plain[s:e] for s, e in zip(starts, ends)] == words, text


@pytest.mark.parametrize("seed", range(5))
def test_the_shape_cuts_random_plain_texts_as_the_pattern_does(seed: int) -> None:
    rng = random.Random(seed)
    common = list("aeiouAEIOU tnrsTNRS0123456789 '''---\u2019\u2019.,;\n\u00a0\u00e9\u00f1\u00df\u00b2\u00bd?\u201c\u201d\u2014_")
    every = _plain_characters()
    for _ in range(400):
        text = "".join(rng.choice(common) if rng.random() < 0.9 else rng.choice(every) for _ in range(rng.randint(0, 80)))
        assert wordsplit._shape(text.replace("\u2019", "'")) is not None, text  # the shape cut it
        assert wordsplit.columns(text)[0] == _by_pattern(text), text
        _places_hold(text)


@pytest.mark.parametrize("seed", range(3))
def test_a_text_beyond_the_plain_ranges_is_cut_by_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    common = list("aeiou tnrs019 '-\u2019.,\u00e9\u0301\u0436\u4e2d\U0001f600\u0483")
    for _ in range(200):
        text = "".join(rng.choice(common) for _ in range(rng.randint(0, 60)))
        assert wordsplit.columns(text)[0] == _by_pattern(text), text
        _places_hold(text)


def test_joiners_join_two_words_and_nothing_else() -> None:
    text = "'twas rock'-n-roll -- a co-chair's don't- -x y' it''s well-known'"
    words = ["twas", "rock", "n-roll", "a", "co-chair", "don't", "x", "y", "it", "s", "well-known"]
    assert wordsplit.columns(text)[0] == _by_pattern(text) == words


def test_a_word_with_letters_beyond_ascii_is_given_as_written() -> None:
    texts, starts, ends = wordsplit.columns("\u201cJos\u00e9 Mu\u00f1oz\u201d \u2014 caf\u00e9s, \u00c9lys\u00e9e\u2019s 2\u00bd")
    assert texts == ["Jos\u00e9", "Mu\u00f1oz", "caf\u00e9s", "\u00c9lys\u00e9e", "2\u00bd"]
    assert (starts, ends) == ([1, 6, 15, 22, 31], [5, 11, 20, 28, 33])


def test_a_word_with_a_combining_mark_is_still_one_word() -> None:
    texts, starts, ends = wordsplit.columns("Jose\u0301 Ferna\u0301ndez said")
    assert texts == ["Jose\u0301", "Ferna\u0301ndez", "said"]
    assert (starts, ends) == ([0, 6, 17], [5, 16, 21])


def test_an_underscore_parts_words_as_any_other_sign() -> None:
    assert wordsplit.columns("snake_case and x_1")[0] == ["snake", "case", "and", "x", "1"]


def test_a_plain_text_is_cut_as_before() -> None:
    texts, starts, ends = wordsplit.columns("O’Neill’s co-chair said 3.5 per\u00a0cent, not \u00bd.")
    assert texts == ["O'Neill", "co-chair", "said", "3", "5", "per", "cent", "not", "\u00bd"]
    assert starts[:2] == [0, 10] and ends[:2] == [7, 18]


def test_a_long_texts_equal_words_share_one_string() -> None:
    """Interning is for memory: a long text's repeated words are one object, an article's need not be."""
    sentence = "The board said the board would meet. "
    long_text = sentence * (wordsplit.SHARED_FROM // len(sentence) + 1)
    words = wordsplit.columns(long_text)[0]
    assert words[0] == "The" and words[1] == "board" and words[4] == "board"
    assert len({id(w) for w in words}) == len(set(words))


def test_marks_are_stripped_from_letters_beyond_ascii_and_ascii_is_left_as_it_is() -> None:
    every_ascii = "".join(map(chr, range(128)))
    assert names.strip_marks(every_ascii) == every_ascii
    assert names.strip_marks("Ant\u00f3nio Gutt\u00e9rres") == "Antonio Gutterres"
    assert names.strip_marks("Jose\u0301") == "Jose"
    assert names.fold("\u00c9lys\u00e9e") == names.fold("Elysee") == "elysee"
