"""Who can speak in a document: people, organizations, pronouns and the nouns standing for them.

A `Cast` is built once per document from the registered names the name index found
(`ctx.mentions`), runs of capitalised words (`nameruns.py`), pronouns, nouns for bodies
that speak ("the conference secretariat", "Almada's board") and title nouns ("the governor").
Each candidate is keyed by its first and last word, so attribution can ask "what name ends right
before this verb?" with one lookup. Pronouns and bare nouns are resolved to the last person or
body of a fitting kind named before them (`resolution.py`).
"""

from __future__ import annotations

import bisect
import functools
from itertools import chain, repeat
from typing import TYPE_CHECKING

import regex

from quotelint import knowledge
from quotelint.quotes.nameruns import KINDS_KEPT, NameReader, Run, lower_in
from quotelint.quotes.resolution import BODIES, PEOPLE, Candidate, Resolution, Speaker

__all__ = ["Candidate", "Cast", "Speaker"]
from quotelint.lazyre import Lazy, lazy
from quotelint.offsets import past_blanks
from quotelint.propernames import capitalised
from quotelint.quotes.roles import find_roles
from quotelint.quotes.runmemo import Sets, word_sets

if TYPE_CHECKING:
    from collections.abc import Callable, Container

    from quotelint.context import Context
    from quotelint.names import Mention
    from quotelint.quotes.words import QuoteWords
    from quotelint.registry.model import Entity
    from quotelint.wordmemo import WordMemo

_ABBREVIATION = lazy(r"\p{Lu}{2,4}")  # DI, DCI, PC: a rank abbreviated, in capitals
_UNCHOSEN = object()  # no entity chosen yet for a form's entities
# A candidate from its six fields (first, last, kind, name, entity_id, bare), made past the Python-level
# `__new__` a NamedTuple's constructor goes through (its defaults, a frame, then tuple.__new__): half the cost
_candidate = functools.partial(tuple.__new__, Candidate)
_EVENT_KINDS = frozenset((*PEOPLE, *BODIES, "name"))  # the candidates a pronoun or a noun can stand for
_PERSON_AFTER = lazy(r"[ \t]*+,[ \t]*+(?:who\b|\d{1,3}[ \t]*+,)")
_LAYOUT_WORDS = ("by", "written", "reporting", "additional", "editing", "edited", "photo", "image", "credit", "pictured", "file")  # what a credit line opens with
# A line (after its break) whose blanks and brackets passed open with the first two letters of one
# of those words, in any case, or with a letter beyond ASCII in either place: case-folding a line
# gives one of the words' starts only there (tests/test_speed_parts compare the lines found).
# The classes are written as ASCII ranges: Python's compiler fills a class of a range beyond
# U+FFFF code point by code point (3 ms, a twentieth of a one-article check).
_LAYOUT_HEAD = Lazy("re", r"\n[ \t(\[]*+(?:(?i:by|wr|re|ad|ed|ph|pi|im|cr|fi)|[^\x00-\x7f]|[\x00-\x09\x0b-\x7f][^\x00-\x7f])")


@functools.cache
def _layout_line() -> regex.Pattern[str]:
    """A byline or a credit, a line of its own (in brackets or not), with the short line of an
    outlet right under a byline (`By Jane Doe` / `The Canadian Press`); compiled on first use."""
    return regex.compile(
        r"^[ \t]*+[(\[]?(?:(?i:by|written by|reporting by|additional reporting by|editing by|edited by|photos? by|photograph by|photo|photograph|file photo|image|credit|pictured)\b[ \t]*+:?[ \t]*+\p{Lu}[^\n]*+"
        r"(?:\n[ \t]*+\p{Lu}[^.!?\n“”\"]{0,50}+$)?"
        r"|[^.!?\n“”\"/]{1,60}[ \t]/[ \t][^.!?\n“”\"/]{1,40}\.?[ \t]*+$)",  # Robert Galbraith / Reuters
        regex.MULTILINE,
    )


