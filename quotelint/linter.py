"""The core: a document, the registry and the settings in; sorted findings out. No I/O here."""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from quotelint.checks import Rule, all_rules
from quotelint.context import Context
from quotelint.document import Document, InputError
from quotelint.errors import RuleTimeout
from quotelint.finding import Finding, Hit
from quotelint.registry import Registry
from quotelint.repeats import merge_repeats, repeat_keys
from quotelint.sections import Part, Section, Split, sections
from quotelint.settings import Settings


class Plan(NamedTuple):
    """The rules of one run, chosen once from the settings."""

    rules: tuple[Rule, ...]
    settings: Settings
    registry: Registry

    @classmethod
    def make(cls, registry: Registry, settings: Settings, extra_select: Sequence[str] = ()) -> Plan:
        every = all_rules(registry)
        select = settings.select + settings.extend_select + tuple(extra_select)
        chosen = tuple(
            r for r in every if any(r.selected_by(s) for s in select) and not any(r.selected_by(s) for s in settings.ignore)
        )
        return cls(chosen, settings, registry)

    def rules_for(self, path: str) -> tuple[Rule, ...]:
        ignored = ignored_for(path, self.settings)
        if not ignored:
            return self.rules
        return tuple(r for r in self.rules if not any(r.selected_by(s) for s in ignored))


def ignored_for(path: str, settings: Settings) -> tuple[str, ...]:
    if not settings.per_file_ignores:
        return ()
    import fnmatch  # here: most projects set no per-file-ignores

    relative = os.path.relpath(os.path.abspath(path), settings.root).replace(os.sep, "/")
    out: list[str] = []
    for pattern, selectors in settings.per_file_ignores:
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(path.replace(os.sep, "/"), pattern):
            out.extend(selectors)
    return tuple(out)


def severity_for(rule: Rule, settings: Settings):  # type: ignore[no-untyped-def]
    for selector, severity in settings.severity:
        if rule.selected_by(selector):
            return severity
    return rule.severity


def to_finding(doc: Document | Part, rule: Rule, hit: Hit, settings: Settings) -> Finding:
    start = doc.source(hit.start)
    end = max(start, doc.source_end(hit.end))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    related = tuple(doc.position(doc.source(s)) for s, _ in hit.related)
    return Finding(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        category=rule.category,
        severity=min(severity_for(rule, settings), hit.severity) if hit.severity is not None else severity_for(rule, settings),
        message=hit.message,
        suggestion=hit.suggestion,
        start=start,
        end=end,
        fixable=hit.fixable and hit.suggestion is not None,
        related=related,
    )


def lint_document(
    doc: Document,
    plan: Plan,
    ctx: Context | None = None,
    merge: bool = True,
    skipped: list[InputError] | None = None,
    split: Split = Split(),
) -> list[Finding]:
    """Lint one document. Pass `ctx` to share its analysis (words, quotations) with the caller.

    A mistake the document repeats is one finding (quotelint/repeats.py); `merge=False` gives one
    finding per place, for steps that judge places (the baseline, --diff-base, --fix), which
    then merge with `repeats.merge_repeats` themselves.

    A rule whose pattern runs out of time on this document raises RuleTimeout; given a
    `skipped` list, the rule is left out for this document instead and the problem added there.

    A document longer than `split.threshold` is analysed by section (quotelint/sections.py),
    unless a context is given.
    """
    rules = plan.rules_for(doc.path)
    if ctx is None and len(doc.prose) > split.threshold:
        findings = by_section(doc, plan, rules, split, skipped)
    else:
        ctx = ctx or Context(doc, plan.registry, plan.settings)
        findings = []
        for rule in rules:
            try:
                hits = list(rule.check(ctx))
            except RuleTimeout as exc:
                if skipped is None:
                    raise
                skipped.append(InputError(exc.skipped(), path=doc.path))
                continue
            findings.extend(to_finding(doc, rule, hit, plan.settings) for hit in hits)
    findings = sorted(set(suppress(doc, once(findings))), key=lambda f: f.sort_key)
    return merge_repeats(findings, repeat_keys(findings, plan, doc)) if merge else findings


def by_section(doc: Document, plan: Plan, rules: tuple[Rule, ...], split: Split, skipped: list[InputError] | None) -> list[Finding]:
    """The findings of a long document, analysed section by section: each section's own hits,
    then the hits of the rules that judge the document from every section's summary."""
    findings: dict[str, list[Finding]] = {r.id: [] for r in rules}
    gathered: dict[str, list[Any]] = {r.id: [] for r in rules if r.gather is not None}
    live = list(rules)
    for section in sections(doc.prose, split):
        with collector_paused():  # a section's words live until its end: no collection walks them meanwhile
            _read_section(Part(doc, section), section, plan, live, findings, gathered, skipped)
    for rule in live:
        if rule.judge is not None:
            findings[rule.id].extend(to_finding(doc, rule, h, plan.settings) for h in rule.judge(gathered[rule.id], doc, plan.registry))
    return [f for rule in live for f in findings[rule.id]]


def _read_section(
    part: Part,
    section: Section,
    plan: Plan,
    live: list[Rule],
    findings: dict[str, list[Finding]],
    gathered: dict[str, list[Any]],
    skipped: list[InputError] | None,
) -> None:
    """One section's own hits and summaries, added to `findings` and `gathered`; a rule that
    runs out of time is taken out of `live`. Its analysis goes when it returns, before the next
    section's is made."""
    ctx = Context(part, plan.registry, plan.settings, own=(section.own_start - section.start, section.own_end - section.start))  # type: ignore[arg-type]
    for rule in tuple(live):
        try:
            if rule.gather is not None:
                gathered[rule.id].append(rule.gather(ctx))
            else:
                found = findings[rule.id]
                found.extend(to_finding(part, rule, h, plan.settings) for h in rule.check(ctx) if ctx.owns(h.start))  # type: ignore[arg-type]
        except RuleTimeout as exc:
            if skipped is None:
                raise
            skipped.append(InputError(exc.skipped(), path=part.path))
            live.remove(rule)
            findings[rule.id] = []


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector held off while one section of a long document is analysed, then run
    on what is young once the section's analysis is gone. A section makes hundreds of thousands
    of objects (a token per word, a frame item per word...) that live until its end and make few
    cycles: the collector, at any threshold, walked them again and again (a tenth of the time of
    a 10 MB file on one line). A collector the caller switched off stays off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect(0)


def once(findings: list[Finding]) -> list[Finding]:
    """No finding twice: a YAML rule's finding on the very text a built-in rule reports is dropped."""
    builtin = {(f.start, f.end) for f in findings if "/" not in f.rule}
    return [f for f in findings if "/" not in f.rule or (f.start, f.end) not in builtin]


def suppress(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Drop findings that inline comments in the document switch off (a document that holds no
    `quotelint:` holds none, and leaves the module that reads them unimported)."""
    if "quotelint:" not in doc.text:
        return list(findings)
    from quotelint import suppressions

    return suppressions.apply(doc, list(findings))


def lint_text(text: str, registry: Registry, settings: Settings | None = None, path: str = "-", kind: str = "text") -> list[Finding]:
    """Lint a string: the entry point for tests and for callers that read files themselves."""
    settings = settings or Settings()
    return lint_document(Document.from_text(text, path, kind), Plan.make(registry, settings))
