"""The prose of Markdown, reStructuredText and HTML, with positions kept.

`mask_markdown` and `mask_rst` replace everything that is not prose (front matter, code, URLs,
tags, comments, link targets) by spaces and keep every line break, so a prose offset is a text
offset. `html_prose` drops tags, decodes entities and returns an `OffsetMap` back to the text.
Every pattern is compiled once and has no nested repeat that can backtrack without end.
"""

from __future__ import annotations

import bisect
import html
from types import MappingProxyType

import regex

from quotelint.lazyre import lazy
from quotelint.offsets import OffsetMap, blank_spans

Span = tuple[int, int]
Line = tuple[int, int, int]  # start, end of content, end after the line break

_LINE = lazy(r"([^\r\n]*+)(?:\r\n|\r|\n)?")
_NL_IN_PARAGRAPH = r"(?:\r\n?|\n)(?![ \t]*+(?:[\r\n]|\Z))"  # a line break that is not a blank line
_TAG = (
    r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*+)"
    r"(?:\s++[^\s\"'<>/=]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s\"'=<>`]++))?)*+"
    r"\s*+(?P<selfclose>/?)>"
)
# Elements whose content is code or machinery, never prose: skipped up to their closing tag.
_SKIPPED = ("script", "style", "template", "textarea", "svg", "math", "pre", "code")
_CLOSERS = MappingProxyType(
    {name: lazy(rf"</{name}(?=[\s/>])[^>]*+>?", regex.I) for name in _SKIPPED}
)

# --- Markdown -------------------------------------------------------------------------------

_QUOTE_PREFIX = lazy(r"(?:[ \t]{0,3}>[ \t]?)*+")
_FRONT_MATTER = lazy(r"(---|\+\+\+)[ \t]*")
_FENCE = lazy(r"[ \t]*(`{3,}|~{3,})")
_FENCE_CLOSE = lazy(r"[ \t]*(`{3,}|~{3,})[ \t]*")
_LIST_ITEM = lazy(r"[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_REF_DEF = lazy(
    r" {0,3}\[(?!\^)[^\]\r\n]++\]:[ \t]*+(?:<[^<>\r\n]*>|\S++)"
    r"(?:[ \t]++(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|\([^()\r\n]*\)))?[ \t]*"
)
_TICKS = lazy(r"`+")
_DEST = (
    r"\(\s*+(?:<[^<>\r\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*+\))*+)"
    r"(?:\s++(?:\"(?:[^\"\\]|\\.)*+\"|'(?:[^'\\]|\\.)*+'|\((?:[^()\\]|\\.)*+\)))?\s*+\)"
)
_MD_INLINE = lazy(
    "|".join(
        (
            r"(?P<escape>\\[!-/:-@\[-`{-~])",
            r"(?P<ticks>`+)",
            r"(?P<comment><!--)",
            r"(?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*+"
            r"|[\w.!#$%&'*+/=?^`{|}~-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)*+)>)",
            r"(?P<tag>" + _TAG + ")",
            r"(?P<link>!?\[(?P<text>[^\[\]]*+)\](?:" + _DEST + r"|\[[^\[\]\r\n]*\]))",
            r"(?P<dest>\](?:" + _DEST + r"|\[[^\[\]\r\n]*\]))",
        )
    )
)


def _lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    while pos < len(text):
        m = _LINE.match(text, pos)
        lines.append((pos, m.end(1), m.end()))
        pos = m.end()
    return lines


def _indent(line: str, tab: int) -> int:
    """The width of a line's leading white space, tabs to the next multiple of `tab`."""
    width = 0
    for ch in line:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += tab - width % tab
        else:
            break
    return width


def _front_matter(text: str, lines: list[Line]) -> int:
    """The number of lines of YAML (---) or TOML (+++) front matter at the start, else 0."""
    if not lines or not (m := _FRONT_MATTER.fullmatch(text, lines[0][0], lines[0][1])):
        return 0
    closers = ("---", "...") if m[1] == "---" else ("+++",)
    for k, (start, end, _) in enumerate(lines[1:], 1):
        if text[start:end].rstrip() in closers:
            return k + 1
    return 0


