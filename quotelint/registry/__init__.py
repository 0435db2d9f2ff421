"""The registry: verified quotes, people and their roles, organizations, terms and claims.

Loaded once per run from YAML files (see `load.load_registry`), frozen, and indexed lazily:
the name index and the quote index are built on first use and kept with the registry. A
registry read from the cache (cache.py) comes with its indexes (`built`), and its entities and
quotes are mappings that read each entry from the cache file when it is first asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from quotelint.lazyattr import cached_attribute
from quotelint.records import Frozen, freeze, thaw
from quotelint.registry.model import Claim, Entity, Quote, Role

if TYPE_CHECKING:
    from quotelint.checks.title_words import TitleIndex
    from quotelint.lexicon import Lexicon
    from quotelint.names import NameIndex
    from quotelint.quotes.matching import QuoteIndex
    from quotelint.registry.indexed import Indexes

__all__ = ["Claim", "Entity", "Quote", "Registry", "Role"]


class Registry(Frozen):
    """One run's registry, compared and shown by identity: its entities run to thousands."""

    _fields = ("entities", "quotes", "claims", "rules", "lexicon", "files", "built")
    entities: Mapping[str, Entity]
    quotes: Sequence[Quote]
    claims: tuple[Claim, ...]
    rules: tuple[Any, ...]  # user rules from `rules:` entries, compiled
    lexicon: Lexicon | None
    files: tuple[str, ...]
    built: Indexes | None  # from the registry cache
    __eq__ = object.__eq__
    __hash__ = object.__hash__
    __repr__ = object.__repr__

    def __init__(
        self,
        entities: Mapping[str, Entity] | None = None,
        quotes: Sequence[Quote] = (),
        claims: tuple[Claim, ...] = (),
        rules: tuple[Any, ...] = (),
        lexicon: Lexicon | None = None,
        files: tuple[str, ...] = (),
        built: Indexes | None = None,
    ) -> None:
        entities = {} if entities is None else entities
        thaw(self)
        self.entities = entities
        self.quotes = quotes
        self.claims = claims
        self.rules = rules
        self.lexicon = lexicon
        self.files = files
        self.built = built
        freeze(self)

    @cached_attribute
    def names(self) -> NameIndex:
        if self.built is not None:
            return self.built.names
        from quotelint.names import NameIndex

        return NameIndex.build(self.entities.values(), self.words)

    @cached_attribute
    def words(self) -> Lexicon:
        from quotelint.lexicon import default_lexicon

        return self.lexicon if self.lexicon is not None else default_lexicon()

    @cached_attribute
    def titles(self) -> TitleIndex:
        """Every registered role as the wrong-title rule compares titles with it."""
        if self.built is not None:
            return self.built.titles
        from quotelint.checks.title_words import TitleIndex

        return TitleIndex.build(self)

    @cached_attribute
    def quote_index(self) -> QuoteIndex:
        """The registered quotes indexed for matching (quotelint.quotes.matching)."""
        if self.built is not None:
            return self.built.quotes
        from quotelint.quotes.matching import QuoteIndex

        return QuoteIndex.build(self.quotes, self.entities)

    @cached_attribute
    def quote_by_id(self) -> Mapping[str, Quote]:
        if self.built is not None:
            return self.built.quote_by_id
        return {q.id: q for q in self.quotes}

    def sizes(self) -> dict[str, int]:
        """How many entries of each kind: people, organizations, terms, quotes, claims, rules."""
        if self.built is not None:
            return dict(self.built.sizes)
        kinds = [e.kind for e in self.entities.values()]
        return {
            "people": kinds.count("person"),
            "organizations": kinds.count("organization"),
            "terms": kinds.count("term"),
            "quotes": len(self.quotes),
            "claims": len(self.claims),
            "rules": len(self.rules),
        }

    def speaker_name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id
