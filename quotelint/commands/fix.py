"""`check --fix` and `check --diff`: apply the safe fixes, or show them as a unified diff.

A fix is safe when its finding is marked fixable and has one suggestion without a line break.
A span that crosses a line break is fixed word for word, keeping the breaks, when the suggestion
has as many words; otherwise it is left alone. In HTML the suggestion is escaped, and a span
holding markup or an entity is left alone. Overlapping fixes: the first in the file wins, the
other stays reported. The fixes are spliced into the text in one pass (what applying them from
the end of the file backwards gives, in linear time), and the file is written again with its
BOM, its line endings and every byte outside the fixes as they were.
A file that changed on disk since it was read is not touched (compared again just before the
rename). Fixing twice changes nothing more.
"""

from __future__ import annotations

import bisect
import functools
import html
import os
from collections.abc import Sequence
from dataclasses import dataclass

from quotelint.document import Document, InputError
from quotelint.errors import warn
from quotelint.finding import Finding
from quotelint.lazyre import lazy

_NEWLINE = lazy(r"\r\n|\r|\n")
_WORDS = lazy(r"\S++")
BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Edit:
    start: int  # text offsets, end exclusive
    end: int
    text: str


@dataclass(frozen=True)
class FilePlan:
    doc: Document
    edits: tuple[Edit, ...]  # sorted, not overlapping
    fixed: tuple[Finding, ...]
    unfixed: tuple[Finding, ...]

    @functools.cached_property
    def new_text(self) -> str:
        pieces: list[str] = []
        pos = 0
        for e in self.edits:
            pieces += [self.doc.text[pos : e.start], e.text]
            pos = e.end
        pieces.append(self.doc.text[pos:])
        return "".join(pieces)

    @functools.cached_property
    def shifts(self) -> list[int]:
        """shifts[i]: how far the first i edits move the text after them."""
        out = [0]
        for e in self.edits:
            out.append(out[-1] + len(e.text) - (e.end - e.start))
        return out

    @functools.cached_property
    def edit_ends(self) -> list[int]:
        return [e.end for e in self.edits]

    @functools.cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _NEWLINE.finditer(self.new_text)]

    def new_offset(self, offset: int) -> int:
        """Where a text offset stands after the edits; inside a replaced span, at its start."""
        i = bisect.bisect_right(self.edit_ends, offset)
        if i < len(self.edits) and self.edits[i].start < offset:
            return self.edits[i].start + self.shifts[i]
        return offset + self.shifts[i]

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1


def replacement(doc: Document, f: Finding) -> str | None:
    """The text that safely replaces a finding's span, or None when no fix is safe."""
    if not f.fixable or f.suggestion is None or "\n" in f.suggestion or "\r" in f.suggestion or f.end <= f.start:
        return None
    old = doc.text[f.start : f.end]
    new = f.suggestion
    if doc.kind == "html":
        if "<" in old or "&" in old:
            return None
        new = html.escape(new, quote=False)
    if "\n" in old or "\r" in old:
        words, seps = _WORDS.findall(old), _WORDS.split(old)
        wanted = new.split()
        if len(words) != len(wanted) or seps[0] or seps[-1]:
            return None
        new = "".join(sep + word for sep, word in zip(seps[:-1], wanted))
    return None if new == old else new


def plan_file(doc: Document, findings: list[Finding]) -> FilePlan:
    edits: list[Edit] = []
    fixed: list[Finding] = []
    unfixed: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        new = replacement(doc, f)
        if new is None:
            unfixed.append(f)
        elif edits and (edits[-1].start, edits[-1].end, edits[-1].text) == (f.start, f.end, new):
            fixed.append(f)  # another rule asked for the same change
        elif edits and f.start < edits[-1].end:
            unfixed.append(f)
        else:
            edits.append(Edit(f.start, f.end, new))
            fixed.append(f)
    return FilePlan(doc, tuple(edits), tuple(fixed), tuple(unfixed))


def encode(doc: Document, text: str) -> bytes:
    return (BOM if doc.bom else b"") + text.encode("utf-8")


def plans(findings: list[Finding], documents: dict[str, Document]) -> list[FilePlan]:
    by_path: dict[str, list[Finding]] = {}
    for f in findings:
        if f.path in documents:
            by_path.setdefault(f.path, []).append(f)
    return [plan_file(documents[p], found) for p, found in sorted(by_path.items())]


def diff_fixes(findings: list[Finding], documents: dict[str, Document]) -> str:
    """A unified diff of every safe fix; empty when there is nothing to fix."""
    out: list[str] = []
    for plan in plans(findings, documents):
        if plan.edits:
            out.append(unified_diff(plan))
    return "".join(out)


