"""The registry cache: plain data that never runs, in a folder and files only the user can write,
keyed on the bytes of the registry, read lazily, and the same findings as the YAML gives."""

from __future__ import annotations

import os
import pickle
import sqlite3
import stat
from pathlib import Path

import pytest

from quotelint.linter import lint_text
from quotelint.registry.cache import files_and_key, load_cached
from quotelint.registry.load import load_registry
from tests.conftest import ROOT, run_quotelint
from tests.integ_helpers import through_the_cache

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
REGISTRY = """\
people:
  - id: jane-roe
    name: Jane Roe
    aliases: [Roe]
quotes:
  - id: roe-bridge
    speaker: jane-roe
    text: We will build the bridge before the winter comes
    date: 2024-05-01
    source: https://example.org/roe
"""
ARTICLE = "“We will build the bridge before the winter comes,” Jane Roe said.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def check(project: Path, cache: Path, *more: str):  # type: ignore[no-untyped-def]
    return run_quotelint("check", "--format", "json", "--registry", "registry.yaml", "a.txt", *more, cwd=project, env={"QUOTELINT_CACHE_DIR": str(cache)})


def cache_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if not p.name.startswith("."))


def tampered(project: Path, cache: Path, *statements: str) -> Path:
    """The cache file of a first run, changed by SQL statements (as someone else could)."""
    check(project, cache)
    (file,) = cache_files(cache)
    with sqlite3.connect(file) as db:
        for sql in statements:
            db.execute(sql)
    db.close()
    return file


class Opens:
    """A pickled object that opens (creates) a file when it is unpickled: code from the cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_is_never_run(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert check(project, cache).returncode == 0
    marker = tmp_path / "ran"
    for path in cache_files(cache):
        path.write_bytes(pickle.dumps(Opens(marker)))
    done = check(project, cache)
    assert done.returncode == 0 and not marker.exists()
    assert '"findings": []' in done.stdout  # the quote is still verified: the cache was rebuilt


def test_folder_0700_and_files_0600(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "new" / "cache"
    assert check(project, cache).returncode == 0
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    (file,) = cache_files(cache)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_a_folder_others_may_write_to_is_not_used(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "shared"
    cache.mkdir()
    cache.chmod(0o777)
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout
    assert "not using the registry cache in" in done.stderr and "group or others may write to it" in done.stderr
    assert list(cache.iterdir()) == []


def test_a_cache_file_others_may_write_to_is_ignored_and_rebuilt(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    file = tampered(project, cache, "UPDATE quotes SET v = replace(v, 'bridge', 'tunnel')")  # as others may now
    file.chmod(0o666)
    done = check(project, cache)
    assert '"findings": []' in done.stdout  # the tampered text was not used
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_a_cache_file_of_another_user_is_ignored_and_rebuilt(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    file = tampered(project, cache, "UPDATE quotes SET v = replace(v, 'bridge', 'tunnel')")
    os.chown(file, 4321, 4321)
    done = check(project, cache)
    assert '"findings": []' in done.stdout
    assert file.stat().st_uid == 0


def test_the_temporary_file_is_not_at_a_name_one_can_guess(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("QUOTELINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("QUOTELINT_NO_CACHE", raising=False)
    registry = [str(project / "registry.yaml")]
    load_cached(registry)
    (file,) = cache_files(cache)
    file.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    for name in (f"{file.name}.{os.getpid()}.tmp", f"{file.name}.tmp"):  # where a temporary file used to go
        (cache / name).symlink_to(victim)
    load_cached(registry)
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert file.exists() and not file.is_symlink()


def test_an_edit_that_keeps_size_and_modification_time_is_seen(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert '"findings": []' in check(project, cache).stdout
    path = project / "registry.yaml"
    st = path.stat()
    path.write_text(REGISTRY.replace("bridge", "tunnel"), encoding="utf-8")  # as many bytes
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns
    done = check(project, cache)
    assert '"rule": "QL102"' in done.stdout  # now an altered quote


def test_each_registry_file_is_read_once_for_the_key(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import quotelint.registry.cache as cache_module

    reads: list[str] = []
    real = cache_module.read_file
    monkeypatch.setattr(cache_module, "read_file", lambda path: reads.append(path) or real(path))
    files, key = files_and_key([str(project)])
    assert files == [str(project / "registry.yaml")]
    assert [r for r in reads if r.startswith(str(project))] == files
    assert files_and_key([str(project)])[1] == key


def test_a_damaged_row_is_not_trusted(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tampered(project, cache, "UPDATE quotes SET v = '[1, 2'")
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout


def test_a_cache_with_anything_but_its_own_tables_is_refused(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tampered(project, cache, "DELETE FROM quotes", "CREATE VIEW quotes_view AS SELECT * FROM quotes")
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout


def test_the_cache_gives_the_findings_the_yaml_gives(tmp_path: Path) -> None:
    registry = load_registry([str(ROOT / "rules")])
    cached = through_the_cache(registry, tmp_path / "cache")
    for article in sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "gold").glob("*/*.txt")):
        text = article.read_text(encoding="utf-8")
        assert lint_text(text, cached, path=str(article)) == lint_text(text, registry, path=str(article)), article.name
    assert list(cached.entities) == list(registry.entities) and list(cached.quotes) == list(registry.quotes)
    assert cached.claims == registry.claims and [r.id for r in cached.rules] == [r.id for r in registry.rules]
    common, proper = cached.words.common_words, cached.words.proper_names  # the cache's tables, looked up word by word: compared as sets
    assert set(common) == registry.words.common_words and set(proper) == registry.words.proper_names
    assert cached.words.replace(common_words=registry.words.common_words, proper_names=registry.words.proper_names) == registry.words


def test_checking_an_article_reads_no_table_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What makes a one-file check on a large registry fast: only the rows it needs are read."""
    from quotelint.registry.store import Store

    registry = load_registry([str(ROOT / "rules")])
    through_the_cache(registry, tmp_path / "cache")
    rows, count = Store.rows, Store.count

    def whole(read):  # type: ignore[no-untyped-def]
        def check(store: Store, table: str):  # type: ignore[no-untyped-def]
            # The wrong-title rule looks through every role holder for whom a title fits, when a
            # person is called by a title the registry does not give them: a scan by design.
            assert table == "holders", f"the whole {table} table was read"
            return read(store, table)

        return check

    monkeypatch.setattr(Store, "rows", whole(rows))
    monkeypatch.setattr(Store, "count", whole(count))
    cached = through_the_cache(registry, tmp_path / "cache")  # read again, all of it watched
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        lint_text(seed.read_text(encoding="utf-8"), cached, path=str(seed))


