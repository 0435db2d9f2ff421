"""Figures in prose: numbers with their units as news writes them, normalized so values compare.

`53 percent`, `54 per cent` and `53%` are 53 and 54 of the unit `percent`; `$2.6 billion` is
2.6e9 `USD`; `18,000 TEUs` is 18000 `teu`; `seven parties` is 7 `parties`; `a dozen` is 12.
`between 5 and 7 percent` and `5-7%` are ranges; `from 107 to 98 representatives` is two
figures, the first an earlier value. `19 March`, `March 19`, `5 June 2022` and
`November 20th 2022` are dates (unit `date`); a lone `2022` is a year (unit `year`).

Candidates are the document's tokens that start with a digit or a number word, so the text is
read once; every pattern here is anchored at a known position and bounded. The words come from
`quotelint/data/figures.yaml` (see `figuredata.py`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from quotelint.claims.dates import Date, month_before, read_date
from quotelint.claims.figuredata import FigureData, figure_data
from quotelint.claims.numberread import DIGITS, letters_may_follow, number_end
from quotelint.claims.rangeread import part_follows, spelled_gap
from quotelint.claims.unitread import BLANK, fold
from quotelint.lazyre import lazy
from quotelint.names import TEXT, Token, tokens
from quotelint.wordsplit import word_positions

if TYPE_CHECKING:
    from quotelint.wordmemo import WordMemo

    Memos = Callable[[str, Callable[[str], bool]], WordMemo]

LETTERS = lazy(r"\p{L}+")
WORD_AFTER = lazy(r"[ \t\u00a0]{1,2}(?:-[ \t\u00a0]?)?(\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}]*)*)|-(\p{L}[\p{L}\p{M}]*)")
AFTER_OPENS = frozenset(" \t\u00a0-")  # what WORD_AFTER's match starts with
CAPITAL_UNIT = lazy(r"\p{Lu}+s")  # "TEUs", "MPs": an acronym's plural can be counted
# Looking back from a figure, search in reverse (?r): the end is tried first.
WORDS_BEFORE = lazy(r"(?r)((?:\p{L}[\p{L}\p{M}'’.\-]*[ \t\u00a0]{1,3}){1,4})$")
LAST_WORD_BEFORE = lazy(r"(?r)(\p{L}[\p{L}\p{M}'’.\-]*)[ \t\u00a0]{1,3}$")  # the last word WORDS_BEFORE finds


# Tests before a pattern, so that a document whose figures cannot hold what it looks for never
# compiles it: each says no only where the pattern cannot match.


def scale_may_follow(prose: str, end: int, initials: frozenset[str]) -> bool:
    """A scale word (`million`) may follow the number ending at `end`, as `scale_after` reads it:
    after one or two blanks, a letter a scale word begins with (`initials`, lower case) in either
    case, or a letter beyond ASCII, which the pattern, ignoring case, is left to judge."""
    if prose[end : end + 1] not in BLANK:
        return False
    c = prose[end + 1 : end + 2]
    if c and (not c.isascii() or c.lower() in initials):
        return True
    if c not in BLANK:
        return False
    c = prose[end + 2 : end + 3]
    return bool(c) and (not c.isascii() or c.lower() in initials)


class Figure(NamedTuple):
    start: int  # prose offsets of the whole figure, unit included
    end: int
    text: str
    value: float | None  # scaled number; None for a date
    unit: str | None  # percent, USD, seats, year, date, ratio, fraction, a counted noun, or None
    step: float = 1.0  # the precision it is written to: 1 for `54`, 0.1e9 for `$2.6 billion`
    high: float | None = None  # upper end of a range; a ratio's second term; a date range's last day
    bound: str | None = None  # min (`more than`), max (`up to`), approx (`about`)
    role: str | None = None  # earlier (`from X to`), reference (`than X`), part (`X of the Y`)
    date: Date | None = None  # (year, month, day)
    number: tuple[int, int] = (0, 0)  # where the number itself stands
    scale: float = 1.0  # what the written number was multiplied by


def find_figures(
    prose: str,
    words: Sequence[Token] | None = None,
    positions: Mapping[str, list[int]] | None = None,
    memo: Memos | None = None,
    distinct: frozenset[str] | None = None,
) -> list[Figure]:
    """Every figure in the prose, in order. Candidates are the words that start with a digit or
    are number words (a test of the first character, then a set lookup), each read from where it
    starts: each distinct word is tested once (`positions`: word -> its indexes; made here when
    not given), and given the run's word memos (NameIndex.memo), once in the run (`distinct`:
    the words, numbered in the run, when the caller has them)."""
    data = figure_data()
    initials, starters = data.starter_initials, data.starters

    def starts_figure(text: str) -> bool:
        if text[0] in DIGITS or not text[0].isascii() and data.digit_start.match(text) is not None:
            return True
        return text[0] in initials and text.split("-")[0].lower() in starters and not (text.isupper() and len(text) > 1)

    words = tokens(prose) if words is None else words
    if positions is None:
        positions = word_positions([w[TEXT] for w in words])
    keys = positions.keys() if distinct is None else distinct
    found = memo("figure-starts", starts_figure).select(keys) if memo else filter(starts_figure, keys)
    # The candidates' starts in C: no Python step a candidate before the reading.
    indexes = sorted(chain.from_iterable(map(positions.__getitem__, found)))
    return read_all(_Reader(prose, data), map(_START, map(words.__getitem__, indexes)))


_START = itemgetter(1)  # a Token's start


def read_all(reader: _Reader, starts: Iterable[int]) -> list[Figure]:
    """The figures read from each start in turn (rising), but for a start inside the last figure
    and a digit that `digit_start` does not take."""
    prose, covered = reader.prose, 0
    out: list[Figure] = []
    for pos in starts:
        if pos < covered or (
            # A word's first digit is where `digit_start` matches, but after a combining mark (or
            # one and an apostrophe or hyphen), which the pattern alone tells: asked only there.
            pos and ((c := prose[pos - 1]) in "'’-" or not c.isascii()) and prose[pos].isdigit() and reader.data.digit_start.match(prose, pos) is None
        ):
            continue
        found = reader.read(pos)
        if found:
            out.extend(found)
            covered = reader.last_end = found[-1].end
    return out


class _Reader:
    def __init__(self, prose: str, data: FigureData) -> None:
        self.prose = prose
        self.data = data
        self.last_end = -100  # where the figure read last ends

    def read(self, pos: int, linked: bool = True) -> list[Figure] | None:
        """The figure (or two, for a change) that starts at `pos`, a digit or a number word."""
        first = self.digits(pos) if self.prose[pos].isdigit() else self.spelled(pos)
        if first is None or first.unit in ("date", "year", "ratio", "fraction") or not linked:
            return None if first is None else [first]
        return self.link(first)

    def digits(self, pos: int) -> Figure | None:
        number_ends = number_end(self.prose, pos)
        if number_ends is None:
            return None
        num = self.prose[pos:number_ends]
        value = float(num.replace(",", ""))
        plain = "," not in num and "." not in num
        step = 10.0 ** -len(num.partition(".")[2])
        end, scale, ordinal = number_ends, 1.0, False
        attached = LETTERS.match(self.prose, end) if letters_may_follow(self.prose, end) else None
        if attached:
            low = attached.group().lower()
            if plain and low in self.data.ordinal_suffixes:
                ordinal, end = True, attached.end()
            elif low in self.data.scale_abbreviations:
                scale, end = self.data.scale_abbreviations[low], attached.end()
            else:
                return None  # 5G, 1990s, 3D: no figure
        if plain and 1 <= value <= 31:
            date = self.date(pos, end, int(value))
            if date is not None or ordinal:
                return date
        if self.prose[end : end + 1] == "/" and (ratio := number_end(self.prose, end + 1)) is not None:
            if self.prose[ratio : ratio + 1] == "/":
                return None  # 19/03/2023: a numeric date, read no further
            high = float(self.prose[end + 1 : ratio].replace(",", ""))
            return Figure(pos, ratio, self.prose[pos:ratio], value, "ratio", high=high, number=(pos, ratio))
        if scale == 1.0 and scale_may_follow(self.prose, end, self.data.scale_initials) and (word := self.data.scale_after.match(self.prose, end)):
            scale, end = self.data.scales[fold(word.group("scale"))], word.end()  # `thouſand` matched as `thousand`
        return self.finish(pos, number_ends, end, value * scale, step * scale, scale, year_like=plain and scale == 1.0)

    def spelled(self, pos: int) -> Figure | None:
        data, prose = self.data, self.prose
        total = current = 0.0
        step, end, i, last = 1.0, pos, pos, ""
        start = pos
        while (m := LETTERS.match(prose, i)) is not None:
            w = m.group().lower()
            if w in data.number_words:
                n = data.number_words[w]
                if last == "ones" or (last == "tens" and n >= 10):
                    break
                current += n
                last = "tens" if n >= 20 else "ones"
            elif w in data.hundred or w in data.scales or w in data.counts:
                if not last:
                    article = self.word_before(pos)
                    if article is None or article[0].lower() not in data.singular_articles:
                        return None  # "hundreds", "million" alone: no number
                    start = article[1]
                if w in data.scales:
                    total += (current or 1.0) * data.scales[w]
                    step, current = data.scales[w], 0.0
                else:
                    current = (current or 1.0) * (data.hundred.get(w) or data.counts[w])
                last = "scale"
            elif w in data.fractions and last == "ones":
                end = m.end()
                v = current / data.fractions[w]
                return Figure(start, end, prose[start:end], v, "fraction", step=1.0 / data.fractions[w], number=(start, end))
            elif w in data.ordinals and prose[m.start() - 1 : m.start()] == "-":
                return None  # "twenty-first": an ordinal
            else:
                break
            end = m.end()
            gap = spelled_gap(prose, end)
            if gap is None:
                break
            i = gap
        if not last:
            return None
        return self.finish(start, end, end, total + current, step, 1.0, year_like=False)

    def finish(self, start: int, num_end: int, end: int, value: float, step: float, scale: float, year_like: bool) -> Figure:
        data, prose = self.data, self.prose
        number = (start, num_end)
        unit: str | None = None
        if (cur := data.currency_prefix.read(prose, start)) is not None:
            unit, start = data.currency_before[cur[0]], cur[1]
        if prose[start - 1 : start] in ("-", "−") and not prose[start - 2 : start - 1].isalnum():
            value, start = -value, start - 1
        role = None
        if (u := data.unit_after.read(prose, end)) is not None:
            unit, end = data.units[u[0]], u[2]
        elif unit is None and year_like and data.is_year(value):
            month = month_before(prose, data, start)
            if month is not None:
                return Figure(month[0], end, prose[month[0] : end], None, "date", date=(int(value), month[1], None), number=number)
            return Figure(start, end, prose[start:end], value, "year", number=number)
        elif unit is None:
            if part_follows(prose, end):
                role = "part"
            w = WORD_AFTER.match(prose, end) if prose[end : end + 1] in AFTER_OPENS else None
            noun = w.group(1) or w.group(2) if w else None
            if noun and (counted := counted_unit(noun)) is not None:
                unit, end = counted, w.end()
        bound, marker = self.before(start)
        if 0 < start - self.last_end <= 14 and " ".join(prose[self.last_end : start].lower().split()) in data.earlier_after_figure:
            marker = "earlier"  # "fell to 58 percent from 66 percent"
        return Figure(start, end, prose[start:end], value, unit, step, bound=bound, role=role or marker, number=number, scale=scale)

    def word_before(self, start: int) -> tuple[str, int] | None:
        """The word just before an offset, with only blanks between, and where it starts."""
        m = WORDS_BEFORE.search(self.prose, max(0, start - 40), start)
        if m is None:
            return None
        word = m.group(1).split()[-1]
        return word, m.start(1) + m.group(1).rindex(word)

    def before(self, start: int) -> tuple[str | None, str | None]:
        """The bound (`more than`) and the marker (`from`, `than`) standing just before a figure."""
        window = self.prose[max(0, start - 40) : start]  # as searched back, `$` matching before a final line break
        if not window.rstrip(" \t\u00a0\n").rstrip(".").lower().endswith(self.data.marker_tails):
            return None, None  # no marker's last word ends the text before (most figures): no search back
        return self.searched_back(start)

    def searched_back(self, start: int) -> tuple[str | None, str | None]:
        """`before`, read by searching back from the figure."""
        last = LAST_WORD_BEFORE.search(self.prose, max(0, start - 40), start)
        if last is None or last.group(1).lower().rstrip(".") not in self.data.marker_ends:
            return None, None  # no bound or marker ends just before the figure
        m = WORDS_BEFORE.search(self.prose, max(0, start - 40), start)
        if m is None:
            return None, None
        words = tuple(w.lower().rstrip(".") for w in m.group(1).split())
        bound = marker = None
        for n in range(len(words), 0, -1):
            tail = words[-n:]
            if tail in self.data.bounds:
                return self.data.bounds[tail], marker  # "more than" bounds; its "than" is no comparison
            if tail in self.data.earlier_markers:
                marker = marker or "earlier"
            elif tail in self.data.reference_markers:
                marker = marker or "reference"
        return bound, marker

    def date(self, pos: int, end: int, day: int) -> Figure | None:
        found = read_date(self.prose, self.data, pos, end, day)
        if found is None:
            return None
        start, end, date, high = found
        return Figure(start, end, self.prose[start:end], None, "date", high=high, date=date, number=(pos, pos + len(str(day))))

    def link(self, first: Figure) -> list[Figure]:
        """`from X to Y` (two figures, X earlier), `between X and Y` or `X-Y` (one range)."""
        link = self.data.range_link
        m = link.read(self.prose, first.end)
        if m is None or not link.number_ahead(self.prose, m[1]):
            return [first]
        kind = "range"
        if m[0]:
            join = self.data.range_joins[m[0]]
            opener = self.word_before(first.start)
            kind = join.get("after", {}).get(opener[0].lower() if opener else "") or join.get("alone")
            if kind is None:
                return [first]
        shift = m[1]
        if self.prose[shift : shift + 1] in self.data.currency_before:
            shift += 1
        starts_number = self.prose[shift : shift + 1].isdigit() or (
            (w := LETTERS.match(self.prose, shift)) is not None and w.group().lower() in self.data.starters
        )
        found = self.read(shift, linked=False) if starts_number else None
        if not found or found[0].unit in ("date", "year"):
            return [first]
        second = found[0]
        if first.unit is None or (first.unit == second.unit and first.scale == 1.0 and second.scale != 1.0):
            first = first._replace(unit=second.unit, value=(first.value or 0.0) * second.scale, step=first.step * second.scale, scale=second.scale)
        if kind == "change":
            return [first._replace(role="earlier"), second]
        return [first._replace(end=second.end, text=self.prose[first.start : second.end], high=second.value, bound=first.bound or second.bound)]


@functools.lru_cache(maxsize=4096)
def counted_unit(noun: str) -> str | None:
    """The unit of a word after a number that says what is counted (`parties`, `TEUs`), None for
    one that does not (`of`, `EU`); it depends on the word and figures.yaml alone."""
    data = figure_data()
    if noun.lower() in data.not_units or noun in data.months:
        return None
    if not noun[0].isupper() or CAPITAL_UNIT.fullmatch(noun) or data.singular(noun) in data.unit_groups:
        return data.counted_unit(noun)
    return None