def layout_lines(prose: str) -> list[tuple[int, int]]:
    """Where the byline and credit lines are (`_layout_line`). The pattern matches only from a
    line's start, with a line that opens with one of its words or holds a ` /`: it is tried at
    the start of those lines alone, in order (a line the last match took in, an outlet under a
    byline, is passed over, as a search through the text passes over it). Scanning the whole
    text for it costs more than the rest of the cast's reading of a document (a document of one
    long line has one place to try)."""
    out: list[tuple[int, int]] = []
    end = 0
    heads, slashes = _credit_heads(prose)  # most texts have no slash after a blank: no line is searched for one
    for start in heads:
        stop = prose.find("\n", start)
        line = prose[start:] if stop < 0 else prose[start:stop]
        if start >= end and (slashes and (" /" in line or "\t/" in line) or line.lstrip(" \t([")[:16].casefold().startswith(_LAYOUT_WORDS)):
            found = _layout_line().match(prose, start)
            if found is not None:
                out.append(found.span())
                end = found.end()
    return out


def _credit_heads(prose: str) -> tuple[list[int], bool]:
    """The starts of the lines (split at `\n`) that can open a credit, in order, found in C: a
    line whose first two letters, its opening blanks and brackets passed, are those of a credit's
    word (`_LAYOUT_HEAD`: the only ones a case-folded start of a credit can have when they are
    ASCII), or one holding a slash after a blank; and whether any line holds one. Most lines of
    prose are neither and are not read in Python at all. The slashes are found one character
    at a time (a search for ` /` reads the whole text, a dozen instructions a character in a
    text beyond Latin-1, where one for `/` is a scan of its bytes)."""
    heads = [0, *(found.start() + 1 for found in _LAYOUT_HEAD.finditer(prose))]  # the first line, with no break before it, read as before
    slashes = False
    at = prose.find("/")
    while at >= 0:
        if at > 0 and prose[at - 1] in " \t":
            heads.append(prose.rfind("\n", 0, at) + 1)
            slashes = True
        at = prose.find("/", at + 1)
    return (sorted(set(heads)) if slashes else heads), slashes


