"""Load registry files and folders into one frozen Registry, or report every problem."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any

from quotelint.errors import RegistryErrors, UserError, close_matches
from quotelint.records import Value
from quotelint.registry import Registry
from quotelint.registry.model import Entity
from quotelint.registry.schema import SECTIONS, Problems
from quotelint.registry.yamlload import Mapping, load_yaml

EXTRA_SECTIONS = ("rules", "lexicon", "extends")
YAML_SUFFIXES = (".yaml", ".yml")


def registry_files(paths: Iterable[str], read: Callable[[str], bytes] | None = None) -> list[str]:
    """The YAML files named, folders expanded to their *.yaml files in name order, each file
    preceded by the files it `extends:` (see packs.py; `read` reads a file's bytes for it)."""
    from quotelint.registry.packs import with_extends

    files: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            names = sorted(n for n in os.listdir(path) if n.endswith(YAML_SUFFIXES) and not n.startswith("."))
            files.extend(os.path.join(path, n) for n in names)
        elif os.path.exists(path):
            files.append(path)
        else:
            raise UserError("registry path does not exist", path=path)
    return with_extends(files, read)


class Sources(Value):
    """What the registry cache reads again when it is loaded (compiled patterns are not data):
    each `rules:` section as ("path:line", value) and each claim as (path, line, entry)."""

    __slots__ = _fields = ("rules", "claims")
    rules: tuple[tuple[str, Any], ...]
    claims: tuple[tuple[str, int, Any], ...]

    def __init__(self, rules: tuple[tuple[str, Any], ...] = (), claims: tuple[tuple[str, int, Any], ...] = ()) -> None:
        self.rules, self.claims = rules, claims


def load_registry(paths: Iterable[str]) -> Registry:
    return read_registry(registry_files(paths))[0]


def read_registry(files: list[str]) -> tuple[Registry, Sources]:
    """The registry in the files, and the sections the cache keeps as parsed YAML."""
    problems = Problems()
    raw_claims: list[tuple[str, int, Any]] = []
    entities: dict[str, Entity] = {}
    quotes: list[Any] = []
    claims: list[Any] = []
    rule_entries: list[tuple[str, Any]] = []
    lexicon_entries: list[tuple[str, Any]] = []
    first_seen: dict[str, str] = {}  # id -> file:line

    def claim_id(entry_id: str, at: str) -> bool:
        if entry_id in first_seen:
            path, _, line = at.rpartition(":")
            problems.add(path, int(line), f"duplicate id {entry_id!r} (first at {first_seen[entry_id]})")
            return False
        first_seen[entry_id] = at
        return True

    for path in files:
        try:
            data = load_yaml(path)
        except UserError as exc:
            problems.errors.append(exc)
            continue
        if data is None:
            continue
        if not isinstance(data, Mapping):
            problems.add(path, 1, "a registry file must be a mapping of sections (people, organizations, ...)")
            continue
        for key, value in data.items():
            line = data.line_of(key)
            if key == "extends":  # already followed by registry_files
                continue
            if key in EXTRA_SECTIONS:
                (rule_entries if key == "rules" else lexicon_entries).append((f"{path}:{line}", value))
                continue
            reader = SECTIONS.get(key)
            if reader is None:
                known = list(SECTIONS) + list(EXTRA_SECTIONS)
                hint = close_matches(str(key), known)
                more = f" (did you mean {hint[0]!r}?)" if hint else f"; known sections: {', '.join(known)}"
                problems.add(path, line, f"unknown key {key!r}{more}")
                continue
            if not isinstance(value, list):
                problems.add(path, line, f"{key} must be a list of entries")
                continue
            for item in value:
                entry = reader(item, path, getattr(item, "line", line), problems)
                if entry is None or not claim_id(entry.id, entry.where):
                    continue
                if isinstance(entry, Entity):
                    entities[entry.id] = entry
                elif key == "quotes":
                    quotes.append(entry)
                else:
                    claims.append(entry)
                    raw_claims.append((path, getattr(item, "line", line), item))

    check_references(entities, quotes, problems)
    check_misspellings(entities, problems)

    from quotelint.lexicon import build_lexicon

    lexicon = None
    try:
        lexicon = build_lexicon(lexicon_entries)
    except RegistryErrors as exc:
        problems.errors.extend(exc.errors)

    rules: tuple[Any, ...] = ()
    if rule_entries:
        from quotelint.yamlrules import compile_rules

        try:
            rules = compile_rules(rule_entries, claim_id)
        except RegistryErrors as exc:
            problems.errors.extend(exc.errors)

    if problems.errors:
        raise RegistryErrors(problems.errors)
    registry = Registry(entities, tuple(quotes), tuple(claims), rules, lexicon, tuple(files))
    return registry, Sources(tuple(rule_entries), tuple(raw_claims))


def read_claims(sources: Sources) -> tuple[Any, ...]:
    """The claims of sections read and checked before (by the cache); each cue is compiled
    when a document first needs it."""
    from quotelint.registry.schema import claim

    problems = Problems()
    claims = tuple(claim(item, path, line, problems, checked_cue=True) for path, line, item in sources.claims)
    if problems.errors or None in claims:
        raise RegistryErrors(problems.errors)
    return claims


def read_rules(sources: Sources, checked: dict[str, Any] | None = None) -> tuple[Any, ...]:
    """The compiled rules of `rules:` sections read before (by the cache), with their patterns
    as they were compiled and checked then (see yamlrules.matching.Checked)."""
    if not sources.rules:
        return ()
    from quotelint.yamlrules import compile_rules

    return compile_rules(list(sources.rules), lambda entry_id, at: True, checked)


def _split(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return path, int(line)


def check_references(entities: dict[str, Entity], quotes: list[Any], problems: Problems) -> None:
    for quote in quotes:
        speaker = entities.get(quote.speaker)
        if speaker is None or speaker.kind == "term":
            hint = close_matches(quote.speaker, entities)
            more = f" (did you mean {hint[0]!r}?)" if hint else ""
            problems.add(*_split(quote.where), f"quote {quote.id!r}: speaker {quote.speaker!r} is no person or organization id{more}")
    for entity in entities.values():
        if entity.parent is None:
            continue
        parent = entities.get(entity.parent)
        if parent is None or parent.kind != "organization":
            problems.add(*_split(entity.where), f"{entity.kind} {entity.id!r}: parent {entity.parent!r} is no organization id")


def check_misspellings(entities: dict[str, Entity], problems: Problems) -> None:
    accepted: dict[str, str] = {}
    for entity in entities.values():
        for form in entity.forms:
            accepted.setdefault(form, entity.id)
    for entity in entities.values():
        for wrong in entity.misspellings:
            owner = accepted.get(wrong)
            if owner is not None:
                whose = "its own" if owner == entity.id else f"{owner!r}'s"
                problems.add(*_split(entity.where), f"{entity.kind} {entity.id!r}: misspelling {wrong!r} is {whose} accepted spelling")
