"""Who a candidate stands for: pronouns, bare nouns and title nouns followed back to the person
or body they refer to. A mixin of `Cast` (`speakers.py`), which holds the candidates.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, NamedTuple

from quotelint import knowledge
from quotelint.names import END, START, TEXT
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.names import Token
    from quotelint.quotes.nameruns import NameReader
    from quotelint.quotes.words import QuoteWords

PEOPLE = ("person",)
BODIES = ("organization", "body")
LOOKBACK = 80  # candidates looked at, at most, when resolving a pronoun
LEANING = 0.7  # a first name borne by this share of one sex is not taken for the other's
UNNAMED_REACH = 16  # words looked at, at most, for the verb of an unnamed subject
SENTENCE_REACH = 60  # words looked back, at most, for the start of a sentence


class Candidate(NamedTuple):
    first: int  # token indexes, inclusive
    last: int
    kind: str  # person | organization | name | body | pronoun | title
    name: str  # canonical name, name as written, the pronoun or the noun
    entity_id: str | None = None
    bare: bool = False  # a body noun with nothing but a determiner: "the ministry"


class Speaker(Value):
    __slots__ = _fields = ("name", "entity_id", "kind")
    name: str
    entity_id: str | None
    kind: str

    def __init__(self, name: str, entity_id: str | None, kind: str) -> None:
        self.name, self.entity_id, self.kind = name, entity_id, kind


class Resolution:
    ctx: Context
    qw: QuoteWords
    tokens: list[Token]
    paragraph_starts: list[int]
    genders: dict[str, str]
    titled: list[tuple[int, str, Candidate]]
    events: list[tuple[int, Candidate]]
    event_starts: list[int]
    by_first: dict[int, Candidate]
    inside: list[int]
    reader: NameReader

    def resolve(self, cand: Candidate) -> Speaker | None:
        """The speaker a candidate names, following pronouns and bare nouns back."""
        if cand.kind == "pronoun":
            return self._pronoun(cand)
        if cand.kind == "title":
            return self._titled(cand)
        if cand.kind == "body" and cand.bare:
            # "the ministry": the one named before (else after: "Police said" before "Northvale
            # Police"); else "the company": the organization named last, in this paragraph or
            # the one before; else the noun itself
            named = lambda c: c.kind in BODIES and not c.bare and cand.name.lower() in self._text(c).lower()  # noqa: E731
            found = self._back(cand.first, named) or self._ahead(cand.first, named)
            if found is None and self._determined(cand.first):  # `the company`; not `police`, a body of its own
                here = self._paragraph(cand.first)
                found = self._back(cand.first, lambda c: c.kind in ("organization", "name") and c.first < c.last and here - self._paragraph(c.first) <= 1)
            return self._speaker(found or cand)
        return self._speaker(cand)

    def _speaker(self, cand: Candidate) -> Speaker:
        name = cand.name
        if cand.kind == "body" and name.lower().startswith(("the ", "a ", "an ")):
            name = name.split(" ", 1)[1]
        return Speaker(name, cand.entity_id, cand.kind)

    def _text(self, cand: Candidate) -> str:
        return self.ctx.prose[self.tokens[cand.first][START] : self.tokens[cand.last][END]]

    def _back(self, t: int, fits) -> Candidate | None:  # type: ignore[no-untyped-def]
        i = bisect.bisect_left(self.event_starts, t)
        for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            cand = self.events[k][1]
            if fits(cand):
                return cand
        return None

    def _ahead(self, t: int, fits) -> Candidate | None:  # type: ignore[no-untyped-def]
        """The first fitting candidate after word t: `Police said ...` before `Northvale Police`."""
        i = bisect.bisect_right(self.event_starts, t)
        return next((c for _, c in self.events[i : i + LOOKBACK] if fits(c)), None)

    def _pronoun(self, cand: Candidate) -> Speaker | None:
        sense = self.qw.pronouns.get(cand.name)
        if sense in ("male", "female"):
            fits = lambda c: c.kind == "person" and self._sex(c, sense) == sense and self._personal(c.name)  # noqa: E731
            found = self._back(cand.first, fits)
            found = self._subject_before(found, fits) if found is not None else None
            if found is not None and self._unnamed_between(found.last, cand.first):
                return None  # One victim, an 88-year-old widow, said ... "...," she said
            if found is not None:
                self.genders.setdefault(found.name, sense)
        elif sense in ("plural", "thing"):
            found = self._back(cand.first, lambda c: c.kind in BODIES and not c.bare)
        else:
            found = None
        return self._speaker(found) if found is not None else None

    def _subject_before(self, found: Candidate, fits) -> Candidate:  # type: ignore[no-untyped-def]
        """The person a `he` or `she` stands for: of those who fit in the sentence of the nearest
        one, its subject (`Senator Doyle met with Governor Reyes. He said`: Doyle), else the
        nearest."""
        start = found.first
        while start > 0 and found.first - start < SENTENCE_REACH and not self.reader.sentence_start(start):
            start -= 1
        i = bisect.bisect_left(self.event_starts, start)
        for t, cand in self.events[i:]:
            if t >= found.first:
                break
            possessor = self.ctx.prose.startswith(("'s", "’s"), self.tokens[cand.last][END])
            if fits(cand) and not possessor and self._in_subject_place(start, cand.first):
                return cand  # not `Kumar's neighbour`
        return found

    def _in_subject_place(self, start: int, first: int) -> bool:
        """Between the sentence's start and word `first` only titles and capitalised words
        stand, after any opening phrase closed by a comma (`On Friday, Senator Mark Doyle`)."""
        prose = self.ctx.prose
        for k in range(first - 1, start - 1, -1):
            if "," in prose[self.tokens[k][END] : self.tokens[k + 1][START]]:
                return True
            word = self.tokens[k][TEXT]
            if not (word[:1].isupper() or self.reader.title_like(word) or word.lower() in self.qw.determiners):
                return False
        return True

    def _personal(self, name: str) -> bool:
        """A name `he` or `she` can stand for: none with a body's word in it or a place's name
        (`Congress`, `Islamic State`, `Aral Sea`), even when a registry lists it as a person."""
        words = name.replace("-", " ").split()
        bodies = self.ctx.registry.words.organization_words
        if any(w in bodies or w.lower() in self.qw.speaking_bodies or w.lower() in self.qw.impersonal_words for w in words):
            return False
        return not knowledge.is_place_or_body(name)

    def _unnamed_between(self, lo: int, hi: int) -> bool:
        """Somebody unnamed speaks between words lo and hi: a sentence opening with `a`, `an`
        or `one` whose reporting verb follows with no name or pronoun before it (`One victim,
        an 88-year-old widow who asked not to be named, said`). A `he` or `she` after it is
        that person, not one named before."""
        tokens, verbs = self.tokens, self.ctx.registry.words.reporting_verbs
        for k in range(lo + 1, hi):
            if tokens[k][TEXT].lower() not in self.qw.indefinite_words or not tokens[k][TEXT].istitle() or self.inside[k] >= 0 or not self.reader.sentence_start(k):
                continue
            for t in range(k + 1, min(hi, k + UNNAMED_REACH)):
                other = self.by_first.get(t)
                if other is not None and other.kind in ("person", "pronoun"):
                    break
                if tokens[t][TEXT] in verbs:
                    return True
        return False

    def _sex(self, cand: Candidate, default: str) -> str:
        """A person's sex as an honorific or an earlier pronoun told it, else as the first name
        tells it, else as most of the first name's bearers have it (Bernie), else `default`."""
        known = self.genders.get(cand.name)
        if known is None and cand.name[:1].isupper():
            first = cand.name.split(" ", 1)[0]
            known = self.qw.given_sex.get(first.lower()) or knowledge.given_sex(first)
            leaning = knowledge.leaning_sex(first) if known is None else None
            if leaning is not None and leaning[1] >= LEANING:
                known = leaning[0]
        return known or default

    def _titled(self, cand: Candidate) -> Speaker | None:
        """`the governor`: the person written with that title, nearest in the same paragraph,
        else the last one before, else the first one after."""
        holders = [(t, c) for t, word, c in self.titled if word == cand.name]
        if not holders:
            return None
        here = self._paragraph(cand.first)
        same = [(abs(t - cand.first), c) for t, c in holders if self._paragraph(t) == here]
        if same:
            return self._speaker(min(same, key=lambda x: x[0])[1])
        before = [(t, c) for t, c in holders if t < cand.first]
        chosen = before[-1][1] if before else holders[0][1]
        return self._speaker(chosen)

    def _determined(self, t: int) -> bool:
        """A determiner or a possessive stands right before word t: `the company`, `its board`."""
        return t > 0 and self.tokens[t - 1][TEXT].lower() in self.qw.determiners

    def _paragraph(self, t: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, self.tokens[t][START])

