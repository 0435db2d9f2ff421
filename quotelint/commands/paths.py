"""Which files a folder holds for quotelint: supported suffixes, hidden and excluded ones skipped.

`exclude` (default: tool and version-control folders, see `settings.DEFAULT_EXCLUDE`) and
`extend-exclude` are glob patterns, as in ruff. A pattern matches a file or folder by its name
(`drafts`, `*.draft.md`), by its path as walked (`articles/2019/*`) or by its path relative to
the settings file's folder. A folder that matches is not entered. Paths named on the command
line are always read: the patterns only thin out a folder search.
"""

from __future__ import annotations

import fnmatch
import os
import re
from typing import NamedTuple

from quotelint.document import KINDS_BY_SUFFIX
from quotelint.settings import Settings


class Excluder(NamedTuple):
    pattern: re.Pattern[str] | None  # every glob, compiled once into one pattern
    root: str  # the settings file's folder

    @classmethod
    def make(cls, settings: Settings | None) -> Excluder:
        settings = settings or Settings()
        globs = [g.strip().removeprefix("./").rstrip("/") for g in settings.exclude + settings.extend_exclude]
        globs = [g for g in globs if g]
        pattern = re.compile("|".join(fnmatch.translate(g) for g in globs)) if globs else None
        return cls(pattern, os.path.abspath(settings.root))

    def __call__(self, path: str) -> bool:
        if self.pattern is None:
            return False
        shown = path.replace(os.sep, "/").removeprefix("./")
        relative = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        return any(self.pattern.match(p) for p in (os.path.basename(path), shown, relative))


def readable(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in KINDS_BY_SUFFIX and not name.startswith(".")


def walk(folder: str, settings: Settings | None) -> list[str]:
    """Supported files below a folder, in a stable order, hidden and excluded files and folders skipped.

    The folder `""` is the current folder with paths shown relative to it (`a.md`, as ruff shows
    them when given no path); `.` keeps them as walked (`./a.md`), as given on the command line."""
    excluded = Excluder.make(settings)
    out = []
    for root, dirs, files in os.walk(folder or os.curdir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d)))
        for name in sorted(files):
            path = os.path.join(root, name) if folder else os.path.relpath(os.path.join(root, name))
            if readable(name) and not excluded(path):
                out.append(path)
    return out


def suffixes() -> str:
    return ", ".join(KINDS_BY_SUFFIX)