def test_an_edited_engine_file_makes_a_new_key_without_any_being_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's own files count by path, size and modification time (as Python's bytecode
    cache counts a module's source), so that a run reads none of its 1.8 MB to make the key."""
    from quotelint.registry import cache

    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    code, data = package / "rule.py", package / "data" / "words.txt"
    code.write_text("X = 1\n", encoding="utf-8")
    data.write_text("word\n", encoding="utf-8")
    monkeypatch.setattr(cache, "PACKAGE", str(package))

    def key() -> bytes:
        cache.engine_digest.cache_clear()
        return cache.engine_digest()

    real_open = open
    monkeypatch.setattr("builtins.open", lambda path, *a, **k: pytest.fail(f"read {path}") if str(path).startswith(str(package)) else real_open(path, *a, **k))
    first = key()
    assert key() == first
    os.utime(code, ns=(code.stat().st_atime_ns, code.stat().st_mtime_ns + 1_000_000))
    touched = key()
    assert touched != first
    data.write_text("words\n", encoding="utf-8")
    assert key() not in (first, touched)
    cache.engine_digest.cache_clear()


@pytest.mark.parametrize(
    ("table", "damaged", "listed", "unlisted"), [("common_words", "bridge", "winter", "zorblat"), ("proper_names", "Paris", "Oslo", "Zorblat")]
)
def test_cached_word_lists_are_looked_up_word_by_word_and_a_damaged_row_is_not_trusted(
    project: Path, tmp_path: Path, table: str, damaged: str, listed: str, unlisted: str
) -> None:
    cache = tmp_path / "cache"
    file = tampered(project, cache, f"UPDATE {table} SET v = '[1' WHERE k = '{damaged}'")
    os.environ["QUOTELINT_CACHE_DIR"] = str(cache)
    try:
        words = load_cached([str(project / "registry.yaml")]).words
    finally:
        del os.environ["QUOTELINT_CACHE_DIR"]
    assert cache_files(cache) == [file]  # read from the cache, not written anew
    found = getattr(words, table)
    assert listed in found and unlisted not in found and words.is_common_word(listed.title())
    assert damaged in found  # its row does not decode: the registry is read from its YAML
    assert len(found) == len(getattr(load_registry([str(project / "registry.yaml")]).words, table))


