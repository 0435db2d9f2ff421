"""Reading the title written beside a registered person's name, for the wrong-title rule.

Three places hold a title:

- right before the name: `UN Secretary-General António Guterres`, `Kazakhstan's President
  Kassym-Jomart Tokayev`, `former president Nursultan Nazarbayev`, and with what the title is of
  between it and the name: `Chair of the European Parliament Charles Michel`;
- before the name and a comma, the name then set off by commas: `Ukraine's president, Volodymyr
  Zelenskyy, said`;
- after the name, in an apposition: `Ned Price, a spokesman for the State Department, said`.

A title is read from its head, a noun a title ends on (`Minister`, `Secretary-General`), with
title words, organizations and countries before it and, after `of`, `for`, `to`, `at` or `in`,
what it is of. Reading stops at another person's name, at punctuation, and at a capitalized
ordinary word before the head (`Donor's` in a headline), which no title holds.
"""

from __future__ import annotations

import regex

from quotelint.checks.title_page import ARTICLES, CLOSERS, JOINS, MAX_WORDS, POSSESSIVE, READ_CONNECTORS, Page, Written
from quotelint.checks.title_words import SMALL, title_words
from quotelint.lazyre import lazy
from quotelint.names import END
from quotelint.quotes.words import quote_words


_NEXT_CHAR = lazy(r" *+(.)", regex.DOTALL)


def read_titles(page: Page, first: int, last: int) -> list[Written]:
    """The titles written beside the name whose tokens are first..last."""
    return [w for w in (read_before(page, first, last), read_after(page, last)) if w is not None]


def read_before(page: Page, name: int, name_last: int) -> Written | None:
    if name == 0:
        return None
    end = name - 1
    gap = page.gap(end, name)
    if gap not in JOINS:
        if gap.strip() != "," or not set_off(page, name_last):
            return None
    return read_back(page, end)


def set_off(page: Page, last: int) -> bool:
    """The name ends a phrase: a comma or a full stop follows it (`..., Volodymyr Zelenskyy, said`)."""
    after = _NEXT_CHAR.match(page.prose, page.words[last][END])  # not a slice of the rest: linear in the document
    return after is None or after.group(1) in CLOSERS or after.group(1) == "\n"


def read_back(page: Page, end: int) -> Written | None:
    """The title ending on token `end`: its head there, or what it is of (`of the European Parliament`)."""
    if page.head(end):
        return qualified(page, end, end)
    if page.text(end) in SMALL or not (page.text(end)[:1].isupper() or end in page.unit_at or page.qualifier(end)):
        return None
    j = end
    while j >= 0 and end - j < MAX_WORDS:
        if j in page.person:
            return None
        if j < end and not joined(page, j, j + 1, comma=page.text(j + 1)[:1].isupper()):
            return None
        word = page.text(j)
        if j in page.unit_at:
            first, last, _ = page.unit_at[j]
            heads = [t for t in range(first, last + 1) if page.head(t)]
            if heads:  # a registered term that is itself a title: `Ombudsman of Kazakhstan`
                return qualified(page, heads[0], end)
            j = first - 1
            continue
        if word in READ_CONNECTORS:
            if j > 0 and joined(page, j - 1, j) and page.head(j - 1):
                return qualified(page, j - 1, end)
            j -= 1
            continue
        if word in ("the", "and") or word[:1].isupper() or page.title(j) or page.qualifier(j):
            j -= 1
            continue
        return None
    return None


def qualified(page: Page, head: int, last: int) -> Written | None:
    """From a head leftwards over title words, organizations, countries and modifiers."""
    first = head
    j = head - 1
    while j >= 0 and last - j < MAX_WORDS and j not in page.person:
        gap = page.gap(j, first)
        if gap in POSSESSIVE:
            if not (j in page.unit_at or page.country(j)):
                break
        elif gap not in JOINS and not abbreviated(page, j, gap):
            break
        if j in page.unit_at:
            first = j = page.unit_at[j][0]
            j -= 1
            continue
        if not page.qualifier(j):
            break
        first = j
        j -= 1
    return span(page, first, last)


def span(page: Page, first: int, last: int) -> Written | None:
    """The title without its leading modifiers, and whether they, or `as`, place it in the past."""
    qw = quote_words()
    past = False
    while first < last and page.modifier(first) and not page.head(first):
        past = past or page.past(first)
        first += 1
    ordinals = title_words().ordinals
    past = past or page.past(first) or any(page.text(t).lower() in ordinals and only_head(page, t + 1, last) for t in range(first, last))
    k = first - 1
    while k >= 0 and page.text(k).lower() in ARTICLES:
        k -= 1
    if k >= 0 and page.gap(k, k + 1) in JOINS:
        word = page.text(k).lower()
        # `as` gives a capacity when a comma closes the title (`As foreign minister, he`), not in
        # `As President Tokayev said`
        closed = last + 1 >= len(page.words) or page.gap(last, last + 1).lstrip().startswith(",")
        past = past or word in qw.past_markers or (word in title_words().capacity_words and closed)
    return Written(first, last, past)


def only_head(page: Page, i: int, last: int) -> bool:
    """A head standing alone, no title word after it: `president` in `first president`, not
    `Deputy` in `First Deputy Foreign Minister`."""
    return page.head(i) and (i == last or not page.title(i + 1))


def joined(page: Page, left: int, right: int, comma: bool = False) -> bool:
    gap = page.gap(left, right)
    return gap in JOINS or gap in POSSESSIVE or (comma and gap == ", ") or abbreviated(page, left, gap)


def abbreviated(page: Page, left: int, gap: str) -> bool:
    """`U.S. President`: the full stop of an abbreviation of single capitals, not a sentence's end."""
    word = page.text(left)
    return gap in (". ", ".’s ", ".'s ") and len(word) == 1 and word.isupper() and left in page.unit_at


def read_after(page: Page, name: int) -> Written | None:
    """An apposition's title: `, UN Secretary-General since 2017,`, `, a spokesman for the State Department,`."""
    words = page.words
    j = name + 1
    if j >= len(words) or page.gap(name, j).strip() != ",":
        return None
    leading = ARTICLES | title_words().capacity_words
    while j < len(words) and (page.text(j).lower() in leading or page.modifier(j) and not page.head(j)):
        j += 1
    start, last, state = j, -1, "before"
    while j < len(words) and j - start < MAX_WORDS:
        if j > start and not joined(page, j - 1, j):
            break
        if j in page.person:
            return None
        word = page.text(j)
        if j in page.unit_at:
            unit_last = page.unit_at[j][1]
            if any(page.head(t) for t in range(j, unit_last + 1)):
                state = "head"  # a registered term that is itself a title: `Human Rights Commissioner`
            j = unit_last + 1
            last = j - 1 if state != "before" else last
            continue
        if page.head(j):
            state, last = "head", j
        elif word in READ_CONNECTORS and state != "before":
            state = "object"
        elif state == "object" and (word[:1].isupper() or page.title(j) or word in ("the", "and") or page.qualifier(j)):
            last = j if word not in ("the", "and") else last
        elif state == "before" and (page.qualifier(j) or word == "and" and j + 1 < len(words) and page.text(j + 1)[:1].isupper()):
            pass
        elif state == "head" and page.title(j):
            last = j
        else:
            break
        j += 1
    if last < 0:
        return None
    nxt = last + 1
    if nxt < len(words) and page.gap(last, nxt) in JOINS and (page.text(nxt)[:1].isupper() or nxt in page.person):
        return None  # the title of the next name: `Ukraine's president, Volodymyr Zelenskyy, President Tokayev`
    return span(page, start, last)