def _markdown_blocks(text: str) -> list[Span]:
    """Front matter, fenced and indented code, reference definitions and `>` markers."""
    lines = _lines(text)
    skip = _front_matter(text, lines)
    spans: list[Span] = [(0, lines[skip - 1][1])] if skip else []
    fence: tuple[str, int, int] | None = None  # fence character, length, start offset
    prev_blank, in_code, in_list = True, False, False
    for start, end, _ in lines[skip:]:
        body = _QUOTE_PREFIX.match(text, start, end).end()
        spans.append((start, body))
        line = text[body:end]
        if fence is not None:
            close = _FENCE_CLOSE.fullmatch(line)
            if close and close[1][0] == fence[0] and len(close[1]) >= fence[1]:
                spans.append((fence[2], end))
                fence, prev_blank = None, True
            continue
        if not line.strip():
            prev_blank = True
            continue
        indent = _indent(line, 4)
        if indent >= 4 and (prev_blank or in_code) and not in_list:
            spans.append((body, end))
            in_code, prev_blank = True, False
            continue
        in_code = False
        opener = _FENCE.match(line)
        if opener and not (opener[1][0] == "`" and "`" in line[opener.end() :]):
            fence, prev_blank = (opener[1][0], len(opener[1]), body), False
            continue
        if _LIST_ITEM.match(line):
            in_list = True
        elif prev_blank and indent == 0:
            in_list = False
        if _REF_DEF.fullmatch(line):
            spans.append((body, end))
        prev_blank = False
    if fence is not None:
        spans.append((fence[2], len(text)))
    return spans


def _skip_element(text: str, m: regex.Match[str]) -> int:
    """Where a tag's non-prose ends: past the element's closing tag for `_SKIPPED` elements."""
    name = m["name"].lower()
    if m["close"] or m["selfclose"] or name not in _CLOSERS:
        return m.end()
    close = _CLOSERS[name].search(text, m.end())
    return close.end() if close else len(text)


def _comment_end(text: str, start: int) -> int:
    """The end of the comment opened by `<!--` at `start`; an unclosed one runs to the end."""
    close = text.find("-->", start + 2)
    return len(text) if close < 0 else close + 3


def _markdown_inline(text: str) -> list[Span]:
    """Code spans, autolinks, HTML comments and tags, link destinations and labels."""
    runs: dict[int, list[int]] = {}
    for run in _TICKS.finditer(text):
        runs.setdefault(len(run[0]), []).append(run.start())
    blank_lines = [s for s, e, _ in _lines(text) if not text[s:e].strip()]
    spans: list[Span] = []
    pos = 0
    while (m := _MD_INLINE.search(text, pos)) is not None:
        start, end = m.span()
        pos = end
        if m["ticks"]:  # a code span closes at the next run of as many backticks, same paragraph
            starts = runs.get(len(m[0]), [])
            k = bisect.bisect_right(starts, start)
            b = bisect.bisect_left(blank_lines, end)
            if k == len(starts) or (b < len(blank_lines) and blank_lines[b] < starts[k]):
                continue
            pos = starts[k] + len(m[0])
            spans.append((start, pos))
        elif m["comment"]:
            pos = _comment_end(text, start)
            spans.append((start, pos))
        elif m["tag"]:
            pos = _skip_element(text, m)
            spans.append((start, pos))
        elif m["link"]:  # keep the link text, and look for code or tags inside it
            spans += [(start, m.start("text")), (m.end("text"), end)]
            pos = m.start("text")
        elif not m["escape"]:
            spans.append((start, end))
    return spans


def mask_markdown(text: str) -> str:
    """`text` with every character that is not Markdown prose blanked; line breaks kept."""
    masked = blank_spans(text, _markdown_blocks(text))
    return blank_spans(masked, _markdown_inline(masked))


