"""The date an article speaks from, which titles are judged at.

In order: the date given for the run (`--date`, else the `date:` setting); the article's front
matter (`date: 2023-03-20`, also `published`, `pubDate` and the like, YAML or TOML); in HTML, a
`<meta>` publication date or the first `<time datetime>`; and a dateline opening one of the
article's first lines, a place or a word such as `Published` before a date with its year
(`ASTANA, March 20, 2023 (Reuters) -`, `Published: 20 March 2023`). An article with none of
these has no date.

A line holding nothing but a date is not taken for the article's date: pages put today's date
above the headline (`article_date` reads it for `registry draft`, which only drafts).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

import regex

from quotelint.lazyre import lazy, ready

if TYPE_CHECKING:
    from quotelint.document import Document

DATE_LINES = 60  # how far into an article its date line is looked for
_DATE = r"(?:(\d{1,2})\s++(\p{L}++)\.?,?\s++(\d{4})|(\p{L}++)\.?\s++(\d{1,2}),?\s++(\d{4})|(\d{4})-(\d{2})-(\d{2}))"
_DATE_LINE = lazy(r"\s*+" + _DATE + r"\s*+")
_DATELINE = lazy(
    r"\s*+(?:\p{Lu}[\p{L}.'’ -]{0,40}+,\s*+|(?i:published|posted|updated|dated?)(?:\s++on)?:?\s*+)" + _DATE + r"(?![\p{L}\d])"
)
DATELINE_LINES = 12  # how far into an article its dateline is looked for
# A line as str.splitlines() cuts them, up to one of the boundaries it knows (a last, empty
# line follows a final boundary: nothing here reads it).
_LINE = lazy(r"([^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]*+)(?:\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\Z)")
_ISO = lazy(r"(\d{4})-(\d{2})-(\d{2})")
_FRONT_KEY = lazy(
    r"(?i)(?:date|published|pubdate|publishdate|published_at|publication_date|created)\s*+[:=]\s*+[\"']?+(\d{4}-\d{2}-\d{2})"
)
_HTML_DATE = lazy(
    r"(?i)<meta\s[^>]{0,300}?(?:name|property|itemprop)=[\"'](?:article:published_time|date|pubdate|datePublished|dc\.date)[\"'][^>]{0,300}?content=[\"'](\d{4}-\d{2}-\d{2})"
    r"|<time\s[^>]{0,300}?datetime=[\"'](\d{4}-\d{2}-\d{2})"
)


def parse_date(text: str) -> dt.date:
    """`2023-03-20`, or `today`. Raises ValueError for anything else."""
    text = text.strip()
    if text.lower() == "today":
        return dt.date.today()
    m = _ISO.fullmatch(text)
    if m is None:
        raise ValueError(f"{text!r} is not a date (write YYYY-MM-DD or today)")
    return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def document_date(doc: Document, given: dt.date | None = None) -> dt.date | None:
    if given is not None:
        return given
    return front_matter_date(doc.text) or html_date(doc) or dateline_date(doc)


def front_matter_date(text: str) -> dt.date | None:
    """The date in YAML (`---`) or TOML (`+++`) front matter at the very top of the text. Only
    the lines read are split off, and only when the text opens with a fence: a long document is
    neither split nor copied whole for its first line."""
    text = text.lstrip("\ufeff")
    head = text[:80].lstrip()  # the first non-blank characters (the whole text's when 80 blanks open it)
    if not (head if len(head) >= 3 else text.lstrip()).startswith(("---", "+++")):
        return None
    lines = _LINE.finditer(text)
    first = next(lines, None)
    fence = first.group(1).strip() if first is not None else ""
    if fence not in ("---", "+++"):
        return None
    for found in itertools.islice(lines, 199):
        line = found.group(1)
        if line.strip() == fence:
            return None
        m = _FRONT_KEY.match(line.strip())
        if m is not None:
            try:
                return parse_date(m.group(1))
            except ValueError:
                return None
    return None


def html_date(doc: Document) -> dt.date | None:
    if doc.kind != "html":
        return None
    m = _HTML_DATE.search(doc.text)
    if m is None:
        return None
    try:
        return parse_date(m.group(1) or m.group(2))
    except ValueError:
        return None


def dateline_date(doc: Document) -> dt.date | None:
    """The date of a dateline opening one of the first lines: `ASTANA, March 20, 2023 -`."""
    return first_date(doc, DATELINE_LINES, _dateline)


def _dateline(text: str, start: int, end: int) -> regex.Match[str] | None:
    return _DATELINE.match(text, start, end) if ready(_DATELINE) or may_open_dateline(text, start, end) else None


_HEAD = 160  # characters of a line read by may_open_dateline
_OPENERS = ("published", "posted", "updated", "dated")


def may_open_dateline(text: str, start: int, end: int) -> bool:
    """False only where `_DATELINE` cannot match the line from `start` to `end`, told by plain
    tests on its first characters, so that an article without a dateline never compiles the
    pattern (0.8 ms): a word such as `Published`, or a capital, up to 40 letters, spaces,
    dots, apostrophes and hyphens, a comma, then a date's start (a digit, or a word, blanks and
    a digit). Where a character beyond ASCII decides, the pattern is left to judge (it knows
    Unicode's letters, digits and blanks as `regex` has them); Python's blanks are those of
    `\\s` and a few more (a pattern that stops before one of them fails)."""
    head = text[start : min(end, start + _HEAD)].lstrip()
    if end - start > _HEAD and len(head) < 64:
        return True  # blanks fill the head: what lies past it is unknown
    return _dateline_head(head, end - start > _HEAD)


def _dateline_head(head: str, cut: bool) -> bool:
    """`may_open_dateline` on the line's head past its blanks; `cut`: more of the line follows."""
    if not head:
        return cut
    if not head[:9].isascii() or head[:9].lower().startswith(_OPENERS):
        return True  # `Published`, or letters that may match it ignoring case (`ſ` matches `s`)
    if not head[0].isupper():
        return False
    i = 1
    while i < min(len(head), 41) and (head[i].isascii() and (head[i].isalpha() or head[i] in ".' -") or head[i] == "’"):
        i += 1
    if i < len(head) and not head[i].isascii():
        return True  # a letter or not: the pattern knows
    if head[i : i + 1] != ",":
        return False
    date = head[i + 1 :].lstrip()
    if not date:
        return cut
    if date[0].isdigit() or not date[0].isascii():
        return True
    j = 0
    while j < len(date) and date[j].isascii() and date[j].isalpha():
        j += 1
    if j == 0:
        return False
    if j < len(date) and not date[j].isascii():
        return True
    j += date[j : j + 1] == "."
    after = date[j:].lstrip()
    if len(after) == len(date) - j:  # no blank after the word
        return not after and cut or bool(after) and not after[0].isascii()
    return not after and cut or after[:1].isdigit() or not after[:1].isascii()


def article_date(doc: Document) -> dt.date | None:
    """The first line near the top of an article that holds nothing but a date."""
    return first_date(doc, DATE_LINES, _DATE_LINE.fullmatch)


def first_date(doc: Document, lines: int, match: Callable[[str, int, int], regex.Match[str] | None]) -> dt.date | None:
    """The date the first of the document's first `lines` lines to match gives. Each line is
    matched where it stands in the text (a 10 MB line is not copied to try its first words)."""
    text, starts = doc.text, doc.line_starts
    for number in range(min(lines, len(starts))):
        start = starts[number]
        end = starts[number + 1] if number + 1 < len(starts) else len(text)
        while end > start and text[end - 1] in "\r\n":  # the line as line_text gives it
            end -= 1
        m = match(text, start, end)
        found = date_of(m) if m is not None else None
        if found is not None:
            return found
    return None


def date_of(m: regex.Match[str]) -> dt.date | None:
    """The date a match of `_DATE` holds, if it is one (no 31 February)."""
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    try:
        if m.group(7):
            return dt.date(int(m.group(7)), int(m.group(8)), int(m.group(9)))
        return dt.datetime.strptime(f"{int(day)} {month[:3]} {year}", "%d %b %Y").date()
    except ValueError:
        return None
