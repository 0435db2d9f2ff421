"""A person given a title or role that the registry does not give them at that time.

## What it does
For each registered person with `roles`, reads the title written right before the name
(`UN Secretary-General António Guterres`, `Kazakhstan's President Kassym-Jomart Tokayev`) and
the one in an apposition right after it (`Ömer Kocaman, deputy secretary general of the
Organization of Turkic States,`). A title fits when it holds every word of one of the person's
role titles or aliases (so `Kazakh President` fits the alias `President`); a title that fits
none of the roles the person held at the quotation's date is flagged. `former`, `then-` or `ex-`
before a title ask for a role held at some earlier time.

The date is that of the registered quote the person is quoted with in the paragraph, when there
is one; otherwise any role the person ever held fits.

## Why it matters
A garbled or outdated title (`General Antonio Guterres, UN Secretary`; a minister called
president) misinforms readers and undermines the rest of the article.

## Options
Add the titles a person is rightly called to the role's `aliases`, with `from` and `to` dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity
from quotelint.quotes.words import quote_words
from quotelint.names import fold, form_tokens
from quotelint.quotes.roles import MAX_TITLE_WORDS as MAX_WORDS
from quotelint.quotes.roles import folded_words, is_title_word, title_before, title_word_in

if TYPE_CHECKING:
    from quotelint.context import Context
    from quotelint.lexicon import Lexicon
    from quotelint.registry.model import Entity, Role

CONNECTORS = frozenset({"of", "for", "the", "and", "at", "to", "in"})
ARTICLES = frozenset({"the", "a", "an"})


def check(ctx: Context) -> Iterator[Hit]:
    entities = ctx.registry.entities
    starts = [p[0] for p in ctx.quote_scan.paragraphs]
    dates = quote_dates(ctx, starts)
    for mention in ctx.mentions:
        if not mention.form.accepted:
            continue
        person = entities[mention.form.entity_ids[0]]
        if person.kind != "person" or not person.roles:
            continue
        when = dates.get(bisect.bisect_right(starts, mention.start) - 1)
        for first, last in (title_before(ctx, mention.first), title_after(ctx, mention.first + mention.count - 1)):
            if first > last:
                continue
            hit = judge(ctx, person, first, last, when)
            if hit is not None:
                yield hit


def quote_dates(ctx: Context, starts: list[int]) -> dict[int, dt.date]:
    """The date of the registered quote each paragraph holds, if any."""
    registered = {q.id: q for q in ctx.registry.quotes}
    out: dict[int, dt.date] = {}
    for q in ctx.quotes:
        entry = registered.get(q.registry_id or "")
        if entry is not None and entry.date is not None and q.status in ("verified", "altered"):
            out.setdefault(bisect.bisect_right(starts, q.start) - 1, entry.date)
    return out


def title_after(ctx: Context, name: int) -> tuple[int, int]:
    """Token indexes of an apposition's title right after a name: `, UN Secretary on ...`."""
    words, prose = ctx.words, ctx.prose
    qw = quote_words()
    if name + 1 >= len(words) or prose[words[name].end : words[name + 1].start].strip() != ",":
        return 1, 0
    first = name + 1
    while first < len(words) and words[first].text.lower() in ARTICLES | qw.past_markers:
        first += 1
    last = first - 1
    while last + 1 < len(words) and last + 1 - first < MAX_WORDS:
        word = words[last + 1].text
        if last >= first and prose[words[last].end : words[last + 1].start].strip(" ’'s") not in ("", "-"):
            break
        if not (word[:1].isupper() or is_title_word(ctx, word) or word.lower() in CONNECTORS or _past_prefixed(word, qw.past_markers)):
            break
        last += 1
    while last >= first and words[last].text.lower() in CONNECTORS:
        last -= 1
    if not any(is_title_word(ctx, words[t].text) for t in range(first, last + 1)):
        return 1, 0
    return first, last


