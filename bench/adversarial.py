"""Inputs made to take quotelint down, each run through the real `quotelint check`.

    python bench/adversarial.py                       # every input
    python bench/adversarial.py unclosed-quotes html  # the inputs whose names contain these words
    python bench/adversarial.py --timeout 120 --memory 8000

Every input is generated here, in a temporary folder: a long hyphenated name, a long CamelCase
name, one long word, paragraphs of quotations that never close, unbalanced HTML, a 10 MB single
line, a million quotation marks, an alias bomb in a registry, a pattern rule of 20,000 branches,
a pattern of 200 nested groups, a rule that runs out of time, /dev/zero and a named pipe. Each
run starts from the repository (so documents are checked against the house registry in rules/,
its cache warmed once first) and is measured on its own, from the child's own rusage (os.wait4):
wall time, CPU time (user and system) and peak resident memory, with its exit code and the first
line it wrote to standard error. A run is stopped at --timeout seconds, and its address space is
capped at --memory MB so that a regression cannot take the machine down with it.

The goal is every input under 10 s and 500 MB, judged on CPU time (other work on a shared machine
inflates wall time, not CPU time), with exit code 0, 1 or 2 and no traceback.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_SECONDS, GOAL_MB = 10.0, 500


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    make: Callable[[Path], list[str]]  # writes the input into the folder, returns the check arguments


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def repeat_to(unit: str, size: int) -> str:
    """`unit` repeated to `size` bytes of UTF-8 (whole units only)."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def hyphenated(n: int) -> Callable[[Path], list[str]]:
    return lambda d: [str(write(d / f"hyphenated-{n}.txt", "-".join(["Kassym"] * n) + "\n"))]


def camel_case(d: Path) -> list[str]:
    parts = itertools.cycle(["Kassym", "Jomart", "Tokayev", "Nursultan", "Astana"])
    name = "".join(itertools.islice(parts, 400))[:1500]
    return [str(write(d / "camel.txt", f"The minister {name} spoke.\n"))]


def one_word(size: int) -> Callable[[Path], list[str]]:
    return lambda d: [str(write(d / f"word-{size}.txt", repeat_to("Kassymjomart", size) + "\n"))]


def unclosed_quotes(d: Path) -> list[str]:
    return [str(write(d / "unclosed.txt", repeat_to("“text\n\n", 900_000)))]


def unbalanced_html(d: Path) -> list[str]:
    return [str(write(d / "unbalanced.html", repeat_to("<div>“Quote<div>", 960_000)))]


def broken_attributes(d: Path) -> list[str]:
    """Tags whose quoted attribute never closes: all of it is prose full of straight quotes."""
    return [str(write(d / "attributes.html", repeat_to('<a href="x>text ', 960_000)))]


def tags_in_text(d: Path) -> list[str]:
    """Markup left in plain text, on one line: a quotation mark inside every tag."""
    return [str(write(d / "tags.txt", repeat_to('<a href="x">link ', 1_000_000)))]


