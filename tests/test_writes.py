"""Writing users' files (`--fix`, `-o`, the baseline): regular files only, through symbolic links
inside the tree, owner, mode and hard links kept, read-only files left alone, an edit made
during the write kept, and temporary files a killed run left removed."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from quotelint.commands.fix import apply_fixes
from quotelint.document import read_document
from quotelint.finding import Finding, Severity
from quotelint.writes import clean_stale, running, write_file
from tests.conftest import run_quotelint
from tests.integ_helpers import write_registry

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0
TEXT = "The ODHIR mission came.\n"
FIXED = "The ODIHR mission came.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    write_registry(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def fix(tree: Path, *paths: str) -> subprocess.CompletedProcess[str]:
    return run_quotelint("check", "--fix", "--no-cache", "--registry", "registry.yaml", *paths, cwd=tree)


def report(tree: Path, output: str) -> subprocess.CompletedProcess[str]:
    return run_quotelint("check", "--no-cache", "--registry", "registry.yaml", "--format", "json", "news", "-o", output, cwd=tree)


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_file(str(tmp_path / "report.html"), b"<p>x</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "article.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_file(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["article.md"]


def test_a_pipe_or_a_device_is_refused_not_replaced(tree: Path) -> None:
    os.mkfifo(tree / "pipe")
    done = report(tree, "pipe")
    assert done.returncode == 2 and "pipe: not a regular file" in done.stderr
    assert stat.S_ISFIFO(os.lstat(tree / "pipe").st_mode)
    if ROOT_USER:
        try:
            os.mknod(tree / "null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except OSError:
            return  # a container that allows no device nodes
        done = report(tree, "null")
        assert done.returncode == 2 and "null: not a regular file" in done.stderr
        assert stat.S_ISCHR(os.lstat(tree / "null").st_mode)


def test_standard_output_by_name(tree: Path) -> None:
    for name in ("-", "/dev/stdout"):
        done = report(tree, name)
        assert done.returncode == 1 and '"rule": "QL201"' in done.stdout, name


def test_output_through_a_symbolic_link_keeps_the_link(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "out.json"
    elsewhere.write_text("old\n", encoding="utf-8")
    (tree / "out.json").symlink_to(elsewhere)
    assert report(tree, "out.json").returncode == 1
    assert (tree / "out.json").is_symlink() and '"rule": "QL201"' in elsewhere.read_text(encoding="utf-8")
    (tree / "dangling.json").symlink_to(tree / "nowhere" / "x.json")
    done = report(tree, "dangling.json")
    assert done.returncode == 2 and "a symbolic link to nothing" in done.stderr


def test_a_read_only_file_is_left_alone(tree: Path) -> None:
    article = tree / "news" / "a.txt"
    article.chmod(0o444)
    done = fix(tree, "news")
    assert done.returncode == 2 and "news/a.txt: a read-only file; not fixed" in done.stderr
    assert article.read_text(encoding="utf-8") == TEXT and stat.S_IMODE(article.stat().st_mode) == 0o444
    (tree / "out.json").write_text("keep\n", encoding="utf-8")
    (tree / "out.json").chmod(0o444)
    done = report(tree, "out.json")
    assert done.returncode == 2 and "a read-only file; the output is not written" in done.stderr
    assert (tree / "out.json").read_text(encoding="utf-8") == "keep\n"


def test_a_hard_link_stays_one_file(tree: Path) -> None:
    article = tree / "news" / "a.txt"
    os.link(article, tree / "copy.txt")
    assert fix(tree, "news").returncode == 0
    assert (tree / "copy.txt").read_text(encoding="utf-8") == FIXED == article.read_text(encoding="utf-8")
    assert os.stat(tree / "copy.txt").st_ino == os.stat(article).st_ino


@pytest.mark.skipif(not ROOT_USER, reason="only root can give a file to another user")
def test_the_owner_stays(tree: Path) -> None:
    article = tree / "news" / "a.txt"
    os.chown(article, 4321, 4321)
    assert fix(tree, "news").returncode == 0
    st = os.stat(article)
    assert (st.st_uid, st.st_gid) == (4321, 4321) and article.read_text(encoding="utf-8") == FIXED


def test_fix_follows_a_symbolic_link_only_inside_the_tree(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    news = tree / "news"
    (news / "inner").mkdir()
    (news / "inner" / "b.txt").write_text(TEXT, encoding="utf-8")
    (news / "b-link.txt").symlink_to(news / "inner" / "b.txt")
    outside = tmp_path_factory.mktemp("outside") / "c.txt"
    outside.write_text(TEXT, encoding="utf-8")
    (news / "c-link.txt").symlink_to(outside)
    done = fix(tree, "news/a.txt", "news/b-link.txt", "news/c-link.txt")
    assert done.returncode == 2
    assert "news/c-link.txt: a symbolic link to a file outside the folders checked; not fixed" in done.stderr
    assert outside.read_text(encoding="utf-8") == TEXT and (news / "c-link.txt").is_symlink()
    done = fix(tree, "news")  # the folder holds both links and b.txt itself
    assert (news / "inner" / "b.txt").read_text(encoding="utf-8") == FIXED and (news / "b-link.txt").is_symlink()
    assert outside.read_text(encoding="utf-8") == TEXT


def test_an_edit_during_the_write_is_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc = read_document(str(path))
    f = Finding(str(path), 1, 5, 1, 10, "QL201", "spelling-drift", Severity.ERROR, "m", "ODIHR", 4, 9, True)
    real_fsync = os.fsync

    def someone_edits(fd: int) -> None:  # another editor saves while the fixed copy is written
        real_fsync(fd)
        path.write_text("The ODHIR mission came, and went.\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", someone_edits)
    problems: list = []
    assert apply_fixes([f], {str(path): doc}, problems) == [f]
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "The ODHIR mission came, and went.\n"
    assert "changed on disk since it was read; not fixed" in str(problems[0])
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def gone_pid() -> int:
    pid = 4_000_000
    while running(pid):
        pid += 1
    return pid


def test_temporary_files_of_a_killed_run_are_removed_by_the_next(tree: Path) -> None:
    news = tree / "news"
    stale = news / f".quotelint-{gone_pid()}-abc123_x.tmp"
    stale.write_text("The ODIHR mis", encoding="utf-8")  # a partial copy
    live = news / f".quotelint-{os.getppid()}-def456gh.tmp"  # a run still going
    live.write_text("", encoding="utf-8")
    other = news / ".quotelint-notes.tmp"  # not a name quotelint gives
    other.write_text("", encoding="utf-8")
    before = news / ".quotelint-k2j4_x9a.tmp"  # as quotelint 0.1 named them, an hour old
    before.write_text("The ODIHR", encoding="utf-8")
    os.utime(before, (os.stat(before).st_mtime - 3700,) * 2)
    assert fix(tree, "news").returncode == 0
    assert not stale.exists() and live.exists() and other.exists() and not before.exists()
    old = os.stat(live).st_mtime - 2 * 24 * 3600
    os.utime(live, (old, old))
    assert clean_stale(str(news)) == [live.name]

