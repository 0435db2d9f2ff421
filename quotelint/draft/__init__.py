"""`quotelint registry draft PATH... [-o FILE]`: registry YAML for what the registry does not know yet.

Two things are drafted from the articles given:

- every speech quotation that matches no registered quote, its text as the registry keeps it
  (without the comma or full stop that closes the quoted span), with its speaker's id where the
  registry knows the speaker (else a new entry for the name as written, a person or an
  organization by a guess; a place or a registered term does not speak, so such a quote is left
  without a speaker), the article's date where the article states one, and the files and lines
  it came from;
- every name of two or more capitalised words that stands in several documents and is not
  registered, as a person, organization or term (places are terms) by a guess from its words
  and context.

Every entry's `notes` say the same two things the same way: what it is, then where it was seen.

No entry has a `source`, and `registry check` refuses a quote without one, so a draft enters the
registry only after somebody has verified each entry and filled it in.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from quotelint.commands.common import inputs_from, registry_from, settings_from, write_output
from quotelint.context import Context
from quotelint.docdate import article_date
from quotelint.draft.names import NameCandidate, draft_note, name_evidence, names_in, placed_words
from quotelint.draft.yamlout import render, unique_id
from quotelint.lazyre import lazy
from quotelint.registry import Entity, Registry

MIN_DOCUMENTS = 2  # a name must stand in this many documents to be drafted
_CLOSING = lazy(r"(?<![.…]|\b\p{Lu})[.,]$")  # not an ellipsis's last dot, nor the one of U.S.
SECTIONS = {"person": "people", "organization": "organizations", "place": "terms", "term": "terms"}


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
    speakers: set[str] = field(default_factory=set)  # unregistered speakers' names as written
    placed: set[str] = field(default_factory=set)  # single words written as places somewhere (in Astana)
    files: int = 0

    def add_name(self, candidate: NameCandidate) -> None:
        known = self.names.setdefault(candidate.name, candidate)
        if known is not candidate:
            known.merge(candidate)


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
    lexicon = ctx.registry.words
    for q in ctx.quotes:
        if q.kind != "speech" or q.registry_id is not None:
            continue
        text = registry_text(q.text)
        if not text:
            continue
        name = None if q.speaker_id else q.speaker
        key = (q.speaker_id or name or "", text)
        entry = draft.quotes.setdefault(key, DraftQuote(text, q.speaker_id, name, q.speaker_text))
        place = (doc.path, doc.position(doc.source(q.start))[0])
        entry.places.append(place)
        if date is not None:
            entry.dates.add(date)
        if name:
            draft.speakers.add(name)
            draft.add_name(NameCandidate(name, {doc.path}, [place], Counter([name_evidence(name.split(), lexicon) or "person"])))
    for candidate in names_in(ctx):
        draft.add_name(candidate)
    draft.placed |= placed_words(ctx)


def registry_text(text: str) -> str:
    """A quotation's text as the registry keeps it: spaces as one, without the comma or full stop
    that only closes the quoted span (`Peace is possible,` -> `Peace is possible`)."""
    return _CLOSING.sub("", " ".join(text.split()))


def draft_entries(draft: Draft, registry: Registry) -> dict[str, list[dict[str, object]]]:
    """The draft as sections of entries, ids assigned, sorted for a stable output."""
    taken = set(registry.entities) | {q.id for q in registry.quotes}
    sections: dict[str, list[dict[str, object]]] = defaultdict(list)
    fuller = full_names(draft.speakers)
    for short, full in fuller.items():
        draft.names[full].merge(draft.names.pop(short))
    for quote in draft.quotes.values():
        quote.speaker_name = fuller.get(quote.speaker_name or "", quote.speaker_name)
    for name in draft.placed & set(draft.names):
        draft.names[name].evidence["place"] += 1
    speakers = {q.speaker_name for q in draft.quotes.values() if q.speaker_name}
    speaker_ids: dict[str, str | None] = {}  # a speaker's name as written -> the id a quote gives, if any
    for name in sorted(speakers | {n for n, c in draft.names.items() if len(c.documents) >= MIN_DOCUMENTS}):
        candidate = draft.names[name]
        known = registered_as(registry, name)
        if known is not None:  # a speaker named as the registry spells a term, or a person the finder left alone
            speaker_ids[name] = known.id if known.kind in ("person", "organization") else None
            continue
        entity_id = unique_id(name, taken)
        speaker_ids[name] = None if candidate.kind == "place" else entity_id  # a place does not speak
        sections[SECTIONS[candidate.kind]].append({"id": entity_id, "name": name, "notes": candidate.notes()})
    for quote in sorted(draft.quotes.values(), key=lambda q: (min(q.places), q.text)):
        speaker = quote.speaker_id or (speaker_ids.get(quote.speaker_name) if quote.speaker_name else None)
        sections["quotes"].append(quote_entry(quote, speaker, registry, taken))
    return dict(sections)


def quote_entry(quote: DraftQuote, speaker: str | None, registry: Registry, taken: set[str], unregistered: str = "a place, a guess") -> dict[str, object]:
    """A drafted quote's registry entry, its id made unique among `taken` (and added to it).
    `unregistered` says what a speaker with a name but no id is (see `quote_note`)."""
    said_by = quote.speaker_id or quote.speaker_name or "unknown"
    entry: dict[str, object] = {"id": unique_id(f"{said_by} {' '.join(quote.text.split()[:6])}", taken), "speaker": speaker}
    entry["text"] = quote.text
    entry["date"] = min(quote.dates, default=None)  # the earliest article is the nearest to when it was said
    entry["notes"] = draft_note(quote_note(quote, speaker, registry, unregistered), quote.places)
    return entry


def quote_note(quote: DraftQuote, speaker: str | None, registry: Registry, unregistered: str = "a place, a guess") -> str:
    """What a drafted quote's notes say about it before where it was seen."""
    if not quote.speaker_text:
        return "quote, no speaker found"
    if speaker is None and quote.speaker_name:
        known = registered_as(registry, quote.speaker_name)
        what = f"the registry's term {known.id}" if known is not None else unregistered
        return f"quote, speaker as written: {quote.speaker_text}, {what}: give who spoke for it"
    return f"quote, speaker as written: {quote.speaker_text}"


def registered_as(registry: Registry, name: str) -> Entity | None:
    """The registered entity that `name` is an accepted spelling of, a person or an organization
    before a term."""
    from quotelint.names import form_tokens

    words = form_tokens(name)
    ids = [i for f in registry.names.by_first.get(words[0], ()) if f.accepted and f.words == words for i in f.entity_ids] if words else []
    rank = {"person": 0, "organization": 1, "term": 2}
    return min((registry.entities[i] for i in ids), key=lambda e: (rank[e.kind], e.id), default=None)


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
