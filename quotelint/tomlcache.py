"""The `[tool.quotelint]` table of a pyproject.toml, kept in the cache folder while the file is
unchanged.

A commit hook reads the settings on every run: parsing pyproject.toml imports tomllib, which
compiles its patterns when imported, and parses the whole file in Python (together some 20 M
instructions, a thirtieth of a one-article check). The table is kept as JSON in the cache
folder (cachefolder.py), under a hash of the file's bytes, quotelint's version and Python's (whose
tomllib reads the file): an edited file has a new key, and a run finds its table there without
importing tomllib. A table JSON cannot hold as it is (one with a TOML date or time, or an
infinite number) is not kept, and such a file is parsed on every run. A kept file that does
not read as a table is ignored and written anew; nothing in it is ever run.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from quotelint import __version__
from quotelint.cachefolder import blake2b, cache_folder, prune, trusted_file, write_new

SUFFIX = ".settings.json"
FORMAT = "quotelint-settings-cache 1"


def key(data: bytes) -> str:
    head = f"{FORMAT}\0{__version__}\0{sys.version_info[0]}.{sys.version_info[1]}\0".encode()
    return blake2b(head + data, digest_size=20).hexdigest()


def kept(data: bytes) -> dict[str, Any] | None:
    """The table kept for a file of these bytes, or None."""
    folder = cache_folder(quiet=True)  # a folder not to be trusted: the registry cache says why
    if folder is None:
        return None
    path = os.path.join(folder, key(data) + SUFFIX)
    if not trusted_file(path):
        return None
    try:
        with open(path, "rb") as fh:
            table = json.loads(fh.read())
    except (OSError, ValueError):
        return None
    return table if isinstance(table, dict) else None


def keep(data: bytes, table: dict[str, Any]) -> None:
    """Keep the table of a file of these bytes, if JSON holds it as it is."""
    try:
        text = json.dumps(table, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # a date or time, an infinite number: parsed on every run
        return
    if json.loads(text) != table:
        return  # a value JSON would give back otherwise (a tuple, a subclass of str...)
    folder = cache_folder(quiet=True)
    if folder is None:
        return
    target = os.path.join(folder, key(data) + SUFFIX)

    def write(path: str) -> None:
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)

    if write_new(folder, target, write):
        prune(folder, target, (SUFFIX,))