class Cast(Resolution):
    def __init__(self, ctx: Context, inside: list[int], words: QuoteWords, paragraph_starts: list[int], sets: Sets | None = None) -> None:
        self.ctx = ctx
        self.inside = inside  # per word: the quotation it stands in, or -1
        self.qw = words
        self.lexicon = ctx.registry.words
        self.tokens = ctx.words
        self.texts = ctx.word_texts  # each token's text, start and end, read by index (one index, where a token's field takes two)
        self.starts = ctx.word_starts
        self.ends = ctx.word_ends
        self.prose = ctx.prose
        self.paragraph_starts = paragraph_starts
        self.by_last: dict[int, Candidate] = {}
        self.by_first: dict[int, Candidate] = {}
        self.genders: dict[str, str] = {}
        self.titled: list[tuple[int, str, Candidate]] = []  # (token, title word, person)
        self.surnames: dict[str, Candidate] = {}  # a person's last name -> the person
        self.given: dict[str, Candidate] = {}  # a person's first name -> the person (Park Ji-won)
        self.reader = NameReader(ctx.prose, self.tokens, self.lexicon, words, ctx.positions, ctx.registry.names, ctx.distinct, (self.texts, self.starts, self.ends))
        self.sets = word_sets(ctx.registry.names, self.lexicon, words) if sets is None else sets
        self.title_nouns = self.sets.title_nouns
        # set here, not worked out on first read: every cast asks them (quotelint/lazyattr.py)
        self.given_names: WordMemo = ctx.registry.names.memo("quotes.given-names", functools.partial(_given_name, words))  # a capitalised first name, of the census lists or the engine's
        lexicon = self.lexicon  # the words a body's phrase never takes in before its noun (one set asked):
        self.body_stops = self._kept("body-stops", lambda: frozenset((*words.determiners, *words.prepositions, *words.clause_words, *lexicon.reporting_verbs, *words.pronouns)))
        covered: set[int] = set()
        self._mentions(covered)
        self._roles(covered)
        self._runs(covered)
        self._first_names_alone(covered)
        self._surnames_alone(covered)
        self._small_words(covered)
        self._drop_layout()
        by_first = self.by_first  # each candidate under its first word
        self.events = [(first, c) for first in sorted(by_first) if (c := by_first[first]).kind in _EVENT_KINDS and inside[first] < 0]
        self.event_starts = [e[0] for e in self.events]

    def _drop_layout(self) -> None:
        """Bylines, photo credits and reporting lines (`By Jane Doe`, `Robert Galbraith /
        Reuters`, `Editing by ...`) are layout, not speech: their names never speak, nor stand
        behind a `he` or `she`. The lines are found once, by pattern, over the whole text."""
        lines = layout_lines(self.prose)
        if not lines:
            return
        starts = [a for a, _ in lines]
        for first, cand in list(self.by_first.items()):
            start = self.starts[first]
            i = bisect.bisect_right(starts, start) - 1
            if i >= 0 and start < lines[i][1]:
                del self.by_first[first]
                if self.by_last.get(cand.last) is cand:
                    del self.by_last[cand.last]

    def _add(self, cand: Candidate, covered: set[int]) -> None:
        first, last = cand.first, cand.last
        self.by_first[first] = cand
        self.by_last[last] = cand
        if first == last:
            covered.add(first)  # most candidates: one word, no range made
        else:
            covered.update(range(first, last + 1))

    def _mentions(self, covered: set[int]) -> None:
        entities = self.ctx.registry.entities
        mentions = self.ctx.mentions
        unique = functools.cache(lambda: {ids[0] for ids in {m.form.entity_ids for m in mentions if m.form.accepted} if len(ids) == 1})  # asked of a form of several alone
        # a name several entities share (`Bush`) is the one the document also names by a form of
        # its own (`Jeb Bush`), else one it names at all; of a form's entities, no term: chosen once per form
        chosen: dict[tuple[str, ...], Entity | None] = {}
        named: list[tuple[Mention, Entity]] = []  # the mentions of an entity that can speak, each with it
        kept = self.ctx.registry.names.answers("quotes.speaking")  # each form's entities that are no term, kept for the run
        for m in mentions:
            ids = m.form.entity_ids
            entity = chosen.get(ids, _UNCHOSEN)
            if entity is _UNCHOSEN:
                speaking = kept.get(ids)
                if speaking is None:  # read from the run's answers directly: no closure made for each form
                    speaking = [i for i in ids if entities[i].kind != "term"]
                    if len(kept) < KINDS_KEPT:
                        kept[ids] = speaking
                pick = speaker_of(speaking, unique, self.ctx.mentioned)
                entity = chosen[ids] = entities[pick] if pick is not None else None
            if entity is not None:
                named.append((m, entity))
        others = self._namesakes(named)
        for m, entity in named:
            kind, start, last = entity.kind, m.first, m.first + m.count - 1  # an entity's field is an attribute lookup: read once
            if kind == "person":
                if start == last and (self._first_name_here(start, entity.name) or self._title_here(start)):
                    continue  # `Paul Ryan` is not Rand Paul: a surname alias with a name after it; `Sen. Pat Toomey`: a title
                if start == last and (entity.id, self.texts[start]) in others:
                    continue  # `Jordan Price ... Price said`, a registered Ned Price named nowhere: the runs read it
                start = self._given_before(start)  # Paul Ryan: the registered Ryan
            elif kind == "organization" and self.reader.extends(last):
                continue  # State Department for the Blue Economy: a longer name, read as a run
            cand = _candidate((start, last, kind, entity.name, entity.id, False))
            self._add(cand, covered)
            if kind == "person":
                self._person_context(cand, ())

    def _namesakes(self, named: list[tuple[Mention, Entity]]) -> set[tuple[str, str]]:
        """(entity id, surname) for a registered person's one-word alias that the document
        writes after somebody else's first name (`Jordan Price` for a registered Ned Price) and
        never after the person's own, nor with their full name: there the surname is the other
        person's."""
        foreign: set[tuple[str, str]] = set()
        own: set[str] = set()
        for m, entity in named:
            if entity.kind != "person":
                continue
            if m.count > 1:
                own.add(entity.id)
                continue
            start = self._given_before(m.first)
            if start == m.first:
                continue
            given = [self.texts[k] for k in range(start, m.first)]
            names = [n for n in entity.name.split()[:-1] if not self.reader.title_like(n)]  # not `Mr.`
            if not names or any(g in names or len(g) == 1 and any(n.startswith(g) for n in names) for g in given):
                own.add(entity.id)
            else:
                foreign.add((entity.id, self.texts[m.first]))
        return {pair for pair in foreign if pair[0] not in own}

    def _title_here(self, t: int) -> bool:
        """The word at t is an honorific or an abbreviated title before a name (`Sen. Pat`)."""
        word = self.texts[t]
        if word not in self.lexicon.honorifics and word.lower() not in self.qw.honorific_gender or t + 1 >= len(self.texts):
            return False
        return self.prose[self.ends[t] : self.starts[t + 1]] in (". ", " ", "\u00a0", ".\u00a0") and self.texts[t + 1][:1].isupper()

    def _given_before(self, t: int) -> int:
        """The first word of first names and initials written right before a registered
        person's surname (`Paul Ryan`, `J. Ryan` for a registered `Ryan`)."""
        texts = self.texts
        k = t
        while k > 0 and t - k < 3:
            prev = texts[k - 1]
            if not prev[:1].isupper():
                break  # an initial and a first name both have a capital: no gap read
            gap = self.prose[self.ends[k - 1] : self.starts[k]]
            initial = len(prev) == 1 and prev.isupper() and gap == ". "
            if not initial and not (gap == " " and self.given_names.holds(prev)):
                break
            k -= 1
        return k

    def _first_name_here(self, t: int, name: str) -> bool:
        """The one-word alias at word t is a person's surname, but here another capitalised
        name follows it after a space, so it is somebody's first name."""
        word = self.texts[t]
        if len(name.split()) >= 2 and name.split()[0] == word or t + 1 >= len(self.texts):
            return False
        nxt = self.texts[t + 1]
        return self.prose[self.ends[t] : self.starts[t + 1]] == " " and nxt[:1].isupper() and nxt.lower() not in self.lexicon.common_words and not knowledge.is_time_word(nxt)

    def _roles(self, covered: set[int]) -> None:
        """A registered role of a person the document names stands for that person."""
        entities = self.ctx.registry.entities
        people = [e for e in map(entities.__getitem__, sorted(self.ctx.mentioned)) if e.kind == "person" and e.roles]
        for found in find_roles(self.texts, people, self.ctx.positions, self.ctx.registry.names.answers("quotes.roles"), self.reader.distinct):
            if not any(t in covered for t in range(found.first, found.last + 1)):
                person = entities[found.entity_id]
                self._add(_candidate((found.first, found.last, "person", person.name, person.id, False)), covered)

    def _person_after(self, end: int) -> bool:
        """`, who` or `, 61,` after a name (a comma looked for before the pattern is compiled)."""
        prose = self.prose
        return prose.startswith(",", past_blanks(prose, end)) and _PERSON_AFTER.match(prose, end) is not None

    def _runs(self, covered: set[int]) -> None:
        for run in self.reader.read(covered):
            text = " ".join(self.prose[self.starts[run.first] : self.ends[run.last]].split())  # a name wrapped over two lines is one line
            kind = run.kind
            if kind == "name" and (self._person_after(self.ends[run.last]) or self._title_before(run.first)):
                kind = "person"  # "Rick Castellano, who chairs ...", "Abel Quaresma, 61,", "chief executive Anneliese Marsh"
            cand = _candidate((run.first, run.last, kind, text, None, False))
            earlier = self._named_before(run) if kind == "person" else None
            if earlier is not None:  # Cllr Pettifer, DI Whitlock: the person named in full before
                cand = earlier._replace(first=run.first, last=run.last)
                self._add(cand, covered)
                self._person_context(cand, run.titles)
                continue
            self._add(cand, covered)
            if kind == "person":
                self._person_context(cand, run.titles)
                for form in _forms(run.parts[-1]):  # al-Haddad, and Al-Haddad opening a sentence
                    self.surnames.setdefault(form, cand)
                if len(run.parts) > 1:
                    self.given.setdefault(run.parts[0], cand)
        names = {w for w in (*self.surnames, *self.given) if capitalised(w)}
        for t in self.places(names):  # later references by one name: Bokhari, Park
            if t not in covered:
                text = self.texts[t]
                person = self.surnames.get(text) or self.given.get(text)
                if person is not None:
                    self._add(person._replace(first=t, last=t), covered)

    def _first_names_alone(self, covered: set[int]) -> None:
        """A first name standing alone that tells a sex and is no ordinary word nor a place's
        name is somebody (`Kumar's neighbour, Sunita, nodded`), who can stand behind a `she`."""
        positions = self.ctx.positions
        judge = functools.partial(_first_name, self.lexicon.common_words, self.qw)
        names = self.ctx.registry.names.memo("quotes.lone-first-names", judge, _look_up_first_names).select(self.reader.capital)
        for text in sorted(names, key=lambda w: positions[w][0]):  # in the order the document first writes them
            sex = _sex_of(text, self.qw)
            for t in positions[text]:
                if t not in covered and self.inside[t] < 0 and self._as_somebody(t):
                    self._add(Candidate(t, t, "person", text), covered)
                    self.genders.setdefault(text, sex)

    def _surnames_alone(self, covered: set[int]) -> None:
        """A capitalised word nobody introduced that is the subject of a reporting verb
        (`Mahomes said`; not `of Drewry noted`) and is no ordinary word, acronym, place, body or
        date is a person, there and wherever else it stands alone (`Mahomes, for his part, shrugged. "...,"
        he said`): somebody a `he` or `she` can stand for."""
        prose, positions = self.prose, self.ctx.positions
        texts, starts, ends = self.texts, self.starts, self.ends
        found: dict[str, Candidate] = {}
        said = self.reader.distinct.intersection(self.lexicon.reporting_verbs)  # looked for from the verbs: few words stand before one
        for t in sorted(v - 1 for verb in said if verb.islower() for v in positions[verb] if v > 0):
            text = texts[t]
            if text in found or not text[:1].isupper() or len(text) < 3 or text in self.surnames or text in self.given:
                continue
            if t in covered or self.inside[t] >= 0 or prose[ends[t] : starts[t + 1]] != " ":
                continue
            previous = texts[t - 1].lower() if t > 0 else ""
            # not the object of a preposition (`analyst Priya Rao of Drewry noted`), nor in a run
            free = t == 0 or previous not in self.qw.prepositions and not texts[t - 1][:1].isupper()
            if free and self._no_thing(text):
                found[text] = Candidate(t, t, "person", text)
        for text, cand in sorted(found.items(), key=lambda kv: positions[kv[0]][0]):  # in the order the document first writes them
            self.surnames.setdefault(text, cand)
            for t in positions[text]:
                if t not in covered and self.inside[t] < 0:
                    self._add(cand._replace(first=t, last=t), covered)

    def _no_thing(self, text: str) -> bool:
        """A capitalised word that names nothing else: no ordinary word, place, body or date."""
        low = text.lower()
        if text.isupper() or low in self.lexicon.common_words or low in self.qw.not_names or low in self.qw.pronouns or low in self.title_nouns:
            return False
        return not (knowledge.is_place_or_body(text) or knowledge.is_time_word(text) or knowledge.is_person_noun(low) or knowledge.is_group_noun(low))

    def _as_somebody(self, t: int) -> bool:
        """Word t stands as somebody: set off by commas (`his neighbour, Sunita, said`), after a
        noun for a person (`neighbour Sunita`) or before a reporting verb (`Sunita said`); not
        `Brent crude`."""
        prose, texts, starts, ends = self.prose, self.texts, self.starts, self.ends
        before = prose[ends[t - 1] : starts[t]] if t > 0 else ""
        after = prose[ends[t] : starts[t + 1]] if t + 1 < len(texts) else ""
        if before.strip() == "," and after.strip() in (",", ".", "—"):
            return True
        if t > 0 and before == " " and knowledge.is_person_noun(texts[t - 1].lower()):
            return True
        return t + 1 < len(texts) and after == " " and texts[t + 1] in self.lexicon.reporting_verbs

    def _named_before(self, run: Run) -> Candidate | None:
        """The person named in full before whose surname ends this run, when the words before
        the surname are only titles or abbreviations (`Cllr Pettifer`, `DI Whitlock`, in
        capitals) or that person's own names; not when an honorific tells another sex."""
        person = self.surnames.get(run.parts[-1])
        if person is None or person.name == " ".join(run.parts):
            return None
        own = set(person.name.split())
        # `De Souza` opening a sentence after `Luis de Souza`: a particle with a capital is the same
        if not all(p in own or p[:1].lower() + p[1:] in own or _ABBREVIATION.fullmatch(p) for p in run.parts[:-1]):
            return None
        sexes = {self.qw.honorific_gender.get(w.rstrip(".").lower()) for w in run.titles} - {None}
        known = self._sex(person, "")
        return None if known and sexes and known not in sexes else person

    def _title_before(self, t: int) -> bool:
        """A lower-case title or noun for a person right before word t: `chief executive
        Anneliese Marsh`, `opposition critic Aleana Young`."""
        before = self.texts[t - 1] if t > 0 else ""
        if not before.islower() or self.prose[self.ends[t - 1] : self.starts[t]] != " ":
            return False
        if before in self.title_nouns:
            return True
        return knowledge.is_person_noun(before) and not knowledge.is_group_noun(before) and before not in self.qw.company_nouns  # `critic Aleana Young`

    def places(self, texts: set[str]) -> list[int]:
        """The indexes of the words written as one of these texts, in order."""
        return sorted(chain.from_iterable(map(self.ctx.positions.get, texts, repeat(()))))  # in C, no step a place

    def _person_context(self, cand: Candidate, stripped: list[str] | tuple[str, ...]) -> None:
        """Title words and honorifics written just before a person's name."""
        prose, texts, starts, ends = self.prose, self.texts, self.starts, self.ends
        near = list(stripped)
        first = cand.first
        t = first - 1
        while t >= 0 and first - t <= 4 and ((gap := prose[ends[t] : starts[t + 1]]) == " " or gap.strip(" .") == ""):  # most gaps: one space
            near.append(texts[t])
            t -= 1
        gendered, titles = self.qw.honorific_gender, self.lexicon.title_words
        for word in near:
            low = word.lower()
            gender = gendered.get(low.rstrip("."))  # no letter lower-cases to a full stop
            if gender:
                self.genders.setdefault(cand.name, gender)
            if low in titles:
                self.titled.append((first, low, cand))

    def _small_words(self, covered: set[int]) -> None:
        """Pronouns, nouns for speaking bodies and title nouns."""
        texts, qw, add = self.texts, self.qw, self._add
        pronouns, bodies, title_nouns = qw.pronouns, self._kept("bodies", lambda: qw.speaking_bodies | self.reader.orgs), self.title_nouns
        for t in self.places(self.ctx.registry.names.memo("quotes.small-words", functools.partial(lower_in, self.sets.small)).select(self.reader.distinct)):
            if t in covered:
                continue
            text = texts[t]
            low = text.lower()
            lower = text.islower()
            body = low in bodies  # a speaking body's noun or an organization's word
            if low in pronouns and (lower or text.istitle()):
                add(_candidate((t, t, "pronoun", low, None, False)), covered)
            elif lower and body:
                self._body(t, covered)
            elif body and self._body_alone(t):
                add(Candidate(t, t, "body", low, bare=True), covered)  # Police said, the Department
            elif (lower or self._capital_title(t)) and low in title_nouns and any(texts[k].lower() in qw.determiners for k in range(max(0, t - 2), t)):
                add(_candidate((t, t, "title", low, None, False)), covered)  # the governor, the jury chairwoman

    def _kept(self, name: str, make: Callable[[], frozenset[str]]) -> frozenset[str]:
        """A set joined from the engine's words and the lexicon, made once a run (the registry's
        name index keeps it)."""
        return self.ctx.registry.names.answer("quotes.cast", name, lambda: frozenset(make()))  # type: ignore[no-any-return]

    def _body_alone(self, t: int) -> bool:
        """A capitalised body noun standing alone for the body named elsewhere: at a sentence's
        start (`Police said`) or after `the` (`a spokesperson for the Department`), no
        capitalised word joined to it after."""
        prose, texts, starts, ends = self.prose, self.texts, self.starts, self.ends
        if not texts[t].istitle():
            return False
        if t + 1 < len(texts) and texts[t + 1][:1].isupper() and prose[ends[t] : starts[t + 1]] == " ":
            return False
        after_the = t > 0 and texts[t - 1].lower() == "the" and prose[ends[t - 1] : starts[t]] == " "
        return after_the or self.reader.sentence_start(t)

    def _capital_title(self, t: int) -> bool:
        """`the Prime Minister said`: a capitalised title word with no name after it."""
        nxt = self.texts[t + 1] if t + 1 < len(self.texts) else ""
        return self.texts[t].istitle() and not (nxt[:1].isupper() and self.prose[self.ends[t] : self.starts[t + 1]] == " ")

    def _body(self, t: int, covered: set[int]) -> None:
        prose, qw = self.prose, self.qw
        texts, starts, ends = self.texts, self.starts, self.ends
        stops = self.body_stops
        first = t
        while first > 0 and t - first < 3:
            gap = prose[ends[first - 1] : starts[first]]
            word = texts[first - 1]
            low = word.lower()
            if gap.strip() not in ("", "'s", "’s", ")") or low in stops or (word.islower() and low in qw.verb_helpers):
                break
            first -= 1
            if gap.strip() and gap.strip() != ")":
                break  # a possessor ends the phrase: Almada's board
        inner = None if first == t else next((self.by_first[k] for k in range(first, t) if k in self.by_first and self.by_first[k].kind == "organization"), None)
        if inner is not None and inner.entity_id is not None:
            self._add(inner._replace(first=first, last=t), covered)
            return
        text = prose[starts[first] : ends[t]]
        self._add(_candidate((first, t, "body", text, None, first == t)), covered)

    # --- lookups ---------------------------------------------------------------------------

    def single(self, t: int) -> Candidate | None:
        """A capitalised word standing alone as a name: a surname (`Bokhari told`) or a place."""
        word = self.texts[t]
        if not capitalised(word):
            return None
        person = self.surnames.get(word) or self.given.get(word)
        if person is not None:
            return person._replace(first=t, last=t)
        if word.lower() in self.lexicon.common_words or word.lower() in self.qw.not_names:
            return None
        if self.reader.title_like(word) or word.lower() in self.qw.pronouns or knowledge.is_time_word(word):
            return None
        return Candidate(t, t, "place" if knowledge.is_place_name(word) else "name", word)

    def within(self, cand: Candidate) -> Speaker | None:
        """A registered organization named inside a description: `a spokesman for the
        Electoral Commission`, `the Acme Corp board`."""
        for t in range(cand.first, cand.last + 1):
            inner = self.by_first.get(t)
            if inner is not None and inner.kind == "organization" and inner.entity_id is not None and inner.last <= cand.last:
                return self._speaker(inner)
        return None

    def at_last(self, t: int) -> Candidate | None:
        return self.by_last.get(t) or self.single(t)

    def at_first(self, t: int) -> Candidate | None:
        return self.by_first.get(t) or self.single(t)


