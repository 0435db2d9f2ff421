"""Rule selectors (`--select`, `ignore`, `per-file-ignores`, ...) checked against the rules of a run.

A selector is a rule id (`QL201`, `house/percent`), an id prefix (`QL2`), a name
(`spelling-drift`), a category, a YAML rule namespace (`house`, `house/`) or `ALL`. One that
matches no rule at all is a typo, and a typo in `--ignore` silently ignores nothing: it is an
error, with the nearest known selector as a hint. The categories are the contract's fixed list,
so a category is known even when no rule of the run has it (`style` without YAML rules).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quotelint.checks import Rule
from quotelint.errors import UserError, close_matches
from quotelint.finding import CATEGORIES
from quotelint.settings import Settings


def is_known(selector: str, rules: Sequence[Rule]) -> bool:
    return selector.strip().upper() == "ALL" or selector.strip() in CATEGORIES or any(r.selected_by(selector) for r in rules)


def known_selectors(rules: Sequence[Rule]) -> list[str]:
    """Every whole selector the rules answer to: ids, names, categories, namespaces, ALL."""
    out = ["ALL", *CATEGORIES]
    for rule in rules:
        out += [rule.id, rule.name]
        if "/" in rule.id:
            out.append(rule.id.split("/", 1)[0])
    return list(dict.fromkeys(out))


def nearest(selector: str, rules: Sequence[Rule]) -> str | None:
    """The known selector closest to a mistyped one (`QL2O1` -> `QL201`), compared without case."""
    known = {s.lower(): s for s in known_selectors(rules)}
    close = close_matches(selector.strip().lower(), known)
    return known[close[0]] if close else None


def unknown_rule(selector: str, rules: Sequence[Rule]) -> str:
    """`unknown rule 'QL2O1' (did you mean 'QL201'?)`, or a pointer to `quotelint rules`."""
    hint = nearest(selector, rules)
    more = f"did you mean {hint!r}?" if hint else "`quotelint rules` lists the rules"
    return f"unknown rule {selector!r} ({more})"


def check_selectors(where: str, selectors: Iterable[str], rules: Sequence[Rule], path: str | None = None, line: int | None = None) -> None:
    """Raise a UserError naming `where` (`--select`, `setting 'ignore'`) for the first unknown selector."""
    for selector in selectors:
        if not is_known(selector, rules):
            raise UserError(f"{where}: {unknown_rule(selector, rules)}", path=path, line=line)


def check_settings(settings: Settings, rules: Sequence[Rule]) -> None:
    """Every selector a settings file gives, checked, with the file and line of its key."""
    per_key: list[tuple[str, str, Iterable[str]]] = [
        ("select", "setting 'select'", settings.select),
        ("extend-select", "setting 'extend-select'", settings.extend_select),
        ("ignore", "setting 'ignore'", settings.ignore),
        ("severity", "setting 'severity'", [s for s, _ in settings.severity]),
    ]
    per_key += [("per-file-ignores", f"setting 'per-file-ignores' ({glob!r})", s) for glob, s in settings.per_file_ignores]
    for key, where, selectors in per_key:
        check_selectors(where, selectors, rules, path=settings.source, line=settings.line_of(key))
