"""The command line: parse arguments, hand each command to its module, turn errors into exit 2."""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from quotelint import __version__
from quotelint.errors import UserError, warn
from quotelint.terminal import COLOR_CHOICES, columns

CHECK_FORMATS = ("text", "json", "sarif", "github")
EXTRACT_FORMATS = ("text", "json")
REPORT_FORMATS = ("text", "markdown", "html", "json")


class Width:
    """argparse's help formatter with the terminal's width read by terminal.columns: argparse
    reads it with shutil, which it imports for each parser it builds."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, columns() - 2 if width is None else width)  # type: ignore[call-arg]


class Formatter(Width, argparse.HelpFormatter):
    pass


class RawFormatter(Width, argparse.RawDescriptionHelpFormatter):
    pass


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UserError(message)


EXIT_CODES = """\
exit codes:
  0  nothing at or above --fail-on (default: warning)
  1  findings at or above --fail-on (never with --exit-zero)
  2  a usage, settings, registry or input error, explained on standard error"""

MAIN_EPILOG = f"""\
examples:
  quotelint check                          check every article below this folder
  quotelint check articles/ --registry registry/
  quotelint check story.md --format json   machine-readable findings
  quotelint check --statistics             how many findings each rule gives
  quotelint report articles/ --format html -o report.html
  quotelint explain QL201                  what a rule checks, with examples

{EXIT_CODES}

Settings: [tool.quotelint] in pyproject.toml, or .quotelint.yaml. Full reference: docs/cli.md."""

CHECK_EPILOG = f"""\
examples:
  quotelint check                          every article below this folder (same as: check .)
  quotelint check drafts/ --select QL2 --ignore QL202
  quotelint check --extend-exclude 'archive,*.draft.md' --fail-on error
  quotelint check story.md --show-info     list info findings even when the run fails
  quotelint check --fix                    correct misspelled names in place
  quotelint check --quiet --exit-zero      findings only, and never fail
  cat story.md | quotelint check - --stdin-filename story.md

Selectors (--select, --ignore, ...) are rule ids (QL201), id prefixes (QL2), names
(spelling-drift), categories or YAML rule namespaces (house); one that matches no rule
is an error. Text output: when the run fails, info findings are counted, not listed.

