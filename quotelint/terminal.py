"""What the terminal wants: colour or not, and how wide a line may be.

Colour: `--color always|never` decides; with `auto` (the default) `NO_COLOR` switches it off,
else `FORCE_COLOR` switches it on (for CI logs that show colour but are not a terminal), else
it is on when the output is a terminal. An empty variable counts as unset (no-color.org,
force-color.org). Output written to a file (`-o`) has colour only with `--color always`.
"""

from __future__ import annotations

import os
import sys
from typing import Any

COLOR_CHOICES = ("auto", "always", "never")


def use_colour(choice: str | None = "auto", stream: Any = None, to_file: bool = False) -> bool:
    if choice == "always":
        return True
    if choice == "never" or to_file:
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def width(fallback: int = 80) -> int:
    """Columns of the terminal, at least 40."""
    return max(40, columns(fallback))


def columns(fallback: int = 80) -> int:
    """Columns of the terminal as `shutil.get_terminal_size` gives them (a positive `COLUMNS`
    first, then the terminal of standard output), else fallback: without importing shutil,
    which loads the compression modules (about 2 ms of a one-article check)."""
    try:
        value = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        value = 0
    if value <= 0:
        try:
            value = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            value = 0
    return value or fallback
