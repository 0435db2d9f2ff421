"""Inline suppressions: comments in a document that switch rules off for some of its lines.

Markdown and HTML take HTML comments, anywhere a comment may stand:

    <!-- quotelint: disable=QL201,claim-mismatch -->   rules off from here ...
    <!-- quotelint: enable=QL201 -->                    ... to here (or to the end of the file)
    <!-- quotelint: disable-next-line=QL103 -->         rules off on the next line only
    <!-- quotelint: disable-line -->                    rules off on the comment's own line

Without `=RULES` a directive applies to every rule. reStructuredText takes the same directives
as comments (`.. quotelint: disable-next-line=QL201`) and plain text on a line of their own
(`quotelint: disable-next-line=QL201`). A directive shown as code (a fenced block, an inline
code span, an rST literal block) is an example, not a directive, and does nothing. Rules are
named as `--select` names them: an id (`QL201`, `house/percent`), a category
(`spelling-drift`), an id prefix (`QL2`, `house/`) or `ALL`.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from quotelint.document import Document
from quotelint.finding import Finding
from quotelint.lazyre import lazy

_ACTIONS = r"(?P<action>disable-next-line|disable-line|disable|enable)"
_RULES = r"(?:[ \t]*+=[ \t]*+(?P<rules>[\w/.-]++(?:[ \t]*+,[ \t]*+[\w/.-]++)*+))?"
_COMMENT = lazy(r"<!--\s*+quotelint:[ \t]*+" + _ACTIONS + _RULES + r"\s*+-->")
_BOL, _EOL = r"(?:(?<=[\r\n])|\A)", r"[ \t]*+(?=[\r\n]|\Z)"  # line bounds for LF, CRLF and CR files
_TEXT_LINE = lazy(_BOL + r"[ \t]*+quotelint:[ \t]*+" + _ACTIONS + _RULES + _EOL)
_RST_LINE = lazy(_BOL + r"[ \t]*+\.\.[ \t]++quotelint:[ \t]*+" + _ACTIONS + _RULES + _EOL)
_PATTERNS = {"markdown": _COMMENT, "html": _COMMENT, "rst": _RST_LINE, "text": _TEXT_LINE}


class Directive(NamedTuple):
    action: str  # disable, enable, disable-next-line or disable-line
    rules: tuple[str, ...]  # empty: every rule
    start: int  # text offsets of the directive
    end: int

    def covers(self, rule: str, category: str) -> bool:
        return not self.rules or any(matches(s, rule, category) for s in self.rules)


def matches(selector: str, rule: str, category: str) -> bool:
    """Whether a selector names a finding's rule, as `Rule.selected_by` does for rules."""
    s = selector.strip()
    return (
        s.upper() == "ALL"
        or s == rule
        or s == category
        or (s[:2].upper() == "QL" and rule.startswith(s.upper()))
        or ("/" in rule and rule.startswith(s.rstrip("/") + "/"))
    )


def directives(doc: Document) -> list[Directive]:
    """The directives of a document in order, leaving out those that stand inside code."""
    if "quotelint:" not in doc.text:
        return []
    pattern = _PATTERNS.get(doc.kind, _TEXT_LINE)
    found = [
        Directive(m["action"], tuple(r.strip() for r in (m["rules"] or "").split(",") if r.strip()), m.start(), m.end())
        for m in pattern.finditer(doc.text)
    ]
    if not found or doc.kind == "text":
        return found
    return [d for d, live in zip(found, _outside_code(doc, found)) if live]


def _outside_code(doc: Document, found: list[Directive]) -> list[bool]:
    """For each directive, whether it stands where the format's masking keeps it.

    Each directive is swapped for a unique plain word and the document masked again: a word that
    survives stood in prose or in a comment's place; one that is blanked stood in code. This asks
    the markup module itself rather than repeating its idea of where code is.
    """
    from quotelint import markup

    tokens = [f"quotelintdirective{k:06d}" for k in range(len(found))]
    pieces: list[str] = []
    pos = 0
    for directive, token in zip(found, tokens):
        pieces += [doc.text[pos : directive.start], token]
        pos = directive.end
    pieces.append(doc.text[pos:])
    swapped = "".join(pieces)
    if doc.kind == "markdown":
        prose = markup.mask_markdown(swapped)
    elif doc.kind == "rst":
        prose = markup.mask_rst(swapped)
    else:
        prose = markup.html_prose(swapped)[0]
    return [token in prose for token in tokens]


def apply(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings that no directive of the document switches off."""
    found = directives(doc)
    if not found or not findings:
        return findings
    lines: dict[int, list[Directive]] = {}
    ranged: list[Directive] = []
    for d in found:
        if d.action == "disable-next-line":
            lines.setdefault(doc.position(d.end)[0] + 1, []).append(d)
        elif d.action == "disable-line":
            lines.setdefault(doc.position(d.start)[0], []).append(d)
        else:
            ranged.append(d)
    spans: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    kept = []
    for f in findings:
        if any(d.covers(f.rule, f.category) for d in lines.get(f.line, ())):
            continue
        key = (f.rule, f.category)
        if key not in spans:
            spans[key] = disabled_spans(ranged, *key)
        starts, ends = spans[key]
        i = bisect.bisect_right(starts, f.start) - 1
        if i >= 0 and f.start < ends[i]:
            continue
        kept.append(f)
    return kept


def disabled_spans(ranged: list[Directive], rule: str, category: str) -> tuple[list[int], list[int]]:
    """The text spans, as sorted starts and ends, in which disable/enable switch one rule off."""
    starts: list[int] = []
    ends: list[int] = []
    off_since: int | None = None
    for d in ranged:
        if not d.covers(rule, category):
            continue
        if d.action == "disable" and off_since is None:
            off_since = d.end
        elif d.action == "enable" and off_since is not None:
            starts.append(off_since)
            ends.append(d.start)
            off_since = None
    if off_since is not None:
        starts.append(off_since)
        ends.append(2**62)
    return starts, ends
