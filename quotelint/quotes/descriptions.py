"""Descriptions standing for somebody the text names: `the legislator said`, `the 31-year-old
defender said`, `the spokesperson added`, `a spokeswoman said`.

Used when a title noun is held by nobody written with that title (`Cast.resolve` gives
nothing). A spokesperson with `a`, `an` or `one` before it is unnamed and speaks for the
organization written beside it (`an Acme spokeswoman`, `a spokesman for Acme`) or named last in
its paragraph or the one before; any other title noun with `the` or a possessive before it
stands for the last person named in its own paragraph, or for the subject of that person's
sentence (`Senator Holt said Governor Ross had failed. ... the senator said`: Holt) (failing that, a spokesperson for the
organization); `the spokesperson` first goes back to the organization of the spokesperson met
before it (`A Brightloom spokesperson confirmed ... the spokesperson said`). `Sentencing him, the judge said` with nobody named in the paragraph is nobody.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotelint.names import END, START, TEXT
from quotelint.quotes.speakers import Candidate

if TYPE_CHECKING:
    from quotelint.quotes.speakers import Cast, Speaker
    from quotelint.quotes.words import QuoteWords

DETERMINER_REACH = 3  # words looked at before the noun for its determiner: the 31-year-old defender
ORGANIZATIONS = ("organization", "body", "name")


class Descriptions:
    def __init__(self, cast: Cast, words: QuoteWords) -> None:
        self.cast = cast
        self.qw = words

    def resolve(self, cand: Candidate) -> Speaker | None:
        """The person or organization a title noun with no holder stands for, or None."""
        if cand.kind != "title":
            return None
        determiner = self._determiner(cand.first)
        spokesperson = cand.name in self.qw.spokesperson_words
        if determiner is None or (determiner in self.qw.indefinite_words and not spokesperson):
            return None  # a judge, one official: somebody unnamed
        here = self.cast._paragraph(cand.first)
        near = lambda c: here - self.cast._paragraph(c.first) <= 1  # noqa: E731 - a short test
        found = (self._before(cand.first) or self._for(cand.last)) if spokesperson else None
        if found is None and spokesperson and determiner not in self.qw.indefinite_words:
            found = self._introduced(cand.first, here)  # A Brightloom spokesperson ... the spokesperson
        if found is None and determiner not in self.qw.indefinite_words:
            fits = lambda c: c.kind == "person" and self.cast._paragraph(c.first) == here and self.cast._personal(c.name)  # noqa: E731
            found = self.cast._back(cand.first, fits)
            found = self.cast._subject_before(found, fits) if found is not None else None  # not the one spoken of
        if found is None and spokesperson:
            found = self.cast._back(cand.first, lambda c: c.kind in ORGANIZATIONS and not c.bare and near(c) and (c.kind != "name" or c.first < c.last))
        if found is not None and found.bare:
            return self.cast.resolve(found)  # a spokesperson for the Department: the one named
        return self.cast._speaker(found) if found is not None else None

    def phrase(self, cand: Candidate) -> Candidate:
        """A title noun with the words before it back to its determiner: `the Texas senator`,
        `The longtime senator`, `the 31-year-old defender`."""
        tokens, prose = self.cast.tokens, self.cast.ctx.prose
        first = cand.first
        for k in range(cand.first - 1, max(-1, cand.first - 1 - DETERMINER_REACH), -1):
            if prose[tokens[k][END] : tokens[k + 1][START]] not in (" ", "\u00a0"):
                break
            if tokens[k][TEXT].lower() in self.qw.determiners:
                first = k
                break
        text = prose[tokens[first][START] : tokens[cand.last][END]]
        return Candidate(first, cand.last, "description", text)

    def _introduced(self, t: int, here: int) -> Candidate | None:
        """The organization of the spokesperson met last before word t, in its paragraph or
        the one before: `the spokesperson said` after `A Brightloom spokesperson confirmed`."""
        tokens = self.cast.tokens
        for k in range(t - 1, -1, -1):
            if here - self.cast._paragraph(k) > 1:
                return None
            if tokens[k][TEXT].lower() in self.qw.spokesperson_words:
                found = self._before(k) or self._for(k)
                if found is not None:
                    return found
        return None

    def _before(self, t: int) -> Candidate | None:
        """The organization right before a spokesperson: `an Acme spokeswoman`."""
        if t == 0 or self.cast.ctx.prose[self.cast.tokens[t - 1][END] : self.cast.tokens[t][START]] != " ":
            return None
        found = self.cast.by_last.get(t - 1)
        if found is None:
            word = self.cast.tokens[t - 1][TEXT]
            found = Candidate(t - 1, t - 1, "name", word) if word[:1].isupper() and word.lower() not in self.qw.determiners else None
        return found if found is not None and found.kind in ORGANIZATIONS else None

    def _for(self, t: int) -> Candidate | None:
        """The organization after a spokesperson: `a spokesman for (the) Acme Corp`."""
        tokens = self.cast.tokens
        k = t + 1
        if k >= len(tokens) or tokens[k][TEXT] not in self.qw.spokesperson_links:
            return None
        k += 1
        if k < len(tokens) and tokens[k][TEXT].lower() in self.qw.determiners:
            k += 1
        found = self.cast.by_first.get(k) if k < len(tokens) else None
        return found if found is not None and found.kind in ORGANIZATIONS else None

    def _determiner(self, t: int) -> str | None:
        """The determiner or possessive before the noun at word t (`the`, `its`, `a`)."""
        tokens = self.cast.tokens
        for k in range(t - 1, max(-1, t - 1 - DETERMINER_REACH), -1):
            low = tokens[k][TEXT].lower()
            if low in self.qw.determiners:
                return low
        return None
