"""The word lists figures are read with (quotelint/data/figures.yaml), loaded and compiled once.

Nothing here is English-specific code: the numbers, units, months, bound words, measures and
event words are data. `figure_data()` returns one `FigureData` per process, which nothing changes.
"""

from __future__ import annotations

import functools
import os
import string
from typing import Any

import regex

from quotelint.claims.rangeread import RangeLink
from quotelint.claims.unitread import CurrencyReader, PatternReader, UnitReader, alternation, unit_reader
from quotelint.lazyre import lazy
from quotelint.records import Value

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "figures.yaml")


class Measure(Value):
    __slots__ = _fields = ("name", "units", "holder")
    name: str
    units: frozenset[str]  # "none" lets a bare number be a value of the measure
    holder: bool  # values differ by who holds them: compare only values with the same holder

    def __init__(self, name: str, units: frozenset[str], holder: bool) -> None:
        self.name, self.units, self.holder = name, units, holder


class FigureData:
    """The figure reader's words and patterns, built from the data once per process (`figure_data`)
    and only read after that. A class with slots rather than a NamedTuple: typing compiles the
    annotation of each field of a NamedTuple as its module is imported, 0.7 ms of every run for
    these 49."""

    __slots__ = (
        "number_words", "hundred", "scales", "scale_abbreviations", "counts", "fractions", "ordinals", "singular_articles", "range_joins",
        "range_link", "complement_words", "ordinal_suffixes", "units", "currency_before", "unit_groups", "plural_endings", "invariable", "not_units",
        "months", "month_names", "weekdays", "forecast_words", "area_words", "earlier_after_figure", "period_words", "year_range", "bounds", "approximate_margin",
        "earlier_markers", "reference_markers", "earlier_words", "measures", "measure_words", "measure_starts", "measure_modifiers", "event_nouns",
        "event_kinds", "clause_words", "relative_words", "year_references", "source_markers", "abbreviations", "unit_after", "scale_after",
        "scale_initials", "currency_prefix", "digit_start", "starters", "starter_initials", "marker_ends",
        "marker_tails",
    )

    number_words: dict[str, float]  # ones and tens
    hundred: dict[str, float]
    scales: dict[str, float]
    scale_abbreviations: dict[str, float]
    counts: dict[str, float]
    fractions: dict[str, int]
    ordinals: frozenset[str]
    singular_articles: frozenset[str]
    range_joins: dict[str, dict[str, Any]]  # join word -> {after: {opener: kind}, alone: kind}
    range_link: RangeLink  # what may stand between the two numbers of a range or change: .read(prose, end)
    complement_words: frozenset[str]
    ordinal_suffixes: frozenset[str]
    units: dict[str, str]  # spelling (lower case) -> unit
    currency_before: dict[str, str]  # spelling as written -> code
    unit_groups: dict[str, str]  # singular counted noun (lower case) -> group
    plural_endings: tuple[tuple[str, str], ...]
    invariable: frozenset[str]
    not_units: frozenset[str]
    months: dict[str, int]
    month_names: tuple[str, ...]  # the months' keys: a test before the date patterns
    weekdays: frozenset[str]
    forecast_words: frozenset[str]
    area_words: frozenset[str]
    earlier_after_figure: frozenset[str]
    period_words: frozenset[str]
    year_range: tuple[int, int]
    bounds: dict[tuple[str, ...], str]  # phrase words -> min | max | approx
    approximate_margin: float
    earlier_markers: frozenset[tuple[str, ...]]
    reference_markers: frozenset[tuple[str, ...]]
    earlier_words: frozenset[str]
    measures: dict[str, Measure]
    measure_words: dict[tuple[str, ...], str]  # words of a measure phrase -> measure name
    measure_starts: frozenset[str]  # the first word of each measure phrase
    measure_modifiers: frozenset[str]
    event_nouns: dict[str, str]  # noun -> family
    event_kinds: dict[str, str]  # modifier -> kind
    clause_words: frozenset[str]
    relative_words: frozenset[str]
    year_references: frozenset[str]
    source_markers: frozenset[tuple[str, ...]]
    abbreviations: frozenset[str]
    # The patterns are compiled when a document first needs them (lazyre.py): a figure-free
    # document compiles none, and a claim's unit, read when the registry's claims are, needs
    # only the tables.
    unit_after: UnitReader | PatternReader  # a unit right after a number: .read(prose, end)
    scale_after: Any  # "million", "billion" after a number
    scale_initials: frozenset[str]  # the scale words' first letters, lower case: a test before scale_after
    currency_prefix: CurrencyReader  # a currency symbol or code right before a number: .read(prose, start)
    digit_start: Any  # a digit that starts a word
    starters: frozenset[str]  # words that can begin a number written out
    starter_initials: frozenset[str]  # their first letters, in either case: a cheap test before the lookup
    marker_ends: frozenset[str]  # the last word of each bound, earlier and reference marker
    marker_tails: tuple[str, ...]  # the same, for `str.endswith`: a test before the searches back

    def __init__(self, data: dict[str, Any]) -> None:
        units: dict[str, str] = {}
        for unit, spellings in data["units"].items():
            for s in spellings:
                units[str(s).lower()] = unit
        before: dict[str, str] = {}
        for code, forms in data["currencies"].items():
            for s in forms.get("after", ()):
                units[str(s).lower()] = code
            for s in forms.get("before", ()):
                before[str(s)] = code
        groups = {str(w).lower(): g for g, words in data["unit_groups"].items() for w in words}
        measures: dict[str, Measure] = {}
        measure_words: dict[tuple[str, ...], str] = {}
        for name, spec in data["measures"].items():
            measures[name] = Measure(name, frozenset(spec["units"]), bool(spec.get("holder", False)))
            for phrase in _phrases(spec["words"]):
                measure_words[phrase] = name
        bounds = {p: kind for kind, items in data["bounds"].items() for p in _phrases(items)}
        earlier, reference = _phrases(data["earlier_markers"]), _phrases(data["reference_markers"])
        events = {str(w).lower(): family for family, words in data["events"].items() for w in words}
        kinds = {str(w).lower(): kind for kind, words in data["event_kinds"].items() for w in words}
        # A unit right after a number: "%", "per cent", "percentage points", "dollars", attached by
        # a hyphen or not ("five-percent"); never the start of a longer word ("5 PCs"). Read
        # without a pattern (unitread.py): that alternation cost 1.3 ms to compile.
        unit_after = unit_reader(list(units))
        joins = {str(k).lower(): v for k, v in data["range_joins"].items()}
        range_link = RangeLink(list(joins))  # read without its pattern where the text is ASCII (rangeread.py)
        scale_after = lazy(r"[ \t\u00a0]{1,2}(?P<scale>" + alternation(list(data["scales"])) + r")(?![\p{L}])", regex.IGNORECASE)
        currency_prefix = CurrencyReader(list(before))  # read without a pattern (unitread.py)
        ones = {**data["ones"], **data["tens"]}
        # A digit where a word may start, as `names.tokens` splits words: not after a letter or
        # digit, nor after an apostrophe or hyphen inside a word (`COVID-19` holds no figure).
        digit_start = lazy(r"(?<![\p{L}\p{M}\p{N}])(?<![\p{L}\p{M}\p{N}]['’\-])\d")
        starters = frozenset(ones) | frozenset(data["hundred"]) | frozenset(data["scales"]) | frozenset(data["counts"])

        self.number_words = {k: float(v) for k, v in ones.items()}
        self.hundred = {k: float(v) for k, v in data["hundred"].items()}
        self.scales = {k: float(v) for k, v in data["scales"].items()}
        self.scale_abbreviations = {k: float(v) for k, v in data["scale_abbreviations"].items()}
        self.counts = {k: float(v) for k, v in data["counts"].items()}
        self.fractions = {k: int(v) for k, v in data["fractions"].items()}
        self.range_joins = joins
        self.range_link = range_link
        self.ordinal_suffixes = frozenset(data["ordinal_suffixes"])
        self.units = units
        self.currency_before = before
        self.unit_groups = groups
        self.plural_endings = tuple(sorted(data["plural_endings"].items(), key=lambda kv: -len(kv[0])))
        self.invariable = frozenset(data["invariable"])
        self.not_units = frozenset(str(w).lower() for w in data["not_units"])
        self.months = {str(k): int(v) for k, v in data["months"].items()}
        self.month_names = tuple(self.months)
        self.year_range = (int(data["years"]["min"]), int(data["years"]["max"]))
        self.bounds = bounds
        self.approximate_margin = float(data["approximate_margin"])
        self.earlier_markers = earlier
        self.earlier_after_figure = frozenset(" ".join(p) for p in _phrases(data["earlier_after_figure"]))
        self.reference_markers = reference
        self.measures = measures
        self.measure_words = measure_words
        self.measure_starts = frozenset(p[0] for p in measure_words)
        self.measure_modifiers = frozenset(str(w).lower() for w in data["measure_modifiers"])
        self.event_nouns = events
        self.event_kinds = kinds
        self.source_markers = _phrases(data["source_markers"])
        self.unit_after = unit_after
        self.scale_after = scale_after
        self.scale_initials = _initials(data["scales"])
        self.currency_prefix = currency_prefix
        self.digit_start = digit_start
        self.starters = starters
        self.starter_initials = frozenset(w[0] for w in starters) | frozenset(w[0].upper() for w in starters)
        self.marker_ends = frozenset(p[-1] for p in [*bounds, *earlier, *reference] if p)
        self.marker_tails = tuple(sorted(self.marker_ends))
        self.ordinals = frozenset(data["ordinals"])
        self.singular_articles = frozenset(data["singular_articles"])
        self.weekdays = frozenset(data["weekdays"])
        self.earlier_words = frozenset(data["earlier_words"])
        self.forecast_words = frozenset(data["forecast_words"])
        self.area_words = frozenset(data["area_words"])
        self.period_words = frozenset(data["period_words"])
        self.clause_words = frozenset(data["clause_words"])
        self.relative_words = frozenset(data["relative_words"])
        self.year_references = frozenset(data["year_references"])
        self.abbreviations = frozenset(data["abbreviations"])
        self.complement_words = frozenset(data["complement_words"])

    def is_year(self, value: float) -> bool:
        return value.is_integer() and self.year_range[0] <= value <= self.year_range[1]

    def singular(self, word: str) -> str:
        """A counted noun's singular, lower case: `TEUs` -> `teu`, `parties` -> `party`."""
        low = word.lower()
        if low in self.invariable or len(low) < 3:
            return low
        for ending, replacement in self.plural_endings:
            if low.endswith(ending) and not low.endswith("ss"):
                return low[: len(low) - len(ending)] + replacement
        return low

    def counted_unit(self, word: str) -> str:
        """The unit a counted noun stands for: its group (`representatives` -> `seats`) or itself."""
        one = self.singular(word)
        return self.unit_groups.get(one, self.unit_groups.get(word.lower(), one))


def _phrases(items: Any) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(p).lower().split()) for p in items)


def _initials(words: Any) -> frozenset[str]:
    """The words' first letters, lower case; every ASCII letter when one of them is beyond ASCII
    (a pattern ignoring case may match such a letter with an ASCII one: `ſ` with `s`)."""
    found = frozenset(str(w)[:1].lower() for w in words)
    return found if all(c.isascii() for c in found) else frozenset(string.ascii_lowercase)




@functools.lru_cache(maxsize=1)
def figure_data() -> FigureData:
    from quotelint import enginedata

    return FigureData(enginedata.load(os.path.basename(DATA)))
