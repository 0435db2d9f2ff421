"""The three kinds of YAML rule, each a callable `check(ctx) -> Iterator[Hit]`.

A rule's check is an instance of a module-level class holding its compiled keys, never a
closure. (The registry cache keeps rules as parsed YAML and compiles them again when it is read.)
"""

from __future__ import annotations

import abc
import functools
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from quotelint.finding import Hit
from quotelint.records import Value
from quotelint.yamlrules.matching import Keys, Match, View
from quotelint.yamlrules.patterns import keep_case

if TYPE_CHECKING:
    from quotelint.context import Context


class Options(Value):
    """What every kind shares: where the rule stands, what it says, what it may judge and fix.
    A class with slots, not a NamedTuple: typing compiles a NamedTuple's annotations at import."""

    __slots__ = _fields = ("rule_id", "where", "message", "scope", "ignorecase", "keep_case", "fix_in_quotes", "skip_names", "dictionary", "exceptions")
    rule_id: str
    where: str  # file:line of the rule
    message: str
    scope: str
    ignorecase: bool
    keep_case: bool
    fix_in_quotes: bool
    skip_names: bool
    dictionary: bool  # a match counts only when it and its replacement are ordinary words
    exceptions: frozenset[str]  # casefolded when the rule ignores case

    def __init__(
        self,
        rule_id: str,
        where: str,
        message: str,
        scope: str = "prose",
        ignorecase: bool = False,
        keep_case: bool = False,
        fix_in_quotes: bool = False,
        skip_names: bool = True,
        dictionary: bool = False,
        exceptions: frozenset[str] = frozenset(),
    ) -> None:
        self.rule_id, self.where, self.message, self.scope, self.ignorecase = rule_id, where, message, scope, ignorecase
        self.keep_case, self.fix_in_quotes, self.skip_names, self.dictionary, self.exceptions = keep_case, fix_in_quotes, skip_names, dictionary, exceptions

    def excepted(self, text: str) -> bool:
        return (text.casefold() if self.ignorecase else text) in self.exceptions


class Use(Value):
    """A match a consistency rule counts: its key, its text and place in the document's prose, how
    it is written as each other variant of its group (by key), and whether a fix may change it."""

    __slots__ = _fields = ("key", "text", "start", "end", "spelled", "fixable")
    key: int
    text: str
    start: int
    end: int
    spelled: dict[int, str]
    fixable: bool

    def __init__(self, key: int, text: str, start: int, end: int, spelled: dict[int, str], fixable: bool) -> None:
        self.key, self.text, self.start, self.end, self.spelled, self.fixable = key, text, start, end, spelled, fixable


class Check(abc.ABC):
    """Find the keys, keep the matches the rule may judge, and turn them into hits."""

    def __init__(self, options: Options, keys: Keys) -> None:
        self.options = options
        self.keys = keys

    def __call__(self, ctx: Context) -> Iterator[Hit]:
        o = self.options
        matches = self.keys.find(ctx, o.rule_id, o.where)
        if not matches:
            return
        view = View(ctx, o.scope, o.skip_names)
        kept = [m for m in matches if not o.excepted(m.text) and view.in_scope(m.start, m.end) and not view.in_name(m, self.keys)]
        yield from self.hits(ctx, view, kept)

    @abc.abstractmethod
    def hits(self, ctx: Context, view: View, matches: list[Match]) -> Iterator[Hit]:
        """The hits of the kept matches, in document order."""

    def hit(self, view: View, match: Match, suggestion: str | None, **fields: str) -> Hit:
        o = self.options
        message = o.message.format(match=match.text, suggestion=suggestion or "", **fields)
        fixable = suggestion is not None and (o.fix_in_quotes or not view.in_speech(match.start, match.end))
        return Hit(match.start, match.end, message, suggestion, fixable=fixable)

    def spelled(self, match: Match, replacement: str) -> str:
        """A replacement text: the template expanded for patterns, then the case kept if asked."""
        text = match.found.expand(replacement) if match.found is not None else replacement
        return keep_case(match.text, text) if self.options.keep_case else text

    def words(self, ctx: Context, *texts: str) -> bool:
        """Every text is an ordinary word (the dictionary guard)."""
        common = ctx.registry.words.common_words
        return all(t.lower() in common for t in texts)


class Substitution(Check):
    """Wrong -> right: every wrong spelling is flagged with its right one as the fix."""

    def __init__(self, options: Options, keys: Keys, replacements: Sequence[str]) -> None:
        super().__init__(options, keys)
        self.replacements = tuple(replacements)

    def hits(self, ctx: Context, view: View, matches: list[Match]) -> Iterator[Hit]:
        for m in matches:
            right = self.spelled(m, self.replacements[m.key])
            if right == m.text or (self.options.dictionary and not self.words(ctx, m.text, right)):
                continue
            yield self.hit(view, m, right)


class Existence(Check):
    """Words or patterns that must not appear at all."""

    def hits(self, ctx: Context, view: View, matches: list[Match]) -> Iterator[Hit]:
        for m in matches:
            yield self.hit(view, m, None)


