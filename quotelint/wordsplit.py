"""A text's words as three columns (texts, starts, ends), cut by `str` methods where they can be.

A word is what `WORD` says: letters and digits, joined by single inner apostrophes or
hyphens. The pattern engines cost some 350 instructions a character to cut a text so; Python's
`str` methods, which run in C without a per-character step of their own, cost a tenth of that. So
a text whose characters all lie in `PLAIN_RANGES` (ASCII, Latin, IPA, general punctuation,
currency signs; where `str.isalnum` is exactly `[\\p{L}\\p{N}]` and no character is a combining
mark, as `tests/test_names_split.py` checks over every code point) is first drawn as an ASCII
*shape* of the same length:

- an ASCII letter or digit stands for itself, any other letter or digit for `a`;
- an apostrophe or hyphen between two letters or digits stands for itself (`co-chair`, `don't`);
- every other character is a space.

The shape is drawn from the text's ASCII encoding, where each character beyond ASCII is a `?`:
`bytes.translate` maps it a byte in one step, and only those few characters are read in Python.
`shape.split()` then gives the words, and the runs of spaces between them give where each starts
and ends. The few words holding a letter beyond ASCII are taken again from the text. A text with
a character beyond the ranges (Cyrillic, Chinese, a combining accent) is cut by the `regex`
pattern, as before.

`word_positions` gives each distinct word's indexes in such a column, for the context, the
figures and the layout alike.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Sequence
from itertools import accumulate

from quotelint.lazyre import lazy

WORD = r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*"
WORD_SPLIT = lazy(f"({WORD})")  # a word, captured: a split gives the text between words and the words in turn
PLAIN_RANGES = ((0x0000, 0x02FF), (0x2000, 0x206F), (0x20A0, 0x20CF))
SHARED_FROM = 100_000  # characters of a text whose equal words share one string (`columns`)
JOINERS = "'-"  # what joins two runs of letters and digits into one word (a typographic apostrophe reads as "'")
LETTER = ord("a")  # what a letter or digit beyond ASCII stands for in the shape
# The shape of an ASCII byte: itself if a letter, digit or joiner (a joiner is checked on its own,
# `_loose_joiners`), else a space; `bytes.translate` reads it in one step a byte.
_SHAPE = bytes(c if chr(c).isalnum() or chr(c) in JOINERS else 32 for c in range(128)) + b" " * 128
# The spaces of a shape as `x`, the rest as spaces: `split` on it gives the runs between the words.
_GAPS = bytes(32 if chr(c).isalnum() or chr(c) in JOINERS else 120 for c in range(128)) + b"x" * 128


def columns(text: str) -> tuple[list[str], list[int], list[int]]:
    """The words of the text as three columns: their texts, starts and ends. A word ending in a
    possessive `'s` is given without it (Smith's -> Smith). In a long text (`SHARED_FROM`
    characters) equal words share one string (interned): its tokens take a quarter less memory.
    An article's words are not interned: that cost as much as the split, to save a few kilobytes."""
    plain = text.replace("’", "'")  # the same length, so offsets hold
    drawn = _shape(plain)
    if drawn is None:
        words, starts, ends = _pattern_columns(plain)
    else:
        words, starts, ends = _shape_columns(plain, *drawn)
    if len(text) >= SHARED_FROM:
        words = list(map(sys.intern, words))
    at = plain.find("'s")
    while at >= 0:
        i = bisect_left(ends, at + 2)
        if i < len(ends) and ends[i] == at + 2 and starts[i] < at:  # the word ends in 's (Smith's)
            words[i], ends[i] = sys.intern(words[i][:-2]), at
        at = plain.find("'s", at + 2)
    return words, starts, ends


