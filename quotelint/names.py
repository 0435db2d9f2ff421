"""Finding registered names in prose through a token index, not a pattern of every name.

Words are tokens (letters, digits, inner apostrophes and hyphens). Every accepted spelling and
known misspelling in the registry becomes a token sequence, indexed by its first token, so a
document is matched in one pass with one dictionary lookup per word. Near misses are found
through a deletion index over the registry's distinctive tokens (a symmetric-delete scheme):
a candidate word generates its own deletions and meets the registry tokens within edit
distance 1 or 2 without comparing it to every name. The deletions of a word grow with the
square of its length, so only registry words of up to `NEAR_MAX` letters are indexed, and a word
longer than the longest of them by more than the distance allowed is no near miss of any.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Any, Final

from quotelint.lazyre import lazy
from quotelint.lexicon import Lexicon
from quotelint.records import Value
from quotelint.wordmemo import RunWords, WordMemo
from quotelint.registry.model import Entity
from quotelint.wordsplit import WORD, columns

TOKEN = lazy(WORD)
_JOINERS = frozenset(" \t/-.,’'\u00a0")  # what may stand between the words of one name
_STRIP = str.maketrans("", "", "'’-.")
FREQUENT = 8  # a word written this often that only opens longer names is read where one of their second words follows it
NEAR_MAX = 48  # registry words longer than this (folded) get no near-miss search


# A word of a document: a plain tuple (text, start, end), its fields read by index with the
# names below. A document has one per word, made in C in bulk (`as_tokens`): a plain tuple costs
# half what an instance of a tuple subclass costs to make and to free, and its field is read by
# an index that Python specialises, where a named field was an attribute lookup that it does not.
Token = tuple[str, int, int]
TEXT: Final = 0  # the word as written, but for a typographic apostrophe, which reads as a straight one
START: Final = 1  # where it starts in the text
END: Final = 2  # where it ends


def tokens(text: str) -> list[Token]:
    """The words of the text (`columns`, zipped into tokens in C)."""
    return as_tokens(*columns(text))


def as_tokens(texts: list[str], starts: list[int], ends: list[int]) -> list[Token]:
    return list(zip(texts, starts, ends))


def token_columns(words: list[Token]) -> tuple[list[str], list[int], list[int]]:
    """The words' texts, starts and ends (as `Context` keeps them), for a caller given tokens
    alone: a loop reads a column with one index, where a token's field takes two."""
    return [w[TEXT] for w in words], [w[START] for w in words], [w[END] for w in words]


def strip_marks(word: str) -> str:
    """The word without diacritics: António -> Antonio."""
    if word.isascii():
        return word  # no character to decompose (most words of English text)
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """The key two spellings share when they differ only in case, diacritics or apostrophes."""
    return strip_marks(word).casefold().translate(_STRIP)


@functools.lru_cache(maxsize=16384)
def form_tokens(form: str) -> tuple[str, ...]:
    return tuple(t[TEXT] for t in tokens(form))