CONTEXT = 3  # lines of context around each change, as diff -u gives


def unified_diff(plan: FilePlan) -> str:
    """The fixes of one file as a unified diff, built from the edits in linear time.

    A fix never adds or removes a line break (see `replacement`), so line N of the fixed text is
    line N of the original, and the changed lines are those the edits touch. (difflib would have
    to find that out, and takes quadratic time on long files with repeated lines.)
    """
    starts = plan.doc.line_starts
    old = split_lines(plan.doc.text, starts)
    new = split_lines(plan.new_text, plan.line_starts)
    changed = sorted({i for e in plan.edits for i in range(line_index(starts, e.start), line_index(starts, max(e.start, e.end - 1)) + 1)})
    path = plan.doc.path.replace("\\", "/").lstrip("/")
    out = [f"--- a/{path}\n", f"+++ b/{path}\n"]
    k = 0
    while k < len(changed):
        first = max(0, changed[k] - CONTEXT)
        last = changed[k]
        while k + 1 < len(changed) and changed[k + 1] - last <= 2 * CONTEXT + 1:
            k += 1
            last = changed[k]
        k += 1
        last = min(len(old) - 1, last + CONTEXT)
        count = last - first + 1
        where = f"{first + 1}" if count == 1 else f"{first + 1},{count}"
        out.append(f"@@ -{where} +{where} @@\n")
        i = first
        while i <= last:
            if old[i] == new[i]:
                out.append(terminated(" " + old[i]))
                i += 1
                continue
            j = i
            while j <= last and old[j] != new[j]:
                j += 1
            out += [terminated("-" + line) for line in old[i:j]] + [terminated("+" + line) for line in new[i:j]]
            i = j
    return "".join(out)


def split_lines(text: str, starts: Sequence[int]) -> list[str]:
    """The lines of a text, each with its line break, broken only at CR, LF and CRLF."""
    bounds = list(starts) + [len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def line_index(starts: tuple[int, ...], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def terminated(line: str) -> str:
    return line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"


def apply_fixes(findings: list[Finding], documents: dict[str, Document], problems: list[InputError] | None = None, roots: list[str] | None = None) -> list[Finding]:
    """Write the safe fixes; return the findings left, moved to where they now stand.

    A file that cannot be written is left as it was and reported in `problems` (exit code 2);
    so is a symbolic link to a file outside `roots` (the folders checked), when given.
    Files are written as quotelint/writes.py says: regular files only, the owner and mode kept.
    """
    from quotelint.writes import Refused, clean_stale, within, write_file

    fixed_paths: dict[str, FilePlan] = {}
    cleaned: set[str] = set()
    count = 0
    for plan in plans(findings, documents):
        if not plan.edits:
            continue
        path = plan.doc.path
        try:
            if roots is not None and not within(path, roots):
                raise Refused("a symbolic link to a file outside the folders checked")
            folder = os.path.dirname(os.path.realpath(path))
            if folder not in cleaned:
                cleaned.add(folder)
                clean_stale(folder)
            write_file(path, encode(plan.doc, plan.new_text), expected=encode(plan.doc, plan.doc.text))
        except Refused as exc:
            report(InputError(f"{exc}; not fixed", path=path), problems)
            continue
        except OSError as exc:
            report(InputError(f"could not write the fixes ({exc.strerror or exc}); the file is unchanged", path=path), problems)
            continue
        fixed_paths[path] = plan
        count += len(plan.fixed)
    if count:
        files = len(fixed_paths)
        warn(f"fixed {count} finding{'s' * (count != 1)} in {files} file{'s' * (files != 1)}")
    done = {f for plan in fixed_paths.values() for f in plan.fixed}
    out: list[Finding] = []
    for f in findings:
        plan = fixed_paths.get(f.path)
        if plan is None:
            out.append(f)
        elif f not in done:
            out.append(moved(f, plan))
    return out


def report(exc: InputError, problems: list[InputError] | None) -> None:
    warn(exc)
    if problems is not None:
        problems.append(exc)


def moved(f: Finding, plan: FilePlan) -> Finding:
    """A finding that was not fixed, with its offsets and columns in the fixed text."""
    start, end = plan.new_offset(f.start), plan.new_offset(f.end)
    (line, column), (end_line, end_column) = plan.position(start), plan.position(end)
    return f.replace(start=start, end=end, line=line, column=column, end_line=end_line, end_column=end_column)
