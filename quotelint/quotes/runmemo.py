"""What the quotation engine keeps for a run: the lexicon's tables the name reader asks, and
where its verdicts on words are kept (`NameIndex.memo`, `NameIndex.answers`).

Most words and names of one article are those of the articles before it, and the tables depend
on the registry alone: so they are worked out once a run, not once a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from quotelint.wordmemo import WordMemo, Words

if TYPE_CHECKING:
    from collections.abc import Mapping

    from quotelint.lexicon import Lexicon
    from quotelint.names import NameIndex
    from quotelint.quotes.words import QuoteWords

Memo = Callable[..., WordMemo]  # NameIndex.memo: a question's name, its judge (and what looks up at once what it asks) -> its memo


def fresh_memo(name: str, judge: Callable[[str], bool], load: Callable[[set[str]], object] | None = None) -> WordMemo:
    """No verdicts kept: a memo of its own for each question."""
    return WordMemo(judge, load)


def honorific(honorifics: frozenset[str], gendered: Mapping[str, str], word: str) -> bool:
    """The word is an honorific (`Mr`, `Sen`, `sir`): a judge for a memo."""
    return word in honorifics or word.lower() in gendered


class Tables(NamedTuple):
    """What the reader asks of the lexicon, gathered once a run."""

    opening: frozenset[str]  # opening quotation marks
    orgs: frozenset[str]  # words of organizations' names, case-folded
    joiners: frozenset[str]  # lower-case words that join a run
    small: frozenset[str]  # the small words that never open a name (`The`, `But`, `Under`)
    phrases: dict[str, list[tuple[str, ...]]]  # titles by first word, longest first


def reader_tables(lexicon: Lexicon, words: QuoteWords) -> Tables:
    """The tables of this lexicon (NameReader keeps them in `NameIndex.answers`)."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for title in lexicon.titles:
        words_ = tuple(title.lower().split())
        if words_:
            phrases.setdefault(words_[0], []).append(words_)
    for group in phrases.values():
        group.sort(key=len, reverse=True)
    return Tables(
        frozenset(m.open for m in lexicon.quote_marks),
        frozenset(w.casefold() for w in lexicon.organization_words),
        lexicon.name_connectors | {"and"},
        words.minor_words | words.determiners | words.verb_helpers | words.clause_words | words.prepositions | words.not_names,
        phrases,
    )


class Spellings:
    """The run's spellings of each folded word (`Président`, `president` and `PRESIDENT` under
    `president`): a document's distinct words whose fold is one of a few keys are found from the
    keys, and only the words no earlier document held are folded. Past `LIMIT` words, new
    spellings are not kept."""

    LIMIT = 1_000_000

    def __init__(self, fold: Callable[[str], str]) -> None:
        self.fold = fold
        self.seen: set[str] = set()
        self.by_fold: dict[str, set[str]] = {}
        self.through = -1  # the run's documents up to this number were all asked about, in turn (as WordMemo's)

    def having(self, distinct: set[str] | frozenset[str], keys: Iterable[str]) -> set[str]:
        """The distinct words whose fold is one of the keys."""
        return set(self.folds(distinct, keys))

    def folds(self, distinct: set[str] | frozenset[str], keys: Iterable[str]) -> dict[str, str]:
        """The distinct words whose fold is one of the keys, each with its fold (the asker
        need not fold them again). The words of a document numbered in the run (`Words`) that
        follows the last one asked are compared with those seen through its `fresh` words alone:
        the others were held, and seen, by the documents before it."""
        numbered = isinstance(distinct, Words)
        follows = numbered and distinct.number == self.through + 1
        if numbered and distinct.number == self.through:
            new: set[str] | frozenset[str] = frozenset()  # asked again about the same document
        else:
            new = (distinct.fresh if follows else distinct) - self.seen  # type: ignore[attr-defined]
        fresh: dict[str, set[str]] = {}
        for word in new:
            fresh.setdefault(self.fold(word), set()).add(word)
        if not new or len(self.seen) < self.LIMIT:
            self.seen |= new
            for folded, words in fresh.items():
                self.by_fold.setdefault(folded, set()).update(words)
            if follows:
                self.through += 1
        out: dict[str, str] = {}
        for key in self.by_fold.keys() & keys:  # the keys some word of the run folds to: most keys have none
            out.update(dict.fromkeys(self.by_fold[key] & distinct, key))
        for key in fresh.keys() & keys:
            out.update(dict.fromkeys(fresh[key], key))
        return out


class Sets:
    """The word sets every document's quotations ask, joined from the lexicon and the engine's
    words once a run (`word_sets`), not once a document. A class with slots, not a NamedTuple:
    typing compiles a NamedTuple's annotations as its module is imported."""

    __slots__ = ("verbs", "frame_verbs", "abbreviations", "title_nouns", "small", "reporting")
    verbs: frozenset[str]  # the reporting verbs, `according` aside
    frame_verbs: frozenset[str]  # the reporting verbs and the verbs after a quotation (frames)
    abbreviations: frozenset[str]  # the engine's abbreviations and the honorifics, lower case, no stop
    title_nouns: frozenset[str]  # the lexicon's title words, no minor word nor preposition
    small: frozenset[str]  # pronouns, speaking bodies, organizations' words, title nouns (lower case)
    reporting: frozenset[str]  # what a quotation's verb can be (Attributor._is_verb, _labels): `verbs`, phrasal verbs' first words, label verbs

    def __init__(self, lexicon: Lexicon, words: QuoteWords) -> None:
        self.title_nouns = frozenset(w for w in lexicon.title_words if w not in words.minor_words and w not in words.prepositions)
        orgs = frozenset(w.casefold() for w in lexicon.organization_words)
        self.verbs = frozenset(v for v in lexicon.reporting_verbs if v != "according")
        self.frame_verbs = frozenset(lexicon.reporting_verbs) | words.after_verbs
        self.abbreviations = words.abbreviations | {h.rstrip(".").lower() for h in lexicon.honorifics}
        self.small = frozenset((*words.pronouns, *words.speaking_bodies, *orgs, *self.title_nouns))
        self.reporting = self.verbs | frozenset(words.phrasal_verbs) | words.label_verbs


def word_sets(index: NameIndex | None, lexicon: Lexicon, words: QuoteWords) -> Sets:
    """The sets of this lexicon, kept by the registry's name `index` for the run (made anew
    without one)."""
    if index is None:
        return Sets(lexicon, words)
    return index.answer("quotes.sets", "sets", lambda: Sets(lexicon, words))  # type: ignore[no-any-return]
