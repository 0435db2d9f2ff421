"""Documents: bytes in, decoded text plus the prose a rule may look at, with positions kept.

`Document.text` is the decoded file (BOM removed, newlines as written). `Document.prose` is what
rules read: the same text with everything that is not prose (code, URLs, tags, front matter)
taken out. Plain text and Markdown blank out non-prose characters with spaces, so prose offsets
are text offsets. HTML decodes entities and drops tags, so its prose is shorter; `Document.source`
maps a prose offset back to the file.
"""

from __future__ import annotations

import bisect
import os
from itertools import accumulate

from quotelint.errors import UserError
from quotelint.files import DEFAULT_LIMIT, read_bytes
from quotelint.lazyre import lazy
from quotelint.offsets import OffsetMap, blank_spans  # noqa: F401 - OffsetMap is also imported from here
from quotelint.records import Frozen, freeze, thaw

BOM = "\ufeff"

KINDS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".rst": "rst",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

_NEWLINE = lazy(r"\r\n|\r|\n")
# Bare URLs and e-mail addresses are never prose. Both patterns are linear: no nested repeats.
_URL = lazy(r"""(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]}'*]""")
_EMAIL = lazy(r"\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b")


class InputError(UserError):
    """A file that cannot be read as text: missing, binary or not UTF-8."""


def mask_links(text: str) -> str:
    """Blank bare URLs and e-mail addresses. A text without `://`, `www.` or `@` holds none, and
    most prose is spared the two searches (each tries every position)."""
    spans = [m.span() for m in _URL.finditer(text)] if "://" in text or "www." in text else []
    spans += [m.span() for m in _EMAIL.finditer(text)] if "@" in text else []
    return blank_spans(text, spans)


def line_starts(text: str) -> list[int]:
    """The offset of each line's first character: after `\r\n`, `\r` or `\n`."""
    if "\r" in text:
        return [0, *(m.end() for m in _NEWLINE.finditer(text))]
    return list(accumulate(map(len, text.split("\n")[:-1]), lambda start, n: start + n + 1, initial=0))


class Document(Frozen):
    __slots__ = _fields = ("path", "text", "prose", "kind", "bom", "offset_map", "line_starts")
    path: str
    text: str
    prose: str
    kind: str
    bom: bool
    offset_map: OffsetMap | None
    line_starts: tuple[int, ...]
    _shown = _fields[:-1]  # not the line starts

    def __init__(
        self,
        path: str,
        text: str,
        prose: str,
        kind: str = "text",
        bom: bool = False,
        offset_map: OffsetMap | None = None,
        line_starts: tuple[int, ...] = (),
    ) -> None:
        thaw(self)
        self.path = path
        self.text = text
        self.prose = prose
        self.kind = kind
        self.bom = bom
        self.offset_map = offset_map
        self.line_starts = line_starts
        freeze(self)

    @classmethod
    def from_text(cls, text: str, path: str = "-", kind: str = "text", bom: bool = False) -> Document:
        offset_map = None
        if kind != "text":
            from quotelint import markup
        if kind == "markdown":
            prose = markup.mask_markdown(text)
        elif kind == "rst":
            prose = markup.mask_rst(text)
        elif kind == "html":
            prose, offset_map = markup.html_prose(text)
        else:
            prose = text
        prose = mask_links(prose)
        return cls(path, text, prose, kind, bom, offset_map, tuple(line_starts(text)))

    def source(self, offset: int) -> int:
        """The text offset of a prose offset."""
        return offset if self.offset_map is None else self.offset_map.to_text(offset)

    def source_end(self, end: int) -> int:
        """The text offset of an exclusive prose end: just past the span's last character.

        In HTML, `<b>Ned</b> Price` puts the end of "Ned" and the start of " Price" at one
        prose offset; mapping the last character instead keeps `</b>` out of the span.
        """
        if self.offset_map is None or end <= 0:
            return end
        return self.offset_map.to_text(end - 1) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and code-point column of a text offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")


def kind_for(path: str) -> str:
    return KINDS_BY_SUFFIX.get(os.path.splitext(path)[1].lower(), "text")


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """UTF-8 text of a file's bytes and whether it began with a BOM."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (it contains NUL bytes), skipped", path=path)
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}), skipped",
            path=path,
            line=line,
        ) from None
    return text, bom


def read_document(path: str, kind: str | None = None, limit: int | None = DEFAULT_LIMIT) -> Document:
    """The document in a regular file of at most `limit` bytes (the `max-file-size` setting)."""
    data = read_bytes(path, limit, InputError, skipped=", skipped")
    text, bom = decode(data, path)
    return Document.from_text(text, path, kind or kind_for(path), bom)
