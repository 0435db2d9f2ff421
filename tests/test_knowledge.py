"""The knowledge word files (quotelint/data) and their loader, tested as codespell tests its dictionary."""

from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from quotelint import knowledge
from quotelint.knowledge import (
    FILES,
    given_name_share,
    given_sex,
    has_place_suffix,
    is_given_name,
    is_group_noun,
    is_organization_name,
    is_person_noun,
    is_place_name,
    is_source_noun,
    is_time_word,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "quotelint" / "data"
LOWER_CASE = ("given_names.tsv", "person_nouns.txt", "group_nouns.txt", "source_nouns.txt")
FROM_WORDNET = ("person_nouns.txt", "group_nouns.txt", "source_nouns.txt", "place_names.txt", "organization_names.txt", "time_words.txt")
CAPITALISED = ("place_names.txt", "organization_names.txt", "place_suffixes.txt")


def raw_lines(name: str) -> tuple[list[str], list[str]]:
    """A file's header lines and its entries, as they stand."""
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", f"{name} ends without a newline"
    header = [line for line in lines[:-1] if line.startswith("#")]
    return header, lines[len(header) : -1]


@pytest.mark.parametrize("name", FILES)
def test_entries_are_sorted_distinct_and_clean(name: str) -> None:
    header, entries = raw_lines(name)
    assert header and entries, name
    assert entries == sorted(set(entries)), f"{name}: not sorted, or with duplicates"
    assert all(e and e == e.strip() and "  " not in e for e in entries), f"{name}: empty or padded lines"
    assert not any(e.startswith("#") for e in entries)


@pytest.mark.parametrize("name", FILES)
def test_the_header_names_the_source_and_how_to_rebuild(name: str) -> None:
    header = " ".join(" ".join(line.lstrip("#").split()) for line in raw_lines(name)[0])
    assert "quotelint.devtools.build_knowledge" in header and "KNOWLEDGE.md" in header
    if name in FROM_WORDNET:
        assert "WordNet 3.0 Copyright 2006 by Princeton University." in header  # the licence's notice
        assert "THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\"" in header
    elif name == "given_names.tsv":
        assert "Census" in header and "public domain" in header and "MIT" in header


@pytest.mark.parametrize("name", LOWER_CASE)
def test_lower_case_where_promised(name: str) -> None:
    assert all(e == e.lower() for e in raw_lines(name)[1])


@pytest.mark.parametrize("name", CAPITALISED)
def test_names_begin_with_a_capital(name: str) -> None:
    assert all(e[0].isupper() for e in raw_lines(name)[1])


def test_given_name_rows_follow_the_rule() -> None:
    for row in raw_lines("given_names.tsv")[1]:
        name, sex, share = row.split("\t")
        assert name.isalpha() and sex in ("m", "f", "m?", "f?", "-") and len(share) == 4, row
        assert 0.5 <= float(share) <= 1.0, row
        assert sex not in ("m", "f") or float(share) >= 0.8, row  # a sex only for a dominant one
        assert not sex.endswith("?") or float(share) < 0.8, row  # else a lead only


def test_every_file_ships_in_the_package() -> None:
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["quotelint"]
    for name in (*FILES, "KNOWLEDGE.md"):
        assert any(fnmatch.fnmatch(f"data/{name}", p) for p in patterns), name


def test_knowledge_md_carries_the_licences() -> None:
    text = " ".join((DATA / "KNOWLEDGE.md").read_text(encoding="utf-8").split())
    assert "WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved." in text
    assert "public domain" in text and "MIT" in text


def test_first_names_tell_their_sex() -> None:
    assert given_sex("Mary") == "female" and given_sex("john") == "male"
    assert given_sex(" JOHN ") == "male" and given_sex("José") == "male"  # case, spaces, accents
    assert given_sex("Taylor") is None and is_given_name("Taylor")  # borne by both sexes
    assert given_name_share("Taylor") == 0.65 and given_name_share("Mary") == 0.99 and given_name_share("Spokesman") is None
    assert given_sex("Spokesman") is None and not is_given_name("the")


def test_nouns_for_people_groups_and_documents() -> None:
    for word in ("spokesman", "Spokesmen", "senator", "father", "official", "officials", "analyst", "voter", "aide", "aides", "source", "insider", "staffer", "strategist", "pollster", "suspect", "women", "brothers-in-law"):
        assert is_person_noun(word), word
    for word in ("committee", "ministry", "agencies", "campaign", "newspaper", "police", "government"):
        assert is_group_noun(word), word
    for word in ("report", "statement", "polls", "survey", "study", "editorial", "article", "letter", "memo", "filing", "lawsuit"):
        assert is_source_noun(word), word


def test_words_mostly_something_else_are_no_person() -> None:
    for word in ("will", "bass", "have", "great", "may", "the", "said", "head", "house"):
        assert not is_person_noun(word), word
    assert not is_group_noun("the") and not is_source_noun("the") and not is_place_name("the") and not is_time_word("the")


def test_places_and_bodies_by_their_written_names() -> None:
    for name in ("Texas", "New York", "Washington", "Turkey", "Lake Erie", "UK", "Paris"):
        assert is_place_name(name), name
    assert not is_place_name("texas") and not is_place_name("Lincoln")  # Lincoln is first a president
    assert not is_place_name("Reading") and not is_place_name("Nice")  # common words as well
    assert is_place_name("New  York") and is_organization_name("NATO") and not is_organization_name("Justice")


def test_place_suffixes_make_a_name_a_place() -> None:
    assert has_place_suffix("Carnegie Hall") and has_place_suffix("Elm  Street") and has_place_suffix("Orange County")
    assert not has_place_suffix("Hall") and not has_place_suffix("Carnegie hall") and not has_place_suffix("White House")


def test_days_months_holidays_and_seasons() -> None:
    for text in ("Monday", "Thanksgiving", "New Year's Day", "New Year\u2019s Day", "Jan.", "Sept.", "Christmas", "Easter", "Ramadan", "Hanukkah", "Diwali", "Eid", "Memorial Day", "Labor Day", "Independence Day", "Super Tuesday", "Election Day", "winter", "Spring"):
        assert is_time_word(text), text
    assert not is_time_word("Jan") and not is_time_word("monday")  # an abbreviation needs its stop; a day its capital


def test_may_is_a_month_and_a_womans_name() -> None:
    """Both readings stand; which one a May in a sentence is, the caller tells from context
    (in May, May 3; May Chen, Ms May). The modal verb, in lower case, is neither."""
    assert is_time_word("May") and given_sex("May") == "female"
    assert not is_time_word("may") and not is_person_noun("may")


def test_importing_reads_nothing() -> None:
    probe = "import quotelint.knowledge as k; print(k.words.cache_info().currsize, k.given_names.cache_info().currsize)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "0"]


def test_each_file_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from quotelint import enginedata

    monkeypatch.setattr(enginedata, "_word_files", {})  # no registry cache open: the files are read
    knowledge.words.cache_clear()
    is_person_noun("aide"), is_person_noun("voter"), is_group_noun("panel")
    assert knowledge.words.cache_info().misses == 2
