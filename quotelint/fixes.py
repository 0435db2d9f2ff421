"""Applying fixes to files: atomically, keeping encoding, BOM, line endings and file mode."""

from __future__ import annotations

import os
import stat
import tempfile


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and a rename.

    The original stays whole if anything fails before the rename; its mode is kept.
    """
    folder = os.path.dirname(os.path.abspath(path))
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        mode = _default_mode()  # a new file gets what open() would give it, not mkstemp's 0600
    fd, tmp = tempfile.mkstemp(prefix=".quotelint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
