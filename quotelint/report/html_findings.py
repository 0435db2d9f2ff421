"""The findings of the HTML report: what needs an editor first, then the rest file by file.

Every finding is one card: severity, rule, category and position, the message, the sentence with
the span highlighted, the suggestion, and for a quote the registry knows, the article's version
beside the registry's (speaker and words side by side, the differences marked). Text from the
articles and the registry is escaped here as in `html`.
"""

from __future__ import annotations

import html

from quotelint.finding import Severity
from quotelint.report import labels
from quotelint.report.model import Comparison, Excerpt, FileReport, Item, Report, Segment, VerifiedQuote, attention

CARET = "‸"
GROUPS = (  # the attention groups: (title, the attention ranks it holds)
    ("Misattributions and errors", (0, 1)),
    ("Altered quotes", (2,)),
)


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def link(url: str | None, label: str = "source") -> str:
    if not url:
        return "no source in the registry"
    safe = labels.web_url(url)
    if safe is None:
        return e(url)
    return f'<a href="{e(safe)}" rel="noopener noreferrer">{e(label)}</a>'


def severity_label(severity: Severity, many: bool = False) -> str:
    name = labels.PLURALS[str(severity)] if many else str(severity)
    return f"{labels.ICONS[severity]} {name.capitalize()}"


def file_anchor(i: int) -> str:
    return f"file-{i + 1}"


def attention_section(report: Report) -> str:
    """Misattributions and errors, then altered quotes, across every file: the report's lead."""
    ranked = [(rank, i, item) for i, f in enumerate(report.files) for item in f.items if (rank := attention(item)) is not None]
    ranked.sort(key=lambda r: (r[0], r[1], r[2].finding.line, r[2].finding.column))
    out = ['<section aria-labelledby="attention"><h2 id="attention">Needs an editor’s attention</h2>']
    if not ranked:
        out.append("<p>Nothing: no misattribution, no error and no altered quote.</p>")
    else:
        ranks = [r[0] for r in ranked]
        counts = [(ranks.count(0), "misattribution"), (ranks.count(1), "error"), (ranks.count(2), "altered quote")]
        listed = ", ".join(labels.plural(n, word) for n, word in counts)
        out.append(f'<p class="meta">{e(listed)}, from every file, most serious first; the other findings follow the totals.</p>')
    for n, (title, ranks) in enumerate(GROUPS):
        cards = [finding(item, where=(i, report.files[i].path)) for rank, i, item in ranked if rank in ranks]
        if cards:
            out.append(f'<h3 id="attention-{n + 1}">{e(title)} ({labels.number(len(cards))})</h3><ol class="findings">{"".join(cards)}</ol>')
    out.append("</section>")
    return "".join(out)


def findings_section(report: Report) -> str:
    """Every file's other findings in context, then its verified quotes."""
    articles = [file_section(i, f) for i, f in enumerate(report.files) if f.items or f.verified]
    body = "".join(articles) or "<p>Nothing to show: no findings and no verified quotes.</p>"
    return f'<section aria-labelledby="findings"><h2 id="findings">Other findings in context</h2>{body}</section>'


def file_section(i: int, f: FileReport) -> str:
    anchor = file_anchor(i)
    rest = [item for item in f.items if attention(item) is None]
    lead = len(f.items) - len(rest)
    meta = e(f"{labels.plural(f.words, 'word')} · {labels.plural(f.quotations, 'quotation')} · {labels.file_summary(f)}")
    if lead:
        meta += f' · <a href="#attention">{labels.number(lead)} of them above</a>'
    out = [f'<article id="{anchor}" aria-labelledby="{anchor}-h"><h3 id="{anchor}-h">{e(f.path)}</h3><p class="meta">{meta}</p>']
    if rest:
        out.append(f'<ol class="findings">{"".join(finding(item) for item in rest)}</ol>')
    if f.verified:
        out.append(f'<h4>Verified quotes</h4><ul class="verified">{"".join(verified(q) for q in f.verified)}</ul>')
    out.append("</article>")
    return "".join(out)


def verified(q: VerifiedQuote) -> str:
    who = e(q.speaker or labels.NO_SPEAKER)
    return f'<li><span class="pos">line {q.line}</span> <b>{who}</b>: <q>{e(q.text)}</q> ({link(q.source)})</li>'


def highlighted(x: Excerpt) -> str:
    span = e(x.span) if x.span else f'<span aria-label="here">{CARET}</span>'
    return f"{e(x.before)}<mark>{span}</mark>{e(x.after)}"


def segments(parts: tuple[Segment, ...]) -> str:
    return "".join(f'<mark class="diff">{e(s.text)}</mark>' if s.changed else e(s.text) for s in parts)


def finding(item: Item, where: tuple[int, str] | None = None) -> str:
    """One finding's card; `where` (file index, path) names its file, for the cards above the files."""
    f = item.finding
    sev = str(f.severity)
    place = e(labels.position(f.line, f.column))
    if where is not None:
        place = f'<a href="#{file_anchor(where[0])}">{e(where[1])}</a>, {place}'
    out = [
        f'<li class="finding {sev}"><p class="head"><span class="sev">{severity_label(f.severity)}</span>'
        f"<code>{e(f.rule)}</code><span>{e(f.category)}</span>"
        f'<span class="pos">{place}</span></p>',
        f'<p class="msg">{e(f.message)}</p>',
        f'<blockquote class="sentence"><p>{highlighted(item.excerpt)}</p></blockquote>',
    ]
    if f.suggestion is not None:
        fix = f"<ins>{e(f.suggestion)}</ins>" if f.suggestion else "delete it"
        out.append(f'<p class="fix">Suggestion: {fix}</p>')
    if item.comparison is not None:
        out.append(comparison(item.comparison))
    out.append("</li>")
    return "".join(out)


def comparison(c: Comparison) -> str:
    """The article's quote beside the registry's: who says it, then the words, differences marked."""
    said, registered = c.quoted_speaker or labels.NO_SPEAKER, c.speaker or labels.NO_SPEAKER
    if said != registered:
        said, registered = f'<mark class="diff">{e(said)}</mark>', f'<mark class="diff">{e(registered)}</mark>'
    else:
        said, registered = e(said), e(registered)
    sides = ('data-label="In the article"', 'data-label="In the registry"')
    rows = [
        f'<tr><th scope="row">Speaker</th><td {sides[0]}>{said}</td><td {sides[1]}>{registered}</td></tr>',
        f'<tr><th scope="row">Words</th><td {sides[0]}>{segments(c.quoted)}</td><td {sides[1]}>{segments(c.registered)}</td></tr>',
    ]
    if c.source:
        rows.append(f'<tr><th scope="row">Source</th><td colspan="2">{link(c.source, c.source)}</td></tr>')
    head = '<thead><tr><td></td><th scope="col">In the article</th><th scope="col">In the registry</th></tr></thead>'
    return (
        f'<table class="compare"><caption class="pos">Registered as <code>{e(c.registry_id)}</code></caption>'
        f'{head}<tbody>{"".join(rows)}</tbody></table>'
    )
