"""Whether a written title fits a registered role: its title words all belong to the role, each
organization or country it names is one the role names (or its parent), and it holds the role's
head (`Secretary-General`, not `Secretary`). A head that only says somebody leads something
(`chief`, `head of`) is judged by what it names alone.
"""

from __future__ import annotations

from itertools import combinations
from typing import TYPE_CHECKING

from quotelint.checks.title_page import Page, bare_parts
from quotelint.checks.title_words import CONNECTORS, SMALL, countries_in, key, parts, title_words
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.checks.title_words import RoleWords


class Named(Value):
    """An organization, place or country a title names."""

    __slots__ = _fields = ("keys", "entity_id", "countries")
    keys: tuple[str, ...]
    entity_id: str | None  # a registered body, when the registry knows it
    countries: frozenset[str]

    def __init__(self, keys: tuple[str, ...], entity_id: str | None, countries: frozenset[str]) -> None:
        self.keys, self.entity_id, self.countries = keys, entity_id, countries


class Title(Value):
    __slots__ = _fields = ("heads", "words", "named", "lowercase", "future", "past")
    heads: frozenset[str]  # keys of its title words outside what it names
    words: frozenset[str]  # keys of all its words
    named: tuple[Named, ...]
    lowercase: bool  # no capital in it: `federal judge` may be no title at all
    future: bool  # `President-elect`
    past: bool  # `former` or `then` inside it: `Kazakhstan's former foreign minister`

    def __init__(self, heads: frozenset[str], words: frozenset[str], named: tuple[Named, ...], lowercase: bool, future: bool, past: bool) -> None:
        self.heads, self.words, self.named, self.lowercase, self.future, self.past = heads, words, named, lowercase, future, past

    @property
    def generic(self) -> bool:
        return self.heads <= title_words().generic_heads


def read_title(page: Page, first: int, last: int) -> Title:
    tw = title_words()
    heads: set[str] = set()
    words: set[str] = set()
    named: list[Named] = []
    lowercase, future, past, of = True, False, False, False
    i = first
    while i <= last:
        text = page.text(i)
        past = past or page.past(i)
        of = of or text in CONNECTORS
        if i in page.unit_at and not any(page.head(t) for t in range(i, page.unit_at[i][1] + 1)):
            _, end, entity_id = page.unit_at[i]
            end = min(end, last)
            keys = tuple(key(p) for t in range(i, end + 1) for p in parts(page.text(t)))
            country = tw.countries.get(keys)  # a country's own name, not a body of it (`European Commission`)
            named.append(Named(keys, entity_id, frozenset({country} if country else ())))
            words.update(keys)
            lowercase = lowercase and not any(page.text(t)[:1].isupper() for t in range(i, end + 1))
            i = end + 1
            continue
        keys = tuple(key(p) for p in bare_parts(text))
        future = future or any(k in tw.future_markers for k in keys[1:])
        lowercase = lowercase and not text[:1].isupper()
        if page.title(i):
            heads.update(k for k in keys if k not in SMALL and k not in tw.modifiers and k not in tw.future_markers)
        elif page.country(i) or page.proper(i) or of and text not in SMALL and (text[:1].isupper() or page.qualifier(i)):
            named.append(Named(keys, None, frozenset(countries_in(keys))))  # what the title is of: `of the bank`
        words.update(keys)
        i += 1
    return Title(frozenset(heads), frozenset(words), tuple(named), lowercase, future, past)


def judged(title: Title, page: Page) -> bool:
    """A title worth judging: a head; something it names if the head is generic, unless it is a
    registered form (`Leader of the Nation`); and, when written all in lower case, a head some
    registered role uses (`federal judge Smith` is not)."""
    if not title.heads or title.future:
        return False
    known = [n for n in title.named if n.entity_id or n.countries]
    if title.generic and not known and title.words - SMALL not in page.index.forms:
        return False  # `the leader in Republican polls`
    return not title.lowercase or bool(title.heads & page.role_words)


def fits(title: Title, role: RoleWords, home: frozenset[str] = frozenset()) -> bool:
    """`home`: the countries the person's roles name, which may stand before a role that names
    none (`Kazakhstan's party chairman`; not `French Secretary-General`)."""
    if not title.heads <= role.words:
        return False
    if not all(names_fit(n, role, home) for n in title.named):
        return False
    return title.generic or any(head <= title.words for head in role.heads)


def names_fit(named: Named, role: RoleWords, home: frozenset[str]) -> bool:
    if named.entity_id is not None and named.entity_id in role.entities:
        return True
    if named.countries and named.countries <= (role.countries or home) and (role.countries or country_only(named)):
        return True
    return all(k in role.words for k in named.keys if k not in SMALL)


def country_only(named: Named) -> bool:
    return len(named.keys) == 1 or named.entity_id is not None


def pieces(page: Page, first: int, last: int) -> list[list[tuple[int, int]]]:
    """Ways to read a title as several joined by `and` (`High Representative ... and
    Vice-President of the European Commission`), each piece holding a title word."""
    ands = [i for i in range(first + 1, last) if page.text(i) == "and"]
    out: list[list[tuple[int, int]]] = []
    for n in range(1, min(len(ands), 3) + 1):
        for cut in combinations(ands, n):
            bounds = [first, *cut, last + 1]
            spans = [(bounds[0], bounds[1] - 1)] + [(a + 1, b - 1) for a, b in zip(bounds[1:], bounds[2:])]
            if all(a <= b and any(page.title(t) for t in range(a, b + 1)) for a, b in spans):
                out.append(spans)
    return out
