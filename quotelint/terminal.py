"""What the terminal wants: colour or not, and how wide a line may be.

Colour: `--color always|never` decides; with `auto` (the default) `NO_COLOR` switches it off,
else `FORCE_COLOR` switches it on (for CI logs that show colour but are not a terminal), else
it is on when the output is a terminal. An empty variable counts as unset (no-color.org,
force-color.org). Output written to a file (`-o`) has colour only with `--color always`.
"""

from __future__ import annotations

import os
import shutil
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
    """Columns of the terminal (`COLUMNS` first, as `shutil.get_terminal_size` reads it), else fallback."""
    return max(40, shutil.get_terminal_size((fallback, 24)).columns)
