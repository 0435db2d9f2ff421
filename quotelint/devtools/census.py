"""First names and their usual sex, and surnames that are also English words, from the US Census
Bureau's 1990 name lists (public domain).

Each list (`dist.male.first`, `dist.female.first`, as bundled by the MIT-licensed `names`
package) gives a name and the percentage of that sex's people bearing it, for the names borne by
90% of each sex: 1,219 men's names, down to 0.004%; 4,275 women's names, down to 0.001%.
"""

from __future__ import annotations

import math
import os

MEN_1990 = 121_239_418  # the 1990 census's resident population by sex
WOMEN_1990 = 127_470_455
DOMINANT = 0.8  # a name tells the sex when at least this share of its bearers are of one sex
HEADER = f"""\
First names (lower case), the sex most of their bearers have and that sex's share of them.
Tab-separated: name, sex (m or f when that sex holds {DOMINANT:.2f} of the bearers; m? or f? for
the sex that holds more of them, short of that; - when the name is too rare to tell), share. From the US Census Bureau's 1990 first-name lists (public
domain), bundled by the `names` package (MIT licence). A name missing from one sex's list counts
as borne by nobody of that sex if it is at least as frequent as that list's rarest name."""


def read_list(path: str) -> dict[str, float]:
    """Name (lower case) -> percentage of that sex's people bearing it."""
    with open(path, encoding="ascii") as fh:
        rows = (line.split() for line in fh if line.strip())
        return {fields[0].lower(): float(fields[1]) for fields in rows}


def share_row(name: str, men: float, women: float, seen: bool) -> str:
    """`name<TAB>sex<TAB>share` from the percentages of men and of women bearing the name;
    `seen`: whether the name is frequent enough for both lists to have shown it."""
    men_count, women_count = men * MEN_1990, women * WOMEN_1990
    share = max(men_count, women_count) / (men_count + women_count)
    share = math.floor(share * 100) / 100  # rounded down: never claims more than the lists show
    sex = "m" if men_count > women_count else "f"
    sex = "-" if not seen else sex if share >= DOMINANT else sex + "?"
    return f"{name}\t{sex}\t{share:.2f}"


def given_names(folder: str) -> list[str]:
    """One row for every name of either list (see share_row). A name missing from one list
    counts as borne by nobody of that sex, if it is at least as frequent as that list's rarest
    name; a rarer one could be missing only for being rare, so it gets no sex."""
    men = read_list(os.path.join(folder, "dist.male.first"))
    women = read_list(os.path.join(folder, "dist.female.first"))
    rarest_man, rarest_woman = min(men.values()), min(women.values())
    rows = []
    for name in sorted(men.keys() | women.keys()):
        m, w = men.get(name, 0.0), women.get(name, 0.0)
        seen = (name in men or w >= rarest_man) and (name in women or m >= rarest_woman)
        rows.append(share_row(name, m, w, seen))
    return rows


SURNAME_RANKS = 5000  # the most frequent surnames looked at: about 60% of the 1990 population
SURNAMES_HEADER = f"""\
Surnames (lower case) that are also English words (Pike, Wells, Price): the ones among the
{SURNAME_RANKS:,} most frequent of the US Census Bureau's 1990 surname list (public domain),
bundled by the `names` package (MIT licence), that quotelint/data/english_words.txt holds. After
a first name such a word ends a person's name (Martin Pike), not a phrase."""


def word_surnames(folder: str, dictionary: frozenset[str]) -> list[str]:
    """The most frequent surnames of `dist.all.last` that are dictionary words, sorted."""
    with open(os.path.join(folder, "dist.all.last"), encoding="ascii") as fh:
        ranked = [line.split()[0].lower() for line in fh if line.strip()]
    return sorted(name for name in ranked[:SURNAME_RANKS] if name in dictionary)