def seeds_prose() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def one_line(d: Path) -> list[str]:
    """10,000,000 bytes of the seed articles' prose with every line break a space: one paragraph."""
    line = " ".join(seeds_prose().split()) + " "
    data = (line * (10_000_000 // len(line.encode("utf-8")) + 1)).encode("utf-8")[:10_000_000]
    path = d / "one-line.txt"
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return [str(path)]


def quote_marks(marks: str, name: str) -> Callable[[Path], list[str]]:
    return lambda d: [str(write(d / name, (marks * (1_000_000 // len(marks) + 1))[:1_000_000] + "\n"))]


def alias_bomb(d: Path) -> list[str]:
    """Nine levels of nine aliases in a registered quote's date: 9**9 values in a few lines."""
    anchors = ['    date:\n      - &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    anchors += [f"      - &l{k} [" + ", ".join([f"*l{k - 1}"] * 9) + "]" for k in range(1, 9)]
    registry = (
        "people:\n  - id: ann-hale\n    name: Ann Hale\n"
        "quotes:\n  - id: q1\n    speaker: ann-hale\n    text: We will build it.\n    source: https://example.org/\n"
        + "\n".join(anchors)
        + "\n"
    )
    write(d / "bomb.yaml", registry)
    return ["--registry", str(d / "bomb.yaml"), str(write(d / "short.txt", "Ann Hale said: “We will build it.”\n"))]


def rule_pack(d: Path, name: str, pattern: str) -> list[str]:
    rules = f"rules:\n  - id: house/{name}\n    kind: existence\n    regex: true\n    tokens: ['{pattern}']\n"
    write(d / f"{name}.yaml", rules)
    return ["--registry", str(d / f"{name}.yaml"), str(write(d / f"{name}.txt", "A short text to check.\n"))]


def many_branches(d: Path) -> list[str]:
    return rule_pack(d, "branches", "(?:" + "|".join(f"w{k}x" for k in range(20_000)) + ")+")


def nested_groups(d: Path) -> list[str]:
    return rule_pack(d, "nested", "(" * 200 + "a" + ")" * 200)


def slow_rule(d: Path) -> list[str]:
    """A pattern the static check lets through that backtracks 9**9 ways on a run of x's."""
    args = rule_pack(d, "slow", r"(?:x{1,9}){1,9}\d")
    write(d / "slow.txt", "x" * 100 + " 1\n\nAnother paragraph.\n")
    return args + [str(write(d / "other.txt", "Nothing slow here.\n"))]


def named_pipe(d: Path) -> list[str]:
    folder = d / "with-pipe"
    folder.mkdir()
    write(folder / "article.txt", "A short text to check.\n")
    os.mkfifo(folder / "pipe.txt")
    return [str(folder)]


CASES = (
    Case("hyphenated-300", "Kassym-Kassym-... 300 times (2 KB), one word", hyphenated(300)),
    Case("hyphenated-1000", "the same, 1,000 times (7 KB)", hyphenated(1000)),
    Case("camel-case", "a 1.5 KB CamelCase name", camel_case),
    Case("word-200kb", "one 200 KB word", one_word(200_000)),
    Case("word-1mb", "one 1 MB word", one_word(1_000_000)),
    Case("unclosed-quotes", "900 KB of “text paragraphs never closed", unclosed_quotes),
    Case("html-unbalanced", "960 KB of <div>“Quote<div>", unbalanced_html),
    Case("html-attributes", '960 KB of <a href="x>text (quoted attributes never closed)', broken_attributes),
    Case("tags-in-text", '1 MB of <a href="x">link in a .txt, on one line', tags_in_text),
    Case("one-line-10mb", "10 MB of news prose on one line", one_line),
    Case("marks-straight", 'a million " marks', quote_marks('"', "straight.txt")),
    Case("marks-curly", "a million “”‘’«» marks", quote_marks("“”‘’«»", "curly.txt")),
    Case("alias-bomb", "a registry quote's date of 9**9 aliased values", alias_bomb),
    Case("pattern-20000", "a rule: a repeated alternation of 20,000 branches", many_branches),
    Case("pattern-nested", "a rule: 200 nested groups", nested_groups),
    Case("pattern-slow", "a rule that runs out of time on one of two files", slow_rule),
    Case("dev-zero", "/dev/zero as a document", lambda d: ["/dev/zero"]),
    Case("named-pipe", "a folder holding a named pipe pipe.txt", named_pipe),
)


@dataclass(frozen=True)
class Result:
    seconds: float
    cpu: float  # user and system time of the child: what it costs on a machine others share
    peak_mb: int
    exit: str
    message: str


def run(args: list[str], env: dict[str, str], timeout: float, memory_mb: int, errors: Path) -> Result:
    """One `quotelint check` in a child process, measured on its own."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, resource.RLIM_INFINITY))

    command = [sys.executable, "-m", "quotelint", "check", "--format", "json", *args]
    with open(errors, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=cap)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > timeout:
                proc.kill()
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
    proc.returncode = 0  # reaped by wait4 above; keep Popen from waiting again
    lines = errors.read_text(encoding="utf-8", errors="replace").splitlines()
    message = next((line for line in lines if line.strip()), "")
    if any(line.startswith("Traceback") for line in lines):
        message = "TRACEBACK: " + lines[-1]
    code = f"killed at {timeout:g} s" if killed else str(os.waitstatus_to_exitcode(status))
    return Result(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, code, message)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("only", nargs="*", help="run only the inputs whose names contain one of these")
    parser.add_argument("--timeout", type=float, default=60, help="seconds before a run is stopped (default 60)")
    parser.add_argument("--memory", type=int, default=4000, help="address space a run may take, in MB (default 4000)")
    opts = parser.parse_args()
    cases = [c for c in CASES if not opts.only or any(w in c.name for w in opts.only)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QUOTELINT_CACHE_DIR": str(folder / "cache"), "NO_COLOR": "1"}
        run([str(write(folder / "warm.txt", "Turnout was high.\n"))], env, opts.timeout, opts.memory, folder / "warm.err")
        print(f"{'input':<16} {'wall s':>7} {'CPU s':>7} {'peak MB':>8} {'exit':>6}  goal  what; first line on stderr")
        for case in cases:
            work = folder / case.name
            work.mkdir()
            result = run(case.make(work), env, opts.timeout, opts.memory, work / "stderr.txt")
            clean = result.exit in ("0", "1", "2") and not result.message.startswith("TRACEBACK")
            met = "yes" if clean and result.cpu < GOAL_SECONDS and result.peak_mb < GOAL_MB else "NO"
            message = result.message.replace(str(work) + os.sep, "").replace("quotelint: ", "")
            print(f"{case.name:<16} {result.seconds:7.2f} {result.cpu:7.2f} {result.peak_mb:8d} {result.exit:>6}  {met:<4}  {case.what}")
            if message:
                print(f"{'':<54}{message[:100]}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