def speaker_of(speaking: list[str], unique: Callable[[], Container[str]], mentioned: Container[str]) -> str | None:
    """The entity a form names, of its entities that can speak: of several, the one the document
    also names by a form of its own (`unique`, the entities of the accepted forms of one entity,
    worked out only here: most forms have one entity), else one it names at all, else the first."""
    if len(speaking) < 2:
        return speaking[0] if speaking else None
    own = unique()
    return next((i for i in speaking if i in own), None) or next((i for i in speaking if i in mentioned), speaking[0])


def _forms(surname: str) -> tuple[str, ...]:
    """A surname as written, and with a capital when it begins with a lower-case particle."""
    return (surname,) if surname[:1].isupper() else (surname, surname[:1].upper() + surname[1:])


def _first_name(common: frozenset[str], qw: QuoteWords, text: str) -> bool:
    """A capitalised first name that tells a sex, no ordinary word, nor a place's name."""
    if not text[:1].isupper():
        return False
    low = text.lower()
    return _sex_of(text, qw) is not None and low not in common and low not in qw.not_names and not knowledge.is_place_name(text)


def _look_up_first_names(words: set[str]) -> None:
    """Read at once the rows `_first_name` asks of the first names' list for these words."""
    capital = [w for w in words if w[:1].isupper()]
    knowledge.look_up(knowledge.GIVEN_NAMES, [*(w.lower() for w in capital), *map(knowledge.name_key, capital)])


def _given_name(qw: QuoteWords, text: str) -> bool:
    """A capitalised word that is a first name (`Cast._given_before`)."""
    return text[:1].isupper() and (knowledge.is_given_name(text) or text.lower() in qw.given_names)


def _sex_of(text: str, qw: QuoteWords) -> str | None:
    low = text.lower()
    return qw.given_sex.get(low) or (knowledge.given_sex(text) if knowledge.given_row(low) is not None else None)
