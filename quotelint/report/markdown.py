"""`quotelint report --format markdown`: the report as GitHub-flavoured Markdown.

Meant for a job summary, a pull-request comment or a wiki page. Article text is escaped so that
it shows as written: Markdown punctuation gets a backslash, `<` cannot open a tag, `|` cannot
end a table cell, and a leading `-`, `+`, `=` or `1.` cannot start a list or underline a heading.
Highlighted spans and changed words are `<b>` elements, which GitHub keeps and which, unlike
`**`, work inside a word. A registry source becomes a link only when it is an http(s) URL with
no white space or control character in it, percent-encoded where Markdown would read it
(`labels.web_url`); anything else is shown as escaped text, so it cannot break out of a link.
"""

from __future__ import annotations

from quotelint.finding import Severity
from quotelint.lazyre import lazy
from quotelint.report import labels
from quotelint.report.model import SEVERITIES, STATUSES, Excerpt, FileReport, Item, Report, Segment

_SPECIAL = lazy(r"[\\`*_\[\]<>|~#&!{}$]")
_LIST_START = lazy(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=])")
_SPACE = lazy(r"\s+")
_CONTROL = lazy(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CARET = "‸"  # stands for an empty span: a place where something is missing


def md(text: str) -> str:
    """Text that renders as itself, on one line, in a paragraph or a table cell."""
    text = _SPACE.sub(" ", _CONTROL.sub("", text)).strip()
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    return _LIST_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else "\\" + m[3], text)


def bold(text: str) -> str:
    return f"<b>{md(text) or CARET}</b>"


def link(url: str | None, label: str = "source") -> str:
    safe = labels.web_url(url)
    return f"[{md(label)}](<{safe}>)" if safe else md(url or "")


def table(head: list[str], rows: list[list[str]], numeric_from: int = 1) -> list[str]:
    align = ["---" if i < numeric_from else "---:" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def render(report: Report) -> str:
    t = report.totals
    out = ["# quotelint report", "", md(labels.headline(report))]
    if report.problems:
        out += ["", "## Files not read", ""]
        out += [f"- {md(path)}: {md(message)}" for path, message in report.problems]
    out += ["", "## Totals", ""]
    out += table(
        ["Files", "Words", "Quotations", "Speech quotes", *(s.capitalize() for s in STATUSES)],
        [[labels.number(n) for n in (t.files, t.words, t.quotations, t.speech_quotes, *(t.speech[s] for s in STATUSES))]],
        numeric_from=0,
    )
    out += [""]
    out += table(
        ["Findings", *(severity_head(s) for s in SEVERITIES)],
        [[labels.number(n) for n in (t.findings, *(t.by_severity[str(s)] for s in SEVERITIES))]],
        numeric_from=0,
    )
    out += ["", "### Findings by category", ""]
    out += table(["Category", "Findings"], [[md(c), labels.number(n)] for c, n in t.by_category.items()])
    out += ["", "## Files, worst first", ""]
    out += table(
        ["File", "Words", "Quotations", *(severity_head(s) for s in SEVERITIES)],
        [[md(f.path), labels.number(f.words), labels.number(f.quotations), *(labels.number(f.count(s)) for s in SEVERITIES)] for f in report.files],
    )
    if report.speakers:
        out += ["", "## Speakers", ""]
        out += table(
            ["Speaker", "Quotes", *(s.capitalize() for s in STATUSES), "Verified share"],
            [
                [md(r.speaker or labels.NO_SPEAKER), str(r.quotes), str(r.verified), str(r.altered), str(r.misattributed), str(r.unverified), labels.percent(r.verified_share)]
                for r in report.speakers
            ],
        )
    shown = [f for f in report.files if f.items or f.verified]
    if shown:
        out += ["", "## Findings in context"]
        for f in shown:
            out += ["", *file_section(f)]
    return "\n".join(out) + "\n"


def severity_head(severity: Severity) -> str:
    return f"{labels.ICONS[severity]} {labels.PLURALS[str(severity)].capitalize()}"


def excerpt(e: Excerpt) -> str:
    return md(e.before) + (" " if e.before.endswith(" ") else "") + bold(e.span) + (" " if e.after.startswith(" ") else "") + md(e.after)


def segments(parts: tuple[Segment, ...]) -> str:
    out = []
    for s in parts:
        text = md(s.text)
        out.append(f"<b>{text}</b>" if s.changed else text)
    return " ".join(p for p in out if p)


def file_section(f: FileReport) -> list[str]:
    out = [f"### {md(f.path)}", "", md(f"{labels.plural(f.words, 'word')}, {labels.plural(f.quotations, 'quotation')}: {labels.file_summary(f)}")]
    for n, item in enumerate(f.items, 1):
        out += ["", *finding(n, item)]
    if f.verified:
        out += ["", "#### Verified quotes", ""]
        for q in f.verified:
            who = md(q.speaker or labels.NO_SPEAKER)
            out.append(f"- line {q.line}, {who}: “{md(q.text)}” ({link(q.source) if q.source else 'no source in the registry'})")
    return out


def finding(n: int, item: Item) -> list[str]:
    """A numbered list item; its later paragraphs indented under it."""
    f = item.finding
    pad = " " * (len(str(n)) + 2)
    out = [f"{n}. <b>{labels.severity_label(f.severity)}</b> · `{f.rule}` {md(f.category)} · {labels.position(f.line, f.column)}  "]
    out.append(pad + md(f.message))
    out += ["", f"{pad}> {excerpt(item.excerpt)}"]
    if f.suggestion is not None:
        out += ["", f"{pad}Suggestion: {bold(f.suggestion) if f.suggestion else 'delete it'}"]
    c = item.comparison
    if c is not None:
        said = f" ({md(c.speaker)}{', ' + link(c.source) if c.source else ''})" if c.speaker else ""
        out += ["", f"{pad}Quoted: {segments(c.quoted)}  ", f"{pad}Registered: {segments(c.registered)}{said}"]
    return out
