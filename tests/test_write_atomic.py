"""Atomic writes: a new file gets the mode open() would give it; an existing file keeps its own."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quotelint.fixes import write_atomic


def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_atomic(str(tmp_path / "report.html"), b"<p>x</p>")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_existing_file_keeps_its_mode_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "article.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(str(target), b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["article.md"]
