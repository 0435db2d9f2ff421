"""What stands at a place in a document: a quotation, or a registered name."""

from __future__ import annotations

from typing import Any

from quotelint.context import Context
from quotelint.names import Mention


def quote_span(ctx: Context, q: Any) -> tuple[int, int]:
    """A quotation's text offsets, its marks included (an unclosed one runs to its text's end)."""
    doc = ctx.document
    start, end = doc.source(q.start), doc.source_end(q.end)
    return max(0, start - 1), end + (1 if q.close_mark else 0)


def quote_at(ctx: Context, offset: int) -> Any | None:
    """The innermost quotation whose span (marks included) holds the text offset."""
    found = None
    for q in ctx.quotes:
        start, end = quote_span(ctx, q)
        if start <= offset < end and (found is None or start >= quote_span(ctx, found)[0]):
            found = q
    return found


def mention_at(ctx: Context, offset: int) -> Mention | None:
    """The registered name (or listed misspelling of one) that the text offset stands in."""
    doc = ctx.document
    for m in ctx.mentions:
        if doc.source(m.start) <= offset < doc.source_end(m.end):
            return m
    return None
