"""A loaded registry and its indexes as the tables of the registry cache, and read back lazily.

`rows` gives every table of store.py for a registry read from YAML; `read` gives a Registry
whose entities, quotes and indexes are tables of an open cache file, each entry read and
decoded when it is first asked for. The `rules:` and `claims:` sections are kept as parsed YAML
and read again (their patterns compiled) when the cache is opened; the lexicon is kept as lists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from quotelint.registry import Indexes, Registry
from quotelint.registry import codec as c
from quotelint.registry.load import Sources, read_sources
from quotelint.registry.model import Entity, Role
from quotelint.registry.store import FORMAT, SEP, Rows, Store, Table, joined_key, split_key


def rows(registry: Registry, sources: Sources, key: str) -> dict[str, Iterable[tuple[str, Any]]]:
    names, index, titles = registry.names, registry.quote_index, registry.titles
    meta = {
        "format": FORMAT,
        "key": key,
        "files": list(registry.files),
        "sizes": registry.sizes(),
        "known": sorted(names.known),
        "longest": names.longest,
        "titles": [sorted(titles.role_words), sorted(titles.heads), sorted(titles.capitalized_heads), [sorted(f) for f in titles.forms]],
        "lexicon": c.lexicon_data(registry.words),
        "rules": [[where, c.yaml_data(value)] for where, value in sources.rules],
        "claims": [[path, line, c.yaml_data(item)] for path, line, item in sources.claims],
    }
    return {
        "meta": meta.items(),
        "entities": ((i, c.entity_data(e)) for i, e in registry.entities.items()),
        "quotes": ((q.id, c.quote_data(q)) for q in registry.quotes),
        "by_first": ((w, c.forms_data(f)) for w, f in names.by_first.items()),
        "by_fold": ((w, sorted(v)) for w, v in names.by_fold.items()),
        "by_deletion": ((w, sorted(v)) for w, v in names.by_deletion.items()),
        "owners": ((w, sorted(v)) for w, v in names.owners.items()),
        "by_word": ((w, c.forms_data(f)) for w, f in names.by_word.items()),
        "preferred": ((SEP.join(k), v) for k, v in names.preferred.items()),
        "pairs": ((SEP.join(k), list(v)) for k, v in index.pairs.items()),
        "by_speaker": ((k, list(v)) for k, v in index.by_speaker.items()),
        "family": ((k, list(v)) for k, v in index.family.items()),
        "title_roles": ((role_key(r), c.role_words_data(w)) for r, w in titles.roles.items()),
        "holders": ((str(i), [e.id, c.role_data(r)]) for i, (e, r) in enumerate(titles.holders)),
    }


def role_key(role: Role) -> str:
    return json.dumps(c.role_data(role), ensure_ascii=False, separators=(",", ":"))


def read(store: Store) -> Registry:
    """The registry of an open cache file (raises BadCache, or RegistryErrors for sections
    that no longer compile)."""
    from quotelint.checks.title_words import TitleIndex
    from quotelint.names import NameIndex
    from quotelint.quotes.matching import QuoteIndex, cut

    lexicon = c.lexicon(store.meta("lexicon"))
    sources = Sources(
        tuple((c.str_(w), c.yaml_value(v)) for w, v in store.meta("rules")),
        tuple((c.str_(p), c.number(n), c.yaml_value(i)) for p, n, i in store.meta("claims")),
    )
    claims, rules = read_sources(sources)

    def table(name: str, decode: Any, backup: Any, joined: bool = False) -> Table:
        return Table(store, name, decode, backup, joined_key, split_key) if joined else Table(store, name, decode, backup)

    entities = table("entities", c.entity, lambda r: r.entities)
    by_quote = table("quotes", c.quote, lambda r: r.quote_by_id)
    owners = table("owners", c.text_set, lambda r: r.names.owners)
    by_word = table("by_word", c.forms, lambda r: r.names.by_word)
    names = NameIndex(
        entities,
        table("by_first", c.forms, lambda r: r.names.by_first),
        c.text_set(store.meta("known")),
        table("by_fold", c.text_set, lambda r: r.names.by_fold),
        table("by_deletion", c.text_set, lambda r: r.names.by_deletion),
        owners,
        by_word,
        table("preferred", c.str_, lambda r: r.names.preferred, joined=True),
        lexicon,
        anchors=Anchors(by_word, lexicon.common_words),
        entity_words=EntityWords(entities),
        longest=c.number(store.meta("longest")),
    )
    quote_index = QuoteIndex(
        table("quotes", lambda d: cut(c.quote(d).text), lambda r: r.quote_index.entries),  # cut again: cheap
        table("quotes", lambda d: c.quote(d).speaker, lambda r: r.quote_index.speakers),
        table("pairs", c.strs, lambda r: r.quote_index.pairs, joined=True),
        table("by_speaker", c.strs, lambda r: r.quote_index.by_speaker),
        table("family", c.strs, lambda r: r.quote_index.family),
    )
    role_words, heads, capitalized, forms = store.meta("titles")
    holders = Table(store, "holders", lambda d: (entities[c.str_(d[0])], c.role(d[1])), lambda r: dict(enumerate(r.titles.holders)))
    titles = TitleIndex(
        Table(store, "title_roles", c.role_words, lambda r: r.titles.roles, lambda k: role_key(k) if isinstance(k, Role) else None, lambda k: c.role(json.loads(k))),
        c.text_set(role_words), c.text_set(heads), c.text_set(capitalized), frozenset(c.text_set(f) for f in forms),
        Rows(holders, lambda r: r.titles.holders),  # type: ignore[arg-type]
    )
    files = c.strs(store.meta("files"))
    quotes = Rows(by_quote, lambda r: r.quotes)
    sizes = store.meta("sizes")
    if not isinstance(sizes, dict) or not all(isinstance(n, int) for n in sizes.values()):
        raise c.BadCache("no sizes")
    return Registry(entities, quotes, claims, rules, lexicon, files, built=Indexes(names, quote_index, by_quote, sizes, titles))


class Anchors:
    """Words that can anchor a name (see NameIndex): a word of a registered name of several
    words that is no ordinary word, looked up in the cache's `by_word` table."""

    def __init__(self, by_word: Mapping[str, Any], common_words: frozenset[str]) -> None:
        self.by_word, self.common_words = by_word, common_words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() not in self.common_words and word in self.by_word


class EntityWords(Mapping[str, frozenset[str]]):
    """Entity id -> the words of its accepted spellings, worked out when first asked for."""

    def __init__(self, entities: Mapping[str, Entity]) -> None:
        self.entities = entities
        self.memo: dict[str, frozenset[str]] = {}

    def __getitem__(self, entity_id: str) -> frozenset[str]:
        words = self.memo.get(entity_id)
        if words is None:
            from quotelint.names import form_tokens

            words = frozenset(w for f in self.entities[entity_id].forms for w in form_tokens(f))
            self.memo[entity_id] = words
        return words

    def __iter__(self) -> Iterator[str]:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)
