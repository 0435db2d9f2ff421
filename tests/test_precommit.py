"""The pre-commit hooks, run by the real pre-commit on this checkout (`pre-commit try-repo`).

try-repo clones this repository (its HEAD plus uncommitted changes to tracked files), installs
quotelint from it with pip into a fresh environment, and runs the hook on a newsroom repository
made here. PRE_COMMIT_HOME is shared by the tests of one session.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integ_helpers import GIT_ENV, ROOT, git, init_repo, write_registry


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "newsroom")
    write_registry(repo)
    (repo / ".quotelint.yaml").write_text("registry: [registry.yaml]\n", encoding="utf-8")
    (repo / "bad.md").write_text("# Vote\n\nThe ODHIR mission observed the vote.\n", encoding="utf-8")
    (repo / "good.md").write_text("# Vote\n\nThe ODIHR mission observed the vote.\n", encoding="utf-8")
    (repo / "notes.py").write_text("# ODHIR in code is not an article\n", encoding="utf-8")
    git(repo, "add", ".")
    return repo


def try_repo(newsroom: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_ENV)
    env.update({"PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"})
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_bad_article_fails_with_the_finding_and_good_one_passes(newsroom: Path, pre_commit_home: Path) -> None:
    both = try_repo(newsroom, pre_commit_home, "quotelint", "bad.md", "good.md", "notes.py")
    out = both.stdout + both.stderr
    assert both.returncode == 1, out
    assert "bad.md:3:5: error [QL201] 'ODHIR' is a misspelling of 'ODIHR'" in out
    assert "good.md:" not in out
    assert "in 2 files" in out  # notes.py is not an article: the hook's file filter leaves it out
    good = try_repo(newsroom, pre_commit_home, "quotelint", "good.md")
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def test_without_a_registry_the_hook_fails_and_says_why(newsroom: Path, pre_commit_home: Path) -> None:
    (newsroom / ".quotelint.yaml").unlink()  # a newsroom that installed the hook and nothing else
    git(newsroom, "add", "-A")
    proc = try_repo(newsroom, pre_commit_home, "quotelint", "bad.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out  # pre-commit reports any non-zero exit of a hook as 1
    assert "quotelint: no registry configured, and one is required (--registry-required)" in out
    assert "set `registry` in [tool.quotelint] of pyproject.toml or in .quotelint.yaml" in out


def test_a_failing_hook_shows_the_errors_and_counts_the_info(newsroom: Path, pre_commit_home: Path) -> None:
    speakers = ("Mara Quill", "Tobias Renn", "Ines Falk", "Oskar Lund", "Vera Holm", "Ada Brant", "Nils Evers")
    quotes = "\n\n".join(f'"The count in hall {n} was calm," said {name}.' for n, name in enumerate(speakers, 1))
    (newsroom / "bad.md").write_text(f"# Vote\n\n{quotes}\n\nThe ODHIR mission observed the vote.\n", encoding="utf-8")
    (newsroom / "quotes.md").write_text(f"# Hall\n\n{quotes}\n", encoding="utf-8")
    git(newsroom, "add", ".")
    proc = try_repo(newsroom, pre_commit_home, "quotelint", "bad.md", "quotes.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    line = 3 + 2 * len(speakers)  # the title, a blank line, then each quote and a blank line
    assert f"bad.md:{line}:5: error [QL201] 'ODHIR' is a misspelling of 'ODIHR'" in out
    assert "[QL103]" not in out
    infos = 2 * len(speakers)
    assert f"Found {infos + 1} findings (1 error, {infos} info) in 2 files." in out
    assert f"{infos} info findings not shown (QL103 unverified-quote: {infos}); --show-info lists them." in out


def test_fix_hook_corrects_the_article(newsroom: Path, pre_commit_home: Path) -> None:
    proc = try_repo(newsroom, pre_commit_home, "quotelint-fix", "bad.md")
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out  # pre-commit fails a hook that changed files
    assert "fixed 1 finding in 1 file" in out
    assert (newsroom / "bad.md").read_text(encoding="utf-8") == "# Vote\n\nThe ODIHR mission observed the vote.\n"
    again = try_repo(newsroom, pre_commit_home, "quotelint-fix", "bad.md")
    assert again.returncode == 0, again.stdout + again.stderr


def test_manifest_and_this_repositorys_config_are_valid() -> None:
    from pre_commit.clientlib import load_config, load_manifest

    hooks = {h["id"]: h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"quotelint", "quotelint-fix"}
    assert hooks["quotelint"]["entry"] == "quotelint check --registry-required"
    assert hooks["quotelint-fix"]["entry"] == "quotelint check --registry-required --fix"
    from quotelint.document import KINDS_BY_SUFFIX

    for hook in hooks.values():  # the hooks take every format quotelint reads, and nothing else
        pattern = re.compile(hook["files"])
        assert all(pattern.search(f"news/story{suffix}") for suffix in KINDS_BY_SUFFIX)
        assert all(pattern.search(f"news/STORY{suffix.upper()}") for suffix in KINDS_BY_SUFFIX)
        assert not any(pattern.search(name) for name in ("tool.py", "data.yaml", "story.md.bak", "notes.txt~"))
    config = load_config(str(ROOT / ".pre-commit-config.yaml"))
    entries = [h["entry"] for repo in config["repos"] for h in repo["hooks"]]
    assert any("--baseline .quotelint-baseline.json" in e for e in entries)
    assert (ROOT / ".quotelint-baseline.json").is_file()
