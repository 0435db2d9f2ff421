"""What the wrong-title rule knows about titles: the word lists of `data/titles.yaml`, and for
each registered role the words its forms use and the organizations and countries they name.

Words are compared as keys: folded (case, diacritics, apostrophes aside), hyphenated words cut
into their parts (`Secretary-General` is `secretary` and `general`), British spellings made
American (`defence` is `defense`) and spellings of one head made one (`chairwoman` is `chair`).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from quotelint.names import fold, form_tokens, tokens
from quotelint.quotes.roles import title_word_in as is_title_word
from quotelint.quotes.words import quote_words
from quotelint.records import Value

if TYPE_CHECKING:
    from quotelint.lexicon import Lexicon
    from quotelint.registry import Registry
    from quotelint.registry.model import Entity, Role

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "titles.yaml")
CONNECTORS = frozenset({"of", "for", "to", "at", "in", "on"})
SMALL = CONNECTORS | {"the", "a", "an", "and"}


class TitleWords:
    """The word lists of titles.yaml, read once per process (`title_words`) and only read after
    that: a class with slots, whose making costs nothing, rather than a NamedTuple (typing
    compiles each field's annotation of one as its module is imported)."""

    __slots__ = ("generic_heads", "modifiers", "future_markers", "capacity_words", "ordinals", "synonyms", "countries", "longest_country")
    generic_heads: frozenset[str]
    modifiers: frozenset[str]
    future_markers: frozenset[str]
    capacity_words: frozenset[str]
    ordinals: frozenset[str]
    synonyms: dict[str, str]  # key -> the key of the first spelling of its group
    countries: dict[tuple[str, ...], str]  # a country's name or adjective, as keys -> the country
    longest_country: int  # words in the longest of them

    def __init__(self, data: dict[str, Any]) -> None:
        from quotelint import enginedata

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data[key])

        self.generic_heads = words("generic_heads")
        self.modifiers = words("modifiers")
        self.future_markers = words("future_markers")
        self.capacity_words = words("capacity_words")
        self.ordinals = words("ordinals")
        self.synonyms = {str(w).lower(): str(group[0]).lower() for group in data["synonyms"] for w in group}
        cached = enginedata.derived("title-countries")  # as country_rows gave them, when the registry cache was written
        self.countries = country_keys(data) if cached is None else {tuple(keys): country for keys, country in cached}
        self.longest_country = max(len(k) for k in self.countries)


@functools.lru_cache(maxsize=1)
def title_words() -> TitleWords:
    from quotelint import enginedata

    return TitleWords(enginedata.load(os.path.basename(DATA)))


def country_keys(data: dict[str, Any]) -> dict[tuple[str, ...], str]:
    """Each name and adjective of a country in titles.yaml, as keys -> the country."""
    countries: dict[tuple[str, ...], str] = {}
    for country, names in data["countries"].items():
        for name in (country, *names):
            countries[tuple(quote_words().american(p) for w in form_tokens(str(name)) for p in parts(w))] = str(country)
    return countries


def country_rows() -> list[list[Any]]:
    """title_words().countries as the registry cache keeps them (enginedata.DERIVED), in order."""
    return [[list(keys), country] for keys, country in title_words().countries.items()]


def parts(word: str) -> list[str]:
    """The folded parts of a written word: `Secretary-General` -> secretary, general."""
    return [fold(p) for p in word.replace("–", "-").split("-") if fold(p)]


@functools.lru_cache(maxsize=16384)
def key(part: str) -> str:
    """A folded word part as the rule compares it: American spelling, one spelling per head."""
    american = quote_words().american(part)
    return title_words().synonyms.get(american, american)


def phrase_keys(text: str) -> tuple[str, ...]:
    return tuple(key(p) for w in form_tokens(text) for p in parts(w))


def countries_in(keys: tuple[str, ...]) -> set[str]:
    """The countries a run of keys names: `president of the united states` -> United States."""
    tw = title_words()
    out: set[str] = set()
    for i in range(len(keys)):
        for n in range(1, min(tw.longest_country, len(keys) - i) + 1):
            country = tw.countries.get(keys[i : i + n])
            if country is not None:
                out.add(country)
    return out


@functools.lru_cache(maxsize=64)
def head_words(lexicon: Lexicon) -> frozenset[str]:
    """The nouns a title ends on (`Minister` of `Foreign Minister`, `Member` of `Member of
    Parliament`): a title is read from them. `Foreign`, `Prime`, `Parliament` only qualify one."""
    out: set[str] = set()
    for title in lexicon.titles:
        words = form_tokens(title)
        cut = next((i for i, w in enumerate(words) if w.lower() in CONNECTORS), len(words))
        if cut:
            out.update(parts(words[cut - 1]))
    return frozenset(out - {fold(w) for w in lexicon.organization_words})


class RoleWords(Value):
    """One role as the rule compares titles with it."""

    __slots__ = _fields = ("words", "entities", "countries", "heads")
    words: frozenset[str]  # keys of every form, and of every spelling of what the forms name
    entities: frozenset[str]  # ids of the organizations and places the forms name, and their parents
    countries: frozenset[str]
    heads: tuple[frozenset[str], ...]  # each form's head: the title words its first part ends on

    def __init__(self, words: frozenset[str], entities: frozenset[str], countries: frozenset[str], heads: tuple[frozenset[str], ...]) -> None:
        self.words, self.entities, self.countries, self.heads = words, entities, countries, heads


