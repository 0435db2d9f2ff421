"""`quotelint registry draft PATH... [-o FILE]`: registry YAML for what the registry does not know yet.

Two things are drafted from the articles given:

- every speech quotation that matches no registered quote, with its speaker's id where the
  registry knows the speaker (else a new person entry for the name as written), the article's
  date where the article states one, and the file and line it came from;
- every name of two or more capitalised words that stands in several documents and is not
  registered, as a person, organization or term by a guess from its words and context.

No entry has a `source`, and `registry check` refuses a quote without one, so a draft enters the
registry only after somebody has verified each entry and filled it in.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import regex

from quotelint.commands.common import inputs_from, registry_from, settings_from, write_output
from quotelint.context import Context
from quotelint.document import Document
from quotelint.draft.names import NameCandidate, names_in
from quotelint.draft.yamlout import render
from quotelint.registry import Registry

MIN_DOCUMENTS = 2  # a name must stand in this many documents to be drafted
_DATE_LINE = regex.compile(r"\s*+(?:(\d{1,2})\s++(\p{L}++)\.?,?\s++(\d{4})|(\p{L}++)\.?\s++(\d{1,2}),?\s++(\d{4})|(\d{4})-(\d{2})-(\d{2}))\s*+")
DATE_LINES = 60  # how far into an article its date line is looked for


@dataclass
class DraftQuote:
    text: str
    speaker_id: str | None
    speaker_name: str | None  # as written, when the speaker is not registered
    speaker_text: str | None
    dates: set[dt.date] = field(default_factory=set)  # the dates of the articles it stands in
    places: list[tuple[str, int]] = field(default_factory=list)  # (path, line)


@dataclass
class Draft:
    quotes: dict[tuple[str, str], DraftQuote] = field(default_factory=dict)  # (speaker, text) -> quote
    names: dict[str, NameCandidate] = field(default_factory=dict)
    files: int = 0


def run_draft(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    registry = registry_from(args, settings)
    inputs = inputs_from(args, settings)
    draft = Draft()
    for doc in inputs.documents():
        add_document(draft, Context(doc, registry, settings))
    write_output(render(draft_entries(draft, registry), draft.files), args.output)
    return 2 if inputs.problems else 0


def add_document(draft: Draft, ctx: Context) -> None:
    doc = ctx.document
    draft.files += 1
    date = article_date(doc)
    speakers: set[str] = set()
    for q in ctx.quotes:
        if q.kind != "speech" or q.registry_id is not None:
            continue
        text = " ".join(q.text.split())
        if not text:
            continue
        name = None if q.speaker_id else q.speaker
        key = (q.speaker_id or name or "", text)
        entry = draft.quotes.setdefault(key, DraftQuote(text, q.speaker_id, name, q.speaker_text))
        entry.places.append((doc.path, doc.position(doc.source(q.start))[0]))
        if date is not None:
            entry.dates.add(date)
        if name:
            speakers.add(name)
    for candidate in names_in(ctx, speakers):
        known = draft.names.setdefault(candidate.name, candidate)
        if known is not candidate:
            known.merge(candidate)


def article_date(doc: Document) -> dt.date | None:
    """The date of an article: the first line near its top that holds nothing but a date."""
    for number in range(1, min(DATE_LINES, len(doc.line_starts)) + 1):
        m = _DATE_LINE.fullmatch(doc.line_text(number))
        if m is None:
            continue
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            if m.group(7):
                return dt.date(int(m.group(7)), int(m.group(8)), int(m.group(9)))
            return dt.datetime.strptime(f"{int(day)} {month[:3]} {year}", "%d %b %Y").date()
        except ValueError:
            continue
    return None


def draft_entries(draft: Draft, registry: Registry) -> dict[str, list[dict[str, object]]]:
    """The draft as sections of entries, ids assigned, sorted for a stable output."""
    from quotelint.draft.yamlout import unique_id

    taken = set(registry.entities) | {q.id for q in registry.quotes}
    sections: dict[str, list[dict[str, object]]] = defaultdict(list)
    person_ids: dict[str, str] = {}
    fuller = full_names({q.speaker_name for q in draft.quotes.values() if q.speaker_name})
    for quote in draft.quotes.values():
        if quote.speaker_name:
            quote.speaker_name = fuller.get(quote.speaker_name, quote.speaker_name)
    speakers = {q.speaker_name for q in draft.quotes.values() if q.speaker_name}
    for name in sorted(speakers | {n for n, c in draft.names.items() if len(c.documents) >= MIN_DOCUMENTS}):
        candidate = draft.names.get(name) or NameCandidate(name, "person")
        kind = "person" if name in speakers and candidate.kind == "term" else candidate.kind
        person_ids[name] = unique_id(name, taken)
        section = {"person": "people", "organization": "organizations", "term": "terms"}[kind]
        sections[section].append({"id": person_ids[name], "name": name, "notes": candidate.notes()})
    for quote in sorted(draft.quotes.values(), key=lambda q: (min(q.places), q.text)):
        speaker = quote.speaker_id or (person_ids.get(quote.speaker_name) if quote.speaker_name else None)
        said_by = quote.speaker_id or quote.speaker_name or "unknown"
        entry: dict[str, object] = {"id": unique_id(f"{said_by} {' '.join(quote.text.split()[:6])}", taken), "speaker": speaker}
        entry["text"] = quote.text
        entry["date"] = min(quote.dates, default=None)  # the earliest article is the nearest to when it was said
        written = f" (speaker as written: {quote.speaker_text})" if quote.speaker_text else ""
        entry["notes"] = f"draft from {', '.join(f'{p}:{n}' for p, n in sorted(quote.places))}{written}"
        sections["quotes"].append(entry)
    return dict(sections)


def full_names(names: set[str]) -> dict[str, str]:
    """A speaker named by one word (`Guterres`) -> the one fuller name that ends with it
    (`Antonio Guterres`), so that a draft gives one person one entry."""
    out = {}
    for name in names:
        if " " in name:
            continue
        fuller = [n for n in names if n.endswith(" " + name)]
        if len(fuller) == 1:
            out[name] = fuller[0]
    return out
