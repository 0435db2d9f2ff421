"""Untrusted text (article lines, file names) made safe for a terminal or a CI log.

Control characters (C0, DEL, C1), line and paragraph separators and the bidirectional
controls (overrides, embeddings, isolates, marks) are shown as escapes (`\\x1b`, `\\u202e`),
so that a file cannot drive the terminal, start a line of its own in a log, or make text
read in another order than it is stored.
"""

from __future__ import annotations

from quotelint.lazyre import lazy

HIDDEN = lazy(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(char: str) -> str:
    code = ord(char)
    return SHORT.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str) -> str:
    """The text with every hidden character written as an escape."""
    return HIDDEN.sub(lambda m: escape(m.group()), text)
