"""Names the registry does not know: runs of capitalised words, their titles taken off.

A run is a sequence of capitalised words joined by single spaces, lower-case connectors from
the lexicon allowed inside (`Universidad Andina del Norte`), and `and` after a body's `of`
before an ordinary word (`Department of Rural and Community Development`). A sentence's first word joins a run
only when it is no ordinary word; a word after an abbreviation (`Mr. Tom Berg`, `Gen. Smith`)
is not a sentence's first word. Registered names are cut out of runs, and a person's name is
cut from the `of`/`for`/`at` phrase after it (`Javier Huamán-Castillo of the Universidad ...`).
Titles and honorifics at the front are taken off (`Council President Marisol Okonkwo-Reyes`).
A registered organization's name that goes on with `for` into a longer name is read as part of
the longer run (`State Department for the Blue Economy`).
"""

from __future__ import annotations

import functools
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from quotelint import knowledge
from quotelint.lazyre import lazy
from quotelint.names import token_columns
from quotelint.propernames import capitalised
from quotelint.quotes.runmemo import Memo, fresh_memo, honorific, reader_tables
from quotelint.quotes.spans import WRAP_MIN

if TYPE_CHECKING:
    from collections.abc import Container, Mapping

    from quotelint.lexicon import Lexicon
    from quotelint.names import NameIndex, Token
    from quotelint.quotes.words import QuoteWords

_LOWER_AFTER_HYPHEN = lazy(r"\p{Lu}\p{Ll}*+-\p{Ll}")  # Low-budget, Well-known: no part of a name
_ADJECTIVAL = lazy(r"-(?:type|style|era|based|led|backed|born|owned|like|esque|related|linked|sponsored|funded|run|made|bound|friendly|free|only|wide|controlled|affiliated|aligned|appointed|leaning)$")
_WRAP_GAP = r"[ \t]*+\r?\n[ \t]*+"  # what a gap that wraps a name's line is (read without it; tests compare)
_BREAK = lazy(r"[.!?:;\n\r•—–]|\s-\s")
_POSSESSIVE = frozenset({"'s ", "’s ", "' ", "’ "})
CUTS = ("of", "for", "at", "from")
KINDS_KEPT = 200_000  # names whose kind (texts whose name, gaps whose verdict) a run keeps
_UNREAD = object()  # no name read yet from a text


class Run(NamedTuple):
    first: int  # token indexes of the name, titles taken off
    last: int
    kind: str  # person | organization | name
    parts: tuple[str, ...]
    titles: tuple[str, ...]  # the words taken off the front


