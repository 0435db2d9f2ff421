"""The [tool.quotelint] table of a pyproject.toml kept in the cache folder (quotelint/tomlcache.py):
a warm run imports no tomllib, an edit is seen at once, and a kept file is trusted as the
registry cache's files are."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quotelint.settings import load_settings
from tests.conftest import run_quotelint
from tests.test_startup import loaded_after

REGISTRY = """\
people:
  - id: jane-roe
    name: Jane Roe
    misspellings: [Jane Rowe]
"""
ARTICLE = "The council met on Tuesday, and Jane Rowe said the bridge would open in spring.\n"
SETTINGS = '[project]\nname = "paper"\n\n[tool.quotelint]\nregistry = ["registry.yaml"]\n'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    (folder / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "pyproject.toml").write_text(SETTINGS, encoding="utf-8")
    return folder


def check(project: Path, cache: Path, *more: str):  # type: ignore[no-untyped-def]
    return run_quotelint("check", "--format", "json", "a.txt", *more, cwd=project, env={"QUOTELINT_CACHE_DIR": str(cache)})


def kept(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.settings.json"))


def rule_ids(done) -> list[str]:  # type: ignore[no-untyped-def]
    return [f["rule"] for f in json.loads(done.stdout)["findings"]]


def test_a_warm_run_reads_the_settings_without_tomllib(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert "tomllib" in loaded_after(["check", "a.txt"], project, cache)
    (file,) = kept(cache)
    assert json.loads(file.read_text(encoding="utf-8")) == {"registry": ["registry.yaml"]}
    assert oct(file.stat().st_mode & 0o777) == "0o600"
    assert "tomllib" not in loaded_after(["check", "a.txt"], project, cache)


def test_an_edit_is_seen_at_once(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = check(project, cache)
    assert first.returncode == 1 and rule_ids(first) == ["QL201"]
    with open(project / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write('ignore = ["QL201"]\n')
    done = check(project, cache)
    assert done.returncode == 0 and rule_ids(done) == []
    assert len(kept(cache)) == 2


def test_a_table_json_cannot_hold_is_parsed_on_every_run(project: Path, tmp_path: Path) -> None:
    """A TOML date is no JSON value: such a table is not kept, and reads the same every run."""
    cache = tmp_path / "cache"
    with open(project / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write("date = 2024-05-01\n")
    assert load_settings(str(project / "pyproject.toml"), use_cache=False).date is not None
    for _ in range(2):
        assert "tomllib" in loaded_after(["check", "a.txt"], project, cache)
    assert kept(cache) == []


@pytest.mark.parametrize("planted", ["[1, 2]", '{"registry": ', "not json"])
def test_a_kept_file_that_is_no_table_is_ignored_and_written_anew(project: Path, tmp_path: Path, planted: str) -> None:
    cache = tmp_path / "cache"
    check(project, cache)
    (file,) = kept(cache)
    file.write_text(planted, encoding="utf-8")
    done = check(project, cache)
    assert done.returncode == 1 and rule_ids(done) == ["QL201"]
    assert json.loads(file.read_text(encoding="utf-8")) == {"registry": ["registry.yaml"]}


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="no owners and modes (Windows)")
def test_a_kept_file_others_may_write_to_is_not_used(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    check(project, cache)
    (file,) = kept(cache)
    file.write_text('{"registry": ["registry.yaml"], "ignore": ["QL201"]}', encoding="utf-8")
    file.chmod(0o666)
    done = check(project, cache)
    assert rule_ids(done) == ["QL201"]  # the planted table was not read: the file was parsed
    assert oct(file.stat().st_mode & 0o777) == "0o600" and "ignore" not in file.read_text(encoding="utf-8")


def test_no_cache_keeps_nothing(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert check(project, cache, "--no-cache").returncode == 1
    assert run_quotelint("check", "a.txt", cwd=project, env={"QUOTELINT_CACHE_DIR": str(cache), "QUOTELINT_NO_CACHE": "1"}).returncode == 1
    assert kept(cache) == []


def test_malformed_toml_is_an_error_on_every_run(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    (project / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["registry.yaml"\n', encoding="utf-8")
    for _ in range(2):
        done = check(project, cache)
        assert done.returncode == 2 and "malformed TOML" in done.stderr and "Traceback" not in done.stderr
    assert kept(cache) == []


@pytest.mark.parametrize(("text", "error"), [("tool = 1\n", None), ("[tool]\nquotelint = 1\n", "[tool.quotelint] must be a table")])
def test_a_tool_key_that_is_no_table_is_no_traceback(tmp_path: Path, text: str, error: str | None) -> None:
    """`tool` that is no table holds no [tool.quotelint]: the defaults; a `quotelint` key that
    is no table is an error, explained."""
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = run_quotelint("check", "--config", "pyproject.toml", "a.txt", cwd=tmp_path, env={"QUOTELINT_CACHE_DIR": str(tmp_path / "cache")})
    assert "Traceback" not in done.stderr
    if error is None:
        assert done.returncode == 0  # the defaults: no registry, nothing found
    else:
        assert done.returncode == 2 and error in done.stderr
