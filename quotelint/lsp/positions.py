"""Offsets into a document's text (Unicode code points, as quotelint counts) to LSP positions and back.

An LSP position is a 0-based line and a character offset on that line counted in the units the
client and server agreed on: UTF-16 code units unless both chose otherwise ("utf-8", "utf-32").
A character outside the Basic Multilingual Plane (most emoji) is one code point but two UTF-16
units, so every column after one on the same line differs. Lines break at CR, LF and CRLF, as
in quotelint's Document and in the LSP specification.
"""

from __future__ import annotations

import bisect

from quotelint.document import Document

UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"


def units(text: str, encoding: str = UTF16) -> int:
    """The length of `text` in the encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def position(doc: Document, offset: int, encoding: str = UTF16) -> tuple[int, int]:
    """The (line, character) of a text offset, both 0-based."""
    offset = max(0, min(offset, len(doc.text)))
    line = bisect.bisect_right(doc.line_starts, offset) - 1
    start = doc.line_starts[line]
    return line, units(doc.text[start:offset], encoding)


def line_offset(doc: Document, line: int, column: int) -> int:
    """The text offset of a finding's 1-based line and code-point column."""
    return doc.line_starts[min(max(line, 1), len(doc.line_starts)) - 1] + column - 1


def offset(doc: Document, line: int, character: int, encoding: str = UTF16) -> int:
    """The text offset of a 0-based (line, character); past the line's end, its end."""
    if line >= len(doc.line_starts):
        return len(doc.text)
    start = doc.line_starts[max(line, 0)]
    text = doc.line_text(max(line, 0) + 1)
    if encoding == UTF32:
        return start + min(max(character, 0), len(text))
    count = 0
    for i, ch in enumerate(text):
        if count >= character:
            return start + i
        count += units(ch, encoding)
    return start + len(text)
