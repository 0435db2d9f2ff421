"""Reading each kind's own key (`swap`, `tokens`, `groups`) into its compiled check.

`checked` gives a rule's patterns as compiled and checked when the registry cache was written
(see `matching.Checked`): they are taken as they are, neither checked nor compiled again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from quotelint.lazyre import lazy
from quotelint.registry.yamlload import Mapping
from quotelint.yamlrules.kinds import Check, Consistency, Existence, Options, Substitution
from quotelint.yamlrules.matching import Keys
from quotelint.yamlrules.patterns import PatternError
from quotelint.yamlrules.values import Invalid, text, texts

_TEMPLATE_REF = lazy(r"\\g<(\w+)>|\\(\d{1,2})")


def check_fixable(check: Check) -> bool:
    if isinstance(check, Substitution):
        return True
    if isinstance(check, Consistency):
        return all(t is not None for t in check.templates)
    return False


def template_refs_ok(pattern: regex.Pattern[str], replacement: str) -> None:
    for m in _TEMPLATE_REF.finditer(replacement):
        ref = m.group(1) or m.group(2)
        known = ref in pattern.groupindex or (ref.isdigit() and int(ref) <= pattern.groups)
        if not known:
            raise PatternError(f"replacement '{replacement}' refers to group {ref!r}, which pattern '{pattern.pattern}' lacks")


def read_swap(value: Any, options: Options, use_regex: bool, bounded: bool, checked: Sequence[tuple[str, int]] | None = None) -> Substitution:
    if not isinstance(value, Mapping) or not value:
        raise Invalid("must map each wrong spelling to its right one")
    wrong = [text(k) for k in value]
    right = [text(v) for v in value.values()]
    for w, r in zip(wrong, right):
        if w == r:
            raise Invalid(f"maps {w!r} to itself")
    if not use_regex:
        chained = set(wrong) & set(right)
        if chained:
            raise Invalid(f"{sorted(chained)[0]!r} is both a wrong and a right spelling")
    keys = Keys(wrong, use_regex, options.ignorecase, bounded, checked)
    for pattern, replacement in zip(keys.patterns if checked is None else (), right):
        template_refs_ok(pattern, replacement)
    return Substitution(options, keys, right)


def read_tokens(value: Any, options: Options, use_regex: bool, bounded: bool, checked: Sequence[tuple[str, int]] | None = None) -> Existence:
    return Existence(options, Keys(texts(value), use_regex, options.ignorecase, bounded, checked))


def read_groups(value: Any, options: Options, use_regex: bool, bounded: bool, checked: Sequence[tuple[str, int]] | None = None) -> Consistency:
    if not isinstance(value, list) or not value:
        raise Invalid("must be a list of groups, each a list of two or more variants")
    sources: list[str] = []
    templates: list[str | None] = []
    groups: list[int] = []
    for g, group in enumerate(value):
        if not isinstance(group, list) or len(group) < 2:
            raise Invalid(f"group {g + 1} must be a list of two or more variants")
        for variant in group:
            source, replacement = variant_of(variant, use_regex)
            sources.append(source)
            templates.append(replacement)
            groups.append(g)
    seen: set[str] = set()
    for source in sources:
        folded = source.casefold() if options.ignorecase else source
        if folded in seen:
            raise Invalid(f"lists the variant {source!r} twice")
        seen.add(folded)
    keys = Keys(sources, use_regex, options.ignorecase, bounded, checked)
    for k, pattern in enumerate(keys.patterns if checked is None else ()):
        for other, replacement in enumerate(templates):
            if replacement is not None and groups[other] == groups[k]:
                template_refs_ok(pattern, replacement)
    if options.dictionary and any(t is None for t in templates):
        raise Invalid("with `dictionary: true` every variant needs `replace:`")
    return Consistency(options, keys, groups, templates)


def variant_of(variant: Any, use_regex: bool) -> tuple[str, str | None]:
    """A variant's text (word or pattern) and the template that writes another variant its way."""
    if isinstance(variant, Mapping):
        if not use_regex:
            raise Invalid("variants are plain words unless `regex: true`")
        unknown = set(variant) - {"pattern", "replace"}
        if unknown or "pattern" not in variant:
            raise Invalid("a pattern variant is a mapping with `pattern` and optionally `replace`")
        replace = variant.get("replace")
        return text(variant["pattern"]), None if replace is None else text(replace)
    source = text(variant)
    return source, None if use_regex else source


KIND_READERS = {"substitution": read_swap, "existence": read_tokens, "consistency": read_groups}
