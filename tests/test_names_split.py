"""The word splits by Python's `re` (names.PLAIN_WORD_SPLIT, names.UNDERSCORED_WORD_SPLIT) stand
in for the `regex` one only where they cannot differ: on texts whose characters all lie in
names.PLAIN_RANGES, with no underscore for the first."""

from __future__ import annotations

import random
import re

import pytest
import regex

from quotelint import names


def _plain_characters() -> list[str]:
    return [chr(c) for a, b in names.PLAIN_RANGES for c in range(a, b + 1)]


def test_every_character_of_the_plain_ranges_is_a_letter_or_digit_for_both_engines_alike() -> None:
    re_word = re.compile(r"[^\W_]")
    assert all(bool(re.match(r"\w", c)) == (bool(re_word.match(c)) or c == "_") for c in _plain_characters())  # the same, and the underscore
    regex_word = regex.compile(r"[\p{L}\p{N}]")
    mark = regex.compile(r"\p{M}")
    differ = [c for c in _plain_characters() if bool(re_word.match(c)) != bool(regex_word.match(c))]
    marks = [c for c in _plain_characters() if mark.match(c)]
    assert differ == [] and marks == []


def test_a_character_beyond_the_ranges_is_seen() -> None:
    assert names._BEYOND_PLAIN.search("Jos\u00e9 \u201cLuis\u201d \u2014 \u20ac5") is None
    for beyond in ("e\u0301", "\u0436", "\u4e2d", "\U0001f600", "\u0483"):
        assert names._BEYOND_PLAIN.search(f"word {beyond} word") is not None


@pytest.mark.parametrize("seed", range(5))
def test_the_two_splits_agree_on_random_plain_texts(seed: int) -> None:
    rng = random.Random(seed)
    common = list("aeiouAEIOU tnrsTNRS0123456789 '-’.,;\u00a0\u00e9\u00f1\u00df\u00b2\u00bd\u201c\u201d\u2019\u2014_")
    every = _plain_characters()
    for _ in range(300):
        text = "".join(rng.choice(common) if rng.random() < 0.9 else rng.choice(every) for _ in range(rng.randint(0, 80)))
        text = text.replace("\u2019", "'")  # as names.columns reads it
        assert names.UNDERSCORED_WORD_SPLIT.split(text) == names.WORD_SPLIT.split(text), text
        if "_" not in text:
            assert names.PLAIN_WORD_SPLIT.split(text) == names.WORD_SPLIT.split(text), text
        slow = names.WORD_SPLIT.split(text)
        assert names.columns(text)[0] == [w[:-2] if w.endswith("'s") and len(w) > 2 else w for w in slow[1::2]], text


def test_a_word_with_a_combining_mark_is_still_one_word() -> None:
    texts, starts, ends = names.columns("Jose\u0301 Ferna\u0301ndez said")
    assert texts == ["Jose\u0301", "Ferna\u0301ndez", "said"]
    assert (starts, ends) == ([0, 6, 17], [5, 16, 21])


def test_an_underscore_parts_words_as_any_other_sign() -> None:
    assert names.columns("snake_case and x_1")[0] == ["snake", "case", "and", "x", "1"]


def test_a_plain_text_is_cut_as_before() -> None:
    texts, starts, ends = names.columns("O’Neill’s co-chair said 3.5 per\u00a0cent, not \u00bd.")
    assert texts == ["O'Neill", "co-chair", "said", "3", "5", "per", "cent", "not", "\u00bd"]
    assert starts[:2] == [0, 10] and ends[:2] == [7, 18]


def test_a_long_texts_equal_words_share_one_string() -> None:
    """Interning is for memory: a long text's repeated words are one object, an article's need not be."""
    sentence = "The board said the board would meet. "
    long_text = sentence * (names.SHARED_FROM // len(sentence) + 1)
    words = names.columns(long_text)[0]
    assert words[0] == "The" and words[1] == "board" and words[4] == "board"
    assert len({id(w) for w in words}) == len(set(words))


def test_marks_are_stripped_from_letters_beyond_ascii_and_ascii_is_left_as_it_is() -> None:
    every_ascii = "".join(map(chr, range(128)))
    assert names.strip_marks(every_ascii) == every_ascii
    assert names.strip_marks("Ant\u00f3nio Gutt\u00e9rres") == "Antonio Gutterres"
    assert names.strip_marks("Jose\u0301") == "Jose"
    assert names.fold("\u00c9lys\u00e9e") == names.fold("Elysee") == "elysee"
