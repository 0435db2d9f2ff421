"""Work counted, not timed: how many lines of quotelint's own code a call runs.

Tests of how work grows with the input compare these counts for an input and one four times
its size: linear work grows about four times, quadratic work sixteen. The counts do not depend
on the machine or its load, so the tests are as steady as any other.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import quotelint

PACKAGE = os.path.dirname(quotelint.__file__)


def steps(call: Callable[..., Any], *args: Any) -> int:
    """Lines of quotelint code run by call(*args), comprehension passes included."""
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    before = sys.gettrace()
    sys.settrace(tracer)
    try:
        call(*args)
    finally:
        sys.settrace(before)
    return count


def growth(call: Callable[[Any], Any], make: Callable[[int], Any], n: int) -> float:
    """How many times more work call(make(4n)) takes than call(make(n))."""
    small, large = make(n), make(4 * n)
    return steps(call, large) / steps(call, small)
