"""The text every match of a rule's pattern holds, so that a document or a word without it is
not searched: a rule whose pattern cannot match an article never compiles it (`regex` parses a
pattern in Python, a few tenths of a millisecond each).

`needed_text` reads the rule's source as a tree (regextree.py) when the rule is loaded, and the
registry cache keeps what it found. It is the longest run of literal characters that stand one
after another in every match: outside any alternation, repeat or lookaround, with groups of
plain sequences read through. A pattern that ignores case keeps only ASCII letters, digits and
punctuation in its runs, lower case, and is compared with `fold` of the text: each character
`regex` matches with an ASCII one ignoring case (the Kelvin sign, `İ`, `ı`, `ſ`) folded to it.
Sources whose literals may not be literal are given no needed text: verbose or full-case
flags, inline flags, fuzzy matching, named lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from quotelint.yamlrules.regextree import Node

_PLAIN_FLAGS = regex.I | regex.U | regex.A | regex.M | regex.S | regex.V0 | regex.W | regex.R | regex.POSIX
_GROUP_HEADS = frozenset(":P<>=!#|")  # what may follow `(?`: groups and lookarounds, no flags
_BEYOND_ASCII = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})  # `lower` leaves or lengthens them
_SPECIAL = tuple(map(chr, _BEYOND_ASCII))  # the characters it folds


def fold(text: str) -> str:
    """The text as a pattern's ASCII literal is compared with it, ignoring case: lower case,
    with the letters beyond ASCII that `regex` matches with an ASCII one and `lower` leaves (or
    lengthens) folded first. (A test checks this against `regex` itself.)"""
    if text.isascii() or not any(c in text for c in _SPECIAL):  # most texts: `translate` would
        return text.lower()  # look each character up, a millisecond on an article
    return text.translate(_BEYOND_ASCII).lower()


def needed_text(source: str, flags: int) -> str | None:
    """The text every match of the pattern holds (lower case when it ignores case), or None."""
    if flags & ~_PLAIN_FLAGS or not _plain_syntax(source):
        return None
    from quotelint.yamlrules.regextree import Parser

    runs: list[str] = []
    _runs(Parser(source).parse(), [""], runs, bool(flags & regex.I))
    best = max(runs, key=len, default="")
    return (best.lower() if flags & regex.I else best) or None


def _plain_syntax(source: str) -> bool:
    """No inline flags, fuzzy constraints nor named lists: each `(?` opens a group or a
    lookaround, each `{` a repeat's bounds, and no `\\L<` names a list."""
    if "\\L" in source:
        return False
    at = source.find("(?")
    while at >= 0:
        if source[at + 2 : at + 3] not in _GROUP_HEADS or source.startswith("(?(", at):
            return False
        at = source.find("(?", at + 2)
    at = source.find("{")
    while at >= 0:
        end = source.find("}", at)
        if end < 0:
            return False
        if not _escape_braces(source, at) and any(c not in "0123456789," for c in source[at + 1 : end]):
            return False
        at = source.find("{", end)
    return True


def _escape_braces(source: str, at: int) -> bool:
    """The `{` at `at` opens the braces of an escape (`\\p{L}`, `\\x{263a}`): its letter
    follows a backslash that is not itself escaped."""
    if at < 2 or source[at - 1] not in "pPNxuUg" or source[at - 2] != "\\":
        return False
    slashes = len(source[: at - 1]) - len(source[: at - 1].rstrip("\\"))
    return slashes % 2 == 1


def _literal(node: Node, ignorecase: bool) -> str | None:
    """The one character an atom matches as it is written, if it is a literal."""
    t = node.text
    c = t if len(t) == 1 and t not in ".{}" else t[1] if len(t) == 2 and t[0] == "\\" and not t[1].isalnum() else None
    return None if c is None or (ignorecase and not c.isascii()) else c


def _runs(node: Node, run: list[str], runs: list[str], ignorecase: bool) -> None:
    """Add to `runs` each run of literals `node` holds; `run[0]` is the run it continues, and
    what it leaves there the run that follows it may continue."""
    if node.kind == "atom":
        c = _literal(node, ignorecase)
        if c is not None:
            run[0] += c
            runs.append(run[0])
            return
    elif node.kind == "seq" or (node.kind == "group" and node.items and node.items[0].kind in ("seq", "atom", "group")):
        for item in node.items:
            _runs(item, run, runs, ignorecase)
        return
    run[0] = ""  # an alternation, a repeat, a lookaround, a class or an escape: the run ends
