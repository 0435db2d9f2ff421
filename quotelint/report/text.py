"""`quotelint report --format text`: the report for an 80-column terminal.

Every line fits 80 columns, except a line holding nothing but a link, which is never broken so
that it stays clickable. Highlighted spans and the words a quote changed stand between `»` and
`«`; with colour (on a terminal, never with NO_COLOR) they are shown in reverse video instead,
and severities are coloured as well as named. Control characters and bidirectional controls
from the articles are shown as escapes (`\x1b`, `\u202e`) so that an article cannot drive the
terminal.
"""

from __future__ import annotations

import textwrap

from quotelint.finding import Severity
from quotelint.lazyre import lazy
from quotelint.report import labels
from quotelint.report.model import SEVERITIES, STATUSES, Excerpt, FileReport, Item, Report, Segment
from quotelint.visible import visible

WIDTH = 80
_ON, _OFF = "\x0e", "\x0f"  # highlight marks placed before wrapping, painted after
_SPACE = lazy(r"\s+")
_LINK_LINE = lazy(r" *+\(?https?://\S++")
COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
BOLD, REVERSE, RESET = "\033[1m", "\033[7m", "\033[0m"
QUOTE_SHOWN = 200  # characters of a verified quote shown before it is cut


def clean(text: str) -> str:
    """Article text made safe and single-line for a terminal."""
    return visible(_SPACE.sub(" ", text))


def wrap(text: str, indent: str, hanging: str | None = None) -> list[str]:
    """Lines of at most WIDTH columns; a link too long for a line gets a line of its own, whole."""
    hanging = indent if hanging is None else hanging
    lines = textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=hanging, break_on_hyphens=False, break_long_words=False
    ) or [indent.rstrip()]
    out = []
    for line in lines:
        while len(line) > WIDTH and not _LINK_LINE.fullmatch(line):
            out.append(line[:WIDTH])
            line = hanging + line[WIDTH:]
        out.append(line)
    return out


def marked(segments: tuple[Segment, ...] | Excerpt) -> str:
    if isinstance(segments, Excerpt):
        span = clean(segments.span)
        return clean(segments.before) + (_ON + span + _OFF if span else _ON + " " + _OFF) + clean(segments.after)
    return "".join(_ON + clean(s.text) + _OFF if s.changed else clean(s.text) for s in segments)


class Painter:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def bold(self, text: str) -> str:
        return f"{BOLD}{text}{RESET}" if self.colour else text

    def severity(self, severity: Severity) -> str:
        label = labels.severity_label(severity)
        return f"{COLOURS[severity]}{label}{RESET}" if self.colour else label

    def marks(self, lines: list[str]) -> list[str]:
        """Turn the highlight marks into `»«` or, with colour, reverse video closed at each line end."""
        if not self.colour:
            return [line.replace(_ON, "»").replace(_OFF, "«") for line in lines]
        out, open_ = [], False
        for line in lines:
            body = line.lstrip(" ")
            indent = line[: len(line) - len(body)]
            if open_:
                body = _ON + body
            open_ = body.rfind(_ON) > body.rfind(_OFF)
            body = body.replace(_ON, REVERSE).replace(_OFF, RESET)
            out.append(indent + body + (RESET if open_ else ""))
        return out


def render(report: Report, colour: bool = False) -> str:
    p = Painter(colour)
    lines = [p.bold("quotelint report"), "", *wrap(labels.headline(report), "")]
    if report.problems:
        lines += ["", p.bold("Not read")]
        for path, message in report.problems:
            lines += wrap(clean(f"{path}: {message}"), "  ", "    ")
    lines += ["", p.bold("Totals"), *totals(report)]
    lines += ["", p.bold("Findings by category"), *by_category(report)]
    lines += ["", p.bold("Files, worst first"), *file_table(report)]
    if report.speakers:
        lines += ["", p.bold("Speakers"), *speaker_table(report)]
    for f in report.files:
        if f.items or f.verified:
            lines += ["", *file_section(f, p)]
    return "\n".join(lines) + "\n"


