""""Add to registry draft": a quotation the registry does not know, appended as an entry to the
draft file the settings name (`draft`, default quotelint-draft.yaml beside the settings file).

The entry is what `quotelint registry draft` writes for the quote (quotelint/draft/): its text as
the registry keeps it, its speaker's id when the speaker is registered (else the entry is
commented out until somebody gives one), the article's date and where it was seen, and no
`source`, so that `registry check` refuses it until it is verified. The file keeps everything
already in it; the entry goes at the end of its `quotes:` section, which is added if missing.
"""

from __future__ import annotations

import os
from typing import Any

import regex

from quotelint.context import Context
from quotelint.docdate import article_date
from quotelint.draft import DraftQuote, quote_entry, registry_text
from quotelint.draft.yamlout import HEADER, entry_lines, scalar
from quotelint.errors import UserError
from quotelint.lazyre import lazy

_TOP_KEY = lazy(r"^(?P<key>[A-Za-z_][\w-]*+):", regex.M)
_ID = lazy(r"^\s*+(?:#\s*+)?-?\s*+id:\s*+\"?(?P<id>[^\"\s]++)", regex.M)


def entry_for(ctx: Context, q: Any, taken: set[str]) -> tuple[str, dict[str, object]]:
    """The quote's text as the registry keeps it, and its draft entry."""
    doc = ctx.document
    text = registry_text(q.text)
    date = article_date(doc)
    place = (doc.path, doc.position(doc.source(q.start))[0])
    quote = DraftQuote(text, q.speaker_id, None if q.speaker_id else q.speaker, q.speaker_text, {date} if date else set(), [place])
    return text, quote_entry(quote, q.speaker_id, ctx.registry, taken, unregistered="not in the registry")


def with_entry(existing: str, lines: list[str]) -> str:
    """The draft file's text with the entry's lines at the end of its `quotes:` section."""
    if not existing.strip():
        return HEADER.format(files=1, s="") + "quotes:\n" + "\n".join(lines) + "\n"
    if not existing.endswith("\n"):
        existing += "\n"
    keys = list(_TOP_KEY.finditer(existing))
    at = next((i for i, m in enumerate(keys) if m["key"] == "quotes"), None)
    if at is None:
        return existing + "\nquotes:\n" + "\n".join(lines) + "\n"
    end = keys[at + 1].start() if at + 1 < len(keys) else len(existing)
    head, tail = existing[:end].rstrip("\n") + "\n", existing[end:]
    return head + "\n".join(lines) + "\n" + ("\n" + tail if tail else "")


def add_quote(ctx: Context, q: Any, path: str) -> str:
    """Append the quote's entry to the draft file; return what to tell the user. Raises UserError."""
    from quotelint.writes import save

    try:
        with open(path, encoding="utf-8") as fh:
            existing = fh.read()
    except FileNotFoundError:
        existing = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"cannot read the registry draft: {exc}", path=path) from None
    taken = set(ctx.registry.entities) | {e.id for e in ctx.registry.quotes} | {m["id"] for m in _ID.finditer(existing)}
    text, entry = entry_for(ctx, q, taken)
    if f"text: {scalar(text)}" in existing:
        return f"the registry draft {os.path.basename(path)} holds this quote already"
    save(path, with_entry(existing, entry_lines(entry)).encode("utf-8"), "the registry draft")
    return f"added {entry['id']} to the registry draft {os.path.basename(path)}: give it a source, then move it into the registry"