# --- reStructuredText -----------------------------------------------------------------------

_RST_MARKUP = lazy(r"[ \t]*+\.\.(?:[ \t]++(.*+))?")
_RST_DIRECTIVE = lazy(r"([A-Za-z0-9](?:[\w+.-]|:(?!:))*+)::(?:[ \t]|$)")
_RST_OPTION = lazy(r"[ \t]++:[^:\s][^:\r\n]*+:(?:[ \t]|$)")
_PROSE_DIRECTIVES = frozenset(
    "admonition attention caution compound container danger epigraph error figure highlights "
    "hint important line-block list-table note pull-quote rubric sidebar table tip topic "
    "warning seealso versionadded versionchanged deprecated".split()
)
_CODE_ROLES = frozenset(
    "code literal math file samp kbd command program envvar option regexp makevar mailheader "
    "func meth class mod attr data obj exc const".split()
)
_RST_INLINE = lazy(
    r"(?P<literal>``(?=\S)(?:[^`\r\n]|`(?!`)|" + _NL_IN_PARAGRAPH + r")*+``)"
    r"|(?P<role>(?::[A-Za-z][\w+.-]*+)++:)?`(?=[^`\s])"
    r"(?P<body>(?:[^`\\\r\n]|\\.|" + _NL_IN_PARAGRAPH + r")*+)`(?:__?|(?::[A-Za-z][\w+.-]*+)++:)?"
)
_RST_TARGET = lazy(r"\s*+<[^<>]*+>$")


def _rst_blocks(text: str) -> list[Span]:
    """Literal blocks, comments, targets and directives other than those holding prose."""
    lines = _lines(text)
    widths = [None if not text[s:e].strip() else _indent(text[s:e], 8) for s, e, _ in lines]

    def block_end(k: int, indent: int) -> int:  # the first line after an indented block
        while k < len(lines) and (widths[k] is None or widths[k] > indent):
            k += 1
        while k > 0 and widths[k - 1] is None:
            k -= 1
        return k

    spans: list[Span] = []
    i = 0
    while i < len(lines):
        start, end, _ = lines[i]
        line, indent = text[start:end], widths[i] or 0
        i += 1
        if (m := _RST_MARKUP.fullmatch(line)) is not None:
            rest = m[1] or ""
            directive = _RST_DIRECTIVE.match(rest)
            if rest.startswith("[") and "]" in rest:  # a footnote: its label is markup
                spans.append((start, start + line.index("]") + 1))
            elif directive and directive[1].lower() in _PROSE_DIRECTIVES:
                spans.append((start, start + m.start(1) + directive.end(1) + 2))
                while i < len(lines) and _RST_OPTION.match(text, lines[i][0], lines[i][1]):
                    spans.append(lines[i][:2])
                    i += 1
            else:  # code, comments, targets, substitutions, images and other machinery
                i = max(block_end(i, indent), i)
                spans.append((start, lines[i - 1][1]))
        elif line.lstrip().startswith("__ "):  # an anonymous hyperlink target
            spans.append((start, end))
        elif line.rstrip().endswith("::"):  # the indented block that follows is literal
            k = i
            while k < len(lines) and widths[k] is None:
                k += 1
            if k < len(lines) and (widths[k] or 0) > indent:
                i = block_end(k, indent)
                spans.append((lines[k][0], lines[i - 1][1]))
    return spans


def _rst_inline(text: str) -> list[Span]:
    """Inline literals, code roles, the markup of interpreted text and `<url>` targets."""
    spans: list[Span] = []
    for m in _RST_INLINE.finditer(text):
        role = (m["role"] or ":").rstrip(":").rpartition(":")[2].lower()
        if m["literal"] or role in _CODE_ROLES:
            spans.append(m.span())
            continue
        body_start, body_end = m.span("body")
        if (target := _RST_TARGET.search(m["body"])) is not None:
            body_end = body_start + target.start()
        spans += [(m.start(), body_start), (body_end, m.end())]
    return spans


