"""What the commands share: settings, the registry, the files to read, writing the output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator

from quotelint.document import Document, InputError, decode, kind_for, read_document
from quotelint.errors import UserError, warn
from quotelint.files import DEFAULT_LIMIT, read_stream
from quotelint.finding import Severity
from quotelint.records import Value
from quotelint.registry import Registry
from quotelint.settings import Settings, find_settings, load_settings
from quotelint.visible import visible


def cli_list(value: str | None) -> tuple[str, ...]:
    return tuple(s.strip() for s in (value or "").split(",") if s.strip())


def file_settings(args: argparse.Namespace, start: str = ".") -> Settings:
    """The settings file's settings, before the command line changes them: the one given, else
    the nearest one from `start` (the current folder; a workspace folder for the server) upwards."""
    return load_settings(getattr(args, "config", None) or find_settings(start), use_cache=not getattr(args, "no_cache", False))


def settings_from(args: argparse.Namespace) -> Settings:
    return with_options(file_settings(args), args)


def with_options(settings: Settings, args: argparse.Namespace) -> Settings:
    """The settings with the command line's options: `--select` and `--exclude` replace, the others add."""
    changes: dict[str, object] = {}
    if cli_list(getattr(args, "select", None)):
        changes["select"] = cli_list(args.select)
    for key in ("extend_select", "ignore", "extend_exclude"):
        if cli_list(getattr(args, key, None)):
            changes[key] = getattr(settings, key) + cli_list(getattr(args, key))
    if cli_list(getattr(args, "exclude", None)):
        changes["exclude"] = cli_list(args.exclude)
    if getattr(args, "fail_on", None):
        changes["fail_on"] = Severity.parse(args.fail_on)
    changes["registry_required"] = getattr(args, "registry_required", None)
    if getattr(args, "date", None):
        from quotelint.docdate import parse_date

        try:
            changes["date"] = parse_date(args.date)
        except ValueError as exc:
            raise UserError(f"--date: {exc}") from None
    return settings.with_cli(**changes)


def registry_from(args: argparse.Namespace, settings: Settings) -> Registry:
    paths = tuple(getattr(args, "registry", None) or ()) or settings.registry
    if not paths:
        return Registry()
    from quotelint.registry.cache import load_cached

    return load_cached(paths, use_cache=not getattr(args, "no_cache", False))


def setup(args: argparse.Namespace, start: str = ".") -> tuple[Settings, Registry]:
    """Settings and registry for a command that reads articles, both checked before any is read:
    every rule selector must name a rule, and a run without a registry says so (or stops).
    The settings file is looked for from `start` upwards (see `file_settings`)."""
    from quotelint.commands.registry_notice import registry_notice
    from quotelint.linter import all_rules
    from quotelint.selection import check_selectors, check_settings

    base = file_settings(args, start)
    settings = with_options(base, args)
    registry = registry_from(args, settings)
    rules = all_rules(registry)
    for flag in ("select", "extend_select", "ignore"):
        check_selectors(f"--{flag.replace('_', '-')}", cli_list(getattr(args, flag, None)), rules)
    check_settings(base, rules)
    registry_notice(args, settings, registry)
    return settings, registry


class Note(Value):
    """A warning met while finding the files, printed where a serial run meets it."""

    __slots__ = _fields = ("message",)
    message: str

    def __init__(self, message: str) -> None:
        self.message = message