class TitleIndex(Value):
    """What the registry's roles give the wrong-title rule, one per registry (a class with
    slots, not a NamedTuple: typing compiles a NamedTuple's annotations at import)."""

    __slots__ = _fields = ("roles", "role_words", "heads", "capitalized_heads", "forms", "holders")
    roles: dict[Role, RoleWords]
    role_words: frozenset[str]  # keys of every role form in the registry
    heads: frozenset[str]  # the nouns the registry's role titles end on (`Consul`, `Coordinator`)
    capitalized_heads: frozenset[str]  # nouns aliases end on, title words when capitalized (`Holy Father`)
    forms: frozenset[frozenset[str]]  # the keys of each registered role form
    holders: tuple[tuple[Entity, Role], ...]  # every registered role with its holder

    def __init__(
        self,
        roles: dict[Role, RoleWords],
        role_words: frozenset[str],
        heads: frozenset[str],
        capitalized_heads: frozenset[str],
        forms: frozenset[frozenset[str]],
        holders: tuple[tuple[Entity, Role], ...],
    ) -> None:
        self.roles, self.role_words, self.heads, self.capitalized_heads, self.forms, self.holders = roles, role_words, heads, capitalized_heads, forms, holders

    @classmethod
    def build(cls, registry: Registry) -> TitleIndex:
        people = [p for p in registry.entities.values() if p.roles]
        holders = tuple((person, role) for person in people for role in person.roles)
        heads = frozenset(k for _, role in holders for k in last_of_first_part(role.title))
        qw = quote_words()
        small = SMALL | qw.minor_words | qw.prepositions
        plain = frozenset(k for _, role in holders for form in role.forms for k in phrase_keys(form) if k not in small)
        forms = frozenset(frozenset(phrase_keys(form)) - small for _, role in holders for form in role.forms)
        capitalized = frozenset(k for _, role in holders for form in role.aliases for k in capitalized_head(form))
        roles: dict[Role, RoleWords] = {}
        for _, role in holders:
            if role not in roles:
                roles[role] = role_words(role, registry, heads)
        return cls(roles, plain, heads, capitalized, forms, holders)

    def is_title_word(self, word: str, lexicon: Lexicon) -> bool:
        if is_title_word(word, lexicon) or any(key(p) in self.heads for p in parts(word)):
            return True
        return word[:1].isupper() and any(key(p) in self.capitalized_heads for p in parts(word))


def capitalized_head(form: str) -> list[str]:
    """`Father` of `Holy Father`: the noun an alias ends on, when the alias writes it capitalized."""
    words = form_tokens(form)
    cut = next((i for i, w in enumerate(words) if w.lower() in CONNECTORS), len(words))
    return last_of_first_part(form) if cut > 1 and words[cut - 1][:1].isupper() else []


def last_of_first_part(form: str) -> list[str]:
    """`Consul` of `Consul of Kazakhstan in Barcelona`: the noun a title's first part ends on."""
    words = form_tokens(form)
    cut = next((i for i, w in enumerate(words) if w.lower() in CONNECTORS), len(words))
    qw = quote_words()
    last = parts(words[cut - 1]) if cut else []
    return [key(p) for p in last if p not in qw.minor_words and p not in qw.prepositions]


def role_words(role: Role, registry: Registry, registry_heads: frozenset[str]) -> RoleWords:
    lexicon = registry.words
    words: set[str] = set()
    entities: set[str] = set()
    countries: set[str] = set()
    heads: list[frozenset[str]] = []
    for form in role.forms:
        keys = phrase_keys(form)
        words.update(k for k in keys if k not in SMALL)
        countries |= countries_in(keys)
        heads.append(form_head(form, lexicon, registry_heads))
        for entity_id in named_in(form, registry):
            entities.update(ancestry(entity_id, registry.entities))
    for entity_id in entities:
        for spelling in registry.entities[entity_id].forms:
            keys = phrase_keys(spelling)
            words.update(k for k in keys if k not in SMALL)
            countries |= countries_in(keys)
    tw = title_words()
    for (names, country) in tw.countries.items():
        if country in countries and len(names) == 1:
            words.add(names[0])
    return RoleWords(frozenset(words), frozenset(entities), frozenset(countries), tuple(h for h in heads if h))


def form_head(form: str, lexicon: Lexicon, registry_heads: frozenset[str]) -> frozenset[str]:
    """`Prime Minister` of `Prime Minister of Kazakhstan`, `President` of `European Council
    President`: the title words its first part ends on, else the word it ends on."""
    words = form_tokens(form)
    cut = next((i for i, w in enumerate(words) if w.lower() in CONNECTORS), len(words))
    head: list[str] = []
    for word in reversed(words[:cut]):
        if not (is_title_word(word, lexicon) or any(key(p) in registry_heads for p in parts(word))):
            break
        head.extend(key(p) for p in parts(word))
    return frozenset(head) if head else frozenset(last_of_first_part(form))


def named_in(text: str, registry: Registry) -> set[str]:
    """Ids of the organizations and terms (not people) a text names with an accepted spelling."""
    found = registry.names.mentions(text, tokens(text))
    return {i for m in found if m.form.accepted for i in m.form.entity_ids if registry.entities[i].kind != "person"}


def ancestry(entity_id: str, entities: dict[str, Entity]) -> Iterable[str]:
    seen: set[str] = set()
    while entity_id in entities and entity_id not in seen:
        seen.add(entity_id)
        yield entity_id
        entity_id = entities[entity_id].parent or ""
