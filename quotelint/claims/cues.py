"""Cue patterns from the registry: checked at load, refused when they could run away.

A cue is user input. It is compiled case-insensitively with the `regex` module, through the same
checks as the patterns of YAML rules (`yamlrules.patterns.compile_pattern`): a pattern that does
not compile, that matches empty text (and so every sentence), or that has a shape which
backtracks without end (`(a+)+`, `(a|ab)*`) is refused with a message. Matching is bounded as
well: each search of one sentence may take at most `TIMEOUT` seconds, after which the cue counts
as not found in that sentence. A registry read from its cache checked its cues when the cache
was written: each is compiled when a document first needs it (`lazy_cue`).
"""

from __future__ import annotations

from typing import Any

import regex

from quotelint.lazyre import lazy
from quotelint.yamlrules.patterns import compile_pattern

TIMEOUT = 0.05  # seconds per search of one sentence


def compile_cue(text: str) -> Any:
    """The compiled pattern, or ValueError saying why the cue cannot be used."""
    return compile_pattern(text, ignorecase=True, word_bounded=False)


def lazy_cue(text: str) -> Any:
    """The pattern `compile_cue` gives for a cue it accepted before, compiled on first use."""
    return lazy(text, regex.I)


def search(pattern: Any, text: str) -> Any:
    """`pattern.search(text)`, or None when it takes longer than TIMEOUT."""
    try:
        return pattern.search(text, timeout=TIMEOUT)
    except TimeoutError:
        return None
