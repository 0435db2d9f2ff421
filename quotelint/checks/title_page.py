"""A document's words as the wrong-title rule reads titles from them: which tokens belong to a
person's name or to a registered body's, and what kind of title word each one is.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from quotelint.checks.title_words import countries_in, head_words, key, parts, title_words
from quotelint.quotes.words import quote_words
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.lexicon import Lexicon
    from quotelint.names import Mention

MAX_WORDS = 16
JOINS = frozenset({" ", "-", "\u00a0"})
POSSESSIVE = frozenset({"’s ", "'s ", "’ ", "' "})
READ_CONNECTORS = frozenset({"of", "for", "to", "at", "in"})
ARTICLES = frozenset({"the", "a", "an"})
CLOSERS = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})


class Written(Value):
    __slots__ = _fields = ("first", "last", "past")
    first: int  # token indexes of the title, inclusive
    last: int
    past: bool  # `former`, `then-`, `as`: a role held at some earlier time fits

    def __init__(self, first: int, last: int, past: bool) -> None:
        self.first, self.last, self.past = first, last, past


class Page:
    """The words of one document as titles are read from them."""

    def __init__(self, ctx: Context) -> None:
        self.words = ctx.words
        # The columns the words are made from, read with one index where a token's field takes
        # two: the reading asks a word's text and the gaps around it many times.
        self.texts, self.starts, self.ends = ctx.word_texts, ctx.word_starts, ctx.word_ends
        self.prose = ctx.prose
        self.lexicon = ctx.registry.words
        self.index = ctx.registry.titles
        self.role_words = self.index.role_words
        self.heads = head_words(self.lexicon) | self.index.heads
        # Verdicts on a word alone, kept for the run (the name index's word memos).
        memo, index, lexicon = ctx.registry.names.memo, self.index, self.lexicon
        self._title = memo("title-word", lambda word: index.is_title_word(word, lexicon)).holds
        self._head = memo("title-head", functools.partial(is_head, self._title, self.heads, index.capitalized_heads)).holds
        self._country = memo("title-country", lambda word: bool(countries_in(tuple(key(p) for p in parts(word))))).holds
        self._past = memo("title-past", is_past).holds
        self._modifier = memo("title-modifier", is_modifier).holds
        self._proper = memo("title-proper", functools.partial(is_proper, self._title, lexicon)).holds
        self._qualifier = memo("title-qualifier", functools.partial(
            is_qualifier, self._title, self._country, self._proper, self._modifier, self.role_words)).holds
        self.person: set[int] = set()
        self.people: list[Mention] = []  # the mentions of people, in order (what the rule reads titles beside)
        self.unit_at: dict[int, tuple[int, int, str]] = {}  # token -> (first, last, entity id) of a named body
        # One plain loop a mention (a document names a couple of hundred): each token of a body
        # is set alone, rather than through a dictionary. Most names are one word, whose token is
        # set without a range: making a range object costs more than setting a few tokens.
        entities, person, people, unit_at = ctx.registry.entities, self.person, self.people, self.unit_at
        kinds: dict[str, str] = {}  # entity id -> kind, each looked up once
        for m in ctx.mentions:
            entity_id = m.form.entity_ids[0]
            kind = kinds.get(entity_id)
            if kind is None:
                kind = kinds[entity_id] = entities[entity_id].kind
            first, count = m.first, m.count
            if kind == "person":
                if count == 1:
                    person.add(first)
                else:
                    person.update(range(first, first + count))
                people.append(m)
            else:
                unit = unit_at[first] = (first, first + count - 1, entity_id)
                if count > 1:
                    for i in range(first + 1, first + count):
                        unit_at[i] = unit

    def gap(self, left: int, right: int) -> str:
        return self.prose[self.ends[left] : self.starts[right]]

    def text(self, i: int) -> str:
        return self.texts[i]

    def title(self, i: int) -> bool:
        return self._title(self.texts[i])

    def head(self, i: int) -> bool:
        return self._head(self.texts[i])

    def past(self, i: int) -> bool:
        """`former`, `then`, or a title word prefixed with one (`then-director-general`)."""
        return self._past(self.texts[i])

    def modifier(self, i: int) -> bool:
        return self._modifier(self.texts[i])

    def country(self, i: int) -> bool:
        return self._country(self.texts[i])

    def proper(self, i: int) -> bool:
        """A capitalized word no dictionary holds: a country's adjective, an acronym, a name."""
        return self._proper(self.texts[i])

    def qualifier(self, i: int) -> bool:
        """A word that may stand before a title's head: a title word, a country, a name, or a
        word of some registered role (`policy` in `EU foreign policy chief`, `Conservative`)."""
        return self._qualifier(self.texts[i])


# What a word is to a title, on the word alone: each kept for the run by a word memo (Page),
# asked a hundred times an article.
def is_past(word: str) -> bool:
    markers = quote_words().past_markers
    word = word.lower()
    return word in markers or ("-" in word and word.split("-")[0] in markers)


def is_modifier(word: str) -> bool:
    return word.lower() in title_words().modifiers or is_past(word)


def is_proper(title: Callable[[str], bool], lexicon: Lexicon, word: str) -> bool:
    return word[:1].isupper() and not lexicon.is_common_word(word) and not title(word)


def is_qualifier(title: Callable[[str], bool], country: Callable[[str], bool], proper: Callable[[str], bool],
                 modifier: Callable[[str], bool], role_words: frozenset[str], word: str) -> bool:
    if title(word) or country(word) or proper(word) or modifier(word):
        return True
    return word.lower() not in ARTICLES and all(key(p) in role_words for p in parts(word))


def is_head(title: Callable[[str], bool], heads: frozenset[str], capitalized: frozenset[str], word: str) -> bool:
    """A title word a title is read from (`Minister`; `Father`, capitalized, of `Holy Father`)."""
    if not title(word):
        return False
    capitalized = capitalized if word[:1].isupper() else frozenset()
    return any(p in heads or key(p) in capitalized for p in bare_parts(word))


def bare_parts(word: str) -> list[str]:
    """The parts of a title word without a prefix that places it in the past (`then-`, `ex-`)."""
    got = parts(word)
    if len(got) > 1 and got[0] in quote_words().past_markers:
        got = got[1:]
    return got
