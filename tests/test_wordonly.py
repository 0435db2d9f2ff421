"""Patterns searched only in the words that can hold a match (quotelint/yamlrules/wordonly.py)
find what a search of the whole prose finds: the same matches, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
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
    assert [(m.span(), m.group(), m.groups()) for m in found] == whole


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
    assert [m.group() for m in found] == expected
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(ctx.prose)]
