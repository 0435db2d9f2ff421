"""Near misses of short registered names, which the general near-miss search leaves alone because
short words meet each other by chance: acronyms (`OSCE` written `OCSE`, `OSSCE` or `OCE`) and
names of four letters (`Auyl` written `Auul` or `Auyyl`).

An all-capitals word one edit from a registered acronym of three letters or more (a letter added,
dropped or changed, or two letters swapped) is drift, unless it is a registered name, a dictionary
word, a known acronym (`data/acronyms.txt` and the dictionary's names: CIA is not CIS, KGB is not
KNB), a Roman numeral, or an acronym the document defines in brackets (`the Organization for X
(OFX)`). A letter changed in an acronym of three letters is drift only in a document that names
the acronym's body: three capitals one letter apart are most often another acronym (`OTM`, `OTS`).
A capitalized word of four letters or more, one edit from a registered name of four
letters and sharing its first letter, is drift unless a dictionary, the honorifics (`Coun`) or the
titles hold it.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from quotelint.lazyre import lazy

if TYPE_CHECKING:
    from quotelint.lexicon import Lexicon
    from quotelint.names import NameIndex

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "acronyms.txt")
DEFINED = lazy(r"\((\p{Lu}[\p{Lu}&]{1,9}+)s?\)")
INITIALS = lazy(r"\p{L}[\p{L}'’-]*+")
ROMAN = lazy(r"M{0,3}+(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
SHORT = 4  # the length of the short names judged here; longer ones go through the general search


@functools.lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    with open(DATA, encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if line.strip() and not line.startswith("#"))


def is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def defined_acronyms(prose: str, name_ends: set[int]) -> frozenset[str]:
    """Acronyms the document defines in brackets after the words they are the initials of: `the
    Organization for X (OFX)`. After a registered name (`the Eurasian Economic Union (EAU)`) the
    bracket holds that name's acronym, which is judged like any other; so is one whose letters
    are not the initials before it (`Organisation of Turkic states (OST)`)."""
    out = set()
    for m in DEFINED.finditer(prose):
        end = m.start()
        while end > 0 and prose[end - 1].isspace():
            end -= 1
        if end not in name_ends and initials_of(m.group(1), prose[max(0, end - 160) : end]):
            out.add(m.group(1))
    return frozenset(out)


def initials_of(acronym: str, before: str) -> bool:
    """The acronym's letters are, in order, initials of the words just before it."""
    initials = [w[0].upper() for w in INITIALS.findall(before)[-12:]]
    k = 0
    for letter in initials:
        if k < len(acronym) and letter == acronym[k]:
            k += 1
    return k == len(acronym)


@functools.lru_cache(maxsize=4)
def acronyms(index: NameIndex) -> tuple[str, ...]:
    """The registered acronyms near misses are looked for: three capitals or more."""
    return tuple(sorted(w for w in index.known if len(w) >= 3 and is_acronym(w)))


def acronym_candidates(word: str, targets: tuple[str, ...], lexicon: Lexicon, defined: frozenset[str]) -> list[str]:
    """The registered acronyms one edit from an unregistered all-capitals word."""
    if word in defined or word in known_acronyms() or lexicon.is_common_word(word) or ROMAN.fullmatch(word):
        return []
    return [t for t in targets if abs(len(t) - len(word)) <= 1 and one_edit_apart(t, word)]


def one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed, or two neighbours swapped, turns one word into the
    other (optimal string alignment distance 1). Asked of every capitalised word against a few
    short acronyms: told from the words themselves, without loading rapidfuzz for a check."""
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(differ) == 1:
            return True
        return len(differ) == 2 and differ[1] == differ[0] + 1 and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def short_name(word: str, right: str, lexicon: Lexicon) -> bool:
    """`Auul` for `Auyl`: a capitalized word that no list of words or titles holds."""
    return (
        len(right) == SHORT
        and right[:1].isupper()
        and not right.isupper()
        and word[:1].isupper()
        and len(word) >= SHORT - 1
        and word not in lexicon.honorifics
        and word not in lexicon.titles
    )


def slipped(word: str, known: frozenset[str]) -> set[str]:
    """A registered name with its capital slipped: a capital typed before it (`WZach`) or its first
    two letters swapped (`oJsep`). The general search, which keeps the first letter, misses both."""
    out = set()
    if word[:2].isupper() and not word.isupper() and word[1:] in known:
        out.add(word[1:])
    if word[:1].islower() and word[1:2].isupper() and word[1] + word[0] + word[2:] in known:
        out.add(word[1] + word[0] + word[2:])
    return out
