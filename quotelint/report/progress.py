"""A progress bar on standard error for long report runs.

Drawn only when standard error is a terminal, never when CI is set or TERM is `dumb`, and only
once a run has lasted `delay` seconds, so short runs print nothing. It redraws at most ten
times a second and erases itself when the run ends.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Mapping
from typing import TextIO


def wanted(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if env.get("CI") or env.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        delay: float = 0.5,
        width: int | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.total = max(total, 1)
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self.clock = clock
        self.started = clock()
        self.delay = delay
        self.last_draw = float("-inf")
        self.width = width or shutil.get_terminal_size((80, 24)).columns
        self.drawn = False
        self.done = 0

    def step(self, label: str = "") -> None:
        """One more file done."""
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (now - self.last_draw < 0.1 and self.done < self.total):
            return
        self.last_draw = now
        self.stream.write("\r" + self.line(label))
        self.stream.flush()
        self.drawn = True

    def line(self, label: str) -> str:
        """`[#######.......]  12/40  seeds/name.txt`, cut to the terminal's width."""
        count = f" {self.done}/{self.total} "
        bar_width = max(10, min(30, self.width // 3))
        filled = min(bar_width, bar_width * self.done // self.total)
        label = "".join(c for c in label if c.isprintable())
        text = f"[{'#' * filled}{'.' * (bar_width - filled)}]{count}{label}"
        room = self.width - 1
        return text[:room].ljust(room)

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (self.width - 1) + "\r")
            self.stream.flush()
            self.drawn = False
