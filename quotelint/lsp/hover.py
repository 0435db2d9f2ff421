"""Hover text (Markdown): what quotelint knows about the quotation or the registered name under
the cursor. A quotation: its kind, its speaker as found and how (the attribution method and
confidence, as `quotelint extract --format json` gives them), and the registered quote it matches
(speaker, date, source) or why it matches none. A name: the registered person, organization or
term, with the roles a person held at the document's date."""

from __future__ import annotations

from typing import Any

from quotelint.context import Context
from quotelint.docdate import document_date
from quotelint.lsp.lookup import mention_at, quote_at
from quotelint.registry import Entity, Registry
from quotelint.report.markdown import link, md

STATUS = {
    "verified": "matches the registered quote",
    "altered": "differs in words from the registered quote",
    "misattributed": "is registered as said by somebody else:",
}


def hover_text(ctx: Context, offset: int, notice: str | None = None) -> str | None:
    """The hover for the text offset, or None when nothing quotelint knows stands there."""
    q = quote_at(ctx, offset)
    mention = mention_at(ctx, offset)
    if mention is not None and (q is None or q.speaker_span is not None and _inside(ctx, q.speaker_span, offset)):
        return name_text(ctx, mention)
    if q is not None:
        return quote_text(ctx, q, notice)
    return None


def _inside(ctx: Context, span: tuple[int, int], offset: int) -> bool:
    doc = ctx.document
    return doc.source(span[0]) <= offset < doc.source_end(span[1])


def quote_text(ctx: Context, q: Any, notice: str | None = None) -> str:
    lines = [f"**quotelint**: {'speech' if q.kind == 'speech' else 'a term'} in quotation marks"]
    if q.kind != "speech":
        lines.append("A term, a name or scare quotes, not somebody's words: not checked against registered quotes.")
        return "\n\n".join(lines)
    if q.speaker:
        registered = f" (registry id `{q.speaker_id}`)" if q.speaker_id else " (not in the registry)"
        lines.append(f"Speaker: **{md(q.speaker)}**{registered}, as written: {md(q.speaker_text or q.speaker)}")
        lines.append(f"Found by: `{q.attribution}` attribution, {q.confidence} confidence" if q.attribution else "Found by: no attribution method recorded")
    else:
        lines.append("Speaker: none found")
    lines.append(registry_part(ctx.registry, q, notice))
    return "\n\n".join(lines)


def registry_part(registry: Registry, q: Any, notice: str | None) -> str:
    entry = registry.quote_by_id.get(q.registry_id) if q.registry_id else None
    if entry is None:
        return "Registry: " + why_none(registry, q, notice)
    owner = registry.speaker_name(entry.speaker)
    when = entry.date.isoformat() if entry.date else "date unknown"
    head = f"Registry: `{q.status}`, {STATUS.get(q.status, 'matches')} `{entry.id}`"
    if q.status == "unverified":  # its words are registered, its speaker here is only a guess
        head = f"Registry: `unverified`: the speaker here is a guess with no reporting verb, and its words are registered as `{entry.id}`"
    out = [head, f"> {md(entry.text)}", f"— **{md(owner)}**, {when}, {link(entry.source)}"]
    if q.changes:
        out.append("Changed: " + "; ".join(f"{md(a) or '…'} → {md(b) or '…'}" for a, b in q.changes))
    return "\n\n".join(out)


def why_none(registry: Registry, q: Any, notice: str | None) -> str:
    """Why a speech quotation matches no registered quote."""
    if notice:
        return f"not checked: {notice}"
    if not registry.quotes:
        return "the registry holds no quotes"
    if q.speaker_id is None:
        who = f"{q.speaker} is not in the registry" if q.speaker else "no speaker found"
        return f"`unverified`: {who}, and no registered quote holds these words"
    theirs = sum(1 for e in registry.quotes if e.speaker == q.speaker_id)
    return f"`unverified`: no registered quote holds these words; the registry has {theirs} quote{'s' * (theirs != 1)} of {md(registry.speaker_name(q.speaker_id))}"


def name_text(ctx: Context, mention: Any) -> str:
    form = mention.form
    entities = [ctx.registry.entities[i] for i in form.entity_ids if i in ctx.registry.entities]
    if not form.accepted:
        names = " or ".join(f"**{md(e.name)}**" for e in entities)
        return f"**quotelint**: {md(form.text)} is a listed misspelling of {names}"
    date = document_date(ctx.document, ctx.settings.date if ctx.settings else None)
    return "\n\n---\n\n".join(entity_text(e, date) for e in entities)


def entity_text(e: Entity, date: Any) -> str:
    lines = [f"**{md(e.name)}** ({e.kind}, registry id `{e.id}`)"]
    if e.aliases:
        lines.append("Also written: " + ", ".join(md(a) for a in e.aliases))
    if e.roles:
        if date is None:
            lines.append("Roles (the document gives no date):")
            lines += [f"- {md(r.title)} ({_period(r)})" for r in e.roles]
        else:
            held = [r for r in e.roles if r.held_on(date)]
            lines.append(f"Roles on {date.isoformat()}:" if held else f"No registered role on {date.isoformat()}.")
            lines += [f"- {md(r.title)} ({_period(r)})" for r in held]
    if e.source:
        lines.append(link(e.source))
    return "\n\n".join(lines)


def _period(role: Any) -> str:
    start = role.start.isoformat() if role.start else "…"
    end = role.end.isoformat() if role.end else "…"
    return f"{start} to {end}"
