"""Rules written in YAML (`rules:` in a registry file), compiled once into ordinary `Rule`s.

Three kinds, in the manner of Vale's styles: `substitution` (wrong -> right, fixable),
`existence` (must not appear) and `consistency` (variants of one thing: the first used in a
document wins). Every problem in a rule file is reported with its file and line, all at once.
`compile_rules` is the one entry point; the registry loader calls it with every file's section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from quotelint.checks import Rule
from quotelint.errors import RegistryErrors, close_matches
from quotelint.finding import CATEGORIES, Severity
from quotelint.registry.schema import Problems
from quotelint.registry.yamlload import Mapping
from quotelint.yamlrules.describe import describe, summary_of
from quotelint.yamlrules.kinds import Check, Consistency, Options
from quotelint.yamlrules.matching import SCOPES, Checked
from quotelint.yamlrules.patterns import PatternError
from quotelint.yamlrules.reading import KIND_READERS, check_fixable
from quotelint.yamlrules.values import Invalid, choice, flag, read_examples, severity_of, template, texts

KINDS = {"substitution": "swap", "existence": "tokens", "consistency": "groups"}  # kind -> its list key
COMMON = (
    "id", "kind", "category", "severity", "level", "scope", "message", "description", "link", "examples",
    "regex", "ignorecase", "keep_case", "word_bounded", "fix_in_quotes", "names", "exceptions", "dictionary",
)  # fmt: skip
PLACEHOLDERS = {"substitution": {"match", "suggestion"}, "existence": {"match"}, "consistency": {"match", "suggestion", "first"}}
MESSAGES = {
    "substitution": "Write '{suggestion}', not '{match}'",
    "existence": "Avoid '{match}'",
    "consistency": "'{match}' here, but '{first}' earlier in this document",
}
ONLY_WITH_REPLACEMENTS = ("keep_case", "fix_in_quotes", "dictionary")
ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


def namespaced(rule_id: str) -> bool:
    """`namespace/name` (or deeper): parts of ASCII letters, digits, `.`, `_` and `-`. Checked
    without a pattern, as every run reads the rules again from the registry cache."""
    parts = rule_id.split("/")
    return len(parts) >= 2 and all(part and ID_CHARS.issuperset(part) for part in parts)


def compile_rules(entries: list[tuple[str, Any]], claim_id: Callable[[str, str], bool], checked: Checked | None = None) -> tuple[Rule, ...]:
    """Rules from each file's `rules:` section, given as ("path:line", value) pairs; `checked`:
    their patterns as compiled and checked when the registry cache was written."""
    problems = Problems()
    rules: list[Rule] = []
    for where, value in entries:
        path, _, line = where.rpartition(":")
        if not isinstance(value, list):
            problems.add(path, int(line), "rules must be a list of rules")
            continue
        for item in value:
            rule = RuleReader(item, path, getattr(item, "line", int(line)), problems, checked).read(claim_id)
            if rule is not None:
                rules.append(rule)
    if problems.errors:
        raise RegistryErrors(problems.errors)
    return tuple(rules)


class RuleReader:
    """Reads one rule entry, noting each problem against the line of the key it concerns."""

    def __init__(self, item: Any, path: str, line: int, problems: Problems, checked: Checked | None = None) -> None:
        self.item, self.path, self.line, self.problems, self.checked = item, path, line, problems, checked
        self.ok = True
        self.name = "rule without an id"

    def bad(self, key: str | None, message: str) -> None:
        line = self.item.line_of(key) if key is not None and isinstance(self.item, Mapping) else self.line
        self.problems.add(self.path, line, f"{self.name}: {message}")
        self.ok = False

    def get(self, key: str, read: Callable[[Any], Any], default: Any = None) -> Any:
        if self.item.get(key) is None:
            return default
        try:
            return read(self.item[key])
        except (Invalid, PatternError) as exc:
            self.bad(key, f"{key!r} {exc}" if isinstance(exc, Invalid) else str(exc))
            return default

    def read(self, claim_id: Callable[[str, str], bool]) -> Rule | None:
        item = self.item
        if not isinstance(item, Mapping):
            self.bad(None, "each rule must be a mapping with at least `id` and `kind`")
            return None
        rid = item.get("id")
        if isinstance(rid, str):
            self.name = f"rule {rid!r}"
        kind = item.get("kind")
        for key in ("id", "kind"):
            if item.get(key) is None:
                self.bad(None, f"lacks required key {key!r}")
        if kind is not None and kind not in KINDS:
            self.bad("kind", f"unknown kind {kind!r}; use {', '.join(KINDS)}")
            kind = None
        self.check_keys(kind)
        if isinstance(rid, str) and not namespaced(rid):
            self.bad("id", f"id {rid!r} must be namespace/name (letters, digits, '.', '_' and '-')")
        elif rid is not None and not isinstance(rid, str):
            self.bad("id", "id must be text")
        if not self.ok or kind is None:
            return None
        if not claim_id(rid, f"{self.path}:{item.line}"):
            return None
        rule = self.build(rid, kind)
        return rule if self.ok else None

    def check_keys(self, kind: str | None) -> None:
        allowed = set(COMMON) | ({KINDS[kind]} if kind else set(KINDS.values()))
        for key in self.item:
            if key not in allowed:
                close = close_matches(str(key), sorted(allowed))
                hint = f" (did you mean {close[0]!r}?)" if close else f"; {kind or 'a'} rule takes {', '.join(sorted(allowed))}"
                self.bad(key, f"unknown key {key!r}{hint}")
        if kind and self.item.get(KINDS[kind]) is None:
            self.bad(None, f"a {kind} rule needs {KINDS[kind]!r}")
        if kind == "existence":
            for key in ONLY_WITH_REPLACEMENTS:
                if key in self.item:
                    self.bad(key, f"{key!r} applies to substitution and consistency rules only")
        if "severity" in self.item and "level" in self.item:
            self.bad("level", "give `severity` or `level`, not both")

    def build(self, rid: str, kind: str) -> Rule:
        use_regex = self.get("regex", flag, False)
        ignorecase = self.get("ignorecase", flag, False)
        bounded = self.get("word_bounded", flag, True)
        message = self.get("message", lambda v: template(v, PLACEHOLDERS[kind]), MESSAGES[kind])
        options = Options(
            rule_id=rid,
            where=f"{self.path}:{self.item.line}",
            message=message,
            scope=self.get("scope", lambda v: choice(v, SCOPES), "prose"),
            ignorecase=ignorecase,
            keep_case=self.get("keep_case", flag, False),
            fix_in_quotes=self.get("fix_in_quotes", flag, False),
            skip_names=self.get("names", lambda v: choice(v, ("skip", "check")), "skip") == "skip",
            dictionary=self.get("dictionary", flag, False),
            exceptions=frozenset(w.casefold() if ignorecase else w for w in self.get("exceptions", texts, ())),
        )
        key = KINDS[kind]
        patterns = self.checked.get(rid) if self.checked is not None else None
        check: Check | None = self.get(key, lambda v: KIND_READERS[kind](v, options, use_regex, bounded, patterns))
        severity = self.get("severity", severity_of) or self.get("level", severity_of) or Severity.WARNING
        examples = self.get("examples", read_examples, {})
        if check is not None and "{suggestion}" in message and not check_fixable(check):
            self.bad("message", "'{suggestion}' needs a replacement for every variant (`replace:`)")
        return Rule(
            id=rid,
            name=rid.replace("/", "-"),
            category=self.get("category", lambda v: choice(v, CATEGORIES), "style"),
            severity=severity,
            summary=summary_of(self.item, kind),
            check=check,  # type: ignore[arg-type]
            doc=describe(self.item, kind, options),
            fail=examples.get("fail", ()),
            passing=examples.get("pass", ()),
            fixable=check_fixable(check) if check is not None else False,
            gather=check.gather if isinstance(check, Consistency) else None,
            judge=check.judge if isinstance(check, Consistency) else None,
        )
