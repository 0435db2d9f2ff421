"""The cache folder: where the registry cache (registry/cache.py) and the settings read from a
pyproject.toml (tomlcache.py) are kept, on the same terms.

The folder is made with mode 0700 and each file is written to a temporary file made there
exclusively with a random name and mode 0600, then renamed into place. A folder or a file that
belongs to another user or that group or others may write to is not used (a folder with a
warning). The most recently written files of each kind are kept, the others removed.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable

from quotelint.errors import warn

try:  # hashlib's own BLAKE2b, which both caches key their files with: importing hashlib loads OpenSSL first
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

__all__ = ["blake2b", "cache_dir", "cache_folder", "prune", "trusted_file", "unsafe", "write_new"]

KEEP = 16  # files of one kind kept in the folder, the most recently written
MAX_AGE = 30 * 24 * 3600  # seconds after which a file not written again is removed


def cache_dir() -> str:
    base = os.environ.get("QUOTELINT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "quotelint")


def unsafe(st: os.stat_result) -> str | None:
    """Why a cache folder or file must not be trusted, or None."""
    if not hasattr(os, "geteuid"):
        return None  # no owners and modes to check (Windows)
    if st.st_uid != os.geteuid():
        return "it belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "group or others may write to it"
    return None


def cache_folder(quiet: bool = False) -> str | None:
    """The cache folder, made 0700 if need be; None (with a warning, unless `quiet`) if it
    cannot be trusted."""
    folder = cache_dir()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.stat(folder)
    except OSError:
        return None
    problem = "it is not a folder" if not stat.S_ISDIR(st.st_mode) else unsafe(st)
    if problem:
        if not quiet:
            from quotelint.visible import visible

            warn(f"not using the registry cache in {visible(folder)}: {problem}")
        return None
    return folder


def trusted_file(path: str) -> bool:
    """A regular file of the cache that only its user may write to (a link is not followed)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and unsafe(st) is None


def write_new(folder: str, target: str, write: Callable[[str], None]) -> bool:
    """Make the cache file `target` by `write(path)` into a new temporary file of the folder,
    renamed into place; False (and nothing left behind) when that fails."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".quotelint-{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError:
        return False
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
    return True


def prune(folder: str, keep: str, suffixes: tuple[str, ...], always: tuple[str, ...] = ()) -> None:
    """Remove the files of one kind (their names end with one of `suffixes`) not written for
    long or beyond the KEEP most recent (`keep`, just written, stays), and those ending with one
    of `always` (left by older quotelints)."""
    now = time.time()
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.path == keep or not entry.is_file(follow_symlinks=False) or not entry.name.endswith(suffixes):
            continue
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        found.append((mtime, entry.path))
    found.sort(reverse=True)
    for i, (mtime, path) in enumerate(found):
        if path.endswith(always) or i >= KEEP - 1 or now - mtime > MAX_AGE:
            try:
                os.unlink(path)
            except OSError:
                pass