{EXIT_CODES}"""


def add_common(parser: argparse.ArgumentParser, formats: Sequence[str], fail_on: bool = True) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - reads standard input")
    parser.add_argument("--registry", action="append", metavar="PATH", help="registry file or folder (repeatable; replaces the configured registry)")
    parser.add_argument("--registry-required", action=argparse.BooleanOptionalAction, default=None, help="no registry configured is an error (exit 2), not a warning")
    parser.add_argument("--config", metavar="PATH", help="settings file (default: [tool.quotelint] in the nearest pyproject.toml, else .quotelint.yaml)")
    parser.add_argument("--format", choices=formats, default="text", help="output format")
    parser.add_argument("--select", metavar="RULES", help="rules to use, comma-separated (replaces the settings' select)")
    parser.add_argument("--extend-select", metavar="RULES", help="rules to use besides those selected")
    parser.add_argument("--ignore", metavar="RULES", help="rules to leave out, comma-separated")
    if fail_on:
        parser.add_argument("--fail-on", choices=("error", "warning", "info"), help="lowest severity that makes the exit code 1 (default: warning)")
    else:  # accepted only to say why it does nothing here
        parser.add_argument("--fail-on", help=argparse.SUPPRESS)
    parser.add_argument("--exclude", metavar="GLOBS", help="files and folders a folder search skips, comma-separated (replaces the defaults: .git, node_modules, .venv, ...)")
    parser.add_argument("--extend-exclude", metavar="GLOBS", help="files and folders to skip besides the excluded ones")
    parser.add_argument("--stdin-filename", metavar="NAME", help="the name to report for standard input (its suffix picks the format)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE instead of standard output")
    parser.add_argument("--no-cache", action="store_true", help="load the registry from its YAML files and the settings from their file, not from the cache")
    parser.add_argument("--jobs", "-j", type=jobs_option, metavar="N", help="processes that lint the files: a number, or auto (default: every core, one for a small run; setting jobs)")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="lint on the dask cluster of this scheduler, e.g. tcp://host:8786 (pip install 'quotelint[dask]')")
    parser.add_argument("--date", metavar="DATE", help="judge titles as of this date, YYYY-MM-DD or today (default: each document's own date)")


def jobs_option(value: str) -> int | str:
    """--jobs N: a number of processes, or auto (kept as "auto" so that it beats the setting)."""
    from quotelint.settings import parse_jobs

    try:
        return parse_jobs(value) or "auto"
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_color(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--color", choices=COLOR_CHOICES, default="auto", help="colour the text output (auto: on a terminal, unless NO_COLOR; FORCE_COLOR forces it)")


def add_check(check: argparse.ArgumentParser) -> None:
    add_common(check, CHECK_FORMATS)
    check.add_argument("-q", "--quiet", action="store_true", help="print the findings only: no summary, no warnings")
    check.add_argument("--statistics", action="store_true", help="count the findings per rule instead of listing them (text or json)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings (2 still means an error)")
    check.add_argument("--show-info", action=argparse.BooleanOptionalAction, default=None, help="text: list info findings (default: only when nothing fails the run)")
    add_color(check)
    check.add_argument("--fix", action="store_true", help="apply safe fixes in place")
    check.add_argument("--diff", action="store_true", help="show the safe fixes as a unified diff; write nothing")
    check.add_argument("--diff-base", metavar="REF", help="keep only findings on lines that `git diff REF...HEAD` adds or changes")
    check.add_argument("--baseline", metavar="FILE", help="leave out findings recorded in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline and exit 0")
    check.add_argument("--show-source", action=argparse.BooleanOptionalAction, default=None, help="print the line and a caret under each finding (default: on a terminal)")
    check.add_argument("--max-annotations", type=int, default=None, metavar="N", help="github format: annotations to print at most (default 50)")
    check.add_argument("--also-write", action="append", default=[], metavar="FORMAT:FILE", help="also write the same findings in FORMAT to FILE, from the same run (e.g. sarif:quotelint.sarif; repeatable)")


def add_extract(extract: argparse.ArgumentParser) -> None:
    add_common(extract, EXTRACT_FORMATS, fail_on=False)


def add_report(report: argparse.ArgumentParser) -> None:
    add_common(report, REPORT_FORMATS)
    add_color(report)


def add_registry(registry: argparse.ArgumentParser) -> None:
    registry_sub = registry.add_subparsers(dest="registry_command", metavar="SUBCOMMAND", parser_class=Parser)
    rcheck = registry_sub.add_parser("check", help="validate registry files")
    rcheck.add_argument("paths", nargs="*", metavar="PATH", help="registry files or folders (default: the configured registry)")
    rcheck.add_argument("--config", metavar="PATH", help="settings file")
    rdraft = registry_sub.add_parser("draft", help="write registry YAML for the quotes and names the registry does not know")
    rdraft.add_argument("paths", nargs="*", metavar="PATH", help="articles: files or folders")
    rdraft.add_argument("-o", "--output", metavar="FILE", help="write the draft here (default: standard output)")
    rdraft.add_argument("--registry", action="append", metavar="PATH", help="registry file or folder (repeatable)")
    rdraft.add_argument("--config", metavar="PATH", help="settings file")


def add_rules(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--registry", action="append", metavar="PATH", help="registry file or folder, for rules written in YAML")
    rules.add_argument("--config", metavar="PATH", help="settings file")
    rules.add_argument("--format", choices=("text", "json"), default="text")


def add_explain(explain: argparse.ArgumentParser) -> None:
    explain.add_argument("rule", metavar="RULE", help="rule id or name, e.g. QL201 or spelling-drift")
    explain.add_argument("--registry", action="append", metavar="PATH", help="registry file or folder, for rules written in YAML")
    explain.add_argument("--config", metavar="PATH", help="settings file")


def add_server(server: argparse.ArgumentParser) -> None:
    server.add_argument("--stdio", action="store_true", help="accepted for clients that pass it; standard input and output is the only transport")
    server.add_argument("--debounce", type=float, default=None, metavar="MS", help="milliseconds to wait after an edit before linting (default 100; 0 lints at once)")


# Each command: what `quotelint --help` says of it, its parser's own texts, and what adds its arguments.
COMMANDS: dict[str, tuple[dict[str, Any], Callable[[argparse.ArgumentParser], None]]] = {
    "check": ({"help": "lint files or folders", "description": "Lint articles: every finding, then a summary.", "epilog": CHECK_EPILOG, "formatter_class": RawFormatter}, add_check),
    "extract": ({"help": "list every quotation with its attribution and registry status"}, add_extract),
    "report": ({"help": "a corpus report: counts, then every finding in context"}, add_report),
    "registry": ({"help": "validate or draft registry files"}, add_registry),
    "rules": ({"help": "list every rule: id, category, default severity, summary"}, add_rules),
    "explain": ({"help": "one rule's documentation, with a failing and a passing example"}, add_explain),
    "server": (
        {
            "help": "a language server for editors, over standard input and output (needs quotelint[lsp])",
            "description": "Serve diagnostics, fixes and hovers to an editor by the Language Server Protocol on standard input and output. Settings and the registry are found from each workspace folder as `check` finds them. See docs/editors.md.",
        },
        add_server,
    ),
}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of the command line. Given arguments that begin with a command, only that
    command's parser is built: no other could parse them, and nothing lists the others then (the
    program's own help comes before a command, `quotelint --help check`). Building every
    command's parser, each with its help argument and texts looked up by gettext, took a
    hundredth of a one-article check, and adding every command's arguments as much again."""
    parser = Parser(prog="quotelint", description="Check quotations, attributions, names and figures in prose.", epilog=MAIN_EPILOG, formatter_class=RawFormatter)
    parser.add_argument("--version", action="version", version=f"quotelint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    named = command_named(argv)
    for name, (texts, add_arguments) in COMMANDS.items():
        if named is None or name == named:
            add_arguments(sub.add_parser(name, **texts))
    return parser


def command_named(argv: Sequence[str] | None) -> str | None:
    """The command the arguments begin with, if they do; else None."""
    return argv[0] if argv and argv[0] in COMMANDS else None


def entry() -> int:
    """The program (`quotelint`, `python -m quotelint`): `main` on the command line's arguments,
    leaving what the run made out of the collector's reach as the process ends (see `dispatch`)."""
    return main(exiting=True)


def main(argv: Sequence[str] | None = None, exiting: bool = False) -> int:
    if argv is None:
        argv = sys.argv[1:]
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        if args.command == "registry" and args.registry_command is None:
            raise UserError("registry needs a subcommand: check or draft")
        return dispatch(args, exiting)
    except UserError as exc:
        warn(exc)
        return 2
    except MemoryError:  # exit 1 means findings, so never Python's own exit code for this
        print("quotelint: out of memory; check fewer or smaller files (see the max-file-size setting)", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C: 128 + SIGINT, as shells report it
        print("quotelint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def dispatch(args: argparse.Namespace, exiting: bool = False) -> int:
    """Run the command, with the cycle collector run less often (see `fewer_collections`); not
    the language server, which lives for hours and whose memory must not grow between lints.

    When the process ends with the command (`exiting`), what the run made is frozen out of the
    collector's reach (`gc.freeze`) before the usual threshold comes back: the first allocation
    after that would walk the objects of the run, and the interpreter's full collection at exit
    would walk them all again, only to free them a moment before the process ends (a quarter of
    a one-article check). Callers of `main` (tests, other programs) keep a collector that sees
    everything."""
    if args.command == "server":
        return _dispatch(args)
    with fewer_collections():
        code = _dispatch(args)
        if exiting:
            gc.freeze()
        return code


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """A run allocates a few small objects per word (tokens, positions) that live as long as
    their document and make few reference cycles; at the default threshold of 700 allocations
    the collector walks them again and again (a tenth of the run on 10 MB). Restored after."""
    before = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "check":
        from quotelint.commands.check import run
    elif args.command == "extract":
        from quotelint.commands.extract import run
    elif args.command == "report":
        from quotelint.commands.report import run
    elif args.command == "rules":
        from quotelint.commands.rules import run_rules as run
    elif args.command == "explain":
        from quotelint.commands.rules import run_explain as run
    elif args.command == "server":
        from quotelint.commands.server import run
    elif args.registry_command == "check":
        from quotelint.commands.registry import run_check as run
    else:
        from quotelint.commands.registry import run_draft as run
    return run(args)
