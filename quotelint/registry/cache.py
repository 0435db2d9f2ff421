"""The registry cache: a loaded registry and all its indexes in one file per registry, so that a
commit hook neither parses YAML nor builds an index, and reads only what its files need.

The key is a BLAKE2b hash of the cache format, quotelint's version, the engine's own code and
data, and the path and bytes of every registry file, worked out once per run: an edited registry
file makes a new key whatever its size and modification time. The engine's files count by their
size and modification time, as Python's own bytecode cache counts a module's source: reading and
hashing all of them (1.8 MB) took a fiftieth of a one-article check.

The file is SQLite holding plain JSON (store.py, codec.py, indexed.py): nothing in it is ever
run. It is written and trusted as every file of the cache folder is (quotelint/cachefolder.py:
mode 0600 in a folder of mode 0700, written under a random name and renamed into place, not
used when another user or group or others may write to it), and a file that does not open or
validate is ignored and written anew. A cache that cannot be read or written only costs time.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator

from quotelint import __version__
from quotelint.cachefolder import blake2b, cache_folder, prune, trusted_file, write_new
from quotelint.registry import Registry
from quotelint.registry.load import load_registry, read_registry, registry_files
from quotelint.registry.packs import read_file
from quotelint.registry.store import FORMAT

PACKAGE = os.path.dirname(os.path.dirname(__file__))
SUFFIX = ".sqlite"
ENGINE_SUFFIXES = (".py", ".yaml", ".txt", ".json")  # the engine's files that make up its key


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

    if not trusted_file(target):
        return None
    try:
        return read(Store(target, key, lambda: load_registry(files)))
    except Exception:  # noqa: BLE001 - a cache that does not read is ignored and written anew
        return None


def write_cache(folder: str, target: str, key: str, registry: Registry, sources: object) -> None:
    from quotelint.registry import indexed, store
    from quotelint.writes import clean_stale

    clean_stale(folder)
    if write_new(folder, target, lambda tmp: store.write(tmp, indexed.rows(registry, sources, key))):  # type: ignore[arg-type]
        prune(folder, target, (SUFFIX, ".pickle"), always=(".pickle",))  # pickles: the cache of older quotelints
