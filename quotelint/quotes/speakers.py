"""Who can speak in a document: people, organizations, pronouns and the nouns standing for them.

A `Cast` is built once per document from the registered names the name index found
(`ctx.mentions`), runs of capitalised words (`nameruns.py`), pronouns, nouns for bodies
that speak ("the conference secretariat", "Almada's board") and title nouns ("the governor").
Each candidate is keyed by its first and last word, so attribution can ask "what name ends right
before this verb?" with one lookup. Pronouns and bare nouns are resolved to the last person or
body of a fitting kind named before them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from quotelint.quotes.nameruns import NameReader
from quotelint.quotes.roles import find_roles

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.quotes.words import QuoteWords

_PERSON_AFTER = regex.compile(r"[ \t]*+,[ \t]*+(?:who\b|\d{1,3}[ \t]*+,)")
PEOPLE = ("person",)
BODIES = ("organization", "body")
LOOKBACK = 80  # candidates looked at, at most, when resolving a pronoun


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int  # token indexes, inclusive
    last: int
    kind: str  # person | organization | name | body | pronoun | title
    name: str  # canonical name, name as written, the pronoun or the noun
    entity_id: str | None = None
    bare: bool = False  # a body noun with nothing but a determiner: "the ministry"


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    entity_id: str | None
    kind: str


class Cast:
    def __init__(self, ctx: Context, inside: list[int], words: QuoteWords, paragraph_starts: list[int]) -> None:
        self.ctx = ctx
        self.qw = words
        self.lexicon = ctx.registry.words
        self.tokens = ctx.words
        self.starts = ctx.word_starts
        self.paragraph_starts = paragraph_starts
        self.by_last: dict[int, Candidate] = {}
        self.by_first: dict[int, Candidate] = {}
        self.genders: dict[str, str] = {}
        self.titled: list[tuple[int, str, Candidate]] = []  # (token, title word, person)
        self.surnames: dict[str, Candidate] = {}  # a person's last name -> the person
        self.given: dict[str, Candidate] = {}  # a person's first name -> the person (Park Ji-won)
        self.reader = NameReader(ctx.prose, self.tokens, self.lexicon, words)
        self.title_nouns = frozenset(w for w in self.lexicon.title_words if w not in words.minor_words and w not in words.prepositions)
        covered: set[int] = set()
        self._mentions(covered)
        self._roles(covered)
        self._runs(covered)
        self._small_words(covered)
        self.events = sorted(
            ((c.first, c) for c in self.by_first.values() if c.kind in PEOPLE + BODIES + ("name",) and inside[c.first] < 0),
            key=lambda e: e[0],
        )
        self.event_starts = [e[0] for e in self.events]

    def _add(self, cand: Candidate, covered: set[int]) -> None:
        self.by_first[cand.first] = cand
        self.by_last[cand.last] = cand
        covered.update(range(cand.first, cand.last + 1))

    def _mentions(self, covered: set[int]) -> None:
        entities = self.ctx.registry.entities
        for m in self.ctx.mentions:
            ids = [i for i in m.form.entity_ids if entities[i].kind != "term"]
            if not ids:
                continue
            chosen = next((i for i in ids if i in self.ctx.mentioned), ids[0])
            entity = entities[chosen]
            if entity.kind == "organization" and self.reader.extends(m.first + m.count - 1):
                continue  # State Department for the Blue Economy: a longer name, read as a run
            cand = Candidate(m.first, m.first + m.count - 1, entity.kind, entity.name, entity.id)
            self._add(cand, covered)
            if entity.kind == "person":
                self._person_context(cand, ())

    def _roles(self, covered: set[int]) -> None:
        """A registered role of a person the document names stands for that person."""
        entities = self.ctx.registry.entities
        people = [entities[i] for i in sorted(self.ctx.mentioned) if entities[i].kind == "person" and entities[i].roles]
        for found in find_roles(self.tokens, people):
            if not any(t in covered for t in range(found.first, found.last + 1)):
                person = entities[found.entity_id]
                self._add(Candidate(found.first, found.last, "person", person.name, person.id), covered)

    def _runs(self, covered: set[int]) -> None:
        for run in self.reader.read(covered):
            text = self.ctx.prose[self.tokens[run.first].start : self.tokens[run.last].end]
            kind = run.kind
            if kind == "name" and _PERSON_AFTER.match(self.ctx.prose, self.tokens[run.last].end):
                kind = "person"  # "Rick Castellano, who chairs ...", "Abel Quaresma, 61,"
            cand = Candidate(run.first, run.last, kind, text)
            self._add(cand, covered)
            if kind == "person":
                self._person_context(cand, run.titles)
                self.surnames.setdefault(run.parts[-1], cand)
                if len(run.parts) > 1:
                    self.given.setdefault(run.parts[0], cand)
        names = {w for w in (*self.surnames, *self.given) if w[:1].isupper()}
        for t in self.places(names):  # later references by one name: Bokhari, Park
            if t not in covered:
                text = self.tokens[t].text
                person = self.surnames.get(text) or self.given.get(text)
                if person is not None:
                    self._add(replace(person, first=t, last=t), covered)

    def places(self, texts: set[str]) -> list[int]:
        """The indexes of the words written as one of these texts, in order."""
        positions = self.ctx.positions
        return sorted(t for text in texts for t in positions.get(text, ()))

    def _person_context(self, cand: Candidate, stripped: list[str] | tuple[str, ...]) -> None:
        """Title words and honorifics written just before a person's name."""
        tokens = self.tokens
        near = list(stripped)
        t = cand.first - 1
        while t >= 0 and cand.first - t <= 4 and self.ctx.prose[tokens[t].end : tokens[t + 1].start].strip(" .") == "":
            near.append(tokens[t].text)
            t -= 1
        for word in near:
            gender = self.qw.honorific_gender.get(word.rstrip(".").lower())
            if gender:
                self.genders.setdefault(cand.name, gender)
            if word.lower() in self.lexicon.title_words:
                self.titled.append((cand.first, word.lower(), cand))

    def _small_words(self, covered: set[int]) -> None:
        """Pronouns, nouns for speaking bodies and title nouns."""
        tokens, qw = self.tokens, self.qw
        orgs = {w.casefold() for w in self.lexicon.organization_words}
        small = {*qw.pronouns, *qw.speaking_bodies, *orgs, *self.title_nouns}  # lower case
        for t in self.places({w for w in self.ctx.positions if w.lower() in small}):
            if t in covered:
                continue
            token = tokens[t]
            low = token.text.lower()
            if low in qw.pronouns and (token.text.islower() or token.text.istitle()):
                self._add(Candidate(t, t, "pronoun", low), covered)
            elif token.text.islower() and (low in qw.speaking_bodies or low in orgs):
                self._body(t, covered)
            elif token.text.islower() and low in self.title_nouns and any(
                tokens[k].text.lower() in qw.determiners for k in range(max(0, t - 2), t)
            ):
                self._add(Candidate(t, t, "title", low), covered)  # the governor, the jury chairwoman

    def _body(self, t: int, covered: set[int]) -> None:
        tokens, prose, qw = self.tokens, self.ctx.prose, self.qw
        first = t
        while first > 0 and t - first < 3:
            gap = prose[tokens[first - 1].end : tokens[first].start]
            word = tokens[first - 1].text
            low = word.lower()
            if gap.strip() not in ("", "'s", "’s", ")") or low in qw.determiners or low in qw.prepositions or low in qw.clause_words:
                break
            if low in self.lexicon.reporting_verbs or low in qw.pronouns or (word.islower() and low in qw.verb_helpers):
                break
            first -= 1
            if gap.strip() and gap.strip() != ")":
                break  # a possessor ends the phrase: Almada's board
        inner = next((self.by_first[k] for k in range(first, t) if k in self.by_first and self.by_first[k].kind == "organization"), None)
        if inner is not None and inner.entity_id is not None:
            self._add(replace(inner, first=first, last=t), covered)
            return
        text = prose[tokens[first].start : tokens[t].end]
        self._add(Candidate(first, t, "body", text, bare=first == t), covered)

    # --- lookups ---------------------------------------------------------------------------

    def single(self, t: int) -> Candidate | None:
        """A capitalised word standing alone as a name: a surname (`Bokhari told`) or a place."""
        word = self.tokens[t].text
        if not word[:1].isupper():
            return None
        person = self.surnames.get(word) or self.given.get(word)
        if person is not None:
            return replace(person, first=t, last=t)
        if word.lower() in self.lexicon.common_words or word.lower() in self.qw.not_names:
            return None
        if self.reader.title_like(word) or word.lower() in self.qw.pronouns:
            return None
        return Candidate(t, t, "name", word)

    def at_last(self, t: int) -> Candidate | None:
        return self.by_last.get(t) or self.single(t)

    def at_first(self, t: int) -> Candidate | None:
        return self.by_first.get(t) or self.single(t)

    def resolve(self, cand: Candidate) -> Speaker | None:
        """The speaker a candidate names, following pronouns and bare nouns back."""
        if cand.kind == "pronoun":
            return self._pronoun(cand)
        if cand.kind == "title":
            return self._titled(cand)
        if cand.kind == "body" and cand.bare:
            # "the ministry": the one named before; else "the company": the organization named
            # last, in this paragraph or the one before; else the noun itself
            found = self._back(cand.first, lambda c: c.kind in BODIES and not c.bare and cand.name.lower() in self._text(c).lower())
            if found is None:
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
        return self.ctx.prose[self.tokens[cand.first].start : self.tokens[cand.last].end]

    def _back(self, t: int, fits) -> Candidate | None:  # type: ignore[no-untyped-def]
        i = bisect.bisect_left(self.event_starts, t)
        for k in range(i - 1, max(-1, i - 1 - LOOKBACK), -1):
            cand = self.events[k][1]
            if fits(cand):
                return cand
        return None

    def _pronoun(self, cand: Candidate) -> Speaker | None:
        sense = self.qw.pronouns.get(cand.name)
        if sense in ("male", "female"):
            found = self._back(cand.first, lambda c: c.kind == "person" and self.genders.get(c.name, sense) == sense)
            if found is not None:
                self.genders.setdefault(found.name, sense)
        elif sense in ("plural", "thing"):
            found = self._back(cand.first, lambda c: c.kind in BODIES and not c.bare)
        else:
            found = None
        return self._speaker(found) if found is not None else None

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

    def _paragraph(self, t: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, self.tokens[t].start)

