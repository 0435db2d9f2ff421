"""Patterns searched only in the words that can hold a match (quotelint/yamlrules/wordonly.py)
find what a search of the whole prose finds: the same matches, in the same order."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quotelint.context import Context
from quotelint.document import Document
from quotelint.registry import Registry
from quotelint.yamlrules.patterns import compile_pattern
from quotelint.yamlrules.wordonly import in_words_only, letters_only, search_words


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"(?<stem>\p{L}{3,})iz(?<end>e|es|ed|ing)", True),
        (r"(?<co>co)(?<rest>operat(?:e|ion))", True),
        (r"colou?r|[A-Za-z]+ed|\pL{3}\d", True),
        (r"(?>ab)|(?P<x>cd)|(?:e)", True),
        (r"co-operation", False),  # a hyphen: a match may join two words
        (r"a.b", False),
        (r"(?i)ab", False),
        (r"(?i:ab)", False),
        (r"(?=a)b", False),
        (r"(?<!a)b", False),
        (r"\bx", False),
        (r"\w+", False),  # \w holds the underscore, which no word holds
        (r"[a-z_]+", False),
        (r"[^a]+", False),
        (r"x{", False),
        (r"(?P<x>a)(?P=x)", False),
        ("é", False),
    ],
)
def test_what_matches_letters_and_digits_alone(source: str, expected: bool) -> None:
    assert letters_only(source) is expected


def test_a_pattern_compiled_otherwise_is_searched_whole() -> None:
    assert in_words_only(compile_pattern("col+", ignorecase=True, word_bounded=True), "col+")
    assert not in_words_only(compile_pattern("col+", ignorecase=True, word_bounded=False), "col+")


SOURCES = [r"(?<stem>\p{L}{3,})is(?<end>e|es|ed)", r"s", r"\d+", r"ab|b", r"[A-Z]\p{Ll}+", r"(?:ka)+"]
CHARS = st.sampled_from(list("abisKkeSd19 _-'’\u212a\u0301é.\n") + ["’s", "'s", "ise", "kas"])
REGISTRY = Registry()  # one for all examples: its word memo carries verdicts from one to the next


@settings(max_examples=500, deadline=None)
@given(st.lists(CHARS, max_size=40).map("".join), st.sampled_from(SOURCES), st.booleans())
def test_searching_words_finds_what_searching_the_prose_finds(text: str, source: str, ignorecase: bool) -> None:
    pattern = compile_pattern(source, ignorecase=ignorecase, word_bounded=True)
    assert in_words_only(pattern, source)
    ctx = Context(Document.from_text(text), REGISTRY)
    whole = [(m.span(), m.group(), m.groups()) for m in pattern.finditer(ctx.prose)]
    found = search_words(ctx, pattern, 1.0)
    if found is None:  # a lone `s` can match: the caller searches the prose whole
        assert pattern.search("s") is not None
        return
    assert [((start, end), text, m.groups()) for start, end, text, m in found] == whole


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("x_organise organise_ organise’s Organise-it organise2 K\u212aise", r"\p{L}{3,}ise", ["organise", "Organise"]),
        ("1_ 22 _3 4’s 5-6", r"\d+", ["22", "4", "5", "6"]),
    ],
)
def test_underscores_and_possessives_stay_as_the_whole_search_reads_them(text: str, source: str, expected: list[str]) -> None:
    pattern = compile_pattern(source, ignorecase=True, word_bounded=True)
    ctx = Context(Document.from_text(text), Registry())
    found = search_words(ctx, pattern, 1.0)
    assert found is not None
    assert [text for _, _, text, _ in found] == expected
    assert [(start, end) for start, end, _, _ in found] == [m.span() for m in pattern.finditer(ctx.prose)]


NEEDED = ["co-operat", "-operat", "co- operat", "e. ka", "'s ka", "ka", "k", "1-9", "s ab", "ab"]
FOLDING = st.sampled_from(list("abisKkeSdo19 _-'’\u212a\u0130\u0131\u017f\u03a3\u0301é.\n") + ["’s", "'s", "co-", "operat", "CO-OPERAT", "ka", "e. ", "ab"])


@settings(max_examples=500, deadline=None)
@given(st.lists(FOLDING, max_size=40).map("".join), st.sampled_from(NEEDED))
@example("Talks on CO-OPERATION", "co-operat")
@example("It was done. KA", "e. ka")
@example("The bank's ka", "'s ka")
@example("It's", "'s")
@example("\u017f ab", "s ab")
@example("\u212aA", "ka")
def test_a_needed_text_looked_for_around_the_words_is_what_folding_the_prose_finds(text: str, needed: str) -> None:
    """A pattern that ignores case is searched only where the prose holds its needed text: told
    by folding the prose around the words that hold the text's longest run of letters and
    digits, as folding the whole prose tells it (letters beyond ASCII that fold to ASCII ones,
    possessives, hyphens and marks included)."""
    from quotelint.yamlrules.patterns import _holds, _holds_near_words

    ctx = Context(Document.from_text(text), REGISTRY)
    assert _holds_near_words(ctx, needed, regex.I) == _holds(ctx.prose, needed, regex.I)
    assert _holds_near_words(ctx, needed, 0) == _holds(ctx.prose, needed, 0)
