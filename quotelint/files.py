"""Reading a file's bytes: regular files only, never more than a limit, never waiting on a pipe.

`/dev/zero` never ends and a named pipe blocks until somebody writes to it, so anything that is
not a regular file is refused before a byte is read. The file is opened without blocking (a pipe
opens at once) and judged by `fstat` on what was opened, so a symbolic link is judged by its target.
"""

from __future__ import annotations

import os
import stat

from quotelint.errors import UserError

MB = 1024 * 1024
DEFAULT_LIMIT = 10 * MB  # the default of the `max-file-size` setting, 10 MB of 2**20 bytes

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def size_text(limit: int) -> str:
    """10 MB, or 1,048 bytes for a limit that is no whole number of MB."""
    return f"{limit // MB} MB" if limit % MB == 0 else f"{limit:,} bytes"


def read_bytes(path: str, limit: int | None, error: type[UserError] = UserError, skipped: str = "", setting: str | None = "max-file-size") -> bytes:
    """The bytes of a regular file of at most `limit` bytes (None: no limit), else `error`
    naming the path. `skipped` ends the messages of problems that leave the file out;
    `setting` names the setting that sets the limit."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        raise error("no such file or directory", path=path) from None
    except IsADirectoryError:
        raise error("is a directory", path=path) from None
    except OSError as exc:
        raise error(exc.strerror or str(exc), path=path) from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise error("is a directory", path=path)
        if not stat.S_ISREG(mode):
            raise error(f"not a regular file (a device, pipe or socket){skipped}", path=path)
        try:
            data = fh.read() if limit is None else fh.read(limit + 1)
        except OSError as exc:
            raise error(exc.strerror or str(exc), path=path) from None
    if limit is not None and len(data) > limit:
        raise error(too_large(limit, setting) + skipped, path=path)
    return data


def too_large(limit: int, setting: str | None) -> str:
    return f"larger than the limit of {size_text(limit)}" + (f" (setting {setting})" if setting else "")


def read_stream(stream, limit: int | None, name: str, error: type[UserError] = UserError) -> bytes:  # type: ignore[no-untyped-def]
    """Standard input, up to the same limit as a file."""
    data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise error(too_large(limit, "max-file-size") + ", skipped", path=name)
    return data
