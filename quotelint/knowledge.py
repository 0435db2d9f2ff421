"""Knowing a person from a thing: first names and their usual sex, nouns for people, groups and
documents, names of places and bodies, days, months and holidays.

Word files in `quotelint/data` derived from the US census name lists and WordNet by
`quotelint/devtools/build_knowledge.py` (sources, licences and the rules that chose the words
in `quotelint/data/KNOWLEDGE.md`). Each file is read once, on first use; importing this module
reads nothing. The lists overlap where English does: May is a month and a woman's name,
Georgia a place and a woman's name, Frank a man's name and a noun for a people; which one a
word is in a sentence is for the caller to tell from its context.

    >>> given_sex("Mary"), is_person_noun("spokesmen"), is_time_word("New Year's Day")
    ('female', True, True)

A run served from the registry cache reads none of the files: the cache holds their entries as
a table (quotelint/registry/wordfiles.py), in which the words a run asks about are looked up
(`listed`), as a one-article check asks about a hundred of their 35,000 entries.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Container, Iterable, Iterator

from quotelint import enginedata
from quotelint.names import strip_marks

DATA = os.path.join(os.path.dirname(__file__), "data")
SEXES = {"m": "male", "f": "female"}
FILES = (
    "given_names.tsv",
    "person_nouns.txt",
    "group_nouns.txt",
    "source_nouns.txt",
    "place_names.txt",
    "organization_names.txt",
    "place_suffixes.txt",
    "time_words.txt",
)

LOOKED_UP = (*FILES, "verbs.txt", "word_surnames.txt")  # every file the functions below read
GIVEN_NAMES = "given_names.tsv"

_PLURAL_ENDINGS = ("s", "men", "people", "folk", "children")  # aides, fishermen, townsfolk


def _lines(name: str) -> list[str]:
    """A word file's entries: its lines after the `#` header at its top."""
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return lines[start:-1]  # the last line ends with a newline


@functools.cache
def words(name: str) -> frozenset[str]:
    """The entries of one word file of quotelint/data (its `#` header left out)."""
    return frozenset(_lines(name))


@functools.cache
def given_names() -> dict[str, str]:
    """First name (lower case) -> the rest of its row as written: its sex (m, f or - for none)
    and the share of its bearers who have the more frequent sex, a tab between ("f\t0.97")."""
    rows = (line.split("\t", 1) for line in _lines("given_names.tsv"))
    return {name: sys.intern(rest) for name, rest in rows}  # a few hundred distinct rests


def entries(name: str) -> Iterator[tuple[str, str]]:
    """The entries of one of the LOOKED_UP files, each with the rest of its row (a first name's
    sex and share, as `given_names` keeps them; a list of words: nothing, ''), read from the
    file and kept nowhere (the registry cache writes them: registry/wordfiles.py)."""
    for line in _lines(name):
        entry, _, rest = line.partition("\t") if name == GIVEN_NAMES else (line, "", "")
        yield entry, rest


def listed(name: str) -> Container[str]:
    """The entries of one of the LOOKED_UP files, to ask whether a word is one: the registry
    cache's table of the file when a cache is open (enginedata.word_file), else the file's words."""
    table = enginedata.word_file(name)
    return words(name) if table is None else table


def look_up(name: str, words: Iterable[str]) -> None:
    """Read at once the entries of these words in a LOOKED_UP file, when the registry cache
    holds it (WordFile.load): what a memo's questions will then ask one by one."""
    table = enginedata.word_file(name)
    if table is not None:
        table.load(words)


def given_row(name: str) -> str | None:
    """The row of a first name as given_names.tsv writes it (lower case), or None."""
    table = enginedata.word_file(GIVEN_NAMES)
    return (given_names() if table is None else table).get(name)


def name_key(first_name: str) -> str:
    """A first name as given_names.tsv lists it: without marks, lower case."""
    return strip_marks(first_name.strip()).lower()


def given_sex(first_name: str) -> str | None:
    """'male' or 'female' when most bearers of the first name (0.8 or more) have that sex in
    the 1990 US census lists; None for a name that tells no sex (Taylor) or is not listed."""
    row = given_row(name_key(first_name))
    return SEXES.get(row.partition("\t")[0]) if row else None


def leaning_sex(first_name: str) -> tuple[str, float] | None:
    """The sex more of the first name's bearers have, with their share, however small the lead
    (Bernie: male, 0.79); None for a name not listed or too rare to tell."""
    row = given_row(name_key(first_name))
    if not row:
        return None
    sex, _, share = row.partition("\t")
    found = SEXES.get(sex.rstrip("?"))
    return (found, float(share)) if found else None


def given_name_share(first_name: str) -> float | None:
    """The share of the first name's bearers who have its more frequent sex (Mary 0.99, Taylor
    0.65), for a caller wanting more certainty than given_sex's 0.8; None if not listed."""
    row = given_row(name_key(first_name))
    return float(row.partition("\t")[2]) if row else None


def is_given_name(word: str) -> bool:
    """Whether the word is a first name of the 1990 US census lists, whatever its sex."""
    return given_row(name_key(word)) is not None


def is_word_surname(word: str) -> bool:
    """A frequent surname that is also an English word: Pike, Wells, Price (census 1990)."""
    return word.lower() in listed("word_surnames.txt")


def is_person_noun(word: str) -> bool:
    """A noun for a person or people, singular or plural: spokesman, senators, aides."""
    return word.lower() in listed("person_nouns.txt")


def reads_plural(noun: str) -> bool:
    """A lower-case noun whose ending makes it plural: aides, fishermen, people, children."""
    return noun.endswith(_PLURAL_ENDINGS)


def is_verb(word: str) -> bool:
    """A verb in the base form, not mostly used as a noun: embrace, gut; not cloud, rehab."""
    return word.lower() in listed("verbs.txt")


def is_group_noun(word: str) -> bool:
    """A noun for a group or a body that can speak: committee, agencies, campaign, police."""
    return word.lower() in listed("group_nouns.txt")


def is_source_noun(word: str) -> bool:
    """A noun for a thing that carries words: report, statement, polls, editorial."""
    return word.lower() in listed("source_nouns.txt")


def _written(text: str) -> str:
    """Text with its spaces made single and typographic apostrophes plain."""
    return " ".join(text.replace("\u2019", "'").split())


def is_place_name(text: str) -> bool:
    """The name of a place, capitalised as written: Texas, New York, Lake Erie (not texas)."""
    return _written(text) in listed("place_names.txt")


def is_organization_name(text: str) -> bool:
    """The name of a body, capitalised as written: Congress, NATO, Red Cross."""
    return _written(text) in listed("organization_names.txt")


def has_place_suffix(text: str) -> bool:
    """A name of two words or more whose last word makes it a place's: Carnegie Hall, Elm
    Street, Orange County (Hall alone is no place: it is a surname too)."""
    name = _written(text).split(" ")
    return len(name) > 1 and name[-1] in listed("place_suffixes.txt")


def is_place_or_body(text: str) -> bool:
    """A name that is a place's or a body's, by its list or its last word: never a person's."""
    return is_place_name(text) or is_organization_name(text) or has_place_suffix(text)


def is_time_word(text: str) -> bool:
    """A day, month, holiday or season, as written or with its first letter in lower case (a
    season opening a sentence): Monday, Thanksgiving, New Year's Day, Jan., Spring. An
    abbreviation needs its full stop (Jan. is a month, Jan a name)."""
    written = _written(text)
    known = listed("time_words.txt")
    return written in known or written[:1].lower() + written[1:] in known
