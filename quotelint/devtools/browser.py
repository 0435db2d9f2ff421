"""Headless Chromium for looking at the HTML report as a reader's browser builds it.

Used by the browser tests (`--dump-dom`) and by `readme_report` (`--screenshot`). The flags keep
the browser off the network and out of the user's profile: nothing but the local file is loaded.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium() -> str | None:
    """The chromium binary on PATH (Debian's package is `chromium`), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run(page: Path, profile: Path, *flags: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Open a local page with the extra flags; a fresh profile folder for each run."""
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("no chromium binary on PATH (apt-get install chromium)")
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *flags, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM after the page has loaded, serialised by the browser."""
    done = run(page, profile, "--dump-dom")
    if done.returncode != 0 or "</html>" not in done.stdout:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout


def screenshot(page: Path, profile: Path, target: Path, width: int = 1280, height: int = 2000) -> None:
    done = run(page, profile, f"--screenshot={target.resolve()}", f"--window-size={width},{height}")
    if done.returncode != 0 or not target.exists():
        raise RuntimeError(f"chromium made no screenshot ({done.returncode}): {done.stderr[-2000:]}")