def side_by_side(left: list[tuple[str, int]], right: list[tuple[str, int]]) -> list[str]:
    rows = max(len(left), len(right))
    out = []
    for i in range(rows):
        a = f"{left[i][0]:<26}{left[i][1]:>10,}" if i < len(left) else " " * 36
        b = f"{right[i][0]:<26}{right[i][1]:>10,}" if i < len(right) else ""
        out.append(("  " + a + "    " + b).rstrip())
    return out


def totals(report: Report) -> list[str]:
    t = report.totals
    left = [("files", t.files), ("words", t.words), ("quotations", t.quotations), ("speech quotes", t.speech_quotes)]
    left += [(f"  {status}", t.speech[status]) for status in STATUSES]
    right = [("findings", t.findings)]
    right += [(f"  {labels.severity_label(s)}", t.by_severity[str(s)]) for s in SEVERITIES]
    return side_by_side(left, right)


def by_category(report: Report) -> list[str]:
    items = list(report.totals.by_category.items())
    half = (len(items) + 1) // 2
    return side_by_side(items[:half], items[half:])


def fit(text: str, width: int, keep_end: bool = False) -> str:
    text = clean(text)
    if len(text) <= width:
        return text
    return "…" + text[-(width - 1) :] if keep_end else text[: width - 1] + "…"


def file_table(report: Report) -> list[str]:
    head = f"  {'file':<41} {'words':>7} {'quotes':>6} {'errors':>6} {'warn.':>5} {'info':>4} "
    out = [head.rstrip()]
    for f in report.files:
        counts = [f.count(s) for s in SEVERITIES]
        out.append(
            f"  {fit(f.path, 41, keep_end=True):<41} {f.words:>7,} {f.quotations:>6,}"
            f" {counts[0]:>6} {counts[1]:>5} {counts[2]:>4}"
        )
    return out


def speaker_table(report: Report) -> list[str]:
    out = [f"  {'speaker':<32} {'quotes':>6} {'verif.':>6} {'alter.':>6} {'misatt.':>7} {'unver.':>6} {'share':>5}"]
    for r in report.speakers:
        name = fit(r.speaker or labels.NO_SPEAKER, 32)
        out.append(
            f"  {name:<32} {r.quotes:>6} {r.verified:>6} {r.altered:>6} {r.misattributed:>7}"
            f" {r.unverified:>6} {labels.percent(r.verified_share):>5}"
        )
    return out


def file_section(f: FileReport, p: Painter) -> list[str]:
    lines = [p.bold(line) for line in wrap(clean(f.path), "━━ ", "   ")]
    lines += wrap(f"{labels.plural(f.words, 'word')}, {labels.plural(f.quotations, 'quotation')}: {labels.file_summary(f)}", "   ")
    for item in f.items:
        lines += ["", *finding_lines(item, p)]
    if f.verified:
        lines += ["", "  Verified quotes"]
        for q in f.verified:
            text = q.text if len(q.text) <= QUOTE_SHOWN else q.text[: QUOTE_SHOWN - 1] + "…"
            who = clean(q.speaker or labels.NO_SPEAKER)
            lines += wrap(f"line {q.line}: {who}: “{clean(text)}”", "    ", "      ")
            lines.append(f"      {clean(q.source)}" if q.source else "      (the registry gives no source)")
    return lines


def finding_lines(item: Item, p: Painter) -> list[str]:
    f = item.finding
    head = f"{p.severity(f.severity)} · {f.rule} {f.category} · {labels.position(f.line, f.column)}"
    lines = wrap(head, "  ", "    ")
    lines += wrap(clean(f.message), "    ")
    lines += p.marks(wrap(marked(item.excerpt), "    │ "))
    if f.suggestion is not None:
        lines += wrap(clean(f"Suggestion: {f.suggestion}" if f.suggestion else "Suggestion: delete it"), "    ")
    c = item.comparison
    if c is not None:
        lines += p.marks(wrap(marked(c.quoted), "    Quoted:     ", " " * 16))
        said = f" ({clean(c.speaker)})" if c.speaker else ""
        lines += p.marks(wrap(marked(c.registered) + said, "    Registered: ", " " * 16))
        if c.source:
            source = f"    Source:     {clean(c.source)}"
            lines += [source] if len(source) <= WIDTH else ["    Source:", f"      {clean(c.source)}"]
    return lines