def _past_prefixed(word: str, markers: frozenset[str]) -> bool:
    head, _, rest = word.partition("-")
    return bool(rest) and head.lower() in markers


def judge(ctx: Context, person: Entity, first: int, last: int, when: dt.date | None) -> Hit | None:
    words = ctx.words
    qw = quote_words()
    written = ctx.prose[words[first].start : words[last].end]
    before = words[first - 1].text.lower() if first > 0 else ""
    past = before in qw.past_markers or _past_prefixed(words[first].text, qw.past_markers)
    phrase: set[str] = set()
    titled: set[str] = set()
    for t in range(first, last + 1):
        text = words[t].text
        if _past_prefixed(text, qw.past_markers):
            text = text.partition("-")[2]
        phrase.update(w for w in folded_words(text) if w not in ARTICLES)
        if is_title_word(ctx, text):
            titled.update(folded_words(text))
    fitting = [role for role in person.roles if any(form_fits(ctx, form, phrase, titled) for form in role.forms)]
    if fitting and (when is None or any(role_at(role, when, past) for role in fitting)):
        return None
    if fitting:
        roles = ", ".join(role.title for role in fitting)
        message = f"'{written}': {person.name} did not hold this title on {when} ({roles}: {spans(fitting)})"
        return Hit(words[first].start, words[last].end, message)
    held = [r for r in person.roles if r.held_on(when)] if when else [r for r in person.roles if r.end is None]
    known = "; ".join(r.title for r in held[:3]) or "none at that date"
    message = f"'{written}' is not a title the registry gives {person.name} (registered: {known})"
    suggestion = (held[0].aliases or (held[0].title,))[0] if len(held) == 1 else None
    return Hit(words[first].start, words[last].end, message, suggestion)


def form_fits(ctx: Context, form: str, phrase: set[str], titled: set[str]) -> bool:
    """The written title holds every word of the role's form (`Kazakh Foreign Minister` for
    `Foreign Minister`), or it is the form shortened: its head (`Ambassador` of `Ambassador to
    Spain`, `Secretary General` of `UN Secretary General`) is all there and no title word is
    foreign to it. `UN Secretary` and `General` are neither."""
    wanted = {w for w in folded_words(form) if w not in ARTICLES}
    if wanted and wanted <= phrase:
        return True
    head = form_head(ctx, form)
    return bool(head) and head <= phrase and titled <= wanted


def form_head(ctx: Context, form: str) -> frozenset[str]:
    """The title words at the end of a form's first part: `Prime Minister` in `Prime Minister
    of Kazakhstan`, `President` in `European Council President`."""
    return _form_head(form, ctx.registry.words)


@functools.lru_cache(maxsize=4096)
def _form_head(form: str, lexicon: Lexicon) -> frozenset[str]:
    raw = form_tokens(form)
    cut = next((i for i, w in enumerate(raw) if w.lower() in CONNECTORS | {"on"}), len(raw))
    head: list[str] = []
    for word in reversed(raw[:cut]):
        if not title_word_in(word, lexicon):
            break
        head.append(word)
    return frozenset(fold(w) for w in head)


def role_at(role: Role, when: dt.date, past: bool) -> bool:
    if past:
        return role.start is None or role.start <= when
    return role.held_on(when)


def spans(roles: list[Role]) -> str:
    return "; ".join(f"{r.start or '…'} to {r.end or 'now'}" for r in roles)


RULE = Rule(
    id="QL203",
    name="wrong-title",
    category="wrong-title",
    severity=Severity.WARNING,
    summary="A person given a title or role that the registry does not give them at that time",
    check=check,
    doc=__doc__ or "",
    fail=("Portuguese President António Guterres spoke first.", "-General Antonio Guterres, UN Secretary on Kazakhstan"),
    passing=("UN Secretary-General António Guterres spoke first.", "Guterres, the UN Secretary-General, spoke first."),
)
