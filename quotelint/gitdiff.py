"""`--diff-base REF`: keep only the findings on lines that the current branch adds or changes.

The lines are those of `git diff REF...HEAD` (against the merge base of REF and HEAD), taken
from the working tree: changes not yet committed count too, so a local run before a commit sees
the same lines as the pull request will, and line numbers match the files that were linted. In
CI the working tree is HEAD and this is exactly `git diff REF...HEAD`. Renamed files are
followed, so moving an article does not make all of its lines new. A file that git does not
track (new and not yet added, ignored, or outside the repository) is wholly new: all its
findings stay. Findings on standard input stay too. Git runs with an argument list, never a shell.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Sequence

from quotelint.errors import UserError
from quotelint.finding import Finding
from quotelint.lazyre import lazy

_HUNK = lazy(r"@@ -\d++(?:,\d++)? \+(\d++)(?:,(\d++))? @@")
_OCTAL = lazy(r"\\([0-7]{3})|\\(.)")
_C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}

Ranges = list[tuple[int, int]]  # first and last line, inclusive


def git(args: Sequence[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UserError("--diff-base needs git, and git was not found") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise UserError(f"git {args[0]} failed: {message[0] if message else f'exit code {proc.returncode}'}")
    return proc.stdout.decode("utf-8", "surrogateescape")


def unquote(path: str) -> str:
    """A path as git prints it: C-quoted when it holds unusual characters."""
    if not (len(path) >= 2 and path.startswith('"') and path.endswith('"')):
        return path
    raw = bytearray()
    pos = 0
    body = path[1:-1]
    for m in _OCTAL.finditer(body):
        raw += body[pos : m.start()].encode("utf-8", "surrogateescape")
        raw += bytes([int(m[1], 8)]) if m[1] else _C_ESCAPES.get(m[2], m[2]).encode()
        pos = m.end()
    raw += body[pos:].encode("utf-8", "surrogateescape")
    return raw.decode("utf-8", "surrogateescape")


def changed_lines(diff: str) -> dict[str, Ranges]:
    """The added or changed line ranges per file (paths relative to the repository root)."""
    out: dict[str, Ranges] = {}
    current: Ranges | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            if name.endswith("\t"):  # git ends a name holding spaces with a tab
                name = name[:-1]
            name = unquote(name)
            current = None if name == "/dev/null" else out.setdefault(name[2:] if name.startswith("b/") else name, [])
        elif line.startswith("@@ ") and current is not None:
            m = _HUNK.match(line)
            if m:
                first, count = int(m[1]), int(m[2]) if m[2] is not None else 1
                if count:
                    current.append((first, first + count - 1))
    return out


def touches(ranges: Ranges, first: int, last: int) -> bool:
    return any(a <= last and first <= b for a, b in ranges)


def only_changed(findings: list[Finding], ref: str, cwd: str = ".") -> list[Finding]:
    """The findings whose lines `git diff REF...HEAD` (plus uncommitted changes) adds or changes."""
    if ref.startswith("-"):
        raise UserError(f"--diff-base takes a git revision, not {ref!r}")
    root = os.path.realpath(git(["rev-parse", "--show-toplevel"], cwd).strip())
    base = git(["merge-base", ref, "HEAD"], cwd).strip()
    diff = git(
        ["-c", "core.quotepath=off", "diff", "--unified=0", "--no-color", "--no-ext-diff", "--find-renames",
         "--src-prefix=a/", "--dst-prefix=b/", base, "--"],
        root,
    )
    changed = changed_lines(diff)
    relative = {f.path: repo_path(f.path, cwd, root) for f in findings if f.path != "-"}
    wanted = sorted({p for p in relative.values() if p is not None and p not in changed})
    tracked = set(git(["--literal-pathspecs", "ls-files", "-z", "--", *wanted], root).split("\0")) if wanted else set()
    kept = []
    for f in findings:
        path = relative.get(f.path)
        if path is None or (path not in changed and path not in tracked):
            kept.append(f)  # standard input, or a file git does not track: all of it is new
        elif path in changed and touches(changed[path], f.line, f.end_line):
            kept.append(f)
    return kept


def repo_path(path: str, cwd: str, root: str) -> str | None:
    """The path relative to the repository root with forward slashes, or None outside it."""
    full = os.path.realpath(os.path.join(cwd, path))
    relative = os.path.relpath(full, root)
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return None
    return relative.replace(os.sep, "/")
