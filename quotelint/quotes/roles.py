"""Registered roles written in a document: "the former Minister for Energy, Industry and
Trade", "UN Secretary-General". Shared by attribution (a role stands for its holder) and the
wrong-title rule (a title beside a name that the registry does not give that person).

Role phrases are compared as folded words (case, diacritics, apostrophes and punctuation set
aside), so "Kazakhstan's President" and "Kazakhstan’s president" are one phrase.
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterable, Iterator, Mapping
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from quotelint.names import END, START, TEXT, fold, form_tokens
from quotelint.quotes.runmemo import Spellings
from quotelint.quotes.words import quote_words
from quotelint.records import Value
from quotelint.registry.model import Entity, Role

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.lexicon import Lexicon

MIN_WORDS = 2  # a role of one word ("President") is too common to stand for one person
MAX_TITLE_WORDS = 10  # the longest title read before or after a name


class RoleMention(Value):
    __slots__ = _fields = ("first", "last", "entity_id", "role")
    first: int  # token indexes, inclusive
    last: int
    entity_id: str
    role: Role

    def __init__(self, first: int, last: int, entity_id: str, role: Role) -> None:
        self.first, self.last, self.entity_id, self.role = first, last, entity_id, role


def folded_words(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in form_tokens(text))


def role_phrases(people: Iterable[Entity], kept: dict[str, tuple[tuple[tuple[str, ...], Role], ...]] | None = None) -> dict[tuple[str, ...], list[tuple[str, Role]]]:
    """Each role form of two words or more, folded, with who holds it. `kept`: each person's
    phrases by id, kept for the run."""
    return _holders([(person.id, _phrases_of(person, kept)) for person in people])


def _holders(owned: Iterable[tuple[str, tuple[tuple[tuple[str, ...], Role], ...]]], opened: Container[str] | None = None) -> dict[tuple[str, ...], list[tuple[str, Role]]]:
    """Each phrase of the people's (id, phrases), with who holds it; only those whose first
    word is `opened`, when given."""
    out: dict[tuple[str, ...], list[tuple[str, Role]]] = {}
    for pid, own in owned:
        for words, role in own:
            if opened is None or words[0] in opened:
                out.setdefault(words, []).append((pid, role))
    return out


def _phrases_of(person: Entity, kept: dict[str, tuple[tuple[tuple[str, ...], Role], ...]] | None) -> tuple[tuple[tuple[str, ...], Role], ...]:
    """A person's phrases (`_own_phrases`), kept by id for the run in `kept`."""
    own = kept.get(person.id) if kept is not None else None
    if own is None:
        own = _own_phrases(person)
        if kept is not None:
            kept[person.id] = own
    return own


def _own_phrases(person: Entity) -> tuple[tuple[tuple[str, ...], Role], ...]:
    """A person's role forms of two words or more, folded, each with its role once."""
    found: list[tuple[tuple[str, ...], Role]] = []
    for role in person.roles:
        for words in _long_forms(role):
            if (words, role) not in found:
                found.append((words, role))
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def _long_forms(role: Role) -> tuple[tuple[str, ...], ...]:
    """The forms of a role of two words or more, folded: a role's forms are folded once a run,
    not for each document naming its holder."""
    return tuple(words for words in map(folded_words, role.forms) if len(words) >= MIN_WORDS)


def find_roles(
    texts: list[str], people: Iterable[Entity], positions: Mapping[str, list[int]], kept: dict[str, Any] | None = None, distinct: set[str] | None = None
) -> Iterator[RoleMention]:
    """Role phrases of the given people in the text (its words' `texts`), longest first, each
    held by one person only. The words that can open one are read from the words' `positions`
    (word -> its indexes): the `distinct` words (the positions' keys) whose fold opens a phrase. `kept` (NameIndex.answers)
    keeps for the run the spellings of each folded word and each person's phrases."""
    kept = {} if kept is None else kept
    spellings = kept.get("spellings") or kept.setdefault("spellings", Spellings(fold))
    own_phrases = kept.setdefault("phrases", {})
    owned = [(person.id, own) for person in people if (own := _phrases_of(person, own_phrases))]
    if not owned:
        return
    ends = kept.setdefault("ends", {})
    own_ends = [ends.get(pid) or ends.setdefault(pid, _phrase_ends(own)) for pid, own in owned]
    openings = set().union(*map(itemgetter(0), own_ends))
    seconds = set().union(*map(itemgetter(1), own_ends))
    folds = spellings.folds(set(positions) if distinct is None else distinct, openings | seconds)  # word -> its fold
    count = len(texts)
    # only a word whose next word folds to a phrase's second word can open a phrase: the others are not read
    places = chain.from_iterable(positions[w] for w, folded in folds.items() if folded in openings)
    openers = sorted(i for i in places if i + 1 < count and folds.get(texts[i + 1]) in seconds)
    if not openers:
        return  # no phrase gathered nor sorted, nor its holders counted
    opened = {folds[texts[i]] for i in openers}
    phrases = _holders(owned, opened)  # the phrases that open here alone
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        by_first.setdefault(phrase[0], []).append(phrase)
    for group in by_first.values():
        group.sort(key=len, reverse=True)
    after = 0  # the first word past the last role found
    for i in openers:
        if i < after:
            continue
        second = folds[texts[i + 1]]  # every phrase has two words or more
        for phrase in by_first[folds[texts[i]]]:
            n = len(phrase)
            if phrase[1] == second and i + n <= count and all(fold(texts[i + m]) == phrase[m] for m in range(2, n)) and _held_by_one(phrases[phrase]):
                pid, role = phrases[phrase][0]
                yield RoleMention(i, i + n - 1, pid, role)
                after = i + n
                break


def _phrase_ends(own: tuple[tuple[tuple[str, ...], Role], ...]) -> tuple[frozenset[str], frozenset[str]]:
    """The first and the second words of a person's phrases (kept for the run by id)."""
    return frozenset(phrase[0] for phrase, _ in own), frozenset(phrase[1] for phrase, _ in own)


def _held_by_one(holders: list[tuple[str, Role]]) -> bool:
    """A phrase one person holds (in one role or several)."""
    return len(holders) == 1 or len({pid for pid, _ in holders}) == 1


def is_title_word(ctx: Context, word: str) -> bool:
    """A word of a title (`Secretary-General`, `minister`), not one of its small words (`of`, `under`)."""
    return title_word_in(word, ctx.registry.words)


def title_word_in(word: str, lexicon: Lexicon) -> bool:
    qw = quote_words()
    parts = word.lower().split("-")
    return any(p in lexicon.title_words and p not in qw.minor_words and p not in qw.prepositions for p in parts)


def title_before(ctx: Context, name: int) -> tuple[int, int]:
    """Token indexes of the title right before a name: capitalised words and title words."""
    words, prose = ctx.words, ctx.prose
    first = name
    while first > 0 and name - first < MAX_TITLE_WORDS:
        gap = prose[words[first - 1][END] : words[first][START]]
        word = words[first - 1][TEXT]
        if gap not in (" ", "-", "’s ", "'s ") or not (word[:1].isupper() or is_title_word(ctx, word)):
            break
        first -= 1
    if not any(is_title_word(ctx, words[t][TEXT]) for t in range(first, name)):
        return 1, 0
    return first, name - 1
