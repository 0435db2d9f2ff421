"""The engine's word files as a table of the registry cache (quotelint/registry/wordfiles.py): a
run served from the cache reads none of them, and answers as the files do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotelint import enginedata, knowledge
from quotelint.registry import wordfiles
from quotelint.registry.cache import load_cached
from tests.test_registry_cache import cache_files, check, project, tampered  # noqa: F401 - a fixture

# Entries of the files, and words that are none (each file in its own case, as its functions ask).
ASKED = [
    (knowledge.is_given_name, "Mary", "Zorblat"),
    (knowledge.is_person_noun, "spokesman", "bridge"),
    (knowledge.is_group_noun, "committee", "bridge"),
    (knowledge.is_source_noun, "report", "winter"),
    (knowledge.is_place_name, "Texas", "Zorblat"),
    (knowledge.is_organization_name, "Red Cross", "Zorblat"),
    (knowledge.has_place_suffix, "Elm Street", "Jane Roe"),
    (knowledge.is_time_word, "Thanksgiving", "Zorblat"),
    (knowledge.is_verb, "embrace", "cloud"),
    (knowledge.is_word_surname, "Pike", "Zorblat"),
]


def opened(project: Path, cache: Path) -> None:
    """Open the project's registry cache, written first, as a run does."""
    os.environ["QUOTELINT_CACHE_DIR"] = str(cache)
    try:
        load_cached([str(project / "registry.yaml")])
        assert load_cached([str(project / "registry.yaml")]).built is not None, "not read from the cache"
    finally:
        del os.environ["QUOTELINT_CACHE_DIR"]


@pytest.fixture(autouse=True)
def own_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """The word files of the cache a test opens are in use for that test alone."""
    monkeypatch.setattr(enginedata, "_word_files", {})


def test_the_table_holds_every_file_as_its_functions_read_it() -> None:
    written: dict[str, dict[str, str]] = {}
    for key, rest in wordfiles.rows():
        name, entry = key.split(wordfiles.SEP)
        written.setdefault(name, {})[entry] = rest
    assert list(written) == list(knowledge.LOOKED_UP)
    for name, rows in written.items():
        assert rows == (knowledge.given_names() if name == knowledge.GIVEN_NAMES else dict.fromkeys(knowledge.words(name), "")), name


def test_a_run_served_from_the_cache_reads_no_word_file_and_answers_as_the_files_do(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened(project, tmp_path / "cache")
    monkeypatch.setattr(knowledge, "words", lambda name: pytest.fail(f"{name} was read"))
    monkeypatch.setattr(knowledge, "given_names", lambda: pytest.fail("given_names.tsv was read"))
    for ask, entry, other in ASKED:
        assert ask(entry) and not ask(other), ask.__name__
    assert knowledge.given_sex("Mary") == "female" and knowledge.leaning_sex("Zorblat") is None


def test_a_damaged_row_is_not_trusted(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    file = tampered(project, cache, f"UPDATE word_files SET v = '[1' WHERE k = 'person_nouns.txt{wordfiles.SEP}spokesman'")
    opened(project, cache)
    assert cache_files(cache) == [file]  # read from the cache, not written anew
    assert knowledge.is_person_noun("spokesman") and not knowledge.is_person_noun("bridge")  # the file, read
    assert enginedata.word_file("person_nouns.txt").from_file


def test_past_the_limit_a_file_is_read_whole(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that asks about many words (a large document) reads the file once, as without the
    cache, instead of one query a word without end."""
    from quotelint.registry.store import Store

    opened(project, tmp_path / "cache")
    asked: list[str] = []
    get = Store.get
    monkeypatch.setattr(Store, "get", lambda store, table, key: asked.append(key) or get(store, table, key))
    monkeypatch.setattr(wordfiles, "LIMIT", 3)
    words = ["aide", "bridge", "voter", "winter", "senator", "spokesman", "river"]
    assert [knowledge.is_person_noun(w) for w in words] == [True, False, True, False, True, True, False]
    assert len(asked) == 3


def test_a_warm_check_reads_no_word_file(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A check served from the cache asks about the words of its document (a first name,
    places, days) without reading any of the files."""
    from quotelint.cli import main

    (project / "a.txt").write_text("“The bridge will open in spring,” said council spokesman Mary Okafor on Tuesday.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    check(project, cache)  # the cache is written by a run of the program
    monkeypatch.setenv("QUOTELINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("QUOTELINT_NO_CACHE", raising=False)
    monkeypatch.chdir(project)
    monkeypatch.setattr(knowledge, "words", lambda name: pytest.fail(f"{name} was read"))
    monkeypatch.setattr(knowledge, "given_names", lambda: pytest.fail("given_names.tsv was read"))
    assert main(["check", "--registry", "registry.yaml", "--quiet", "a.txt"]) == 0
    assert enginedata.word_file("given_names.tsv").memo  # Mary: a first name, looked up in the cache
