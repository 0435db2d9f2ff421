"""Names a draft registry proposes: runs of capitalised words that the registry does not know.

A run is cut where a registered name stands (`UN Secretary General Antonio Guterres` leaves
`Secretary General`, which is a title and dropped). What kind of name it is, is a guess from its
words (an organization word such as `Ministry` or `Bank`) and its context (a title before it or a
reporting verb after it make a person; the dictionary's names mix people and places, so they
decide nothing); anything else is drafted as a term.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotelint.propernames import capitalised, name_runs

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.lexicon import Lexicon

PLACES_SHOWN = 4  # places listed in a drafted entry's notes
HEADLINE_WORDS, HEADLINE_SHARE = (3, 20), 0.6  # a line of so many words, this share capitalised, is a headline...
HEADLINE_NOT_ENDING = tuple(".!?:;\"”’")  # ...unless it ends as a sentence does


@dataclass
class NameCandidate:
    name: str
    kind: str  # person | organization | term: the guess so far
    documents: set[str] = field(default_factory=set)
    places: list[tuple[str, int]] = field(default_factory=list)  # (path, line)

    def merge(self, other: NameCandidate) -> None:
        self.documents |= other.documents
        self.places += other.places
        if self.kind == "term":
            self.kind = other.kind

    def notes(self) -> str:
        places = sorted(set(self.places))
        shown = ", ".join(f"{p}:{n}" for p, n in places[:PLACES_SHOWN]) + (", ..." if len(places) > PLACES_SHOWN else "")
        count = len(self.documents)
        return f"draft ({self.kind}, a guess): seen in {count} document{'s' * (count != 1)}: {shown}" if shown else "draft"


def names_in(ctx: Context, speakers: set[str]) -> Iterator[NameCandidate]:
    """Each unregistered name of the document once, with every place it stands."""
    lexicon = ctx.registry.words
    words, prose = ctx.words, ctx.prose
    registered = bytearray(len(words))
    for m in ctx.mentions:
        registered[m.first : m.first + m.count] = b"\x01" * m.count
    found: dict[str, NameCandidate] = {}
    for first, last in name_runs(prose, words, lexicon):
        if headline(ctx, first):
            continue
        for a, b in pieces(first, last, registered):
            a, b = trim(words, a, b, lexicon)
            if b <= a or sum(capitalised(w.text) for w in words[a : b + 1]) < 2:
                continue
            name = " ".join(prose[words[a].start : words[b].end].split())
            kind = guess_kind(ctx, a, b, name in speakers)
            line, _ = ctx.document.position(ctx.document.source(words[a].start))
            candidate = found.setdefault(name, NameCandidate(name, kind, {ctx.document.path}))
            candidate.places.append((ctx.document.path, line))
            if candidate.kind == "term":
                candidate.kind = kind
    yield from found.values()


def headline(ctx: Context, i: int) -> bool:
    """Token i stands on a headline: a short line in title case without a closing full stop
    (`Parliamentary Elections Set in Kazakhstan`), where capitals say nothing about names."""
    prose, starts = ctx.prose, ctx.word_starts
    begin = prose.rfind("\n", 0, ctx.words[i].start) + 1
    end = prose.find("\n", ctx.words[i].start)
    end = len(prose) if end < 0 else end
    if prose[begin:end].rstrip()[-1:] in HEADLINE_NOT_ENDING:
        return False
    line = ctx.words[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
    return HEADLINE_WORDS[0] <= len(line) <= HEADLINE_WORDS[1] and sum(capitalised(w.text) for w in line) >= HEADLINE_SHARE * len(line)


def pieces(first: int, last: int, registered: bytearray) -> Iterator[tuple[int, int]]:
    """The stretches of tokens first..last that no registered name covers."""
    start = None
    for i in range(first, last + 2):
        free = i <= last and not registered[i]
        if free and start is None:
            start = i
        elif not free and start is not None:
            yield start, i - 1
            start = None


def trim(words: list, a: int, b: int, lexicon: Lexicon) -> tuple[int, int]:  # type: ignore[type-arg]
    """Without connectors at either end and titles or honorifics at the front."""
    while a <= b and (words[a].text in lexicon.name_connectors or _title(words[a].text, lexicon)):
        a += 1
    while b >= a and words[b].text in lexicon.name_connectors:
        b -= 1
    if all(_title(w.text, lexicon) for w in words[a : b + 1]):
        return a, a - 1  # nothing but a title: `Secretary General`
    return a, b


def _title(word: str, lexicon: Lexicon) -> bool:
    """A title or honorific, or a capitalised word of one (`Secretary`, `General`, `Mr.`)."""
    return word in lexicon.titles or word.rstrip(".") in lexicon.honorifics or (capitalised(word) and word.lower() in lexicon.title_words)


def guess_kind(ctx: Context, a: int, b: int, is_speaker: bool) -> str:
    lexicon, words = ctx.registry.words, ctx.words
    if any(w.text in lexicon.organization_words for w in words[a : b + 1]):
        return "organization"
    before = words[a - 1].text if a > 0 else ""
    after = words[b + 1].text.lower() if b + 1 < len(words) else ""
    if is_speaker or _title(before, lexicon) or after in lexicon.reporting_verbs:
        return "person"
    return "term"
