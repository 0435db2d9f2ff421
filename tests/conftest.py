"""Shared helpers: run the real `quotelint` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_quotelint(*args: str, cwd: str | os.PathLike[str] | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line, as a user runs it (through `python -m quotelint`)."""
    full_env = {**os.environ, "NO_COLOR": "1", "QUOTELINT_CACHE_DIR": str(ROOT / ".pytest_cache" / "quotelint")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "quotelint", *args],
        cwd=cwd or ROOT,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def quotelint():  # type: ignore[no-untyped-def]
    return run_quotelint
