"""Capitalised words read as names: runs such as `Shanghai Co-operation Organisation`.

A capital letter that begins a sentence, a line or a quotation says nothing about a word, so
such a word counts as part of a name only when it is no ordinary word. Lower-case connectors
from the lexicon (`of`, `for`, `de`) may stand inside a run, never at its ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from quotelint.lazyre import lazy
from quotelint.names import END, START, TEXT

if TYPE_CHECKING:
    from quotelint.lexicon import Lexicon
    from quotelint.names import Token

_SENTENCE_BREAK = lazy(r"[.!?:;•\n\r]")


# A surname after a lower-case particle joined to it: al-Haddad, el-Sisi, bin-Talal, d'Alembert.
PARTICLES = frozenset(("ad", "al", "an", "ar", "as", "at", "az", "ash", "el", "bin", "ibn", "ben", "abu", "bint", "d", "dell", "l"))
PARTICLE_FIRST = frozenset(p[0] for p in PARTICLES)  # the letters a particle begins with
_JOINTS = frozenset("-'’")
_CAPITAL = lazy(r"\p{Lu}")  # a capital as `regex` knows them (the Unicode of the patterns)


def capitalised(word: str) -> bool:
    """A word written as a name: a capital first, or a particle joined to a capital."""
    return word[:1].isupper() or word[:1] in PARTICLE_FIRST and particle_name(word)


def particle_name(word: str) -> bool:
    """A lower-case particle joined to a capital: al-Haddad, d'Arcy. The joint is looked for
    first (most words have none), then the particle before it; only a capital after them asks a
    pattern, a small one."""
    joint = word[1:5]
    if "-" not in joint and "'" not in joint and "’" not in joint:
        return False
    return any(word[j : j + 1] in _JOINTS and word[:j] in PARTICLES and _CAPITAL.match(word, j + 1) is not None for j in range(1, 5))


def sentence_initial(prose: str, words: Sequence[Token], i: int, lexicon: Lexicon) -> bool:
    """Token i begins a sentence, a line or a quotation, where any word takes a capital."""
    if i == 0:
        return True
    gap = prose[words[i - 1][END] : words[i][START]]
    if _SENTENCE_BREAK.search(gap):
        return True
    opening = {m.open for m in lexicon.quote_marks}
    return any(c in opening for c in gap)


def _joined(prose: str, a: Token, b: Token) -> bool:
    gap = prose[a[END] : b[START]]
    return bool(gap) and gap.isspace() and "\n" not in gap and "\r" not in gap and len(gap) <= 3


def _named(prose: str, words: Sequence[Token], j: int, lexicon: Lexicon) -> bool:
    """Token j is capitalised for being a name, not for where it stands."""
    return capitalised(words[j][TEXT]) and not sentence_initial(prose, words, j, lexicon)


def beside_a_name(prose: str, words: Sequence[Token], first: int, last: int, lexicon: Lexicon) -> bool:
    """Tokens first..last stand mid-sentence beside another capitalised word, one connector allowed
    between them: `Shanghai Co-operation Organisation`, `Ministry of Co-operation`."""
    if sentence_initial(prose, words, first, lexicon):
        return False
    for edge, step in ((first, -1), (last, 1)):
        near = edge
        for _hop in range(2):  # the neighbour itself, or the word after one connector
            j = near + step
            if not 0 <= j < len(words):
                break
            left, right = min(near, j), max(near, j)
            if not _joined(prose, words[left], words[right]):
                break
            if _named(prose, words, j, lexicon):
                return True
            if words[j][TEXT] not in lexicon.name_connectors:
                break
            near = j
    return False


def name_runs(prose: str, words: Sequence[Token], lexicon: Lexicon) -> list[tuple[int, int]]:
    """(first, last) token indexes of every run of two or more capitalised words read as a name.

    Titles and honorifics at the front of a run are left out (`President Kassym-Jomart Tokayev`
    gives the name alone); a sentence's first word joins a run only when it is no ordinary word.
    """
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not _starts_run(prose, words, i, lexicon):
            i += 1
            continue
        last, j = i, i + 1
        while j < n and _joined(prose, words[j - 1], words[j]):
            if capitalised(words[j][TEXT]):
                last, j = j, j + 1
            elif words[j][TEXT] in lexicon.name_connectors and j + 1 < n and _joined(prose, words[j], words[j + 1]):
                j += 1
            else:
                break
        first = i
        while first < last and (words[first][TEXT] in lexicon.titles or words[first][TEXT].rstrip(".") in lexicon.honorifics):
            first += 1
        if last > first:
            runs.append((first, last))
        i = last + 1
    return runs


def _starts_run(prose: str, words: Sequence[Token], i: int, lexicon: Lexicon) -> bool:
    word = words[i][TEXT]
    if not capitalised(word) or word.isdigit():
        return False
    if sentence_initial(prose, words, i, lexicon):
        return not lexicon.is_common_word(word) or word in lexicon.titles or word in lexicon.honorifics
    return True