class NameReader:
    def __init__(
        self,
        prose: str,
        tokens: list[Token],
        lexicon: Lexicon,
        words: QuoteWords,
        positions: Mapping[str, list[int]],
        index: NameIndex | None = None,
        distinct: frozenset[str] | None = None,
        columns: tuple[list[str], list[int], list[int]] | None = None,
    ) -> None:
        """`index` (the registry's name index) keeps for the run the verdicts on words, the kinds
        of names read and the lexicon's tables; without it, nothing is kept. `distinct`: the
        positions' words, as the context numbers them for the run's memos. `columns`: each
        token's text, start and end (`Context.word_texts`, `word_starts`, `word_ends`), read by
        index (one index, where a token's field takes two)."""
        self.prose = prose
        self.tokens = tokens
        self.texts, self.starts, self.ends = token_columns(tokens) if columns is None else columns  # the tests' readers: from the tokens
        self.positions = positions  # word -> its token indexes
        self.distinct = frozenset(positions) if distinct is None else distinct  # for the run's verdicts on them
        self.lexicon = lexicon
        self.qw = words
        kept = index.answers("quotes.reader") if index is not None else {}
        self.memo: Memo = index.memo if index is not None else fresh_memo
        self.kinds: dict[tuple[tuple[str, ...], bool], str] = kept.setdefault("kinds", {})  # the kind of each name read
        self.names: dict[tuple[bool, str], tuple[int, str, tuple[str, ...], tuple[str, ...]] | None] = kept.setdefault("names", {})  # `name`, by text
        self.breaks: dict[str, bool] = kept.setdefault("breaks", {})  # whether a gap between words ends a sentence, by its text
        tables = kept.get("tables")
        if tables is None:
            tables = kept["tables"] = reader_tables(lexicon, words)
        self.opening, self.orgs, self.joiners, self.small, self.phrases = tables
        # The verdicts on the document's distinct words, judged once a run, are set here rather
        # than worked out on first read: every reader asks them, in its loops (quotelint/lazyattr.py).
        self.capital: set[str] = self.memo("quotes.capitalised", capitalised).select(self.distinct)  # the words written as names
        common = lexicon.common_words  # the capitalised ones that are ordinary words lower-cased (`The`, `Harbor`): a set asked in C
        self.ordinary: set[str] = self.memo("quotes.ordinary-capital", functools.partial(lower_in, common), functools.partial(_look_up_lower, common)).select(self.capital)
        self.honorifics: set[str] = self.memo("quotes.honorific", functools.partial(honorific, lexicon.honorifics, words.honorific_gender)).select(self.distinct)  # `Mr`, `Sen`, `sir`

    def read(self, covered: set[int]) -> list[Run]:
        out: list[Run] = []
        for first, last in self.runs():
            if first == last and self.honorific_before(first) is None:
                continue  # a word alone, its one piece passed over below: no pieces to cut
            for a, b in self.pieces(first, last, covered):
                if a == b and self.honorific_before(a) is None:
                    continue  # a word alone with no honorific: `name` gives nothing
                run = self.name(a, b)
                if run is not None and run.kind != "organization" and self._possessive(run.first, run.last) is not None:
                    cut = self._possessive(a, b)  # Kazakhstan's President Tokayev: two names, not one
                    out.extend(r for r in (self.name(a, cut), self.name(cut + 1, b)) if r is not None)  # type: ignore[operator]
                elif run is not None:
                    out.append(run)
        return out

    def _possessive(self, first: int, last: int) -> int | None:
        """The last word before a possessive inside a run (`People's Renewal Congress`)."""
        prose, starts, ends = self.prose, self.starts, self.ends
        inner = prose[ends[first] : starts[last]]
        if "'" not in inner and "’" not in inner:
            return None  # most runs: no apostrophe between their words, no gap read one by one
        for t in range(first, last):
            if prose[ends[t] : starts[t + 1]] in _POSSESSIVE:
                return t
        return None

    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.prose[self.ends[i - 1] : self.starts[i]]
        if gap == " ":
            return False  # most words: one space, no break and no mark
        prev = self.texts[i - 1]
        if gap.startswith(".") and (len(prev) == 1 or prev.lower() in self.qw.abbreviations or prev in self.lexicon.honorifics):
            return False  # Mr. Berg, J. Smith
        found = self.breaks.get(gap)
        if found is None:  # what a gap says depends on its text alone: worked out once a run
            found = bool(_BREAK.search(gap)) or gap[-1:] in self.opening
            if len(self.breaks) < KINDS_KEPT:
                self.breaks[gap] = found
        return found

    def _leads_name(self, i: int) -> bool:
        """An ordinary word opening a sentence that begins a name: `Harbor Freight Lines said`,
        `Rick Castellano said` (not `The`, `Later`, `Meanwhile`, `Yesterday`, `Slowly` before a
        name, nor `Fisherman` before `Einar Þórsson`)."""
        word = self.texts[i].lower()
        if word in self.small or word in self.qw.pronouns or word.endswith("ly") or word in self.lexicon.reporting_verbs:
            return False
        rest: list[str] = []  # the capitalised words after it: ordinary words make a name of it,
        k = i  # a person's name (Fisherman Einar Þórsson) leaves it a description
        while k + 1 < len(self.tokens) and len(rest) < 5 and self._joined(k, k + 1) and self.texts[k + 1][:1].isupper():
            k += 1
            rest.append(self.texts[k])
        if len(rest) == 1 and rest[0].lower() not in self.lexicon.common_words:
            return True  # a first name that is also a word, then a surname: Rick Castellano, Grant Shapps
        return any(w.lower() in self.lexicon.common_words for w in rest)

    def _joined(self, a: int, b: int) -> bool:
        gap = self.prose[self.ends[a] : self.starts[b]]
        if gap == " ":
            return True  # most words: what the last line says of a single space, said first
        if gap in _POSSESSIVE:
            return self.texts[b][:1].isupper()
        if gap in (". ", ".\u00a0") and (self.texts[a] in self.lexicon.honorifics or self.texts[a].lower() in self.qw.honorific_gender):
            return self.texts[b][:1].isupper()  # Nevada Sen. Harry Reid, Mr. Berg: the title joins the name after it
        return gap in (" ", "\u00a0") or (gap == ". " and len(self.texts[a]) == 1 and self.texts[a].isupper()) or self._wrapped(a, gap)

    def _wrapped(self, a: int, gap: str) -> bool:
        """A name broken by a line wrap inside a paragraph (`Secretary of State Antony` at a
        line's end, `Blinken said` on the next): the break is a space, when the line is a long
        line of running text, not a heading or a list."""
        if gap.strip(" \t") not in ("\n", "\r\n"):  # as `_WRAP_GAP` matches the whole gap
            return False
        end = self.ends[a]
        line_start = self.prose.rfind("\n", 0, end) + 1
        return end - line_start >= WRAP_MIN

    def runs(self) -> list[tuple[int, int]]:
        """The first and last word of each run that can make a name: several words, or one
        after an honorific. A run opens at a capitalised word that another joins (a capitalised
        word follows it, or a connector or `and` and then a capitalised word or another
        connector) or that stands after an honorific. The capitalised words' places alone are
        read, their distinct words judged once a run: most stand alone, and a word alone with
        no honorific before it makes no run."""
        texts, starts, ends, lex, prose = self.texts, self.starts, self.ends, self.lexicon, self.prose
        count = len(texts)
        out: list[tuple[int, int]] = []
        after = 0  # the first word past the last run
        capital = self.capital  # the distinct words `capitalised` holds for
        ordinary = self.ordinary  # those that are ordinary words, lower-cased: a set, not the lexicon's table
        joiners, honorifics = self.joiners, self.honorifics
        for i in sorted(chain.from_iterable(map(self.positions.__getitem__, capital))):
            if i < after:
                continue
            nxt = texts[i + 1] if i + 1 < count else ""
            if not (nxt in capital or nxt in joiners and i + 2 < count and (texts[i + 2] in capital or texts[i + 2] in joiners)):
                if i == 0 or texts[i - 1] not in honorifics or self.honorific_before(i) is None:
                    continue  # a word alone: read where it is needed (Cast.single), no run to make of it
            if texts[i] in ordinary and self.sentence_start(i) and not self.title_at(i, count) and not self._leads_name(i):
                continue
            last = j = i
            while j + 1 < count:
                nxt = texts[j + 1]
                if nxt not in capital and nxt not in joiners:
                    break  # most runs end so: no gap read before a word that cannot go on with them
                if not (prose[ends[j] : starts[j + 1]] == " " or self._joined(j, j + 1)):  # most words: one space
                    break
                if nxt in capital:
                    last = j = j + 1
                elif nxt in lex.name_connectors and j + 2 < count and self._joined(j + 1, j + 2):
                    j += 1
                elif nxt == "and" and j + 2 < count and self._joined(j + 1, j + 2) and self._and_joins(i, j + 2):
                    j += 1  # Department of Rural and Community Development
                else:
                    break
            out.append((i, last))
            after = last + 1
        return out

    def _and_joins(self, first: int, k: int) -> bool:
        """`and` inside an organization's name: the run so far is a body word and `of`
        (`Ministry of Housing`), and an ordinary capitalised word follows (`and Urban Affairs`,
        not `and Tom Berg`)."""
        word = self.texts[k]
        if not word[:1].isupper() or word.lower() not in self.lexicon.common_words or word.lower() in self.qw.given_names or word in self.lexicon.proper_names:
            return False
        return any(self.texts[t].casefold() in self.orgs and self.texts[t + 1] == "of" for t in range(first, k - 2))

    def pieces(self, first: int, last: int, covered: set[int]) -> list[tuple[int, int]]:
        """A run's stretches outside registered names, a person's name cut from what follows."""
        texts, connectors = self.texts, self.lexicon.name_connectors
        stretches: list[tuple[int, int]] = []
        words = range(first, last + 1)
        if covered.isdisjoint(words):
            stretches.append((first, last))  # most runs: no registered name in them
        elif not covered.issuperset(words):
            start: int | None = None
            for t in range(first, last + 2):
                out = t > last or t in covered
                if not out and start is None:
                    start = t
                elif out and start is not None:
                    stretches.append((start, t - 1))
                    start = None
        pieces: list[tuple[int, int]] = []
        for a, b in stretches:
            while a <= b and texts[a] in connectors:
                a += 1
            while b >= a and texts[b] in connectors:
                b -= 1
            if a > b:
                continue
            cut = next((t for t in range(a + 1, b) if texts[t] in CUTS), None) if b - a > 1 else None  # two words: none between
            if cut is not None and self.kind(self.strip(a, cut - 1)[1], False) == "person":
                pieces.append((a, cut - 1))
                a = cut + 1
                while a <= b and texts[a] in connectors:
                    a += 1
            if a <= b:
                pieces.append((a, b))
        return pieces

    def strip(self, first: int, last: int) -> tuple[int, list[str], list[str]]:
        """Everything up to the last title or honorific at the front, as long as a word is left.
        Returns the name's first word, its words and the words taken off."""
        cut, i = first, first
        while i < last:
            n = self.title_at(i, last - i)
            i += n or 1
            if n:
                cut = i
        if cut == first and last - first >= 2 and self._described_first(first):
            cut = first + 1  # `Grandfather Peter Walsh`, `Pensioner Ada Byrne`: a noun for a person, then the name
        stripped = [self.texts[t] for t in range(first, cut)]
        return cut, [self.texts[t] for t in range(cut, last + 1)], stripped

    def _described_first(self, first: int) -> bool:
        """The run opens with a capitalised noun for a person and goes on with a first name."""
        word, given = self.texts[first], self.texts[first + 1]
        if not knowledge.is_person_noun(word.lower()) or knowledge.is_given_name(word) or word.lower() in self.qw.given_names:
            return False
        return knowledge.is_given_name(given) or given.lower() in self.qw.given_names

    def title_at(self, i: int, room: int) -> int:
        """The number of words (at most `room`) of the title or honorific starting at word i."""
        word = self.texts[i]
        if word in self.lexicon.honorifics or word.lower() in self.qw.honorific_gender:
            return 1
        for phrase in self.phrases.get(word.lower(), ()):
            n = len(phrase)
            if n <= room and i + n <= len(self.tokens) and all(self.texts[i + k].lower() == phrase[k] for k in range(n)):
                return n
        return 0

    def honorific_before(self, first: int) -> str | None:
        if first == 0:
            return None
        word = self.texts[first - 1]
        if word not in self.honorifics:
            return None  # most words: no gap read
        gap = self.prose[self.ends[first - 1] : self.starts[first]]
        return word if gap.strip(" .") == "" else None

    def name(self, first: int, last: int) -> Run | None:
        """The name the words from `first` to `last` make, if any. It depends on their text and
        the word before them with the space between (an honorific), nothing else: the same
        words are read again and again in a run, so each text is read once."""
        starts = self.starts
        key = (first > 0, self.prose[starts[first - 1] if first > 0 else starts[first] : self.ends[last]])
        found = self.names.get(key, _UNREAD)
        if found is _UNREAD:
            run = self._name(first, last)
            found = None if run is None else (run.first - first, run.kind, run.parts, run.titles)
            if len(self.names) < KINDS_KEPT:
                self.names[key] = found
        return None if found is None else Run(first + found[0], last, found[1], found[2], found[3])

    def _name(self, first: int, last: int) -> Run | None:
        name_first, parts, stripped = self.strip(first, last)
        of_title = False  # Chief Executive Officer of Veridan Systems: the body, not a person
        while name_first < last and parts[0] in self.lexicon.name_connectors:
            name_first, parts, of_title = name_first + 1, parts[1:], True  # Chair of the Tribunal: the Tribunal
        if self.honorific_before(name_first - len(stripped)):
            stripped.insert(0, self.texts[name_first - len(stripped) - 1])
        if parts[-1] in self.lexicon.honorifics or parts[-1].lower() in self.qw.honorific_gender:
            return None  # `GOP Sen` before a name cut off by a registered one: a title, no name
        while len(parts) > 1 and "-" in parts[0] and _LOWER_AFTER_HYPHEN.match(parts[0]):
            name_first, parts = name_first + 1, parts[1:]  # `Low-budget Marathi drama` opening a headline: an adjective
        if "-" in parts[-1] and _ADJECTIVAL.search(parts[-1]):  # the pattern asked of hyphenated words only
            return None  # `an Apollo Project-type effort`, `Obama-era rules`: a modifier, no name
        common = self.lexicon.common_words
        honorific = any(w in self.lexicon.honorifics or w.lower() in self.qw.honorific_gender for w in stripped)
        if any(p.lower() in self.qw.not_names for p in parts) or (len(parts) == 1 and parts[0].lower() in common and not honorific):
            return None  # Mr. Berg, Ms. Rice: an ordinary word after an honorific is a surname
        if not stripped and all(p.lower() in self.lexicon.title_words for p in parts):
            return None  # the Prime Minister: a title that stands for its holder (Cast)
        titled = not of_title and (honorific or (bool(stripped) and any(p.lower() not in common for p in parts)))
        if len(parts) == 1 and not titled:
            return None  # a word alone is read where it is needed (Cast.single)
        return Run(name_first, last, self.kind(parts, titled), tuple(parts), tuple(stripped))

    def kind(self, parts: list[str], titled: bool) -> str:
        """person, organization, place (a place, a day or a holiday: no speaker) or name. The
        same name is read again and again in a run: its kind is worked out once."""
        key = (tuple(parts), titled)
        found = self.kinds.get(key)
        if found is None:
            found = self._kind(parts, titled)
            if len(self.kinds) < KINDS_KEPT:
                self.kinds[key] = found
        return found

    def _kind(self, parts: list[str], titled: bool) -> str:
        lex = self.lexicon
        if any(p.casefold() in self.orgs or p.lower() in self.qw.speaking_bodies for p in parts):
            return "organization"
        text = " ".join(parts)
        if not titled and (knowledge.is_place_name(text) or knowledge.has_place_suffix(text) or knowledge.is_time_word(text)):
            return "place"  # Laredo, Texas; Carnegie Hall; Thanksgiving
        if knowledge.is_organization_name(text):
            return "organization"
        connectors = [p for p in parts if p in lex.name_connectors]
        namey = [p for p in parts if p.lower() not in lex.common_words]
        first_name = parts[0].lower() in self.qw.given_names or parts[0].lower() in self.qw.given_sex or knowledge.is_given_name(parts[0])
        surname = parts[-1].lower() not in lex.common_words or knowledge.is_word_surname(parts[-1])  # Martin Pike, Grant Wells
        given = (parts[0] in lex.proper_names and not knowledge.is_place_name(parts[0])) or (first_name and surname)
        if titled or (2 <= len(parts) <= 4 and not connectors and (given or len(namey) == len(parts))):
            return "person"
        return "name"

    def extends(self, last: int) -> bool:
        """A registered organization's name ending at word `last` goes on into a longer one:
        `for` (and `the`), then a capitalised word, joined by single spaces (`State Department
        for the Blue Economy`). The registered name is then no name of its own."""
        texts, starts, ends = self.texts, self.starts, self.ends
        k = last + 1
        if k >= len(texts) or texts[k] not in self.qw.name_extenders:
            return False
        if k + 1 < len(texts) and texts[k + 1] == "the":
            k += 1
        if k + 1 >= len(texts) or not texts[k + 1][:1].isupper():
            return False
        return all(self.prose[ends[i] : starts[i + 1]] == " " for i in range(last, k + 1))

    def title_like(self, word: str) -> bool:
        bare = word.rstrip(".")
        return word.lower() in self.lexicon.title_words or bare in self.lexicon.honorifics or bare.lower() in self.qw.honorific_gender


def lower_in(words: Container[str], text: str) -> bool:
    """The word, lower-cased, is one of the words: a judge for a memo."""
    return text.lower() in words


def _look_up_lower(words: Container[str], new: set[str]) -> None:
    """Read at once the rows `lower_in` asks of the registry cache's table for these words (a
    query for a few hundred words, not one a word); a set has none to read."""
    load = getattr(words, "load", None)
    if load is not None:
        load({w.lower() for w in new})
