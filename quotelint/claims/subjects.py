"""What a document is about, so that a figure with no subject of its own can be given one.

An article about an election gives "turnout of 53 percent" without saying whose; it means the
election the article is about. `Topic` holds that default: the event the document names most
(with its kind: `parliamentary` if that is how it most often qualifies it) and the names it
repeats most or names in its first sentence. A figure's subject is then compared in resolved
form: no event means the topic's event; an election of no stated kind means the topic's kind
of election; a name the article is about (`Kazakhstan` in an article on Kazakhstan) says
nothing that a figure without it does not.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable, Iterable
from itertools import filterfalse
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from quotelint.names import START, TEXT, fold
from quotelint.records import Record

if TYPE_CHECKING:
    from quotelint.claims.layout import Layout

Event = tuple[str, "str | None"]
PUNCT = str.maketrans("", "", "'’-.")  # what `names.fold` drops from a word
LEAD_SENTENCES = 1  # the headline or the dateline and lead name what an article is about


class Topic(NamedTuple):
    event: tuple[str, str | None] | None = None
    entities: frozenset[str] = frozenset()  # folded


class Topical(Protocol):
    """A `Topic`, or one whose halves are worked out when first read (`layout.LaidTopic`)."""

    @property
    def event(self) -> Event | None: ...

    @property
    def entities(self) -> frozenset[str]: ...


class TopicCounts(Record):
    """What a document's topic is worked out from. The counts of a document's sections add up;
    so that a tie goes to the same event as in the whole document (the one whose word comes
    first), each event keeps the words that gave it: (word, offset of its first such use)."""

    _fields = ("families", "kinds", "names", "lead", "seen", "given_by")
    families: Counter[str]
    kinds: Counter[tuple[str, str]]
    names: Counter[str]
    lead: set[str]
    seen: dict[str, int]  # each event word's first offset
    given_by: dict[Any, dict[str, int]]  # family or (family, kind) -> its words

    def __init__(
        self,
        families: Counter[str] | None = None,
        kinds: Counter[tuple[str, str]] | None = None,
        names: Counter[str] | None = None,
        lead: set[str] | None = None,
        seen: dict[str, int] | None = None,
        given_by: dict[Any, dict[str, int]] | None = None,
    ) -> None:  # each None: a new, empty one
        self.families = Counter() if families is None else families
        self.kinds = Counter() if kinds is None else kinds
        self.names = Counter() if names is None else names
        self.lead = set() if lead is None else lead
        self.seen = {} if seen is None else seen
        self.given_by = {} if given_by is None else given_by

    def add(self, other: TopicCounts) -> None:
        """Add the counts of the section after."""
        self.families.update(other.families)
        self.kinds.update(other.kinds)
        self.names.update(other.names)
        self.lead |= other.lead
        for word, at in other.seen.items():
            self.seen.setdefault(word, at)
        for key, words in other.given_by.items():
            mine = self.given_by.setdefault(key, {})
            for word, at in words.items():
                mine.setdefault(word, at)

    def _first(self, key: Any) -> tuple[int, int]:
        return min((self.seen[w], at) for w, at in self.given_by[key].items())

    def topic(self) -> Topic:
        return Topic(self.event(), self.entities())

    def event(self) -> Event | None:
        """The event named most (a tie: the one named first), with its kind named most."""
        if not self.families:
            return None
        families = Counter({f: self.families[f] for f in sorted(self.families, key=self._first)})
        kinds = Counter({k: self.kinds[k] for k in sorted(self.kinds, key=self._first)})
        family = families.most_common(1)[0][0]
        of_family = [kind for (fam, kind), _ in kinds.most_common() if fam == family]
        return (family, of_family[0] if of_family else None)

    def entities(self) -> frozenset[str]:
        """The names repeated most, and those of the lead."""
        top = max(self.names.values(), default=0)
        frequent = {name for name, n in self.names.items() if n >= max(3, top // 4)}
        return frozenset(frequent | self.lead)


def find_topic(layout: Layout, positions: dict[str, list[int]]) -> Topic:
    """The document's main event and its names, from its vocabulary: `positions` maps each
    distinct word to where it stands, so lower-case words cost one test per distinct word."""
    return count_topic(layout, positions).topic()


def count_topic(
    layout: Layout, positions: dict[str, list[int]], own: tuple[int, int] | None = None, base: int = 0, events: bool = True, names: bool = True
) -> TopicCounts:
    """The counts of `find_topic`, of the words that start at the prose offsets `own` (all, when
    not given); `base` is where the layout's prose starts in the document's (only the
    document's first sentence names its topic). `events`, `names`: which half to count (the
    event words, the names); the other half's counts stay empty."""
    counts = TopicCounts()
    lo, hi = own if own is not None else (0, len(layout.prose) + 1)
    whole = lo <= 0 and hi >= len(layout.prose)  # every word is counted
    first, last = bisect.bisect_left(layout.starts, lo), bisect.bisect_left(layout.starts, hi)

    def placed_in_own(text: str) -> list[int]:
        """The word's indexes, in order, of the places that start in `own`."""
        where = positions[text]
        return where[bisect.bisect_left(where, first) : bisect.bisect_left(where, last)]

    placed = positions.__getitem__ if whole else placed_in_own  # all of a word's places: looked up in C
    if events:
        _count_events(counts, layout, event_vocabulary(layout, positions), placed, base)
    if names:
        _count_names(counts, layout, positions, placed, base)
    return counts