def deletions(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


LONG = 5  # a registered word this long is still found with its first letter wrong


def max_distance(folded: str) -> int:
    return 1 if len(folded) < 8 else 2


class Form(Value):
    __slots__ = _fields = ("entity_ids", "text", "words", "accepted")
    entity_ids: tuple[str, ...]
    text: str
    words: tuple[str, ...]
    accepted: bool  # False for a known misspelling

    def __init__(self, entity_ids: tuple[str, ...], text: str, words: tuple[str, ...], accepted: bool) -> None:
        self.entity_ids, self.text, self.words, self.accepted = entity_ids, text, words, accepted


class Mention(Value):
    __slots__ = _fields = ("start", "end", "first", "count", "form")
    start: int
    end: int
    first: int  # index of the first token
    count: int  # number of tokens
    form: Form

    def __init__(self, start: int, end: int, first: int, count: int, form: Form) -> None:
        self.start, self.end, self.first, self.count, self.form = start, end, first, count, form


class NameIndex:
    """Its parts are mappings: dictionaries when it is built, tables of the registry cache
    (quotelint/registry/indexed.py) when it is read from there, with `anchors`, `entity_words`
    and `longest` given."""

    def __init__(
        self,
        entities: Mapping[str, Entity],
        by_first: Mapping[str, tuple[Form, ...]],
        known: Container[str],
        by_fold: Mapping[str, frozenset[str]],
        by_deletion: Mapping[str, frozenset[str]],
        owners: Mapping[str, frozenset[str]],
        by_word: Mapping[str, tuple[Form, ...]],
        preferred: Mapping[tuple[str, str], str],
        lexicon: Lexicon,
        anchors: Container[str] | None = None,
        entity_words: Mapping[str, frozenset[str]] | None = None,
        longest: int | None = None,
    ) -> None:
        self.entities = entities
        self.by_first = by_first  # first word -> forms starting with it, longest first
        self.known = known  # every word of every accepted spelling
        self.by_fold = by_fold  # folded word -> accepted words with that fold
        self.by_deletion = by_deletion  # deletion of a folded distinctive word -> folded words
        self.longest = max(map(len, by_deletion), default=0) if longest is None else longest  # the longest folded word indexed there
        self.owners = owners  # accepted word -> ids of the entities whose spellings hold it
        self.by_word = by_word  # word -> accepted spellings of several words that hold it
        self.preferred = preferred  # (entity id, word) -> the entity's preferred variant of it
        # Words that can anchor a name: accepted words of names of several words, no ordinary word.
        self.anchors = anchors if anchors is not None else frozenset(w for w in by_word if w.lower() not in lexicon.common_words)
        self.entity_words = entity_words if entity_words is not None else {
            e.id: frozenset(w for f in e.forms for w in form_tokens(f)) for e in entities.values()
        }
        self.lexicon = lexicon
        self._neighbours: dict[tuple[str, int], tuple[str, ...]] = {}  # memo of `neighbours`
        self._memos: dict[str, WordMemo] = {}
        self._starting: dict[str, tuple[dict[str, tuple[Form, ...]], tuple[Form, ...]]] = {}  # memo of `starting`
        self._answers: dict[str, dict[Any, Any]] = {}
        self.run_words = RunWords()  # the distinct words of the run's documents, numbered

    def __getstate__(self) -> dict[str, object]:
        """Pickled (a registry sent to a worker) without the memos of this run: they hold
        functions, and the other process fills its own."""
        return {**self.__dict__, "_neighbours": {}, "_memos": {}, "_starting": {}, "_answers": {}, "run_words": RunWords()}

    def memo(self, name: str, judge: Callable[[str], bool], load: Callable[[set[str]], object] | None = None) -> WordMemo:
        """The run's memo of one verdict on words (`judge` must depend on the word and this index
        alone; `load` reads at once what it looks up, see WordMemo), made on first use."""
        found = self._memos.get(name)
        if found is None:
            found = self._memos[name] = WordMemo(judge, load)
        return found

    def members(self, name: str, words: Container[str]) -> WordMemo:
        """The run's memo of which words are in `words`: one of this index's tables, read in a
        few queries for a document's new words where it is the registry cache's (`load`)."""
        return self.memo(name, words.__contains__, getattr(words, "load", None))

    def answers(self, name: str) -> dict[Any, Any]:
        """The run's memo of one question whose answer depends on its key and this index alone
        (what kind of name a run of words is), made on first use; the asker bounds its size."""
        found = self._answers.get(name)
        if found is None:
            found = self._answers[name] = {}
        return found

    def answer(self, question: str, key: Any, make: Callable[[], Any], limit: int | None = None) -> Any:
        """The run's answer to `question` for `key` (`answers`): made by `make` the first time it
        is asked, and kept while the memo holds fewer than `limit` answers."""
        kept = self.answers(question)
        if key in kept:
            return kept[key]
        found = make()
        if limit is None or len(kept) < limit:
            kept[key] = found
        return found

    def neighbours(self, anchor: str, offset: int) -> tuple[str, ...]:
        """The words of four letters or more that stand `offset` words from `anchor` (-1: before
        it, 1: after it) in registered names of several words, each once; worked out on first use."""
        key = (anchor, offset)
        found = self._neighbours.get(key)
        if found is None:
            out: dict[str, None] = {}
            for form in self.by_word.get(anchor, ()):
                for k, w in enumerate(form.words):
                    if w == anchor and 0 <= k + offset < len(form.words) and len(form.words[k + offset]) >= 4:
                        out[form.words[k + offset]] = None
            found = self._neighbours[key] = tuple(out)
        return found

    @classmethod
    def build(cls, entities: Iterable[Entity], lexicon: Lexicon) -> NameIndex:
        entities = {e.id: e for e in entities}
        forms: dict[tuple[tuple[str, ...], bool], set[str]] = defaultdict(set)
        texts: dict[tuple[tuple[str, ...], bool], str] = {}
        owners: dict[str, set[str]] = defaultdict(set)
        for entity in entities.values():
            for accepted, spellings in ((True, entity.forms), (False, entity.misspellings)):
                for spelling in spellings:
                    words = form_tokens(spelling)
                    if not words:
                        continue
                    forms[words, accepted].add(entity.id)
                    texts.setdefault((words, accepted), spelling)
                    if accepted:
                        for word in words:
                            owners[word].add(entity.id)
        by_first: dict[str, list[Form]] = defaultdict(list)
        for (words, accepted), ids in forms.items():
            by_first[words[0]].append(Form(tuple(sorted(ids)), texts[words, accepted], words, accepted))
        by_word: dict[str, list[Form]] = defaultdict(list)
        for candidates in by_first.values():
            candidates.sort(key=lambda f: (-len(f.words), not f.accepted))
            for form in candidates:
                if form.accepted and len(form.words) > 1:
                    for word in set(form.words):
                        by_word[word].append(form)
        known = frozenset(owners)
        by_fold: dict[str, set[str]] = defaultdict(set)
        by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in known:
            folded = fold(word)
            by_fold[folded].add(word)
            if 4 <= len(folded) <= NEAR_MAX and word.lower() not in lexicon.common_words:
                for variant in deletions(folded, max_distance(folded)):
                    by_deletion[variant].add(folded)
        return cls(
            entities,
            {k: tuple(v) for k, v in by_first.items()},
            known,
            {k: frozenset(v) for k, v in by_fold.items()},
            {k: frozenset(v) for k, v in by_deletion.items()},
            {k: frozenset(v) for k, v in owners.items()},
            {k: tuple(v) for k, v in by_word.items()},
            variant_groups(entities.values(), lexicon),
            lexicon,
        )

    def mentions(
        self,
        text: str,
        words: list[Token],
        positions: Mapping[str, list[int]] | None = None,
        distinct: Iterable[str] | None = None,
        columns: tuple[list[str], list[int], list[int]] | None = None,
    ) -> Iterator[Mention]:
        """Registered spellings (accepted or known-wrong) in the text, longest match first.
        Given the words' `positions` (word -> its indexes), each distinct word is looked up once
        (`distinct`: the positions' words, as the context numbers them for the run's memos).
        `columns`: the words' texts, starts and ends, read by index in the loop below (one index
        where a token's field takes two); made from the words when not given."""
        texts, starts_of, ends_of = token_columns(words) if columns is None else columns
        by_first = self.by_first
        if positions is None:
            starts = [k for k, word in enumerate(texts) if word in by_first]
        else:
            firsts = self.members("first-words", by_first).select(positions.keys() if distinct is None else distinct)
            longer = self.memo("first-words-of-longer", self._opens_longer_only).select(firsts)
            frequent = {w for w in longer if len(positions[w]) >= FREQUENT}
            places = list(map(positions.__getitem__, firsts - frequent))
            for word in frequent:  # `the` opening a registered name: only its places before a second word of one are read
                after = {k - 1 for second in self.starting(word)[0] for k in positions.get(second, ())}
                places.append(after.intersection(positions[word]))
            starts = sorted(chain.from_iterable(places))
        i = 0  # the first word not yet inside a mention
        last = len(texts) - 1
        known = self._starting  # `starting`'s memo, read first: no call for a word seen before
        for k in starts:
            if k < i:
                continue
            word = texts[k]
            by_second, single = known.get(word) or self.starting(word)
            longer = by_second.get(texts[k + 1]) if by_second and k < last else None
            if longer is None:  # no longer spelling goes on with the next word (most words): a spelling of this word alone, the first, is the match
                if single:
                    yield Mention(starts_of[k], ends_of[k], k, 1, single[0])
                    i = k + 1
                continue
            # every longer spelling here goes on with the next word: the gap before it is read once
            gap = text[ends_of[k] : starts_of[k + 1]]
            next_joined = gap == " " or len(gap) <= 3 and set(gap) <= _JOINERS
            for form in longer:
                n = len(form.words)
                if n == 1 or next_joined and k + n <= len(texts) and (n == 2 or self._joined(text, texts, starts_of, ends_of, k, form.words, 2)):  # a spelling of one word: no gap to read
                    yield Mention(starts_of[k], ends_of[k + n - 1], k, n, form)
                    i = k + n
                    break

    def _opens_longer_only(self, first: str) -> bool:
        """Every registered spelling that begins with this word goes on with a second word."""
        return not self.starting(first)[1]

    def starting(self, first: str) -> tuple[dict[str, tuple[Form, ...]], tuple[Form, ...]]:
        """The spellings that begin with a word, in `by_first`'s order: for each second word, those
        that go on with it and those of one word; and those of one word alone. Worked out on
        first use: a word is compared only with the spellings its next word fits."""
        found = self._starting.get(first)
        if found is None:
            forms = self.by_first[first]
            seconds = {f.words[1] for f in forms if len(f.words) > 1}
            by_second = {w: tuple(f for f in forms if len(f.words) == 1 or f.words[1] == w) for w in seconds}
            found = self._starting[first] = (by_second, tuple(f for f in forms if len(f.words) == 1))
        return found

    @staticmethod
    def _joined(text: str, texts: list[str], starts: list[int], ends: list[int], i: int, form: tuple[str, ...], start: int = 1) -> bool:
        """The words from word i on (their texts, starts and ends) are the spelling's, each
        joined to the one before by a short gap of joiners (from the spelling's word `start`
        on: those before it are known)."""
        for k in range(start, len(form)):
            if texts[i + k] != form[k]:
                return False
            gap = text[ends[i + k - 1] : starts[i + k]]
            if gap != " " and (len(gap) > 3 or not set(gap) <= _JOINERS):  # most gaps: one space
                return False
        return True

    def near(self, word: str) -> set[str]:
        """Accepted registry words within edit distance of `word`, compared folded."""
        folded = fold(word)
        limit = max_distance(folded)
        if len(folded) > self.longest + limit:
            return set()  # farther than `limit` edits from every indexed word, by length alone
        variants = list(deletions(folded, limit))
        if hasattr(self.by_deletion, "load"):  # the registry cache's table: one query for them all
            self.by_deletion.load(variants)
        seen: set[str] = set()
        for variant in variants:
            seen.update(self.by_deletion.get(variant, ()))
        if not seen:
            return set()  # no candidate to measure, and rapidfuzz stays unloaded
        from rapidfuzz.distance import OSA

        # a long name misspelt at its first letter (`Okayev` is no name; `Nokayev` may be) is one edit off
        close = {f for f in seen if OSA.distance(f, folded) <= (limit if f[:1] == folded[:1] else int(len(f) >= LONG))}
        return {w for f in close for w in self.by_fold[f]}


def variant_groups(entities: Iterable[Entity], lexicon: Lexicon) -> dict[tuple[str, str], str]:
    """For each entity, its words that are spelling variants of one another, mapped to the one
    its earliest accepted spelling uses: Respublika -> Respublica, Antonio -> António.

    Variants differ in case, diacritics, apostrophes or a few letters (at most one edit in three letters);
    a surname and a full name, or an acronym and its expansion, are not variants.
    """
    from rapidfuzz.distance import OSA

    preferred: dict[tuple[str, str], str] = {}
    for entity in entities:
        seen: list[str] = []
        for form in entity.forms:
            for word in form_tokens(form):
                if word in seen or word.lower() in lexicon.common_words:
                    continue
                folded = fold(word)
                for earlier in seen:
                    other = fold(earlier)
                    limit = max(1, min(len(folded), len(other)) // 3)
                    if other == folded or (min(len(folded), len(other)) >= 2 and OSA.distance(other, folded) <= limit):
                        preferred[entity.id, word] = preferred.get((entity.id, earlier), earlier)
                        preferred.setdefault((entity.id, earlier), earlier)
                        break
                seen.append(word)
    return preferred
