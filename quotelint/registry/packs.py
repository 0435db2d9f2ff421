"""Rule packs that build on others: a registry file's top-level `extends: [FILE or FOLDER, ...]`.

Paths are relative to the file that names them. Extended files are read before the file that
extends them (so its `lexicon:` changes apply last), each file once however often it is named;
a cycle is an error naming the file and line that closes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from quotelint.errors import UserError
from quotelint.files import read_bytes

YAML_SUFFIXES = (".yaml", ".yml")


def folder_files(folder: str) -> list[str]:
    names = sorted(n for n in os.listdir(folder) if n.endswith(YAML_SUFFIXES) and not n.startswith("."))
    return [os.path.join(folder, n) for n in names]


def read_file(path: str) -> bytes:
    """A registry file's bytes, refused (UserError) when it is no regular file or too large."""
    from quotelint.registry.yamlload import MAX_BYTES

    return read_bytes(path, MAX_BYTES, setting=None)


def extends_of(path: str, read: Callable[[str], bytes] = read_file) -> list[tuple[str, int]]:
    """The files and folders a registry file extends, resolved against its folder, with the line."""
    try:
        head = read(path)
    except UserError:
        return []  # the loader reports an unreadable file
    if not (head.startswith(b"extends:") or b"\nextends:" in head):
        return []  # the common case: no YAML parsing just to build the file list
    from quotelint.registry.yamlload import Mapping, load_yaml

    data = load_yaml(path)
    if not isinstance(data, Mapping) or data.get("extends") is None:
        return []
    line = data.line_of("extends")
    value = data["extends"]
    targets = [value] if isinstance(value, str) else value
    if not isinstance(targets, list) or not all(isinstance(t, str) and t.strip() for t in targets):
        raise UserError("extends must be a file or folder, or a list of them", path=path, line=line)
    base = os.path.dirname(path)
    out = []
    for target in targets:
        full = os.path.normpath(os.path.join(base, os.path.expanduser(target)))
        if not os.path.exists(full):
            raise UserError(f"extends {target!r}, which does not exist", path=path, line=line)
        if not (os.path.isdir(full) or os.path.isfile(full)):
            raise UserError(f"extends {target!r}, which is neither a file nor a folder (a device or pipe?)", path=path, line=line)
        out.append((full, line))
    return out


def with_extends(files: Iterable[str], read: Callable[[str], bytes] | None = None) -> list[str]:
    """The files, each preceded by what it extends (depth first), every file once."""
    out: list[str] = []
    done: set[str] = set()

    def visit(path: str, chain: tuple[str, ...], named_at: tuple[str, int] | None) -> None:
        real = os.path.realpath(path)
        if real in done:
            return
        if real in chain:
            loop = " -> ".join(os.path.relpath(p) for p in (*chain[chain.index(real) :], real))
            where, line = named_at if named_at else (path, None)
            raise UserError(f"extends makes a cycle: {loop}", path=where, line=line)
        for target, line in extends_of(path, read or read_file):
            for file in folder_files(target) if os.path.isdir(target) else [target]:
                visit(file, (*chain, real), (path, line))
        done.add(real)
        out.append(path)

    for file in files:
        visit(file, (), None)
    return out
