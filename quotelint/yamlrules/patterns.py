"""What a YAML rule looks for: plain words and phrases, or patterns; compiled once at load.

Words and phrases are matched through the document's tokens (a lookup per key, however long
the list), so they are always whole words: `co-operation` does not match inside
`non-co-operation`, and `cent` not inside `percent`. Patterns are `regex` expressions, checked
at load for shapes that backtrack without end and run under a time limit at lint time.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from quotelint.errors import RuleTimeout
from quotelint.lazyre import Checked, lazy
from quotelint.names import END, START, TEXT, tokens
from quotelint.records import Value
from quotelint.yamlrules.wordonly import Found, in_words_only, search_words

if TYPE_CHECKING:
    from quotelint.context import Context

SECONDS_PER_MB = 1.0  # time a pattern may take per million characters of prose...
MIN_SECONDS = 1.0  # ...and at least this long on a short document


class PatternError(ValueError):
    """A pattern that does not compile, can match empty text, or may backtrack without end."""


def shown(source: str, width: int = 80) -> str:
    """A pattern as a message quotes it: a long one cut short."""
    return source if len(source) <= width else source[: width - 1] + "…"


def compile_pattern(source: str, ignorecase: bool, word_bounded: bool) -> regex.Pattern[str]:
    from quotelint.yamlrules import backtrack

    too_big = backtrack.too_big(source)  # before `regex` parses it, recursing once per group
    if too_big:
        raise PatternError(f"pattern '{shown(source)}' {too_big}")
    try:
        compiled = regex.compile(source, flags=regex.I if ignorecase else 0)
    except (regex.error, ValueError, OverflowError) as exc:
        raise PatternError(f"pattern '{shown(source)}' does not compile: {exc}") from None
    if compiled.fullmatch(""):
        raise PatternError(f"pattern '{shown(source)}' matches empty text")
    reason = backtrack.problem(source)
    if reason:
        raise PatternError(f"pattern '{shown(source)}': {reason}")
    if word_bounded:
        # `\b` is the same as `(?<!\w)` before a word character, and much faster to search from.
        before = r"\b" if backtrack.starts_with_word(source) else r"(?<!\w)"
        compiled = regex.compile(rf"{before}(?:{source})(?!\w)", flags=compiled.flags)
    return compiled


def checked_pattern(pattern: str, flags: int) -> regex.Pattern[str]:
    """A pattern `compile_pattern` gave before (its `pattern` and `flags`, as the registry cache
    keeps them), compiled when a document first searches with it (not when its `pattern` or
    `flags` are read)."""
    return Checked("regex", pattern, flags)  # type: ignore[return-value]


def search_all(
    pattern: regex.Pattern[str],
    text: str,
    rule_id: str,
    where: str,
    source: str | None = None,
    ctx: Context | None = None,
    needed: str | None = None,
    words_only: bool | None = None,
) -> list[Found]:
    """Every match of a user's pattern (`source` as the rule writes it) in `text`, the prose of
    `ctx` when given, or a RuleTimeout naming the rule when it runs out of time. A pattern that
    matches letters and digits alone (`words_only`, else asked of the source) is searched in the
    words that can hold a match (wordonly.py); a text without the `needed` text of every match
    (needed.py) is not searched, and the pattern is not compiled for it. Each match is given as
    its start, end and text, with a match object that holds its groups (`Found`)."""
    limit = max(MIN_SECONDS, len(text) / 1e6 * SECONDS_PER_MB)
    try:
        if ctx is not None and source is not None and (in_words_only(pattern, source) if words_only is None else words_only):
            found = search_words(ctx, pattern, limit, needed)
            if found is not None:
                return found
        if needed is not None and not (_holds_near_words(ctx, needed, pattern.flags) if ctx is not None else _holds(text, needed, pattern.flags)):
            return []
        return [(m.start(), m.end(), m.group(), m) for m in pattern.finditer(text, timeout=limit)]
    except TimeoutError:
        path, _, line = where.rpartition(":")
        raise RuleTimeout(
            rule_id, shown(source or pattern.pattern), limit, path=path or None, line=int(line) if line.isdigit() else None
        ) from None


def _holds(text: str, needed: str, flags: int) -> bool:
    from quotelint.yamlrules.needed import fold

    return needed in (fold(text) if flags & regex.I else text)


def _holds_near_words(ctx: Context, needed: str, flags: int) -> bool:
    """`_holds` for the prose of `ctx`, which a pattern that ignores case would fold whole (a
    third of a millisecond an article). Its longest run of letters and digits, when two or more,
    lies in one word of the document wherever it stands (each character that folds to an ASCII
    letter or digit is a letter or a digit, and tokens take every run of them but a possessive's
    `s`): only around the words that hold that run (asked once per distinct word in a run) is
    the prose folded and searched."""
    from quotelint.yamlrules.needed import fold

    run = _longest_run(needed)
    if not flags & regex.I or len(run) < 2:
        return _holds(ctx.prose, needed, flags)
    prose, words, positions, n = ctx.prose, ctx.words, ctx.positions, len(needed)
    for text in ctx.registry.names.memo(f"folded run {run}", lambda word: run in fold(word)).select(ctx.distinct):
        for i in positions[text]:
            if needed in fold(prose[max(0, words[i][START] - n) : words[i][END] + n]):
                return True
    return False


@functools.lru_cache(maxsize=256)
def _longest_run(needed: str) -> str:
    """The longest run of ASCII letters and digits in a needed text (lower case: it ignores case)."""
    return max(_ALNUM_RUN.findall(needed), key=len, default="")


_ALNUM_RUN = lazy(r"[a-z0-9]+")


class Phrase(Value):
    """A word or phrase as the rule writes it, split like document text is split into tokens."""

    __slots__ = _fields = ("text", "words", "gaps", "lead", "tail")
    text: str
    words: tuple[str, ...]  # casefolded when the rule ignores case
    gaps: tuple[str, ...]  # what stands between consecutive words in the rule's text
    lead: str  # text before the first word (`'` in `'til`) and after the last (`.` in `U.S.`)
    tail: str

    def __init__(self, text: str, words: tuple[str, ...], gaps: tuple[str, ...], lead: str, tail: str) -> None:
        self.text, self.words, self.gaps, self.lead, self.tail = text, words, gaps, lead, tail

    @classmethod
    def parse(cls, text: str, ignorecase: bool) -> Phrase:
        found = tokens(text)
        if not found:
            raise PatternError(f"{text!r} holds no word; write it as a pattern with `regex: true`")
        norm = str.casefold if ignorecase else str
        gaps = tuple(text[a[END] : b[START]] for a, b in zip(found, found[1:]))
        return cls(text, tuple(norm(t[TEXT]) for t in found), gaps, text[: found[0][START]], text[found[-1][END] :])

    def match_at(self, prose: str, words: list, i: int, ignorecase: bool) -> tuple[int, int] | None:  # type: ignore[type-arg]
        """The span of this phrase when it begins at token i (whose word already matches)."""
        n = len(self.words)
        if i + n > len(words):
            return None
        for k in range(1, n):
            word = words[i + k][TEXT]
            if (word.casefold() if ignorecase else word) != self.words[k]:
                return None
            gap = prose[words[i + k - 1][END] : words[i + k][START]]
            if not _same_gap(gap, self.gaps[k - 1]):
                return None
        start, end = words[i][START] - len(self.lead), words[i + n - 1][END] + len(self.tail)
        if start < 0 or not _same(prose[start : words[i][START]], self.lead, ignorecase):
            return None
        if not _same(prose[words[i + n - 1][END] : end], self.tail, ignorecase):
            return None
        return start, end


def _same_gap(gap: str, wanted: str) -> bool:
    if wanted.isspace():
        return bool(gap) and gap.isspace()
    return gap == wanted


def _same(a: str, b: str, ignorecase: bool) -> bool:
    return a.casefold() == b.casefold() if ignorecase else a == b


@functools.lru_cache(maxsize=4096)  # asked for each match of a rule that keeps case: mostly the same few words
def keep_case(matched: str, replacement: str) -> str:
    """The replacement in the case of the text it replaces: BELARUSSIA -> BELARUS, Per cent -> Percent.

    All capitals (two letters or more) give capitals, all lower case gives lower case, a capital
    first letter gives a capital first letter; mixed case keeps the replacement as written.
    """
    letters = [c for c in matched if c.isalpha()]
    if not letters:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if all(c.islower() for c in letters):
        return replacement.lower()
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return replacement[:1].upper() + replacement[1:]
    return replacement
