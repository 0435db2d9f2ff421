"""A quotation found in a document: where it stands, what kind it is, who said it, and its status.

Produced by `quotes.find_quotes(ctx)` (spans, kind), completed by attribution (speaker) and
registry matching (registry_id, status). Offsets are prose offsets; `Document.source` maps
them to the file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quotation:
    start: int  # first character after the opening mark
    end: int  # the closing mark's offset (exclusive end of the text)
    open_mark: str
    close_mark: str | None  # None when the quotation is not closed in its paragraph
    text: str  # what stands between the marks, as written
    kind: str = "speech"  # speech | term
    speaker: str | None = None  # the registry's canonical name, else the name as written
    speaker_id: str | None = None  # registry id when the speaker is registered
    speaker_text: str | None = None  # the attribution as it stands in the text
    speaker_span: tuple[int, int] | None = None  # prose offsets of speaker_text
    registry_id: str | None = None  # the registered quote it matches
    status: str | None = None  # verified | altered | misattributed | unverified | None for terms
    nested_in: int | None = None  # index of the enclosing quotation, for nested quotes
    continued: bool = False  # runs over several paragraphs (opening mark repeated)
    part_of: int | None = None  # for the later parts of such a quotation, the index of its first part
    attribution: str | None = None  # how the speaker was found: after, before, cue, later, part, dash, colon, previous, echo, subject
    confidence: str | None = None  # high | medium | low, with `attribution`: see quotes/confidence.py
    referent: str | None = None  # the pronoun or description that stood for the speaker: "he", "the legislator"
    changes: tuple[tuple[str, str], ...] = ()  # altered: (as written, as registered) for each difference
