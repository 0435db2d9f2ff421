"""Finding a rule's words or patterns in a document, and deciding which matches the rule may judge.

`Keys` finds; `View` answers, for one document, whether a match lies in the rule's scope, inside
a name that the registry's own rules already judge, or inside a speech quotation (where a
style rule reports but does not rewrite unless it says `fix_in_quotes: true`).
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import regex

from quotelint.propernames import beside_a_name
from quotelint.records import Value
from quotelint.yamlrules.patterns import Phrase, checked_pattern, compile_pattern, search_all
from quotelint.yamlrules.wordonly import in_words_only

if TYPE_CHECKING:
    from quotelint.context import Context

SCOPES = ("prose", "outside-quotes", "quotes", "speech", "term", "attribution")
# Rule id -> the (pattern, flags, needed text, in words only) of each of its patterns, as
# compiled and checked when the registry cache was written: a rule read again from the cache
# compiles none of them until a document is searched with it, and checks none again (the
# cache's key covers the rule's text and the engine's code). The needed text (needed.py) and
# whether matches lie inside words (wordonly.py) are what the source says, read at load.
Checked = Mapping[str, Sequence[tuple[str, int, str | None, bool]]]


class Match(Value):
    __slots__ = _fields = ("start", "end", "text", "key", "found")
    start: int
    end: int
    text: str
    key: int  # index of the word, phrase or pattern that matched
    found: Any  # for patterns, a regex match object with the match's groups (expanding replacement templates)

    def __init__(self, start: int, end: int, text: str, key: int, found: Any = None) -> None:
        self.start, self.end, self.text, self.key, self.found = start, end, text, key, found


class Keys:
    """The words and phrases, or the patterns, that one rule looks for. `checked`: the patterns
    as compiled and checked before, for each text (see `Checked`)."""

    def __init__(
        self,
        texts: Sequence[str],
        use_regex: bool,
        ignorecase: bool,
        word_bounded: bool = True,
        checked: Sequence[tuple[str, int, str | None, bool]] | None = None,
    ) -> None:
        self.texts = tuple(texts)
        self.ignorecase = ignorecase
        self.patterns: tuple[regex.Pattern[str], ...] = ()
        self.needed: tuple[str | None, ...] = ()  # the text each pattern's matches hold (needed.py)
        self.words_only: tuple[bool, ...] = ()  # each pattern's matches lie inside words (wordonly.py)
        self.phrases: tuple[Phrase, ...] = ()
        self.by_first: dict[str, tuple[int, ...]] = {}
        if use_regex and checked is not None:
            self.patterns = tuple(checked_pattern(p, f) for p, f, _, _ in checked)
            self.needed = tuple(n for _, _, n, _ in checked)
            self.words_only = tuple(w for _, _, _, w in checked)
            return
        if use_regex:
            from quotelint.yamlrules.needed import needed_text

            self.patterns = tuple(compile_pattern(t, ignorecase, word_bounded) for t in self.texts)
            self.needed = tuple(needed_text(t, p.flags) for t, p in zip(self.texts, self.patterns))
            self.words_only = tuple(in_words_only(p, t) for t, p in zip(self.texts, self.patterns))
            return
        self.phrases = tuple(Phrase.parse(t, ignorecase) for t in self.texts)
        by_first: dict[str, list[int]] = {}
        for k, phrase in enumerate(self.phrases):
            by_first.setdefault(phrase.words[0], []).append(k)
        # Longer phrases first, so that `per cent` wins over `per` at the same word.
        self.by_first = {w: tuple(sorted(ks, key=lambda k: -len(self.phrases[k].words))) for w, ks in by_first.items()}
        self.memo_name = "\x1f".join(("phrase starts", *sorted(self.by_first)))  # names its word memo in a run

    def checked(self) -> list[tuple[str, int, str | None, bool]]:
        """The patterns as `Keys(..., checked=...)` takes them again (see `Checked`)."""
        return [(p.pattern, p.flags, n, w) for p, n, w in zip(self.patterns, self.needed, self.words_only)]

    def find(self, ctx: Context, rule_id: str, where: str) -> list[Match]:
        found: list[Match] = []
        if self.patterns:
            for k, pattern in enumerate(self.patterns):
                matches = search_all(pattern, ctx.prose, rule_id, where, self.texts[k], ctx, self.needed[k], self.words_only[k])
                found.extend(Match(start, end, text, k, m) for start, end, text, m in matches)
        elif self.by_first:
            for i, keys in self._starts(ctx):
                for k in keys:
                    span = self.phrases[k].match_at(ctx.prose, ctx.words, i, self.ignorecase)
                    if span is not None:
                        found.append(Match(span[0], span[1], ctx.prose[span[0] : span[1]], k))
                        break
        return _leftmost_longest(found)

    def _starts(self, ctx: Context) -> Iterator[tuple[int, tuple[int, ...]]]:
        """Each token a phrase may start at, with the phrases that begin with its word. Ignoring
        case, the document's words that fold to a first word are told apart by the run's word
        memo (once per distinct word in a run)."""
        positions = ctx.positions
        if not self.ignorecase:
            for first, keys in self.by_first.items():
                for i in positions.get(first, ()):
                    yield i, keys
            return
        by_first = self.by_first
        memo = ctx.registry.names.memo(self.memo_name, lambda text: text.casefold() in by_first)
        for text in memo.select(ctx.distinct):
            keys = by_first[text.casefold()]
            for i in positions[text]:
                yield i, keys

    def lower_case_spelling(self, match: Match) -> bool:
        """The rule spells what matched in lower case: a common word, not a name."""
        if self.patterns:
            return self.patterns[match.key].fullmatch(match.text.lower()) is not None
        return self.texts[match.key][:1].islower()


def _leftmost_longest(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start), m.key))
    out: list[Match] = []
    for m in found:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


class Spans:
    """Disjoint sorted intervals: the union of some spans of the prose."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        starts, ends = (list(column) for column in zip(*spans)) if spans else ([], [])
        if all(map(operator.lt, starts, ends)) and all(map(operator.le, ends, starts[1:])):
            self.starts, self.ends = starts, ends  # in order and apart already (a document's names): tested in C, nothing to merge
            return
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def contains(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and end <= self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start

    def exactly(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, start)
        return i < len(self.starts) and self.starts[i] == start and self.ends[i] == end


_START_END = operator.attrgetter("start", "end")


class View:
    """One document as one rule sees it. Quotations and names are looked at only when asked."""

    def __init__(self, ctx: Context, scope: str, skip_names: bool) -> None:
        self.ctx = ctx
        self.scope = scope
        self.skip_names = skip_names
        # Shared by the rules that view one document: each kind of span is collected once.
        self._spans: dict[str, Spans] = ctx.rule_spans

    def spans(self, what: str) -> Spans:
        if what not in self._spans:
            self._spans[what] = Spans(list(self._collect(what)))
        return self._spans[what]

    def _collect(self, what: str) -> Sequence[tuple[int, int]]:
        if what == "names":
            return list(map(_START_END, self.ctx.mentions))
        quotes = self.ctx.quotes
        if what == "marked":  # quotations with their marks
            return [(q.start - len(q.open_mark), q.end + len(q.close_mark or "")) for q in quotes]
        if what == "attribution":
            return [q.speaker_span for q in quotes if q.speaker_span is not None]
        kinds = {"quotes": ("speech", "term"), "speech": ("speech",), "term": ("term",)}[what]
        return [(q.start, q.end) for q in quotes if q.kind in kinds]

    def in_scope(self, start: int, end: int) -> bool:
        if self.scope == "prose":
            return True
        if self.scope == "outside-quotes":
            return not self.spans("marked").overlaps(start, end)
        return self.spans(self.scope).contains(start, end)

    def in_name(self, match: Match, keys: Keys) -> bool:
        """A common word that is part of a name: of a longer registered one (`Co-operation` in
        `Shanghai Co-operation Organisation`) or of a run of capitalised words. Proper nouns the
        rule itself spells with a capital (`Türkiye` in `Republic of Türkiye`) are judged, and
        so is a match that is a whole registered name; the linter drops the finding if a
        built-in rule reports the same text."""
        if not self.skip_names:
            return False
        # The spans and the case are asked before the rule's own spelling (a pattern matched
        # again): most matches are lower-case words outside every name.
        names = self.spans("names")
        if names.overlaps(match.start, match.end):
            return not names.exactly(match.start, match.end) and keys.lower_case_spelling(match)
        if not match.text[:1].isupper() or not keys.lower_case_spelling(match):
            return False
        ctx = self.ctx
        first = bisect.bisect_right(ctx.word_starts, match.start) - 1
        last = bisect.bisect_left(ctx.word_starts, match.end) - 1
        if first < 0 or last < first:
            return False
        return beside_a_name(ctx.prose, ctx.words, first, last, ctx.registry.words)

    def in_speech(self, start: int, end: int) -> bool:
        return self.spans("speech").overlaps(start, end)