def _count_events(counts: TopicCounts, layout: Layout, events: Iterable[str], placed: Callable[[str], list[int]], base: int) -> None:
    """The event families and kinds the event words count, and where each word first stands."""
    families, kinds, words, seen, given_by = counts.families, counts.kinds, layout.words, counts.seen, counts.given_by
    event_nouns, in_figure, kind_before = layout.data.event_nouns, layout.in_figure, layout.kind_before
    for text in events:
        family = event_nouns[text.lower()]  # `Layout.event` of each place, the word's family looked up once
        for k in placed(text):
            at = words[k][START] + base
            seen.setdefault(text, at)
            if in_figure(k):
                continue
            families[family] += 1
            given_by.setdefault(family, {}).setdefault(text, at)
            if (kind := kind_before(k)) is not None:
                kinds[(family, kind)] += 1
                given_by.setdefault((family, kind), {}).setdefault(text, at)


def _count_names(counts: TopicCounts, layout: Layout, positions: dict[str, list[int]], placed: Callable[[str], list[int]], base: int) -> None:
    """How often each name stands where it is a name, and the names of the lead sentences."""
    words = layout.words
    named, common = name_vocabulary(layout, positions)
    figure_words, openers = layout.figure_words, sentence_openers(layout)
    starts = layout.sentences.starts
    lead_end = len(layout.prose) + 1  # the words before it are in the lead sentences
    if base:
        lead_end = 0  # a section after the first: the document's lead is not here
    elif len(starts) > LEAD_SENTENCES:
        lead_end = starts[LEAD_SENTENCES]
    tally: dict[str, int] = {}
    in_figure, in_figure_or_opening = figure_words.__contains__, (figure_words | openers).__contains__
    in_figures = {words[k][TEXT] for k in figure_words}  # most names have no place in a figure: theirs are kept as they are
    for text in named:
        # Not in a figure, and not opening a sentence if only a capital there makes it a name.
        kept = placed(text)
        if text in common:
            kept = list(filterfalse(in_figure_or_opening, kept))
        elif text in in_figures:
            kept = list(filterfalse(in_figure, kept))
        if kept:
            key = quick_fold(text)
            tally[key] = tally.get(key, 0) + len(kept)
            if words[kept[0]][START] < lead_end:
                counts.lead.add(key)
    counts.names.update(tally)


def event_vocabulary(layout: Layout, positions: dict[str, list[int]]) -> set[str]:
    """The document's event words: judged once per distinct word in a run where the layout has
    the run's word memos."""
    event_nouns = layout.data.event_nouns
    if layout.memo is None:
        return {t for t in positions if t.lower() in event_nouns}
    return layout.memo("topic-event", lambda t: t.lower() in event_nouns).select(layout.distinct)


def name_vocabulary(layout: Layout, positions: dict[str, list[int]]) -> tuple[set[str], set[str]]:
    """The document's names (`Layout.name_kind` not 0, no event word), and those of them that
    are names only where they do not open a sentence (kind 2): judged once per distinct word
    in a run where the layout has the run's word memos."""
    from quotelint.claims.wordsets import kind_of_name

    lex, data = layout.lexicon, layout.data
    named = layout.named()
    if layout.memo is None:
        return named, {t for t in named if layout.name_kind(t) == 2}
    return named, layout.memo("topic-name-2", lambda t: kind_of_name(t, lex, data) == 2).select(named)


def sentence_openers(layout: Layout) -> frozenset[int]:
    """The indexes of the words that open a sentence: the first word, and each word whose
    sentence is not its previous word's."""
    found = set(map(functools.partial(bisect.bisect_left, layout.starts), layout.sentences.starts[1:]))  # in C
    found.discard(len(layout.words))  # a sentence after the last word
    found.add(0)
    return frozenset(found)


def resolve_events(events: Iterable[Event], topic: Topical) -> frozenset[Event]:
    """Events as the document means them: none is the topic's; a bare `election` is its kind."""
    events = list(events)
    if not events:
        return frozenset({topic.event}) if topic.event else frozenset()
    out = set()
    for family, kind in events:
        if kind is None and topic.event and family == topic.event[0]:
            out.add(topic.event)
        else:
            out.add((family, kind))
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 16)  # asked of each name of each document: once a word in a run
def quick_fold(word: str) -> str:
    """`names.fold`, without its Unicode decomposition for the plain ASCII words most text is
    (and without looking for marks to drop in a word of letters alone)."""
    if word.isascii():
        return word.lower() if word.isalpha() else word.lower().translate(PUNCT)
    return fold(word)


def own_names(entities: Iterable[str], topic: Topical, known: Iterable[str] = ()) -> frozenset[str]:
    """The names that set a figure's subject apart: not the document's topic, not `known`.
    The topic's names are read last, only when some name is left: most figures name none."""
    folded = {quick_fold(e) for e in entities}
    if folded and known:
        folded -= {quick_fold(k) for k in known}
    if not folded:
        return frozenset()
    return frozenset(folded - topic.entities)