def mask_rst(text: str) -> str:
    """`text` with every character that is not reStructuredText prose blanked; line breaks kept."""
    masked = blank_spans(text, _rst_blocks(text))
    return blank_spans(masked, _rst_inline(masked))


# --- HTML -----------------------------------------------------------------------------------

_HTML = lazy(
    "|".join(
        (
            r"(?P<comment><!--)",
            r"(?P<cdata><!\[CDATA\[)",
            r"(?P<declaration><[!?][^<>]*+>)",
            r"(?P<tag>" + _TAG + ")",
            r"(?P<entity>&(?:#[0-9]{1,7};?|#[xX][0-9A-Fa-f]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};))",
        )
    )
)
_BLOCK = frozenset(
    "address article aside audio blockquote body canvas caption center col colgroup dd details "
    "dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html iframe legend li main menu nav noscript object ol optgroup option "
    "p section summary table tbody td tfoot th thead title tr ul video".split()
) | frozenset(_SKIPPED) - {"code"}


class _Prose:
    """Prose built left to right, with the anchors that map it back to the text."""

    __slots__ = ("parts", "prose_starts", "text_starts", "size", "text_end", "after_break")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.prose_starts: list[int] = []
        self.text_starts: list[int] = []
        self.size = 0
        self.text_end = 0  # the text offset just past the last copied or decoded character
        self.after_break = True  # no paragraph break is needed at the start

    def _add(self, piece: str, at: int, *, one_to_one: bool) -> None:
        for k in range(1 if one_to_one else len(piece)):
            self.prose_starts.append(self.size + k)
            self.text_starts.append(at)
        self.parts.append(piece)
        self.size += len(piece)

    def copy(self, text: str, start: int, end: int) -> None:
        """Copy text[start:end] verbatim."""
        if start < end:
            self._add(text[start:end], start, one_to_one=True)
            self.text_end = end
            self.after_break = self.after_break and text[start:end].isspace()

    def decoded(self, piece: str, start: int, end: int) -> None:
        """Add the characters of the entity text[start:end], each mapped to its `&`."""
        self._add(piece, start, one_to_one=False)
        self.text_end = end
        self.after_break = self.after_break and piece.isspace()

    def brk(self, piece: str) -> None:
        """Add a line or paragraph break, mapped to where the text before it ends.

        So the exclusive end of a span that ends before a block tag maps to just past the
        span's last character, and runs of block tags give one paragraph break.
        """
        if piece and not (piece == "\n\n" and self.after_break):
            self._add(piece, self.text_end, one_to_one=False)
            self.after_break = self.after_break or piece == "\n\n"


def html_prose(text: str) -> tuple[str, OffsetMap]:
    """The prose of an HTML document: tags dropped, entities decoded, a break for each block."""
    prose = _Prose()
    pos = scan = 0
    while (m := _HTML.search(text, scan)) is not None:
        start, end = m.span()
        scan = end
        if m["entity"]:
            decoded = html.unescape(m[0])
            if decoded != m[0]:  # otherwise it is no entity but plain text
                prose.copy(text, pos, start)
                prose.decoded(decoded, start, end)
                pos = end
            continue
        prose.copy(text, pos, start)
        if m["comment"]:
            end = _comment_end(text, start)
        elif m["cdata"]:
            close = text.find("]]>", end)
            end = len(text) if close < 0 else close + 3
        elif m["tag"]:
            end = _skip_element(text, m)
            name = m["name"].lower()
            prose.brk("\n" if name == "br" else "\n\n" if name in _BLOCK else "")
        pos = scan = end
    prose.copy(text, pos, len(text))
    offsets = OffsetMap(tuple(prose.prose_starts), tuple(prose.text_starts))
    return "".join(prose.parts), offsets
