"""A loaded registry and its indexes as the tables of the registry cache, and read back lazily.

`rows` gives every table of store.py for a registry read from YAML; `read` gives a Registry
whose entities, quotes and indexes are tables of an open cache file, each entry read and
decoded when it is first asked for. The `rules:` and `claims:` sections are kept as parsed YAML
and read again when the cache is opened, with the rules' patterns as they were compiled and
checked (compiled again when a document first needs them); the lexicon is kept as lists, bar its
common words and proper names, tables looked up word by word, as are the engine's word files
(wordfiles.py).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from quotelint import enginedata
from quotelint.lazyattr import cached_attribute
from quotelint.registry import Registry
from quotelint.registry import codec as c
from quotelint.registry import wordfiles
from quotelint.registry.load import Sources, read_claims, read_rules
from quotelint.registry.model import Entity, Role
from quotelint.registry.store import FORMAT, SEP, FlagTable, Rows, Store, Table, Words, joined_key, split_key


def rows(registry: Registry, sources: Sources, key: str) -> dict[str, Iterable[tuple[str, Any]]]:
    from quotelint import knowledge

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
        "patterns": {r.id: r.check.keys.checked() for r in registry.rules if r.check.keys.patterns},
        "claims": [[path, line, c.yaml_data(item)] for path, line, item in sources.claims],
        "engine": {name: enginedata.load(name) for name in enginedata.CACHED},
        "derived": derived_rows(),
        "cue-words": cue_words_rows(registry),
        "word-files": list(knowledge.LOOKED_UP),
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
        "common_words": ((w, True) for w in registry.words.common_words),
        "proper_names": ((w, True) for w in registry.words.proper_names),
        "word_files": wordfiles.rows(),
    }


def derived_rows() -> dict[str, Any]:
    """The data of enginedata.DERIVED, worked out as a run would work it out."""
    from quotelint.checks.title_words import country_rows

    return {"title-countries": country_rows()}


def cue_words_rows(registry: Registry) -> dict[str, Any]:
    """The words each claim's cue needs, worked out as a run would work them out (cuewords.py)."""
    if not registry.claims:
        return {}
    from quotelint.claims.cuewords import words_data

    return words_data(dict.fromkeys(c.cue for c in registry.claims))


def role_key(role: Role) -> str:
    return json.dumps(c.role_data(role), ensure_ascii=False, separators=(",", ":"))


def read(store: Store) -> Registry:
    """The registry of an open cache file (raises BadCache, or RegistryErrors for rules that no
    longer compile). Its indexes and its claims are made from the cache when first asked for,
    so that `quotelint rules` reads only the rules and imports none of the analysis."""
    try:
        enginedata.prime(store.meta("engine"))
        enginedata.prime_derived(store.meta("derived"))
    except ValueError:
        raise c.BadCache("no engine data") from None
    common = Words(FlagTable(store, "common_words", c.flag, lambda r: dict.fromkeys(r.words.common_words, True)))
    proper = Words(FlagTable(store, "proper_names", c.flag, lambda r: dict.fromkeys(r.words.proper_names, True)))
    lexicon = c.lexicon(store.meta("lexicon"), common, proper)
    sources = Sources(
        tuple((c.str_(w), c.yaml_value(v)) for w, v in store.meta("rules")),
        tuple((c.str_(p), c.number(n), c.yaml_value(i)) for p, n, i in store.meta("claims")),
    )
    rules = read_rules(sources, c.checked_patterns(store.meta("patterns")))
    files = c.strs(store.meta("files"))
    sizes = store.meta("sizes")
    if not isinstance(sizes, dict) or not all(isinstance(n, int) for n in sizes.values()):
        raise c.BadCache("no sizes")
    try:
        built = Indexes(store, lexicon, sizes)
    except (TypeError, ValueError):
        raise c.BadCache("no indexes") from None
    quotes = Rows(built.quote_by_id, lambda r: r.quotes)
    claims = Claims(sources, c.cue_words(store.meta("cue-words")))
    enginedata.use_word_files(wordfiles.files(store, c.strs(store.meta("word-files"))))  # the cache read: in use
    return Registry(built.entities, quotes, claims, rules, lexicon, files, built=built)  # type: ignore[arg-type]


class Claims(Sequence[Any]):
    """The registry's claims, read again from their parsed YAML on first use (each cue is
    compiled when a document first needs it), with the words their cues need (`cue_words`,
    handed to claims/cuewords.py then)."""

    def __init__(self, sources: Sources, cue_words: dict[str, frozenset[str] | None]) -> None:
        self.sources, self.cue_words = sources, cue_words

    @cached_attribute
    def claims(self) -> tuple[Any, ...]:
        from quotelint.claims.cuewords import prime

        prime(self.cue_words)
        return read_claims(self.sources)

    def __getitem__(self, i: Any) -> Any:
        return self.claims[i]

    def __len__(self) -> int:
        return len(self.sources.claims)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.claims)

    def __eq__(self, other: object) -> bool:
        return self.claims == (other.claims if isinstance(other, Claims) else other)

    __hash__ = None  # type: ignore[assignment]


