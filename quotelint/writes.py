"""Writing a user's file: `check --fix`, `-o FILE` and the baseline.

Only a regular file is written. A symbolic link is written through (the link stays, its target
gets the new text); a link to nothing, a folder, a device, a pipe or a socket is refused, and so
is a read-only file (for root: a file without any write permission bit).

A file is replaced through a temporary file in its folder and a rename, so that a crash or a
failure leaves the original whole; the new file gets the old one's mode and group (and owner,
when root writes). A file that has other hard links, or whose owner or group the writer cannot
give the new file, is rewritten in place instead, so the links and the owner stay (a crash in
the middle of that one write can leave it cut short: the price of keeping the links).

With `expected`, the file is compared with those bytes once more just before the rename (or the
rewrite): an edit made meanwhile is kept and the write is refused.

A temporary file is named `.quotelint-PID-RANDOM.tmp` (created exclusively, mode 0600), so one
that a killed run left behind is recognisable; `clean_stale` removes those whose run is over
(and those of earlier versions, `.quotelint-RANDOM.tmp`, after an hour).
"""

from __future__ import annotations

import os
import stat
import tempfile
import time

from quotelint.errors import UserError
from quotelint.lazyre import lazy

TEMP_PREFIX = ".quotelint-"
_TEMP = lazy(r"\.quotelint-(?:(\d+)-)?[a-z0-9_]{8}\.tmp")  # without the id: made by quotelint 0.1
STALE_AFTER = 24 * 3600  # seconds after which a temporary file is stale, whoever made it
STALE_UNKNOWN = 3600  # the same for one that does not say which run made it


class Refused(Exception):
    """A path quotelint does not write to; the message says why."""


class Changed(Refused):
    """The file changed on disk since it was read."""


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def target_of(path: str) -> tuple[str, os.stat_result | None]:
    """The regular file a write to path goes to (a symbolic link followed), with its status,
    or None for a file to create."""
    real = os.path.realpath(path) if os.path.islink(path) else path
    try:
        st = os.stat(real)
    except FileNotFoundError:
        if real != path:
            raise Refused("a symbolic link to nothing") from None
        return path, None
    if stat.S_ISDIR(st.st_mode):
        raise Refused("a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise Refused("not a regular file (a device, a pipe or a socket): quotelint writes only regular files")
    if read_only(real, st):
        raise Refused("a read-only file")
    return real, st


def read_only(path: str, st: os.stat_result) -> bool:
    if _euid() == 0:
        return not st.st_mode & 0o222  # root may write anything: respect the bits themselves
    return not os.access(path, os.W_OK)


def _euid() -> int:
    return os.geteuid() if hasattr(os, "geteuid") else -1


def keeps_owner(st: os.stat_result) -> bool:
    """Whether a new file made by this process can be given the file's owner and group."""
    if not hasattr(os, "geteuid") or _euid() == 0:
        return True
    return st.st_uid == _euid() and (st.st_gid == os.getegid() or st.st_gid in os.getgroups())


def write_file(path: str, data: bytes, expected: bytes | None = None) -> None:
    """Write data to the file at path (see the module's documentation). Raises Refused, or
    OSError when the file system fails; either way the file is as it was."""
    real, st = target_of(path)
    if st is not None and (st.st_nlink > 1 or not keeps_owner(st)):
        _rewrite_in_place(real, data, expected)
    else:
        _replace(real, data, st, expected)


def save(path: str, data: bytes, what: str) -> None:
    """Write a file quotelint makes (the output, a baseline); a refusal or a failure is exit 2."""
    try:
        clean_stale(os.path.dirname(os.path.abspath(os.path.realpath(path))))
        write_file(path, data)
    except Refused as exc:
        raise UserError(f"{exc}; {what} is not written", path=path) from None
    except OSError as exc:
        raise UserError(f"cannot write {what}: {exc.strerror or exc}", path=path) from None


def _same(path: str, expected: bytes | None) -> None:
    if expected is None:
        return
    with open(path, "rb") as fh:
        if fh.read() != expected:
            raise Changed("changed on disk since it was read")


def _replace(path: str, data: bytes, st: os.stat_result | None, expected: bytes | None) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if st is not None and hasattr(os, "fchown") and (_euid() == 0 or st.st_gid != os.getegid()):
                os.fchown(fh.fileno(), st.st_uid if _euid() == 0 else -1, st.st_gid)
            mode = _default_mode() if st is None else stat.S_IMODE(st.st_mode)  # a new file: what open() gives
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            else:
                os.chmod(tmp, mode)
            os.fsync(fh.fileno())
        _same(path, expected)  # the last moment before the rename
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def _rewrite_in_place(path: str, data: bytes, expected: bytes | None) -> None:
    with open(path, "r+b") as fh:
        if expected is not None and fh.read() != expected:
            raise Changed("changed on disk since it was read")
        fh.seek(0)
        fh.write(data)
        fh.truncate()
        fh.flush()
        os.fsync(fh.fileno())


def _sync_folder(folder: str) -> None:
    """Make the rename durable (where the system lets a folder be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def trees(paths: list[str]) -> list[str]:
    """The folders a run checks: each folder named, and the folder of each file named."""
    return [p if os.path.isdir(p) else os.path.dirname(p) or "." for p in paths if p != "-"]


def within(path: str, roots: list[str]) -> bool:
    """Whether the file path stands for (a symbolic link followed) is one of roots or below one."""
    real = os.path.realpath(path)
    for root in roots:
        top = os.path.realpath(root)
        if real == top or real.startswith(top.rstrip(os.sep) + os.sep):
            return True
    return False


def clean_stale(folder: str, now: float | None = None) -> list[str]:
    """Remove the temporary files that runs of quotelint which are over left in a folder
    (killed before they could rename or remove them); return their names."""
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(folder or "."))
    except OSError:
        return removed
    for entry in entries:
        m = _TEMP.fullmatch(entry.name) if entry.name.startswith(TEMP_PREFIX) else None  # most folders hold none: no pattern compiled
        if m is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
            if age < STALE_UNKNOWN if m[1] is None else running(int(m[1])) and age < STALE_AFTER:
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def running(pid: int) -> bool:
    """Whether a process with this id runs on this machine (this one counts as running)."""
    if pid == os.getpid() or os.name == "nt":  # on Windows, os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's process, or a system that cannot tell
    return True