def _shape(plain: str) -> tuple[str, list[int]] | None:
    """The text's ASCII shape, and where it holds a letter or digit beyond ASCII; None for a text
    with a character beyond `PLAIN_RANGES`. Encoded in ASCII, the text holds a `?` for each
    character beyond it (news holds a few hundred: curly quotes, dashes, accented letters), read
    one by one: most are marks, and become spaces with the other marks."""
    if plain.isascii():
        coded, letters = plain.encode("ascii"), []
    else:
        coded = plain.encode("ascii", "replace")
        letters = _letters_beyond(plain, coded)
        if letters is None:
            return None
    cut = bytearray(coded.translate(_SHAPE))
    for at in letters:
        cut[at] = LETTER
    shape = cut.decode("ascii")
    loose = _loose_joiners(shape)
    if loose:
        for at in loose:
            cut[at] = 32  # a space
        shape = cut.decode("ascii")
    return shape, letters


def _letters_beyond(plain: str, coded: bytes) -> list[int] | None:
    """Where the text holds a letter or digit beyond ASCII, from the `?` its ASCII encoding
    (`coded`) holds in place of each character beyond it; None at a character beyond
    `PLAIN_RANGES`."""
    letters = []
    plain_ranges: dict[str, bool] = {}  # each character's verdict, asked once
    at = coded.find(b"?")
    while at >= 0:
        char = plain[at]
        if char != "?":
            if char not in plain_ranges:
                plain_ranges[char] = _in_plain_ranges(ord(char))
                if not plain_ranges[char]:
                    return None
            if char.isalnum():
                letters.append(at)
        at = coded.find(b"?", at + 1)
    return letters


def _in_plain_ranges(code: int) -> bool:
    return any(low <= code <= high for low, high in PLAIN_RANGES)


def _loose_joiners(shape: str) -> list[int]:
    """Where an apostrophe or a hyphen joins no two words: at an edge, beside a space or
    beside another joiner (`'quoted'`, `-- aside`, `rock'-n`)."""
    loose = []
    last = len(shape) - 1
    for joiner in JOINERS:
        at = shape.find(joiner)
        while at >= 0:
            if at == 0 or at == last or not shape[at - 1].isalnum() or not shape[at + 1].isalnum():
                loose.append(at)
            at = shape.find(joiner, at + 1)
    return loose


def _shape_columns(plain: str, shape: str, letters: list[int]) -> tuple[list[str], list[int], list[int]]:
    """The columns from the shape: its words, and their places from the lengths of the words
    and of the runs between them added up in C."""
    words = shape.split()
    between = list(map(len, shape.encode("ascii").translate(_GAPS).split()))
    if shape[:1] != " ":
        between.insert(0, 0)  # the text opens with a word
    lengths = [0] * (2 * len(words))  # between, word, between, word, ...
    lengths[0::2] = between[: len(words)]
    lengths[1::2] = map(len, words)
    offsets = list(accumulate(lengths))
    starts, ends = offsets[0::2], offsets[1::2]
    for at in letters:  # the words written with a letter beyond ASCII, taken again from the text
        i = bisect_right(starts, at) - 1
        words[i] = plain[starts[i] : ends[i]]
    return words, starts, ends


def _pattern_columns(plain: str) -> tuple[list[str], list[int], list[int]]:
    """The columns by the `regex` pattern, for a text beyond the plain ranges: one split gives
    the text between the words and the words in turn, whose lengths added up are where each
    word starts and ends."""
    pieces = WORD_SPLIT.split(plain)  # between, word, between, word, ..., between
    offsets = list(accumulate(map(len, pieces)))
    return pieces[1::2], offsets[0:-1:2], offsets[1::2]


def word_positions(texts: Sequence[str]) -> dict[str, list[int]]:
    """Each word's indexes, rising, the words in the order the text first writes them. Each
    index is added to its word's list in C, the list made by the `defaultdict` when the word
    first comes (no Python step a word or a distinct word). A plain dict is given back: asking
    about a word the text does not hold must not add it."""
    out: defaultdict[str, list[int]] = defaultdict(list)
    deque(map(list.append, map(out.__getitem__, texts), range(len(texts))), maxlen=0)
    return dict(out)
