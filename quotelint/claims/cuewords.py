"""The words a cue cannot match without, so that a sentence lacking all of them is not searched.

A claim's cue is searched in each sentence that holds a figure of the claim's unit: hundreds of
searches in an article, most of which find nothing. Every match of `turnout`, of
`threshold|barrier` or of `\\b(?:elections?|polls?|vote)\\b` holds one of a few runs of letters
(`turnout`; `threshold` or `barrier`; `election`, `poll` or `vote`). `required` reads them from
the cue's pattern (None when it cannot say); a sentence in which none of them stands, in any
case, cannot match, and is not searched.

The words depend on the cue alone: the registry cache works them out for the registry's cues
when it is written and hands them to `prime` when it is opened, so that a run neither parses a
cue nor imports the parser (a fiftieth of a one-article check).

"In any case" as `regex` means it: an ASCII letter matches its other case, and four letters
outside ASCII (İ, ı, ſ and the Kelvin sign K) match an ASCII one too, or turn into one in lower
case. A sentence holding none of those four holds a run of ASCII letters in any case just where
its lower case holds the run in lower case; a sentence holding one of them is searched.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from quotelint.lazyre import lazy

if TYPE_CHECKING:
    from quotelint.yamlrules.regextree import Node

SPECIAL = "\u0130\u0131\u017f\u212a"  # İ ı ſ K
# Group heads that change nothing of what a pattern's letters match: (?: (?= (?! (?<= (?<! (?> (?<name> (?P<name>
_PLAIN_HEADS = lazy(r"\(\?(?![:=!>]|<[=!]|P?<\w+>)")
_primed: dict[str, frozenset[str] | None] = {}  # `required` of cues as the registry cache read them, each taken once


def prime(words: dict[str, frozenset[str] | None]) -> None:
    """The words of cues as the registry cache keeps them: `required` gives them without parsing
    the cue."""
    for cue, found in words.items():
        _primed.setdefault(cue, found)


def words_data(cues: Iterable[str]) -> dict[str, list[str] | None]:
    """The words of each cue, as the registry cache keeps them for `prime`."""
    return {cue: None if (words := required(cue)) is None else sorted(words) for cue in cues}


@functools.lru_cache(maxsize=1024)
def required(source: str) -> frozenset[str] | None:
    """Runs of ASCII letters and digits (lower case), one of which every match of the cue holds,
    in any case; None when the pattern does not say (a flag, a class, an optional part...)."""
    if source in _primed:
        return _primed.pop(source)
    from quotelint.yamlrules.regextree import Parser

    if source.startswith("(?x)"):
        source = _terse(source[4:])
    if _PLAIN_HEADS.search(source):
        return None  # a flag such as (?i) or (?#...) may change what a letter means
    return _required(Parser(source).parse())


def _terse(source: str) -> str:
    """A verbose pattern (`(?x)` first) without the blanks and comments that mean nothing there:
    outside a class, a blank or a `#` to the end of the line is dropped; an escape stays whole."""
    from quotelint.yamlrules.regextree import _class_end

    out: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            end = i + 2
        elif c == "[":
            end = _class_end(source, i)
        elif c.isspace():
            i += 1
            continue
        elif c == "#":
            newline = source.find("\n", i)
            i = len(source) if newline < 0 else newline
            continue
        else:
            end = i + 1
        out.append(source[i:end])
        i = end
    return "".join(out)


def _literal(node: Node) -> bool:
    return node.kind == "atom" and len(node.text) == 1 and node.text.isascii() and node.text.isalnum()


def _required(node: Node) -> frozenset[str] | None:
    if node.kind == "atom":
        return frozenset({node.text.lower()}) if _literal(node) else None
    if node.kind == "group":
        return _required(node.items[0])
    if node.kind == "repeat":
        return _required(node.items[0]) if node.low >= 1 else None
    if node.kind == "alt":
        branches = [_required(item) for item in node.items]
        return None if any(b is None for b in branches) else frozenset().union(*branches)  # type: ignore[arg-type]
    if node.kind != "seq":
        return None  # a lookaround matches no text of its own
    options: list[frozenset[str]] = []
    run = ""
    for item in node.items:
        if _literal(item):
            run += item.text.lower()
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found = _required(item)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    return max(options, key=lambda words: min(map(len, words)), default=None)  # the rarest: longest shortest


def lowered(text: str) -> str | None:
    """The text in lower case, where a run of ASCII letters and digits stands just where `regex`
    finds it in the text in any case; None when the text holds one of the four letters that
    would tell the two apart."""
    if not text.isascii() and any(c in text for c in SPECIAL):
        return None
    return text.lower()


def may_match(source: str, low: str | None) -> bool:
    """A cue may match a sentence (`low`: the sentence `lowered`)."""
    return prefilter(source)(low)


@functools.lru_cache(maxsize=1024)
def prefilter(source: str) -> Callable[[str | None], bool]:
    """`may_match` of one cue, as a function of the lowered sentence alone (asked of hundreds of
    sentences an article)."""
    words = required(source)
    if words is None:
        return lambda low: True
    if len(words) == 1:
        (word,) = words
        return lambda low: low is None or word in low
    ordered = tuple(sorted(words))
    return lambda low: low is None or any(map(low.__contains__, ordered))  # no generator per sentence
