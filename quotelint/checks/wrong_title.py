"""A person given a title or role that the registry does not give them at that time.

## What it does
For each registered person with `roles`, reads the title written beside the name: before it
(`UN Secretary-General António Guterres`, `Kazakhstan's President Kassym-Jomart Tokayev`,
`Chair of the European Parliament Charles Michel`, `Ukraine's president, Volodymyr Zelenskyy,`)
or in an apposition after it (`Ömer Kocaman, deputy secretary general of the Organization of
Turkic States,`). A title fits a role when its title words all belong to the role's title or
aliases, the organizations and countries it names are the role's (`Kazakh` for `Kazakhstan`,
`UN` for `United Nations`), and it holds the role's head (`Secretary-General`, not `Secretary`).
A title that fits none of the roles the person held at the article's date is flagged, and the
message names whom the registry gives that title at that date. `former`, `then-`, `ex-` or
`as` before a title ask for a role held at some earlier time. A person the registry gives no
role is flagged when the title names a body or a country and the registry gives it to somebody
else at that date (with no date, to somebody who holds it now): `UN Secretary-General Kamran
Bokhari`.

The article's date is `--date` or the `date:` setting, else the article's front matter, HTML
publication date or dateline (`ASTANA, March 20, 2023 -`). Without one, a registered quote in
the paragraph dates it: the article is no older, so a role that ended before the quote was
given does not fit. With neither, any role the person ever held fits.

## Why it matters
A garbled or outdated title (`General Antonio Guterres, UN Secretary`; a minister called
president; a title the person left years before) misinforms readers and undermines the rest of
the article.

## Options
Add the titles a person is rightly called to the role's `aliases`, with `from` and `to` dates.
Give the date articles speak from with `--date` or `date:` when they carry none.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from quotelint.checks import Rule
from quotelint.finding import Hit, Severity, hit_once
from quotelint.names import END, START
from quotelint.records import Value

if TYPE_CHECKING:  # the title modules are imported when the rule runs, not when it is listed
    from quotelint.checks.title_fit import Title
    from quotelint.checks.title_page import Page, Written
    from quotelint.context import Context
    from quotelint.registry.model import Entity, Role


class When(Value):
    """The article's date; or, when it gives none, the date of a registered quote in the
    paragraph: the article is no older, so a role that ended before it is no longer held."""

    __slots__ = _fields = ("date", "exact")
    date: dt.date
    exact: bool

    def __init__(self, date: dt.date, exact: bool) -> None:
        self.date, self.exact = date, exact

    def holds(self, role: Role, past: bool = False) -> bool:
        if past:
            return role.start is None or role.start <= self.date or not self.exact
        if self.exact:
            return role.held_on(self.date)
        return role.end is None or role.end >= self.date

    def __str__(self) -> str:
        day = f"{self.date.day} {self.date:%B %Y}"
        return f"on {day}" if self.exact else f"after {day} (the date of the quote beside it)"


def check(ctx: Context) -> Iterator[Hit]:
    from quotelint.checks.title_page import Page
    from quotelint.checks.title_reading import read_titles
    from quotelint.docdate import document_date

    entities = ctx.registry.entities
    page = Page(ctx)
    article = document_date(ctx.document, ctx.settings.date if ctx.settings else None)
    starts = [p[0] for p in ctx.quote_scan.paragraphs]
    quoted = quote_dates(ctx, starts) if article is None else {}
    dated = When(article, exact=True) if article else None
    verdicts = ctx.registry.names.answers("wrong-title verdicts")
    seen: set[tuple[int, int]] = set()
    for mention in page.people:
        if not mention.form.accepted:
            continue
        person = entities[mention.form.entity_ids[0]]
        bound = None if dated else quoted.get(bisect.bisect_right(starts, mention.start) - 1)
        when = dated if dated is not None else When(bound, exact=False) if bound else None
        for written in read_titles(page, mention.first, mention.first + mention.count - 1):
            if (written.first, written.last) not in seen:
                seen.add((written.first, written.last))
                hit = judge_once(ctx, page, person, written, when, verdicts)
                if hit is not None:
                    yield hit


def quote_dates(ctx: Context, starts: list[int]) -> dict[int, dt.date]:
    """The date of the registered quote each paragraph holds, if any (the latest, if several)."""
    registered = ctx.registry.quote_by_id
    out: dict[int, dt.date] = {}
    for q in ctx.quotes:
        entry = registered.get(q.registry_id or "")
        if entry is not None and entry.date is not None and q.status in ("verified", "altered"):
            paragraph = bisect.bisect_right(starts, q.start) - 1
            out[paragraph] = max(out.get(paragraph, entry.date), entry.date)
    return out


VERDICTS_KEPT = 100_000  # titles judged kept for a run, at most


def judge_once(ctx: Context, page: Page, person: Entity, written: Written, when: When | None, verdicts: dict) -> Hit | None:  # type: ignore[type-arg]
    """`judge`, reached once a run for each person, date and title as written (`verdict_key`):
    a name keeps its title through an article and across a run's articles, and judging one reads
    it, matches it with every role and may look for other holders."""
    key = verdict_key(page, person, written, when)
    return hit_once(verdicts, key, page.words[written.first][START], VERDICTS_KEPT, lambda: judge(ctx, page, person, written, when))


def verdict_key(page: Page, person: Entity, written: Written, when: When | None) -> tuple:  # type: ignore[type-arg]
    """All `judge` reads of the page: the title's text from its first token to its last, or to
    the end of a named body it ends inside (whose words are looked at for a head), the tokens'
    places in it, and the bodies named there (which tokens, which body)."""
    words, units, first = page.words, page.unit_at, written.first
    end = max([written.last, *(units[i][1] for i in range(first, written.last + 1) if i in units)])
    base = words[first][START]
    bounds = tuple((w[START] - base, w[END] - base) for w in words[first : end + 1])
    bodies = tuple((i - first, units[i][0] - first, units[i][1] - first, units[i][2]) for i in range(first, end + 1) if i in units)
    day = None if when is None else (when.date, when.exact)
    return person.id, written.past, written.last - first, day, page.prose[base : words[end][END]], bounds, bodies


def judge(ctx: Context, page: Page, person: Entity, written: Written, when: When | None) -> Hit | None:
    from quotelint.checks.title_fit import judged, read_title

    title = read_title(page, written.first, written.last)
    if not judged(title, page):
        return None
    past = written.past or title.past
    if not person.roles:
        return roleless(ctx, page, person, written, title, when) if not past else None
    fitting = fitting_roles(ctx, person, title)
    if fitting and (when is None or any(when.holds(role, past) for role in fitting)):
        return None
    if not fitting and held_piecewise(ctx, page, person, written, when):
        return None
    start, end = page.words[written.first][START], page.words[written.last][END]
    text = ctx.prose[start:end]
    others = holders(ctx, person, title, when) if not past else ""
    if fitting:
        roles = ", ".join(dict.fromkeys(role.title for role in fitting))
        return Hit(start, end, f"'{text}': {person.name} did not hold this title {when} ({roles}: {spans(fitting)}){others}")
    held = [r for r in person.roles if when.holds(r)] if when else [r for r in person.roles if r.end is None]
    known = "; ".join(dict.fromkeys(r.title for r in (held if when else held or person.roles)[:3])) or "none at that date"
    at = f" {when}" if when else ""
    message = f"'{text}' is not a title the registry gives {person.name}{at} (registered: {known}){others}"
    suggestion = (held[0].aliases or (held[0].title,))[0] if len(held) == 1 else None
    return Hit(start, end, message, suggestion)


def roleless(ctx: Context, page: Page, person: Entity, written: Written, title: Title, when: When | None) -> Hit | None:
    """A person the registry gives no role, given a title that names a body or a country and
    that the registry gives somebody else then (with no date: somebody who holds it now):
    `UN Secretary-General Kamran Bokhari`."""
    if not any(n.entity_id or n.countries for n in title.named):
        return None  # `President Smith`, `researcher Bokhari`: titles many hold
    others = holders(ctx, person, title, when, now=when is None)
    if not others:
        return None
    start, end = page.words[written.first][START], page.words[written.last][END]
    return Hit(start, end, f"'{ctx.prose[start:end]}' is not a title the registry gives {person.name}, who holds no registered role{others}")


def fitting_roles(ctx: Context, person: Entity, title: Title) -> list[Role]:
    from quotelint.checks.title_fit import fits

    roles = ctx.registry.titles.roles
    home = frozenset().union(*(roles[role].countries for role in person.roles))
    return [role for role in person.roles if fits(title, roles[role], home)]


def held_piecewise(ctx: Context, page: Page, person: Entity, written: Written, when: When | None) -> bool:
    """Several titles joined by `and`, each one the person held (`High Representative for
    Foreign Affairs and Security Policy and Vice-President of the European Commission`)."""
    from quotelint.checks.title_fit import judged, pieces, read_title

    for spans_ in pieces(page, written.first, written.last):
        titles = [t for t in (read_title(page, a, b) for a, b in spans_) if judged(t, page)]
        if titles and all(
            any(when is None or when.holds(r, written.past or t.past) for r in fitting_roles(ctx, person, t)) for t in titles
        ):
            return True
    return False


def holders(ctx: Context, person: Entity, title: Title, when: When | None, now: bool = False) -> str:
    """Whom the registry gives the title instead (at the date, if known; `now`: holding it
    today), when one or two people."""
    from quotelint.checks.title_fit import fits

    index = ctx.registry.titles
    held = [(other, role) for other, role in index.holders if other.id != person.id and (when.holds(role) if when else not now or role.end is None)]
    if hasattr(index.roles, "load"):  # the registry cache's table: the roles' words read in one query, not one each
        index.roles.load(role for _, role in held)
    found: dict[str, Role] = {}
    for other, role in held:
        if fits(title, index.roles[role]):
            found.setdefault(other.name, role)
    if not found or len(found) > 2:
        return ""
    if when is not None and when.exact:
        return "; " + " and ".join(f"the {role.title} {when} was {name}" for name, role in found.items())
    return "; the registry gives it to " + " and ".join(f"{name} ({role.title}: {spans([role])})" for name, role in found.items())


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
