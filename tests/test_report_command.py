"""`quotelint report` end to end: formats, output file, exit codes, colour only on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import jsonschema

from tests.conftest import ROOT, run_quotelint

EXAMPLES = str(ROOT / "quotelint" / "data" / "examples.yaml")
SCHEMA = ROOT / "quotelint" / "data" / "report.schema.json"
MISSPELT = "The ODHIR team arrived in Astana on Monday. It left on Friday.\n"
VARIANTS = "António Guterres spoke. Later Antonio Guterres left.\n"
CLEAN = "Nothing here names anyone the registry knows.\n"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(MISSPELT, encoding="utf-8")
    (folder / "b.md").write_text("# Title\n\n" + VARIANTS, encoding="utf-8")
    (folder / "c.txt").write_text(CLEAN, encoding="utf-8")
    return folder


def test_text_report_of_a_folder(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    done = run_quotelint("report", str(folder), "--registry", EXAMPLES)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert out.startswith("quotelint report\n") and "\x1b" not in out
    flat = " ".join(out.split())
    assert "3 files, 27 words" in flat and "2 findings (1 error, 1 warning)" in flat
    assert "»ODHIR«" in out and "Suggestion: ODIHR" in out
    table = out[out.index("Files, worst first") :]
    assert table.index("a.txt") < table.index("b.md") < table.index("c.txt")
    assert max(len(line) for line in out.splitlines()) <= 80


def test_fail_on_decides_the_exit_code(tmp_path: Path) -> None:
    article = tmp_path / "v.txt"
    article.write_text(VARIANTS, encoding="utf-8")
    assert run_quotelint("report", str(article), "--registry", EXAMPLES).returncode == 1
    assert run_quotelint("report", str(article), "--registry", EXAMPLES, "--fail-on", "error").returncode == 0
    clean = tmp_path / "c.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert run_quotelint("report", str(clean), "--registry", EXAMPLES).returncode == 0


def test_output_file_and_json_schema(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    target = tmp_path / "report.json"
    done = run_quotelint("report", str(folder), "--registry", EXAMPLES, "--format", "json", "-o", str(target))
    assert done.returncode == 1 and done.stdout == ""
    data = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["totals"]["files"] == 3 and data["totals"]["findings"]["total"] == 2
    first = data["files"][0]
    assert first["path"].endswith("a.txt")
    item = first["items"][0]
    start, end = item["sentence"]["highlight"]
    assert item["sentence"]["text"] == "The ODHIR team arrived in Astana on Monday."
    assert item["sentence"]["text"][start:end] == "ODHIR"
    assert (item["line"], item["column"], item["suggestion"]) == (1, 5, "ODIHR")


def test_a_missing_file_is_named_in_the_report_and_exits_2(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    missing = str(tmp_path / "gone.txt")
    done = run_quotelint("report", str(folder), missing, "--registry", EXAMPLES, "--format", "markdown")
    assert done.returncode == 2
    assert "## Files not read" in done.stdout and "gone.txt: no such file or directory" in done.stdout
    assert "gone.txt: no such file or directory" in done.stderr
    assert "Traceback" not in done.stderr


def test_html_report_from_standard_input(tmp_path: Path) -> None:
    done = run_quotelint(
        "report", "-", "--stdin-filename", "story.txt", "--registry", EXAMPLES, "--format", "html",
        stdin=MISSPELT.encode("utf-8"),
    )
    assert done.returncode == 1, done.stderr
    assert "<mark>ODHIR</mark>" in done.stdout
    assert "story.txt" in done.stdout


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run quotelint with its standard output on a pseudo-terminal; what it printed."""
    main, child = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "CI")}
    full_env.update(env)
    proc = subprocess.Popen([sys.executable, "-m", "quotelint", *args], stdout=child, stderr=subprocess.DEVNULL, cwd=ROOT, env=full_env)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the terminal closed: the program has ended
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_only_on_a_terminal_and_never_with_no_color(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(MISSPELT, encoding="utf-8")
    args = ["report", str(article), "--registry", EXAMPLES]
    assert "\x1b[" in run_in_terminal(args, {})
    assert "\x1b[" not in run_in_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b[" not in run_quotelint(*args).stdout


def test_an_output_file_that_cannot_be_written_is_a_user_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(MISSPELT, encoding="utf-8")
    target = tmp_path / "no-such-folder" / "report.html"
    done = run_quotelint("report", str(article), "--registry", EXAMPLES, "--format", "html", "-o", str(target))
    assert done.returncode == 2
    assert done.stderr.strip() == f"quotelint: {target}: cannot write the output: No such file or directory"


def test_html_names_the_run_date_and_the_registry_with_its_size(tmp_path: Path) -> None:
    import re

    folder = corpus(tmp_path)
    target = tmp_path / "report.html"
    # 1 March 2025, 09:05 UTC, as SOURCE_DATE_EPOCH gives it for a report made again byte for byte
    done = run_quotelint("report", str(folder), "--registry", EXAMPLES, "--format", "html", "-o", str(target), env={"SOURCE_DATE_EPOCH": "1740819900"})
    assert done.returncode == 1, done.stderr
    page = target.read_text(encoding="utf-8")
    assert "1 March 2025, 09:05 UTC" in page
    checked = run_quotelint("registry", "check", EXAMPLES)
    listed = checked.stderr.split("valid: ", 1)[1].strip()  # `12 people, 3 organizations, ...`
    assert re.search(r"<dt>Registry</dt><dd><code>[^<]*examples\.yaml</code> \(" + re.escape(listed) + r"\)</dd>", page), page[:3000]
