"""`quotelint report --format html`: one self-contained page, no script, no external assets.

Every piece of text that comes from an article, a file name or the registry passes through
`html.escape` on its way in, so `<script>` in an article is shown, never run. Links are made
only for http(s) sources without white space or control characters (`labels.web_url`). Tables
are real tables with `<th scope>`; the page has a banner, a navigation, a main region and a
footer; severity is written out beside its sign and colour.

The page leads with what needs an editor (misattributions and errors, then altered quotes, from
every file: `html_findings.attention_section`), then the totals, the files worst first, the
speakers, and every other finding file by file. The banner says when the report was made and
against which registry, with how many entries of each kind it holds.
"""

from __future__ import annotations

import datetime as dt

from quotelint import __version__
from quotelint.report import labels
from quotelint.report.html_findings import attention_section, e, file_anchor, findings_section, severity_label
from quotelint.report.html_style import CSS
from quotelint.report.model import SEVERITIES, STATUSES, FileReport, Report, RunInfo


def num(n: int, label: str = "") -> str:
    """A figure's cell; `label` names it where narrow screens stack a table's cells."""
    data = f' data-label="{e(label)}"' if label else ""
    return f'<td class="n{" zero" if n == 0 else ""}"{data}>{labels.number(n)}</td>'


def head_row(cells: list[str], numeric_from: int = 1) -> str:
    numeric = ' class="n"'
    ths = "".join(f'<th scope="col"{numeric if i >= numeric_from else ""}>{e(c)}</th>' for i, c in enumerate(cells))
    return f"<thead><tr>{ths}</tr></thead>"


def render(report: Report) -> str:
    t = report.totals
    title = f"quotelint report: {labels.plural(t.files, 'file')}, {labels.plural(t.findings, 'finding')}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="quotelint {e(__version__)}">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style></head>",
        "<body>",
        '<a class="skip" href="#main">Skip to the report</a>',
        f'<header><h1>quotelint report</h1><p class="lede">{e(labels.headline(report))}</p>{run_info(report.run)}</header>',
        '<nav aria-label="Sections"><ul><li><a href="#attention">Needs attention</a></li>'
        '<li><a href="#totals">Totals</a></li><li><a href="#files">Files</a></li>'
        + ('<li><a href="#speakers">Speakers</a></li>' if report.speakers else "")
        + '<li><a href="#findings">Other findings</a></li></ul></nav>',
        '<main id="main">',
        problems(report),
        attention_section(report),
        totals(report),
        files_table(report),
        speakers_table(report),
        findings_section(report),
        "</main>",
        f"<footer><p>Made by quotelint {e(__version__)}. {footer_note(report)}</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def run_info(run: RunInfo | None) -> str:
    """When the report was made, and the registry it was checked against with its size."""
    if run is None:
        return ""
    utc = run.date.astimezone(dt.timezone.utc)
    when = f"{utc.day} {utc:%B %Y, %H:%M} UTC"
    if run.registry:
        sizes = ", ".join(f"{labels.number(n)} {kind}" for kind, n in run.sizes)
        registry = f'{", ".join(f"<code>{e(p)}</code>" for p in run.registry)}{f" ({e(sizes)})" if sizes else ""}'
    else:
        registry = "none, so no quote could be verified"
    return (
        f'<dl class="run"><div><dt>Run</dt><dd><time datetime="{e(utc.isoformat())}">{e(when)}</time></dd></div>'
        f"<div><dt>Registry</dt><dd>{registry}</dd></div></dl>"
    )


def footer_note(report: Report) -> str:
    fail = str(report.fail_on)
    return f"{labels.plural(report.failing, 'finding')} at or above the fail-on level ({e(fail)})."


def problems(report: Report) -> str:
    if not report.problems:
        return ""
    items = "".join(f"<li><code>{e(path)}</code>: {e(message)}</li>" for path, message in report.problems)
    return f'<section aria-labelledby="problems"><h2 id="problems">Files not read</h2><ul>{items}</ul></section>'


def totals(report: Report) -> str:
    t = report.totals
    cards = [("Files", t.files, ""), ("Words", t.words, ""), ("Quotations", t.quotations, ""), ("Speech quotes", t.speech_quotes, "")]
    cards += [("Verified quotes", t.speech["verified"], "")]
    cards += [(severity_label(s, many=True), t.by_severity[str(s)], str(s)) for s in SEVERITIES]
    dl = "".join(f'<div class="{cls}"><dt>{e(name)}</dt><dd>{labels.number(n)}</dd></div>' for name, n, cls in cards)
    speech = "".join(f'<tr><th scope="row">{e(s.capitalize())}</th>{num(t.speech[s])}</tr>' for s in STATUSES)
    cats = "".join(f'<tr><th scope="row">{e(c)}</th>{num(n)}</tr>' for c, n in t.by_category.items())
    return (
        '<section aria-labelledby="totals"><h2 id="totals">Totals</h2>'
        f'<dl class="cards">{dl}</dl><div class="grid">'
        f'<div class="scroll"><table><caption>Speech quotes by status</caption>{head_row(["Status", "Quotes"])}<tbody>{speech}</tbody></table></div>'
        f'<div class="scroll"><table><caption>Findings by category</caption>{head_row(["Category", "Findings"])}<tbody>{cats}</tbody></table></div>'
        "</div></section>"
    )


def bar(f: FileReport, most: int) -> str:
    if not f.findings:
        return ""
    spans = "".join(
        f'<span class="b-{s}" style="width:{100 * f.count(s) / most:.1f}%"></span>' for s in SEVERITIES if f.count(s)
    )
    return f'<span class="bar" aria-hidden="true">{spans}</span>'


def files_table(report: Report) -> str:
    most = max((f.findings for f in report.files), default=0) or 1
    heads = ["File", "Words", "Quotations", *(severity_label(s, many=True) for s in SEVERITIES), "Findings"]
    rows = []
    for i, f in enumerate(report.files):
        name = f'<a href="#{file_anchor(i)}">{e(f.path)}</a>' if f.items or f.verified else e(f.path)
        figures = [f.words, f.quotations, *(f.count(s) for s in SEVERITIES)]
        cells = "".join(num(n, label) for n, label in zip(figures, heads[1:], strict=False))
        total = f'{bar(f, most)}<span class="figure">{labels.number(f.findings)}</span>'
        rows.append(f'<tr><th scope="row">{name}</th>{cells}<td class="n" data-label="Findings">{total}</td></tr>')
    return table_section("files", "Files, worst first", heads, rows)


def table_section(anchor: str, title: str, heads: list[str], rows: list[str]) -> str:
    """A titled section holding one table that stacks into cards on a narrow screen."""
    return (
        f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{title}</h2>'
        f'<div class="scroll"><table class="stack">{head_row(heads)}<tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def speakers_table(report: Report) -> str:
    if not report.speakers:
        return ""
    heads = ["Speaker", "Quotes", *(s.capitalize() for s in STATUSES), "Verified share"]
    rows = []
    for r in report.speakers:
        meter = f'<span class="meter" aria-hidden="true"><span style="width:{r.verified_share * 100:.1f}%"></span></span>'
        figures = (r.quotes, r.verified, r.altered, r.misattributed, r.unverified)
        cells = "".join(num(n, label) for n, label in zip(figures, heads[1:], strict=False))
        share = f'<td class="n" data-label="Verified share">{meter}<span class="figure">{labels.percent(r.verified_share)}</span></td>'
        rows.append(f'<tr><th scope="row">{e(r.speaker or labels.NO_SPEAKER)}</th>{cells}{share}</tr>')
    return table_section("speakers", "Speakers", heads, rows)
