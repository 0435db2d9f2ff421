"""A user's pattern as a tree: atoms, sequences, alternations, groups, lookarounds and repeats.

Enough of `regex` syntax to judge how a pattern can backtrack (see backtrack.py), not to match
with. `nesting` measures how deep groups nest without parsing, so that a pattern nested too deep
for this recursive parser (or for `regex`'s own) is refused before either parses it.
"""

from __future__ import annotations

import regex

from quotelint.lazyre import lazy

_MANY = 10  # a bounded repeat of this many passes or more is treated like an unbounded one
_GROUP_HEAD = lazy(r"\?(?:>|P?<(?![=!])\w+>|P=\w+\)|[=!]|<[=!]|[\w-]*[:)]|\|)?")
_BOUNDS = lazy(r"\{(\d*)(,?)(\d*)\}")
_ESCAPE = lazy(r"\\(?:[pPNx]\{[^}]*\}|[pP]\w|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|g<\w+>|\d{1,3}|.)", flags=regex.S)


class Node:
    """One node of the tree. (A plain class: a dataclass compiles its generated methods when
    its module is imported.)"""

    def __init__(self, kind: str, text: str = "", items: list[Node] | None = None, low: int = 1, high: int | None = 1, safe: bool = False) -> None:
        self.kind = kind  # atom | seq | alt | group | look | repeat
        self.text = text  # atoms: the pattern text of the atom
        self.items = items if items is not None else []
        self.low = low
        self.high = high  # None: unbounded
        self.safe = safe  # possessive repeat or atomic group

    @property
    def varies(self) -> bool:
        return self.kind == "repeat" and not self.safe and (self.high is None or self.high != self.low)

    @property
    def many(self) -> bool:
        return self.kind == "repeat" and not self.safe and (self.high is None or self.high >= _MANY)


class Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def parse(self) -> Node:
        node = self.alternation()
        return node

    def alternation(self) -> Node:
        branches = [self.sequence()]
        while self.i < len(self.p) and self.p[self.i] == "|":
            self.i += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else Node("alt", items=branches)

    def sequence(self) -> Node:
        items: list[Node] = []
        while self.i < len(self.p) and self.p[self.i] not in "|)":
            atom = self.atom()
            if atom is not None:
                items.append(self.quantified(atom))
        return Node("seq", items=items)

    def atom(self) -> Node | None:
        p, start = self.p, self.i
        c = p[start]
        if c == "\\":
            self.i = _escape_end(p, start)
        elif c == "[":
            self.i = _class_end(p, start)
        elif c == "(":
            return self.group()
        elif c in "^$":
            self.i += 1
            return None
        else:
            self.i += 1
        return Node("atom", text=p[start : self.i])

    def group(self) -> Node | None:
        p = self.p
        self.i += 1
        safe = False
        head = None
        if p.startswith("?#", self.i):
            self.i = p.find(")", self.i) + 1 or len(p)
            return None
        if p.startswith("?", self.i):
            head = _GROUP_HEAD.match(p, self.i)
            taken = head.group() if head else "?"
            self.i += len(taken)
            if taken.endswith(")"):  # (?flags) or (?P=name): no body
                return Node("atom", text="(" + taken) if taken.startswith("?P=") else None
            safe = taken == "?>"
        body = self.alternation()
        if self.i < len(p) and p[self.i] == ")":
            self.i += 1
        look = head is not None and taken in ("?=", "?!", "?<=", "?<!")
        return Node("look" if look else "group", items=[body], safe=safe)

    def quantified(self, node: Node) -> Node:
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c in "*+?":
                low, high = {"*": (0, None), "+": (1, None), "?": (0, 1)}[c]
                self.i += 1
            elif c == "{":
                m = _BOUNDS.match(p, self.i)
                if not m or not (m.group(1) or m.group(3)):
                    return node
                low = int(m.group(1) or 0)
                high = int(m.group(3)) if m.group(3) else (None if m.group(2) else low)
                self.i = m.end()
            else:
                return node
            safe = False
            if self.i < len(p) and p[self.i] in "?+":
                safe = p[self.i] == "+"
                self.i += 1
            node = Node("repeat", items=[node], low=low, high=high, safe=safe)
        return node


def _escape_end(p: str, i: int) -> int:
    m = _ESCAPE.match(p, i)
    return m.end() if m else i + 1


def _class_end(p: str, i: int) -> int:
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1
    while j < len(p) and p[j] != "]":
        if p[j] == "\\":
            j = _escape_end(p, j)
        elif p.startswith("[:", j):
            close = p.find(":]", j + 2)
            j = close + 2 if close >= 0 else j + 1
        else:
            j += 1
    return min(j + 1, len(p))


def nesting(p: str) -> int:
    """How deep the pattern's groups nest, escapes and character classes skipped."""
    depth = deepest = i = 0
    while i < len(p):
        c = p[i]
        if c == "\\":
            i = _escape_end(p, i)
            continue
        if c == "[":
            i = _class_end(p, i)
            continue
        if c == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif c == ")":
            depth = max(0, depth - 1)
        i += 1
    return deepest
