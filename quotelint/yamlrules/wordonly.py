"""Patterns that can match only letters and digits, searched only in the words that can hold a match.

A word-bounded pattern such as `(?<stem>\\p{L}{3,})iz(?<end>e|es|ed)` is searched at every word
of a document, though few words can hold a match. When every character it can match is a letter
or a decimal digit (`[\\p{L}\\p{Nd}]`, as `regex` reads them in any case), a match lies inside one
word of the document's tokens (quotelint/names.py), or is the `s` cut from a possessive `'s`:
tokens take every letter and digit, and their joiners (`'`, `-`) and all that stands between them
are no letters. Such a match, with the same text on either side, is a match in the word read
alone; so a word that holds none alone holds none in the document. Whether a word holds one is
asked once per distinct word in a run (the name index's word memo), and the document is searched
only inside the occurrences of the words that do, with the text around them in view: the same
matches, in the same order, as a search of the whole prose.

What such a pattern matches in an occurrence depends only on the occurrence and the character on
either side (the bounds `\\b`, `(?<!\\w)` and `(?!\\w)` look one character out, and nothing else
looks around), so the matches of each such window are searched once a run (kept by the name
index) and placed at every occurrence that shows the same window. A match is given as its
start, end and text in the prose, with the match object of the window's search, whose groups
(what a replacement template expands) are those of the match in the prose.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import regex

from quotelint.lazyre import lazy
from quotelint.names import END, START

if TYPE_CHECKING:
    from quotelint.context import Context

_GROUP_OPEN = lazy(r"\((?:\?:|\?P?<\w+>|\?>|(?!\?))")  # capturing, non-capturing, named or atomic
_BOUNDS = lazy(r"\{\d*,?\d*\}")
_LETTER_CLASS = lazy(r"\[(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]|[A-Za-z0-9]|\\d|\\pL|\\p\{L[ul]?\})+\]")
_ESCAPES = frozenset((r"\d", r"\pL", r"\p{L}", r"\p{Lu}", r"\p{Ll}"))
_FLAGS = regex.I | regex.U | regex.V0  # flags that leave what a letter matches a letter


def letters_only(source: str) -> bool:
    """Every text the pattern can match is letters and decimal digits: literal ASCII letters and
    digits, `\\p{L}` and `\\d` and classes of them, in groups, alternatives and repeats. Anything
    else (a dot, a space, a lookaround, an anchor, a flag, a back reference) says no."""
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            escape = next((e for e in _ESCAPES if source.startswith(e, i)), None)
            if escape is None:
                return False
            i += len(escape)
        elif c == "[":
            found = _LETTER_CLASS.match(source, i)
            if found is None:
                return False
            i = found.end()
        elif c == "(":
            found = _GROUP_OPEN.match(source, i)
            if found is None:
                return False
            i = found.end()
        elif c == "{":
            found = _BOUNDS.match(source, i)
            if found is None or found.group() in ("{}", "{,}"):
                return False
            i = found.end()
        elif c in ")|*+?" or (c.isascii() and c.isalnum()):
            i += 1
        else:
            return False
    return True


def in_words_only(pattern: Any, source: str) -> bool:
    """The compiled pattern is the rule's `source` bounded by words (patterns.compile_pattern),
    and the source matches letters and digits alone."""
    return _in_words_only(pattern.pattern, pattern.flags, source)


@functools.lru_cache(maxsize=1024)
def _in_words_only(compiled: str, flags: int, source: str) -> bool:
    bounded = (rf"\b(?:{source})(?!\w)", rf"(?<!\w)(?:{source})(?!\w)")
    return compiled in bounded and not flags & ~_FLAGS and letters_only(source)


Found = tuple[int, int, str, Any]  # a match's start and end in the prose, its text, a match object with its groups
WINDOWS_KEPT = 10_000  # windows whose matches a run keeps for each pattern, at most


def search_words(ctx: Context, pattern: Any, limit: float, needed: str | None = None) -> list[Found] | None:
    """The matches of an `in_words_only` pattern in the prose, searched in the words that can hold
    one; None when a lone `s` can (the prose is then searched whole). A word without the `needed`
    text of every match (needed.py) is not searched: a document none of whose words has it never
    compiles the pattern. An occurrence is searched with the character before it and the one
    after it (a window), once a run for each such text."""
    if needed is None:
        judge = lambda word: pattern.search(word, timeout=limit) is not None  # noqa: E731
    else:
        from quotelint.yamlrules.needed import fold

        ignorecase = bool(pattern.flags & regex.I)
        judge = lambda word: needed in (fold(word) if ignorecase else word) and pattern.search(word, timeout=limit) is not None  # noqa: E731
    memo = ctx.registry.names.memo(f"pattern {pattern.flags} {pattern.pattern}", judge)
    if memo.holds("s"):
        return None
    found = memo.select(ctx.distinct)
    if not found:
        return []
    words, prose, positions = ctx.words, ctx.prose, ctx.positions
    starts = sorted(i for text in found for i in positions[text])
    question, answer = f"pattern windows {pattern.flags} {pattern.pattern}", ctx.registry.names.answer
    out: list[Found] = []
    for i in starts:
        start = words[i][START]
        key = (start > 0, prose[max(0, start - 1) : words[i][END] + 1])  # the word and what stands on either side, if anything
        for a, b, text, m in answer(question, key, functools.partial(search_window, pattern, key, limit), WINDOWS_KEPT):
            out.append((start + a, start + b, text, m))
    return out


def search_window(pattern: Any, key: tuple[bool, str], limit: float) -> list[Found]:
    """The matches in a window: the text of a word with the character after it, and the one
    before it when the flag says there is one; placed from the word's start."""
    lead = int(key[0])
    return [(m.start() - lead, m.end() - lead, m.group(), m) for m in pattern.finditer(key[1], lead, timeout=limit)]
