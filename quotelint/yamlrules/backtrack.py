"""A static look at a user's pattern for the shapes that make a backtracking engine run without end.

Two shapes are refused, because on a line that almost matches they take time exponential in
its length:

- a repeat inside a repeat with nothing that must separate one pass from the next:
  `(a+)+`, `(.*)*`, `(\\w+\\s?)+`. A pass that must contain a character the inner repeat cannot
  take (`(\\w+\\s)+`, `\\d{1,3}(,\\d{3})*`) is safe and allowed;
- a repeated alternation whose branches can match the same text: `(a|a)*`, `(a|ab)+`,
  `(\\w|\\d)+`.

Possessive repeats (`a++`) and atomic groups (`(?>...)`) never backtrack into themselves and are
accepted. The check is a guard, not a proof: every search also runs under a time limit.

The check must not run without end itself: a pattern longer than `MAX_LENGTH` characters or with
groups nested deeper than `MAX_NESTING` is refused before it is parsed (by this module or by
`regex`, whose parser recurses once per group), and branches of an alternation are compared by
sorting and counting, not pair by pair.
"""

from __future__ import annotations

import functools
from collections import Counter

import regex

from quotelint.yamlrules.regextree import Node, Parser, nesting

# Characters tried when asking whether two atoms can match the same character.
_SAMPLE = "".join(chr(c) for c in range(0x250)) + "\u00a0\u2009\u2013\u2014\u2018\u2019\u201c\u201d\u0416\u0436\u03a9\u4e2d\u0627"
_WORD = frozenset(c for c in _SAMPLE if regex.match(r"\w", c))
_SAMPLE_SET = frozenset(_SAMPLE)
MAX_LENGTH = 10_000  # characters in one pattern
MAX_NESTING = 50  # groups inside groups in one pattern


@functools.lru_cache(maxsize=4096)
def _chars(atom: str) -> frozenset[str]:
    """The sample characters an atom matches (every one for `.`, none if it cannot be tried alone)."""
    if len(atom) == 1 and atom != ".":
        return _SAMPLE_SET & {atom}  # a literal character: no pattern to compile and try
    try:
        compiled = regex.compile(atom, flags=regex.S)
    except regex.error:
        return frozenset(_SAMPLE)  # a back-reference or the like: assume the worst
    return frozenset(c for c in _SAMPLE if compiled.fullmatch(c))


def _atoms(node: Node) -> list[str]:
    if node.kind == "atom":
        return [node.text]
    return [a for item in node.items for a in _atoms(item)]


def _first_atoms(node: Node) -> list[str]:
    """Atoms that can begin a match of the node (approximately)."""
    if node.kind == "atom":
        return [node.text]
    if node.kind == "look":
        return []
    if node.kind == "alt":
        return [a for item in node.items for a in _first_atoms(item)]
    if node.kind == "seq":
        out: list[str] = []
        for item in node.items:
            out += _first_atoms(item)
            if not _optional(item):
                break
        return out
    return _first_atoms(node.items[0]) if node.items else []


def _optional(node: Node) -> bool:
    if node.kind == "look":
        return True
    if node.kind == "repeat":
        return node.low == 0 or _optional(node.items[0])
    if node.kind == "atom":
        return False
    if node.kind == "alt":
        return any(_optional(i) for i in node.items)
    return all(_optional(i) for i in node.items)


def _literal(node: Node) -> str | None:
    """The text a node matches when it is plain literal characters, else None."""
    if node.kind == "atom":
        t = node.text
        if len(t) == 1 and t not in ".":
            return t
        if len(t) == 2 and t[0] == "\\" and not t[1].isalnum():
            return t[1]
        return None
    if node.kind in ("seq", "group") and node.items is not None:
        parts = [_literal(i) for i in node.items]
        return None if any(p is None for p in parts) else "".join(parts)  # type: ignore[arg-type]
    return None


def _ambiguous_branches(alt: Node) -> bool:
    """Two branches can match the same text: of two literal branches one begins the other, or a
    branch that is not literal can begin with a character that another branch can begin with.

    Sorted, a literal that begins another begins the one right after it; a count of the branches
    that can begin with each character finds the shared first characters. No pair is compared.
    """
    literals: list[str] = []
    firsts: list[tuple[bool, frozenset[str]]] = []  # per branch: literal?, characters it can begin with
    for branch in alt.items:
        literal = _literal(branch)
        if literal is not None:
            literals.append(literal)
        firsts.append((literal is not None, frozenset().union(*map(_chars, _first_atoms(branch)))))
    literals.sort()
    if any(b.startswith(a) for a, b in zip(literals, literals[1:])):
        return True
    branches_with: Counter[str] = Counter()
    for _, chars in firsts:
        branches_with.update(chars)
    return any(not literal and any(branches_with[c] > 1 for c in chars) for literal, chars in firsts)


def _separated(body: Node, inner: list[Node]) -> bool:
    """The body must match a character that none of its varying repeats can take."""
    taken = frozenset().union(*(_chars(a) for r in inner for a in _atoms(r)))
    seq = body.items[0] if body.kind == "group" else body
    items = seq.items if seq.kind == "seq" else [seq]
    for item in items:
        while item.kind == "group" and len(item.items) == 1 and item.items[0].kind == "seq" and len(item.items[0].items) == 1:
            item = item.items[0].items[0]
        if item.kind == "atom" and _chars(item.text) and not (_chars(item.text) & taken):
            return True
        if item.kind == "repeat" and item.low >= 1 and not item.varies and item.items[0].kind == "atom":
            chars = _chars(item.items[0].text)
            if chars and not (chars & taken):
                return True
    return False


def _varying(node: Node) -> list[Node]:
    if node.safe:
        return []
    out = [node] if node.varies else []
    for item in node.items:
        out += _varying(item)
    return out


def _unwrap_alt(node: Node) -> Node | None:
    while node.kind in ("group", "seq") and len(node.items) == 1:
        node = node.items[0]
    return node if node.kind == "alt" else None


def starts_with_word(pattern: str) -> bool:
    """Every match of the pattern begins with a word character, so `\\b` may stand before it (the
    `regex` module searches much faster from `\\b` than from a look-behind)."""
    firsts = _first_atoms(Parser(pattern).parse())
    return bool(firsts) and all(_chars(a) and _chars(a) <= _WORD for a in firsts)


def too_big(pattern: str) -> str | None:
    """Why the pattern is too long or nested too deep to be looked at, or None."""
    if len(pattern) > MAX_LENGTH:
        return (
            f"is {len(pattern):,} characters long, more than {MAX_LENGTH:,}; list plain words and phrases "
            "without `regex: true` instead (they are found through an index, however many)"
        )
    if nesting(pattern) > MAX_NESTING:
        return f"nests groups more than {MAX_NESTING} deep; simplify it"
    return None


def problem(pattern: str) -> str | None:
    """Why the pattern may backtrack without end (or is too big to tell), or None when no such shape is found."""
    return too_big(pattern) or _walk(Parser(pattern).parse())


def _walk(node: Node) -> str | None:
    if node.safe:
        return None
    if node.many:
        body = node.items[0]
        inner = _varying(body)
        if inner and not _separated(body, inner):
            return "a repeat inside a repeat (like `(a+)+`) can backtrack without end; make one of them possessive (`a++`) or atomic (`(?>...)`), or bound it"
        alt = _unwrap_alt(body)
        if alt is not None and _ambiguous_branches(alt):
            return "a repeated alternation whose branches can match the same text (like `(a|ab)*`) can backtrack without end"
    for item in node.items:
        found = _walk(item)
        if found:
            return found
    return None
