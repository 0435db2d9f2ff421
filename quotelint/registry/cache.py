"""The registry cache: a loaded registry and all its indexes in one file per registry, so that a
commit hook neither parses YAML nor builds an index, and reads only what its files need.

The key is a BLAKE2b hash of the cache format, quotelint's version, the engine's own code and
data, and the path and bytes of every registry file, worked out once per run: an edited registry
file makes a new key whatever its size and modification time. The engine's files count by their
size and modification time, as Python's own bytecode cache counts a module's source: reading and
hashing all of them (1.8 MB) took a fiftieth of a one-article check.

The file is SQLite holding plain JSON (store.py, codec.py, indexed.py): nothing in it is ever
run. The folder is made with mode 0700 and each file is written to a temporary file made there
exclusively with a random name and mode 0600, then renamed into place. A folder or a file that
belongs to another user or that group or others may write to is not used (a folder with a
warning), and a file that does not open or validate is ignored and written anew. A cache that
cannot be read or written only costs time.
"""

from __future__ import annotations

import functools
import os
import stat
import time
from collections.abc import Iterable, Iterator

try:  # hashlib's own BLAKE2b: importing hashlib loads OpenSSL first (a hundredth of a one-article check)
    from _blake2 import blake2b
except ImportError:  # a Python built without it
    from hashlib import blake2b

from quotelint import __version__
from quotelint.errors import warn
from quotelint.registry import Registry
from quotelint.registry.load import load_registry, read_registry, registry_files
from quotelint.registry.packs import read_file
from quotelint.registry.store import FORMAT

PACKAGE = os.path.dirname(os.path.dirname(__file__))
SUFFIX = ".sqlite"
KEEP = 16  # cache files kept in the folder, the most recently written
MAX_AGE = 30 * 24 * 3600  # seconds after which a cache file not written again is removed
ENGINE_SUFFIXES = (".py", ".yaml", ".txt", ".json")  # the engine's files that make up its key


def cache_dir() -> str:
    base = os.environ.get("QUOTELINT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "quotelint")


@functools.lru_cache(maxsize=1)
def engine_digest() -> bytes:
    """The hash of the package's own code and data (each file's path, size and modification
    time), worked out once per run."""
    key = blake2b(digest_size=32)
    for relative, st in engine_files():
        key.update(f"{relative}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    return key.digest()


def engine_files(folder: str = "", relative: str = "") -> Iterator[tuple[str, os.stat_result]]:
    """The package's own code and data, each file's path relative to the package and its stat:
    a change to either makes a new cache. Files of a folder first, then its subfolders, each in
    name order, as os.walk lists them (read with scandir: no path is joined or made relative)."""
    with os.scandir(folder or PACKAGE) as it:
        entries = sorted(it, key=lambda e: e.name)
    folders = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__" and not entry.is_symlink():  # os.walk follows no link either
                folders.append(entry)
        elif entry.name.endswith(ENGINE_SUFFIXES):
            yield relative + entry.name, entry.stat()
    for entry in folders:
        yield from engine_files(entry.path, relative + entry.name + os.sep)


def digest(data: bytes) -> bytes:
    return blake2b(data, digest_size=32).digest()


def cache_key(files: Iterable[str], digests: dict[str, bytes]) -> str:
    """The key of a registry: `digests` holds the hash of each file's bytes, by path."""
    key = blake2b(f"{FORMAT}\0{__version__}\0".encode(), digest_size=20)
    key.update(engine_digest())
    for path in files:
        key.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        key.update(digests.get(path) or b"unreadable")
    return key.hexdigest()


def unsafe(st: os.stat_result) -> str | None:
    """Why a cache folder or file must not be trusted, or None."""
    if not hasattr(os, "geteuid"):
        return None  # no owners and modes to check (Windows)
    if st.st_uid != os.geteuid():
        return "it belongs to another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "group or others may write to it"
    return None


def cache_folder() -> str | None:
    """The cache folder, made 0700 if need be; None (with a warning) if it cannot be trusted."""
    folder = cache_dir()
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.stat(folder)
    except OSError:
        return None
    problem = "it is not a folder" if not stat.S_ISDIR(st.st_mode) else unsafe(st)
    if problem:
        from quotelint.visible import visible

        warn(f"not using the registry cache in {visible(folder)}: {problem}")
        return None
    return folder


def files_and_key(paths: Iterable[str]) -> tuple[list[str], str]:
    """The registry files (as `registry_files` gives them) and the cache key, each file read once."""
    digests: dict[str, bytes] = {}

    def read(path: str) -> bytes:  # for `extends:` and for the key
        data = read_file(path)
        digests[path] = digest(data)
        return data

    files = registry_files(paths, read)
    return files, cache_key(files, digests)


def load_cached(paths: tuple[str, ...] | list[str], use_cache: bool = True) -> Registry:
    if not use_cache or os.environ.get("QUOTELINT_NO_CACHE"):
        return load_registry(paths)
    files, key = files_and_key(paths)
    folder = cache_folder()
    if folder is None:
        return load_registry(files)
    target = os.path.join(folder, key + SUFFIX)
    registry = open_cache(target, key, files)
    if registry is None:
        registry, sources = read_registry(files)
        write_cache(folder, target, key, registry, sources)
    return registry


def open_cache(target: str, key: str, files: list[str]) -> Registry | None:
    from quotelint.registry.indexed import read
    from quotelint.registry.store import Store

    try:
        st = os.lstat(target)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or unsafe(st):
        return None
    try:
        return read(Store(target, key, lambda: load_registry(files)))
    except Exception:  # noqa: BLE001 - a cache that does not read is ignored and written anew
        return None


def write_cache(folder: str, target: str, key: str, registry: Registry, sources: object) -> None:
    from quotelint.registry import indexed, store
    import tempfile

    from quotelint.writes import clean_stale

    clean_stale(folder)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".quotelint-{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError:
        return
    os.close(fd)
    try:
        store.write(tmp, indexed.rows(registry, sources, key))  # type: ignore[arg-type]
        os.replace(tmp, target)
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs time
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    prune(folder, target)


def prune(folder: str, keep: str) -> None:
    """Remove cache files of registries not used for long, and pickles of older quotelints."""
    now = time.time()
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.path == keep or not entry.is_file(follow_symlinks=False) or not entry.name.endswith((SUFFIX, ".pickle")):
            continue
        try:
            mtime = entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        found.append((mtime, entry.path))
    found.sort(reverse=True)
    for i, (mtime, path) in enumerate(found):
        if path.endswith(".pickle") or i >= KEEP - 1 or now - mtime > MAX_AGE:
            try:
                os.unlink(path)
            except OSError:
                pass
