"""From linted documents to the report model: one `FileReport` per document, then the totals.

`file_report` is called once per document, right after it is linted, so a long run keeps only
the report's small records and never every document's text. `build_report` adds them up.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Sequence

from quotelint.document import Document
from quotelint.finding import Finding, Severity
from quotelint.quotation import Quotation
from quotelint.registry import Registry
from quotelint.registry.model import Quote
from quotelint.report.excerpt import excerpt
from quotelint.report.model import (
    SEVERITIES,
    STATUSES,
    Comparison,
    FileReport,
    Item,
    Report,
    RunInfo,
    SpeakerRow,
    SpeechQuote,
    Totals,
    VerifiedQuote,
    empty_categories,
)
from quotelint.report.worddiff import compare

COMPARED = frozenset({"altered-quote", "misattribution"})  # categories shown beside the registered wording


class QuoteFinder:
    """The quotation a finding is about: the one whose text or attribution its span touches."""

    def __init__(self, doc: Document, quotes: Sequence[Quotation]) -> None:
        spans = []
        for q in quotes:
            spans.append((doc.source(q.start), doc.source(q.end), q))
            if q.speaker_span is not None:
                spans.append((doc.source(q.speaker_span[0]), doc.source(q.speaker_span[1]), q))
        spans.sort(key=lambda s: (s[0], s[1]))
        self._starts = [s[0] for s in spans]
        self._spans = spans

    def find(self, start: int, end: int) -> Quotation | None:
        """The span starting last at or before `end` that reaches `start`: one bisection, a short walk back."""
        i = bisect.bisect_right(self._starts, max(start, end - 1))
        while i > 0:
            i -= 1
            s, e, quote = self._spans[i]
            if e >= start and s <= end:
                return quote
            if e < start and s < start - 2000:  # nothing this far back reaches the finding
                return None
        return None


def file_report(doc: Document, findings: Sequence[Finding], quotes: Sequence[Quotation], registry: Registry, words: int) -> FileReport:
    honorifics = registry.words.honorifics
    registered = registry.quote_by_id
    finder = QuoteFinder(doc, [q for q in quotes if q.registry_id]) if any(f.category in COMPARED for f in findings) else None
    items = []
    for f in findings:
        comparison = None
        if finder is not None and f.category in COMPARED:
            quote = finder.find(f.start, f.end)
            if quote is not None and quote.registry_id in registered:
                comparison = compared(quote, registered[quote.registry_id], registry)
        items.append(Item(f, excerpt(doc, f.start, f.end, honorifics), comparison))
    verified = []
    for q in quotes:
        if q.status == "verified" and q.registry_id:
            line, column = doc.position(doc.source(q.start))
            source = registered[q.registry_id].source if q.registry_id in registered else None
            verified.append(VerifiedQuote(line, column, q.text, q.speaker, q.registry_id, source))
    speech = tuple(SpeechQuote(q.speaker, q.status or "unverified") for q in quotes if q.kind == "speech")
    return FileReport(doc.path, words, len(quotes), tuple(items), tuple(verified), speech)


def compared(quote: Quotation, entry: Quote, registry: Registry) -> Comparison:
    quoted, wording = compare(quote.text, entry.text)
    return Comparison(entry.id, quoted, wording, registry.speaker_name(entry.speaker), entry.source, quote.speaker)


def build_report(
    files: Iterable[FileReport],
    problems: Sequence[tuple[str, str]] = (),
    fail_on: Severity = Severity.WARNING,
    run: RunInfo | None = None,
) -> Report:
    ordered = sorted(files, key=lambda f: (tuple(-n for n in f.badness), f.path))
    speech: Counter[str] = Counter(dict.fromkeys(STATUSES, 0))
    categories = empty_categories()
    severities: Counter[Severity] = Counter()
    for f in ordered:
        speech.update(q.status for q in f.speech)
        for item in f.items:
            categories[item.finding.category] = categories.get(item.finding.category, 0) + 1
            severities[item.finding.severity] += 1
    totals = Totals(
        files=len(ordered),
        words=sum(f.words for f in ordered),
        quotations=sum(f.quotations for f in ordered),
        speech=dict(speech),
        by_category=categories,
        by_severity={str(s): severities[s] for s in SEVERITIES},
    )
    return Report(totals, tuple(ordered), speaker_rows(ordered), tuple(problems), fail_on, run=run)


def speaker_rows(files: Iterable[FileReport]) -> tuple[SpeakerRow, ...]:
    """Speech quotes per speaker, most quoted first; the unattributed ones last."""
    counts: dict[str | None, Counter[str]] = {}
    for f in files:
        for q in f.speech:
            counts.setdefault(q.speaker, Counter())[q.status] += 1
    rows = [
        SpeakerRow(
            speaker,
            sum(c.values()),
            **{s: c[s] for s in STATUSES},
        )
        for speaker, c in counts.items()
    ]
    rows.sort(key=lambda r: (r.speaker is None, -r.quotes, -r.verified, (r.speaker or "").casefold()))
    return tuple(rows)