class Inputs:
    """The documents of a run, read lazily, and the input problems met on the way. (A plain
    class: a dataclass compiles its generated methods when imported, about 2 M instructions
    of every check, for an object made once a run.)"""

    def __init__(
        self, paths: list[str], stdin_name: str | None = None, settings: Settings | None = None, quiet: bool = False, implicit: bool = False
    ) -> None:
        self.paths = paths
        self.stdin_name = stdin_name
        self.settings = settings
        self.problems: list[InputError] = []
        self.count = 0  # documents read
        self.quiet = quiet  # no warnings (input errors are still printed)
        self.implicit = implicit  # no path was given: `.` is read, its files shown as `a.md`, not `./a.md`

    def documents(self) -> Iterator[Document]:
        for entry in self.entries():
            if not isinstance(entry, str):
                self.report(entry)
                continue
            try:
                yield self.read(entry)
            except InputError as exc:  # reported, skipped, the others checked
                self.report(exc)

    def entries(self) -> Iterator[str | InputError | Note]:
        """The files to read in order (`-` for standard input), with the problems met in finding
        them (a path that does not exist, a folder with nothing to read) where they arise."""
        for path in self.paths:
            if path == "-":
                yield path
            elif not os.path.exists(path):
                yield InputError("no such file or directory", path=path)
            elif os.path.isdir(path):
                files = self._walk(path)
                if not files:
                    yield Note(empty_folder(path))
                yield from files
            else:
                yield path

    def read(self, path: str) -> Document:
        """One file (or standard input) as a document, counted; InputError when it cannot be read."""
        limit = self.settings.max_file_size if self.settings else DEFAULT_LIMIT
        doc = self._stdin(limit) if path == "-" else read_document(path, limit=limit)
        if path != "-":
            self.count += 1
        return doc

    def report(self, problem: InputError | Note) -> None:
        if isinstance(problem, Note):
            self.warn(problem.message)
        else:
            self._problem(problem)

    def folder(self, folder: str) -> list[str]:
        """The files of a folder, with a warning when there are none."""
        files = self._walk(folder)
        if not files:
            self.warn(empty_folder(folder))
        return files

    def _walk(self, folder: str) -> list[str]:
        from quotelint.commands.paths import walk  # only for a folder: pre-commit names files

        return walk("" if self.implicit and folder == os.curdir else folder, self.settings)

    def warn(self, message: str) -> None:
        if not self.quiet:
            warn(f"warning: {message}")

    def _stdin(self, limit: int | None) -> Document:
        name = self.stdin_name or "-"
        text, bom = decode(read_stream(sys.stdin.buffer, limit, name, InputError), name)
        self.count += 1
        return Document.from_text(text, name, kind_for(name), bom)

    def _problem(self, exc: InputError) -> None:
        self.problems.append(exc)
        warn(exc)


def empty_folder(folder: str) -> str:
    from quotelint.commands.paths import suffixes

    return f"{visible(folder)}: no file quotelint reads in this folder (it reads {suffixes()}; hidden and excluded ones are skipped)"


def inputs_from(args: argparse.Namespace, settings: Settings, default: str | None = None) -> Inputs:
    """The paths to read: those given; else standard input when --stdin-filename names it and
    it is not a terminal; else `default` (`.` for check, extract and report, as in ruff)."""
    paths = list(args.paths)
    implicit = False
    if not paths:
        if sys.stdin is not None and not sys.stdin.isatty() and getattr(args, "stdin_filename", None):
            paths = ["-"]
        elif default is not None:
            paths, implicit = [default], True
        else:
            raise UserError("no paths given (give files or folders, or - for standard input)")
    quiet = bool(getattr(args, "quiet", False))
    return Inputs(paths, getattr(args, "stdin_filename", None), settings, quiet=quiet, implicit=implicit)


STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDERR_NAMES = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})


def to_stdout(output: str | None) -> bool:
    """Whether -o names standard output (or is not given)."""
    return output is None or output in STDOUT_NAMES


def write_output(text: str | Iterable[str], output: str | None) -> None:
    """Print the output, or write it to a regular file (see quotelint/writes.py). `-o -` and
    `-o /dev/stdout` name standard output, `-o /dev/stderr` standard error. The output may come
    in pieces, printed as they come (a file is written whole, atomically)."""
    stream = sys.stdout if to_stdout(output) else sys.stderr if output in STDERR_NAMES else None
    if stream is not None:
        for piece in (text,) if isinstance(text, str) else text:
            stream.write(piece)
        stream.flush()
        return
    from quotelint.writes import save

    save(output, (text if isinstance(text, str) else "".join(text)).encode("utf-8"), "the output")


def exit_code(severities: list[Severity], fail_on: Severity, inputs: Inputs, exit_zero: bool = False) -> int:
    """2 when a file could not be read; else 1 when a finding is at or above fail_on, unless exit_zero."""
    if inputs.problems:
        return 2
    return 1 if not exit_zero and any(s >= fail_on for s in severities) else 0
