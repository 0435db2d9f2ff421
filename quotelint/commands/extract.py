"""`quotelint extract`: every quotation with its kind, its speaker and its registry status.

The quotations are those the rules see (`Context.quotes`); this command only places them in the
file (code-point offsets into the decoded text, marks excluded; line and column of the start)
and hands them to a formatter. Exit code 0, or 2 when a file could not be read.
"""

from __future__ import annotations

import argparse

from quotelint.commands.common import inputs_from, setup, write_output
from quotelint.commands.parallel import job_for, outcomes
from quotelint.context import Context
from quotelint.document import Document, InputError
from quotelint.errors import UserError
from quotelint.linter import Plan
from quotelint.registry import Registry
from quotelint.settings import Settings


def run(args: argparse.Namespace) -> int:
    if args.fail_on is not None:
        raise UserError("extract lists quotations and finds nothing to fail on: --fail-on belongs to check and report")
    settings, registry = setup(args)
    inputs = inputs_from(args, settings, default=".")
    files = list(outcomes(inputs, Plan.make(registry, settings), job_for(args, settings, extract_task)))
    if args.format == "json":
        from quotelint.formatters.quotes_json import render_quotes
    else:
        from quotelint.formatters.quotes_text import render_quotes
    write_output(render_quotes(files), args.output)
    return 2 if inputs.problems else 0


def extract_task(doc: Document, plan: Plan, skipped: list[InputError]) -> list[dict[str, object]]:
    return extract(doc, plan.registry, plan.settings)


def extract(doc: Document, registry: Registry, settings: Settings | None = None) -> list[dict[str, object]]:
    """The document's quotations as the contract's records, in document order."""
    out: list[dict[str, object]] = []
    for q in Context(doc, registry, settings).quotes:
        start, end = doc.source(q.start), doc.source(q.end)
        line, column = doc.position(start)
        text = doc.text[start:end] if doc.offset_map is None else q.text
        record: dict[str, object] = {
            "text": text,
            "start": start,
            "end": end,
            "line": line,
            "column": column,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_text": q.speaker_text,
            "attribution": {"method": q.attribution, "confidence": q.confidence} if q.attribution else None,
            "registry_id": q.registry_id,
            "status": q.status,
        }
        record["marks"] = (q.open_mark, q.close_mark)  # for the text format; not written as JSON
        out.append(record)
    return out
