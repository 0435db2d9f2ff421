"""The corpus report as plain data: built once by `report.build`, read by every renderer.

Nothing here reads files or formats output. Counts are plain ints; the renderers decide how to
show them. Offsets are gone by now: each finding carries its sentence already cut into the text
before the span, the span and the text after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from quotelint.finding import CATEGORIES, Finding, Severity

STATUSES = ("verified", "altered", "misattributed", "unverified")
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The sentence around a span, whitespace collapsed; `…` marks where it was cut short."""

    before: str
    span: str
    after: str

    @property
    def text(self) -> str:
        return self.before + self.span + self.after


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words in a compared quote; `changed` when the other wording lacks it."""

    text: str
    changed: bool = False


@dataclass(frozen=True, slots=True)
class Comparison:
    """A quote as the article gives it beside the registry's wording of it."""

    registry_id: str
    quoted: tuple[Segment, ...]
    registered: tuple[Segment, ...]
    speaker: str | None = None  # the registered speaker's name
    source: str | None = None  # where the registered wording was said or published
    quoted_speaker: str | None = None  # who the article gives the quote to, if anybody

    @property
    def differs(self) -> bool:
        return any(s.changed for s in self.quoted + self.registered)


@dataclass(frozen=True, slots=True)
class Item:
    """One finding shown in its sentence."""

    finding: Finding
    excerpt: Excerpt
    comparison: Comparison | None = None


def attention(item: Item) -> int | None:
    """Where a finding stands among those an editor must look at first: 0 a misattribution,
    1 any other error, 2 an altered quote; None for the rest."""
    f = item.finding
    if f.category == "misattribution":
        return 0
    if f.severity == Severity.ERROR:
        return 1
    return 2 if f.category == "altered-quote" else None


@dataclass(frozen=True, slots=True)
class VerifiedQuote:
    line: int
    column: int
    text: str
    speaker: str | None
    registry_id: str
    source: str | None


@dataclass(frozen=True, slots=True)
class SpeechQuote:
    """What the speaker table needs of one speech quote."""

    speaker: str | None
    status: str


@dataclass(frozen=True)
class FileReport:
    path: str
    words: int
    quotations: int
    items: tuple[Item, ...] = ()
    verified: tuple[VerifiedQuote, ...] = ()
    speech: tuple[SpeechQuote, ...] = ()

    @property
    def findings(self) -> int:
        return len(self.items)

    def count(self, severity: Severity) -> int:
        return sum(1 for item in self.items if item.finding.severity == severity)

    @property
    def badness(self) -> tuple[int, ...]:
        """Sorts worst first: errors outweigh any number of warnings, warnings any number of infos."""
        return (*(self.count(s) for s in SEVERITIES), self.findings)


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    speaker: str | None  # None gathers the speech quotes nobody could be found for
    quotes: int
    verified: int = 0
    altered: int = 0
    misattributed: int = 0
    unverified: int = 0

    @property
    def verified_share(self) -> float:
        return self.verified / self.quotes if self.quotes else 0.0


@dataclass(frozen=True)
class Totals:
    files: int
    words: int
    quotations: int
    speech: dict[str, int]  # every status in STATUSES, in that order
    by_category: dict[str, int]  # every contract category, then any others met
    by_severity: dict[str, int]  # error, warning, info

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    @property
    def speech_quotes(self) -> int:
        return sum(self.speech.values())


@dataclass(frozen=True)
class RunInfo:
    """When the report was made and against which registry, with the registry's size."""

    date: dt.datetime
    registry: tuple[str, ...]  # the registry files or folders, as given
    sizes: tuple[tuple[str, int], ...] = ()  # (people, 52), (organizations, 40), ...


@dataclass(frozen=True)
class Report:
    totals: Totals
    files: tuple[FileReport, ...]  # worst first
    speakers: tuple[SpeakerRow, ...]  # most quoted first
    problems: tuple[tuple[str, str], ...] = ()  # (path, what was wrong) for files not read
    fail_on: Severity = Severity.WARNING
    generator: str = field(default="quotelint")
    run: RunInfo | None = None

    @property
    def failing(self) -> int:
        """Findings at or above --fail-on: the ones that make the exit code 1."""
        return sum(n for s, n in self.totals.by_severity.items() if Severity.parse(s) >= self.fail_on)


def empty_categories() -> dict[str, int]:
    return dict.fromkeys(CATEGORIES, 0)
