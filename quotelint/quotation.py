"""A quotation found in a document: where it stands, what kind it is, who said it, and its status.

Produced by `quotes.find_quotes(ctx)` (spans, kind), completed by attribution (speaker) and
registry matching (registry_id, status). Offsets are prose offsets; `Document.source` maps
them to the file.
"""

from __future__ import annotations

from quotelint.records import Frozen, freeze, thaw


class Quotation(Frozen):
    __slots__ = _fields = (
        "start", "end", "open_mark", "close_mark", "text", "kind", "speaker", "speaker_id", "speaker_text",
        "speaker_span", "registry_id", "status", "nested_in", "continued", "part_of", "attribution",
        "confidence", "referent", "changes",
    )
    start: int  # first character after the opening mark
    end: int  # the closing mark's offset (exclusive end of the text)
    open_mark: str
    close_mark: str | None  # None when the quotation is not closed in its paragraph
    text: str  # what stands between the marks, as written
    kind: str  # speech | term
    speaker: str | None  # the registry's canonical name, else the name as written
    speaker_id: str | None  # registry id when the speaker is registered
    speaker_text: str | None  # the attribution as it stands in the text
    speaker_span: tuple[int, int] | None  # prose offsets of speaker_text
    registry_id: str | None  # the registered quote it matches
    status: str | None  # verified | altered | misattributed | unverified | None for terms
    nested_in: int | None  # index of the enclosing quotation, for nested quotes
    continued: bool  # runs over several paragraphs (opening mark repeated)
    part_of: int | None  # for the later parts of such a quotation, the index of its first part
    attribution: str | None  # how the speaker was found: after, before, cue, later, part, dash, colon, previous, echo, subject
    confidence: str | None  # high | medium | low, with `attribution`: see quotes/confidence.py
    referent: str | None  # the pronoun or description that stood for the speaker: "he", "the legislator"
    changes: tuple[tuple[str, str], ...]  # altered: (as written, as registered) for each difference

    def __init__(
        self,
        start: int,
        end: int,
        open_mark: str,
        close_mark: str | None,
        text: str,
        kind: str = "speech",
        speaker: str | None = None,
        speaker_id: str | None = None,
        speaker_text: str | None = None,
        speaker_span: tuple[int, int] | None = None,
        registry_id: str | None = None,
        status: str | None = None,
        nested_in: int | None = None,
        continued: bool = False,
        part_of: int | None = None,
        attribution: str | None = None,
        confidence: str | None = None,
        referent: str | None = None,
        changes: tuple[tuple[str, str], ...] = (),
    ) -> None:
        thaw(self)
        self.start = start
        self.end = end
        self.open_mark = open_mark
        self.close_mark = close_mark
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speaker_id = speaker_id
        self.speaker_text = speaker_text
        self.speaker_span = speaker_span
        self.registry_id = registry_id
        self.status = status
        self.nested_in = nested_in
        self.continued = continued
        self.part_of = part_of
        self.attribution = attribution
        self.confidence = confidence
        self.referent = referent
        self.changes = changes
        freeze(self)
