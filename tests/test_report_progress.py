"""The report's progress bar: only on a terminal, never in CI, only on runs that last."""

from __future__ import annotations

import io

from quotelint.report.progress import Progress, wanted


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_wanted_only_on_a_terminal_outside_ci() -> None:
    assert wanted(Terminal(), {})
    assert not wanted(io.StringIO(), {})
    assert not wanted(Terminal(), {"CI": "true"})
    assert not wanted(Terminal(), {"TERM": "dumb"})


def test_a_short_run_draws_nothing() -> None:
    stream, clock = Terminal(), Clock()
    bar = Progress(3, stream, enabled=True, clock=clock, width=60)
    for _ in range(3):
        clock.now += 0.1
        bar.step("a.txt")
    bar.close()
    assert stream.getvalue() == ""


def test_a_long_run_draws_a_bar_and_erases_it() -> None:
    stream, clock = Terminal(), Clock()
    bar = Progress(4, stream, enabled=True, clock=clock, width=60)
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        clock.now += 0.6
        bar.step(name)
    out = stream.getvalue()
    assert "\r[" in out and " 4/4 d.txt" in out and " 1/4 a.txt" in out
    drawn = [chunk for chunk in out.split("\r") if chunk]
    assert all(len(chunk) == 59 for chunk in drawn)  # never wider than the terminal
    assert "[" + "#" * 20 + "]" in out  # full at the end
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * 59 + "\r")


def test_redraws_are_limited_but_the_last_step_is_drawn() -> None:
    stream, clock = Terminal(), Clock()
    clock.now = 1.0
    bar = Progress(100, stream, enabled=True, clock=clock, width=80, delay=0.0)
    for _ in range(100):
        clock.now += 0.001
        bar.step("x")
    assert stream.getvalue().count("\r") == 2  # the first step and the last


def test_disabled_bar_is_silent_and_labels_are_cleaned() -> None:
    stream, clock = Terminal(), Clock()
    bar = Progress(1, stream, enabled=False, clock=clock)
    clock.now = 5
    bar.step("a")
    assert stream.getvalue() == ""
    line = Progress(1, stream, enabled=True, width=40).line("evil\x1b[2Jname")
    assert "\x1b" not in line and len(line) == 39
