"""A pickled copy of the loaded registry and its indexes, so a commit hook does not parse YAML.

The cache is keyed by quotelint's version and each registry file's path, size and modification
time (and those of the engine's own word lists), so an edited file is read again. A cache that
cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle

from quotelint import __version__
from quotelint.registry import Registry
from quotelint.registry.load import load_registry, registry_files

PACKAGE = os.path.dirname(os.path.dirname(__file__))


def cache_dir() -> str:
    base = os.environ.get("QUOTELINT_CACHE_DIR")
    if base:
        return base
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(xdg, "quotelint")


def cache_key(files: list[str]) -> str:
    digest = hashlib.sha256(__version__.encode())
    stamped = [os.path.abspath(f) for f in files] + engine_files()
    for path in stamped:
        st = os.stat(path)
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return digest.hexdigest()[:32]


def engine_files() -> list[str]:
    """The package's own code and data: a change to either makes a new cache."""
    out = []
    for root, dirs, names in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out.extend(os.path.join(root, n) for n in sorted(names) if n.endswith((".py", ".yaml", ".txt")))
    return out


def load_cached(paths: tuple[str, ...] | list[str], use_cache: bool = True) -> Registry:
    files = registry_files(paths)
    if not use_cache or os.environ.get("QUOTELINT_NO_CACHE"):
        return load_registry(files)
    try:
        target = os.path.join(cache_dir(), cache_key(files) + ".pickle")
    except OSError:
        return load_registry(files)
    try:
        with open(target, "rb") as fh:
            registry = pickle.load(fh)
        if isinstance(registry, Registry):
            return registry
    except Exception:  # noqa: BLE001 - a broken cache is only a slower start
        pass
    registry = load_registry(files)
    registry.names  # build the indexes now so that they are cached too  # noqa: B018
    try:
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = f"{target}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(registry, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
    except Exception:  # noqa: BLE001
        pass
    return registry