WORDED_KEPT = 10_000  # match texts whose reading (`Consistency.read`) a run keeps for each rule, at most


class Consistency(Check):
    """Groups of variants: in each document the first variant used wins; the others are flagged.

    Judged over the whole document (quotelint/sections.py): `gather` keeps each counted match of a
    section as a `Use`, `judge` finds each group's winner and flags the others."""

    def __init__(self, options: Options, keys: Keys, groups: Sequence[int], templates: Sequence[str | None]) -> None:
        super().__init__(options, keys)
        self.groups = tuple(groups)  # key index -> group index
        self.templates = tuple(templates)  # key index -> how a match of another variant is written this way
        # key index -> the other variants of its group that have a template, as (key, template)
        self.others = tuple(
            tuple((k, t) for k, t in enumerate(self.templates) if self.groups[k] == group and k != key and t is not None)
            for key, group in enumerate(self.groups)
        )
        # key index -> its matches' groups follow from their text: a word or phrase, or a pattern
        # bounded by words that matches letters alone (wordonly.py: nothing looks around it)
        self.by_text = tuple(not keys.patterns or keys.words_only[k] for k in range(len(self.groups)))

    def __call__(self, ctx: Context) -> Iterator[Hit]:
        o = self.options
        worded = self.worded(ctx, self.keys.find(ctx, o.rule_id, o.where))
        if not self.mixed(worded):
            return iter(())  # what `judge` would say of the uses (some of these): they are not made
        return self.judge([self.uses(ctx, worded)], ctx.document, ctx.registry)

    def mixed(self, worded: list[tuple[Match, dict[int, str]]]) -> bool:
        """Two variants of a group are among these matches. Else every use the rule counts (some
        of them) is its group's first variant, and `judge` flags none: most documents' matches
        need not be looked at in their places."""
        keys = {m.key for m, _ in worded}
        return len({self.groups[k] for k in keys}) < len(keys)

    def hits(self, ctx: Context, view: View, matches: list[Match]) -> Iterator[Hit]:
        raise NotImplementedError("a consistency rule is judged from what `gather` keeps")

    def gather(self, ctx: Context) -> list[Use]:
        """The matches the rule counts in the part of the document `ctx` owns, in order."""
        o = self.options
        return self.uses(ctx, self.worded(ctx, self.keys.find(ctx, o.rule_id, o.where)))

    def worded(self, ctx: Context, matches: list[Match]) -> list[tuple[Match, dict[int, str]]]:
        """The matches (`Keys.find`) the rule may count by their text alone, each with how it is
        written as the other variants of its group (`read`), in the part of the document `ctx`
        owns. Where a match's groups follow from its text (`by_text`), it is read once a run for
        each key and text (kept by the name index): an article writes the same few words."""
        question, answer = f"worded {self.options.rule_id} {self.options.where}", ctx.registry.names.answer
        out = []
        for m in matches:
            if not ctx.owns(m.start):
                continue
            if self.by_text[m.key]:
                spelled = answer(question, (m.key, m.text), functools.partial(self.read, ctx, m), WORDED_KEPT)
            else:
                spelled = self.read(ctx, m)
            if spelled is not None:
                out.append((m, spelled))
        return out

    def read(self, ctx: Context, m: Match) -> dict[int, str] | None:
        """How a match is written as the other variants of its group; None where the rule does
        not count it: an exception, or no ordinary word where the rule asks (`dictionary`)."""
        o = self.options
        if o.excepted(m.text):
            return None
        spelled = {k: self.spelled(m, t) for k, t in self.others[m.key]}
        if o.dictionary and not self.words(ctx, m.text, *spelled.values()):
            return None  # the match or one of its other spellings is no ordinary word
        return spelled

    def uses(self, ctx: Context, worded: list[tuple[Match, dict[int, str]]]) -> list[Use]:
        """Of the matches kept by their text (`worded`), those the rule counts in their places."""
        o = self.options
        if not worded:
            return []
        view = View(ctx, o.scope, o.skip_names)
        out = []
        for m, spelled in worded:
            if not view.in_scope(m.start, m.end) or view.in_name(m, self.keys):
                continue
            fixable = o.fix_in_quotes or not view.in_speech(m.start, m.end)
            out.append(Use(m.key, m.text, m.start + ctx.base, m.end + ctx.base, spelled, fixable))
        return out

    def judge(self, gathered: Sequence[list[Use]], document: object, registry: object) -> Iterator[Hit]:
        winners: dict[int, Use] = {}
        for uses in gathered:  # in document order
            for use in uses:
                winners.setdefault(self.groups[use.key], use)
        for uses in gathered:
            for use in uses:
                first = winners[self.groups[use.key]]
                if use.key == first.key:
                    continue
                right = use.spelled.get(first.key)
                if right == use.text:
                    continue
                message = self.options.message.format(match=use.text, suggestion=right or "", first=first.text)
                yield Hit(use.start, use.end, message, right, fixable=right is not None and use.fixable)