def test_a_documents_words_are_looked_up_together(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words that may begin a name, or anchor one, are asked of the cache a few hundred to a
    query, not one query a word; the findings are those of the registry read from YAML."""
    from quotelint.registry.store import CHUNK
    from tests.integ_helpers import counted_queries, project_registry_cached

    registry, cached = project_registry_cached(tmp_path / "cache")
    queries, many = counted_queries(monkeypatch)
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    assert lint_text(text, cached, path=str(seed)) == lint_text(text, registry, path=str(seed))
    one = [table for table, _ in queries]
    distinct = len(set(text.split()))
    assert distinct > 200 and {"by_first", "common_words", "by_word"} <= set(many) and len(many) < distinct / CHUNK + 10
    assert "by_first" not in one and "by_word" not in one and one.count("common_words") < distinct / 5


def test_a_damaged_row_read_with_others_is_not_trusted(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    tampered(project, cache, "UPDATE by_first SET v = '[1' WHERE k = 'Jane'")
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout


def test_the_title_countries_are_read_from_the_cache_as_a_run_works_them_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The keys of every country name in titles.yaml are worked out once, when the cache is
    written: a run served from it takes them as they are (3 ms of a one-article check)."""
    from quotelint import enginedata
    from quotelint.checks import title_words

    worked_out = title_words.country_keys(enginedata.load("titles.yaml"))
    through_the_cache(load_registry([str(ROOT / "rules")]), tmp_path / "cache")
    monkeypatch.setattr(title_words, "country_keys", lambda data: pytest.fail("the countries were worked out again"))
    title_words.title_words.cache_clear()
    try:
        assert list(title_words.title_words().countries.items()) == list(worked_out.items())
    finally:
        title_words.title_words.cache_clear()


def test_the_words_cues_need_are_read_from_the_cache_as_a_run_works_them_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The words each claim's cue needs are worked out when the cache is written: a run served
    from it parses no cue, and leaves unsearched the sentences a run reading YAML leaves."""
    from quotelint.claims import cuewords
    from quotelint.yamlrules import regextree

    registry = load_registry([str(ROOT / "rules")])
    cues = list(dict.fromkeys(c.cue for c in registry.claims))
    worked_out = {cue: cuewords.required.__wrapped__(cue) for cue in cues}
    assert any(worked_out.values()) and len(cues) > 5
    cached = through_the_cache(registry, tmp_path / "cache")
    cuewords.required.cache_clear()
    monkeypatch.setattr(regextree.Parser, "parse", lambda parser: pytest.fail(f"the cue {parser.p!r} was parsed again"))
    try:
        assert list(cached.claims) == list(registry.claims)  # the claims read: the words handed over
        assert {cue: cuewords.required(cue) for cue in cues} == worked_out
    finally:
        cuewords.required.cache_clear()


@pytest.mark.parametrize(
    ("key", "planted", "written"),
    [
        *[("derived", planted, '"title-countries"') for planted in ('{"title-countries": [[["france"]]]}', '{"title-countries": [[[], "France"]]}', '{"title-countries": [[["france"], 7]]}', "{}")],
        *[("cue-words", planted, "{}") for planted in ('{"turnout": "turnout"}', '{"turnout": [1]}', "[]", "null")],  # the project has no claims
        *[("word-files", planted, '"person_nouns.txt"') for planted in ('"person_nouns.txt"', "[1]", "null")],
    ],
)
def test_data_of_the_wrong_shape_makes_the_cache_unused_and_written_anew(project: Path, tmp_path: Path, key: str, planted: str, written: str) -> None:
    """Engine data worked out when the cache was written (`derived`), the words of the claims'
    cues, the names of the word files: a row of the wrong shape is not used."""
    cache = tmp_path / "cache"
    file = tampered(project, cache, f"UPDATE meta SET v = '{planted}' WHERE k = '{key}'")
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout
    with sqlite3.connect(file) as db:
        (row,) = db.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
    db.close()
    assert row != planted and written in row


def test_a_cache_of_an_older_format_is_written_anew(project: Path, tmp_path: Path) -> None:
    """A cache file an older quotelint wrote under this registry's key (its format is part of
    the key, and checked again when the file is opened) is not read: it is written anew."""
    from quotelint.registry.store import FORMAT

    cache = tmp_path / "cache"
    file = tampered(project, cache, "UPDATE meta SET v = '\"quotelint-registry-cache 4\"' WHERE k = 'format'", "DELETE FROM meta WHERE k = 'cue-words'")
    done = check(project, cache)
    assert done.returncode == 0 and '"findings": []' in done.stdout
    with sqlite3.connect(file) as db:
        rows = dict(db.execute("SELECT k, v FROM meta WHERE k IN ('format', 'cue-words')").fetchall())
    db.close()
    assert rows == {"format": f'"{FORMAT}"', "cue-words": "{}"}