class Indexes:
    """A registry's indexes and its quotes by id, as tables of the cache file: what
    `Registry.built` holds. The data is read and checked here; each index is made (and its
    module imported) when first asked for."""

    def __init__(self, store: Store, lexicon: Any, sizes: dict[str, int]) -> None:
        self.store, self.lexicon, self.sizes = store, lexicon, sizes  # sizes: Registry.sizes(), counted when written
        self.entities = self.table("entities", c.entity, lambda r: r.entities)
        self.quote_by_id = self.table("quotes", c.quote, lambda r: r.quote_by_id)
        self.known = c.text_set(store.meta("known"))
        self.longest = c.number(store.meta("longest"))
        role_words, heads, capitalized, forms = store.meta("titles")
        self.title_words = (c.text_set(role_words), c.text_set(heads), c.text_set(capitalized), frozenset(c.text_set(f) for f in forms))

    def table(self, name: str, decode: Any, backup: Any, joined: bool = False) -> Table:
        if joined:
            return Table(self.store, name, decode, backup, joined_key, split_key)
        return Table(self.store, name, decode, backup)

    @cached_attribute
    def names(self) -> Any:
        from quotelint.names import NameIndex

        table, lexicon = self.table, self.lexicon
        by_word = table("by_word", c.forms, lambda r: r.names.by_word)
        return NameIndex(
            self.entities,
            table("by_first", c.forms, lambda r: r.names.by_first),
            self.known,
            table("by_fold", c.text_set, lambda r: r.names.by_fold),
            table("by_deletion", c.text_set, lambda r: r.names.by_deletion),
            table("owners", c.text_set, lambda r: r.names.owners),
            by_word,
            table("preferred", c.str_, lambda r: r.names.preferred, joined=True),
            lexicon,
            anchors=Anchors(by_word, lexicon.common_words),
            entity_words=EntityWords(self.entities),
            longest=self.longest,
        )

    @cached_attribute
    def quotes(self) -> Any:
        from quotelint.quotes.matching import QuoteIndex, cut

        table = self.table
        return QuoteIndex(
            table("quotes", lambda d: cut(c.quote(d).text), lambda r: r.quote_index.entries),  # cut again: cheap
            table("quotes", lambda d: c.quote(d).speaker, lambda r: r.quote_index.speakers),
            table("pairs", c.strs, lambda r: r.quote_index.pairs, joined=True),
            table("by_speaker", c.strs, lambda r: r.quote_index.by_speaker),
            table("family", c.strs, lambda r: r.quote_index.family),
        )

    @cached_attribute
    def titles(self) -> Any:
        from quotelint.checks.title_words import TitleIndex

        store, entities = self.store, self.entities
        holders = HolderTable(store, entities)
        return TitleIndex(
            Table(store, "title_roles", c.role_words, lambda r: r.titles.roles, lambda k: role_key(k) if isinstance(k, Role) else None, lambda k: c.role(json.loads(k))),
            *self.title_words,
            Rows(holders, lambda r: r.titles.holders),  # type: ignore[arg-type]
        )


class HolderTable(Table):
    """The table of who holds which role: read whole (TitleIndex.holders), with the people's
    rows read in one query first, where each was a query of its own."""

    def __init__(self, store: Store, entities: Table) -> None:
        super().__init__(store, "holders", lambda d: (entities[c.str_(d[0])], c.role(d[1])), lambda r: dict(enumerate(r.titles.holders)))
        self.entities = entities

    def read_all(self, raws: list[str]) -> list[Any]:
        data = [json.loads(raw) for raw in raws]
        self.entities.load(d[0] for d in data if isinstance(d, list) and d and isinstance(d[0], str))
        return [self.decode(d) for d in data]


class Anchors:
    """Words that can anchor a name (see NameIndex): a word of a registered name of several
    words that is no ordinary word, looked up in the cache's `by_word` table."""

    def __init__(self, by_word: Mapping[str, Any], common_words: Collection[str]) -> None:
        self.by_word, self.common_words = by_word, common_words

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() not in self.common_words and word in self.by_word

    def load(self, words: Collection[str]) -> None:
        """Read at once the rows that `in` looks up for these words (see store.Table.load)."""
        self.common_words.load({w.lower() for w in words})  # type: ignore[attr-defined]
        self.by_word.load([w for w in words if w.lower() not in self.common_words])  # type: ignore[attr-defined]


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
