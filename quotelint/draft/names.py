"""Names a draft registry proposes: runs of capitalised words that the registry does not know.

A run is cut where a registered name stands (`UN Secretary General Antonio Guterres` leaves
`Secretary General`, which is a title and dropped). What kind of name it is, is a guess from its
words (an organization word such as `Ministry` or `Bank`, a place word such as `Town` or `Sea`)
and from each place it stands: a place preposition before it (`in Almaty Old Town`) makes a
place; a title before it, or a reporting verb after it with no determiner before it (`Mirza
Khanov said`, not `the Central Asian states`), makes a person. The dictionary's names mix people
and places, so they decide nothing. The word lists are data, `quotelint/data/draft.yaml`.

A name is an organization if its words say so; else a place if it is written as one at least as
often as as a person (a place does not speak: `Astana said` next to `in Astana` stands for a
government); else a person if anything says so; else a term. Places are drafted as terms, as the
registry keeps them.
"""

from __future__ import annotations

import bisect
import functools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quotelint.names import END, START, TEXT
from quotelint.propernames import capitalised, name_runs
from quotelint.quotes.words import quote_words

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.lexicon import Lexicon

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "draft.yaml")
POSSESSIVES = ("'s", "’s", "'", "’")  # after a name: in Smith's view is no place
PLACES_SHOWN = 4  # places listed in a drafted entry's notes
HEADLINE_WORDS, HEADLINE_SHARE = (3, 20), 0.6  # a line of so many words, this share capitalised, is a headline...
HEADLINE_NOT_ENDING = tuple(".!?:;\"”’")  # ...unless it ends as a sentence does


@dataclass(frozen=True)
class DraftWords:
    place_words: frozenset[str]
    place_prepositions: frozenset[str]
    not_before_person: frozenset[str]  # determiners and quantifiers: the, five, many


@functools.lru_cache(maxsize=1)
def draft_words() -> DraftWords:
    from quotelint import enginedata

    data = enginedata.load(os.path.basename(DATA))
    lower = {key: frozenset(str(w).lower() for w in data[key]) for key in ("place_prepositions", "quantifiers")}
    return DraftWords(frozenset(data["place_words"]), lower["place_prepositions"], lower["quantifiers"] | quote_words().determiners)


@dataclass
class NameCandidate:
    name: str
    documents: set[str] = field(default_factory=set)
    places: list[tuple[str, int]] = field(default_factory=list)  # (path, line)
    evidence: Counter[str] = field(default_factory=Counter)  # organization | place | person -> times seen

    @property
    def kind(self) -> str:
        """person | organization | place | term: the guess from all the evidence."""
        seen = self.evidence
        if seen["organization"]:
            return "organization"
        if seen["place"] and seen["place"] >= seen["person"]:
            return "place"
        return "person" if seen["person"] else "term"

    def merge(self, other: NameCandidate) -> None:
        self.documents |= other.documents
        self.places += other.places
        self.evidence += other.evidence

    def notes(self) -> str:
        return draft_note(f"{self.kind}, a guess", self.places)


def draft_note(what: str, places: Iterable[tuple[str, int]]) -> str:
    """The `notes` of every drafted entry: what it is, then the documents and lines it stands in."""
    places = sorted(set(places))
    count = len({path for path, _ in places})
    shown = ", ".join(f"{p}:{n}" for p, n in places[:PLACES_SHOWN]) + (", ..." if len(places) > PLACES_SHOWN else "")
    return f"draft ({what}): seen in {count} document{'s' * (count != 1)}: {shown}"


def names_in(ctx: Context) -> Iterator[NameCandidate]:
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
            if b <= a or sum(capitalised(w[TEXT]) for w in words[a : b + 1]) < 2:
                continue
            name = " ".join(prose[words[a][START] : words[b][END]].split())
            line, _ = ctx.document.position(ctx.document.source(words[a][START]))
            candidate = found.setdefault(name, NameCandidate(name, {ctx.document.path}))
            candidate.places.append((ctx.document.path, line))
            candidate.evidence.update(evidence(ctx, a, b))
    yield from found.values()


def placed_words(ctx: Context) -> set[str]:
    """The single capitalised words the document writes as places (`in Astana`)."""
    prepositions = draft_words().place_prepositions
    words = ctx.words
    return {
        words[i + 1][TEXT]
        for i in range(len(words) - 1)
        if words[i][TEXT].lower() in prepositions and capitalised(words[i + 1][TEXT]) and not possessive(ctx, i + 1)
    }


def headline(ctx: Context, i: int) -> bool:
    """Token i stands on a headline: a short line in title case without a closing full stop
    (`Parliamentary Elections Set in Kazakhstan`), where capitals say nothing about names."""
    prose, starts = ctx.prose, ctx.word_starts
    begin = prose.rfind("\n", 0, ctx.words[i][START]) + 1
    end = prose.find("\n", ctx.words[i][START])
    end = len(prose) if end < 0 else end
    if prose[begin:end].rstrip()[-1:] in HEADLINE_NOT_ENDING:
        return False
    line = ctx.words[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]
    return HEADLINE_WORDS[0] <= len(line) <= HEADLINE_WORDS[1] and sum(capitalised(w[TEXT]) for w in line) >= HEADLINE_SHARE * len(line)


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
    while a <= b and (words[a][TEXT] in lexicon.name_connectors or _title(words[a][TEXT], lexicon)):
        a += 1
    while b >= a and words[b][TEXT] in lexicon.name_connectors:
        b -= 1
    if all(_title(w[TEXT], lexicon) for w in words[a : b + 1]):
        return a, a - 1  # nothing but a title: `Secretary General`
    return a, b


def _title(word: str, lexicon: Lexicon) -> bool:
    """A title or honorific, or a capitalised word of one (`Secretary`, `General`, `Mr.`)."""
    return word in lexicon.titles or word.rstrip(".") in lexicon.honorifics or (capitalised(word) and word.lower() in lexicon.title_words)


def name_evidence(name_words: Iterable[str], lexicon: Lexicon) -> str | None:
    """What a name's own words say it is: an organization (`Ministry`), a place (`Town`), or nothing."""
    name_words = list(name_words)
    if any(w in lexicon.organization_words for w in name_words):
        return "organization"
    if any(w in draft_words().place_words for w in name_words):
        return "place"
    return None


def evidence(ctx: Context, a: int, b: int) -> list[str]:
    """What the name at tokens a..b is, by its words and by the words around it here."""
    lexicon, words = ctx.registry.words, ctx.words
    own = name_evidence((w[TEXT] for w in words[a : b + 1]), lexicon)
    if own:
        return [own]
    before = words[a - 1][TEXT] if a > 0 else ""
    after = words[b + 1][TEXT].lower() if b + 1 < len(words) else ""
    if before.lower() in draft_words().place_prepositions and not possessive(ctx, b):
        return ["place"]
    if _title(before, lexicon) or (after in lexicon.reporting_verbs and before.lower() not in draft_words().not_before_person and not before.isdigit()):
        return ["person"]
    return []


def possessive(ctx: Context, i: int) -> bool:
    """Token i is followed by a possessive ending (`Smith's`)."""
    end = ctx.words[i][END]
    return ctx.prose.startswith(POSSESSIVES, end) or ctx.words[i][TEXT].endswith(POSSESSIVES)
