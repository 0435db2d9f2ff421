"""The tool that puts the seeds' Markdown report into docs/example.md, and the page it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quotelint.devtools.example_report import END, START, page_block, replace_block
from tests.conftest import ROOT, run_quotelint

REPORT = "# quotelint report\n\nheadline\n\n## Totals\n\n| a |\n\n### Findings by category\n\n## Findings in context\n\n### a.txt\n\n1. item\n"
PAGE = ROOT / "docs" / "example.md"


def test_block_drops_the_title_and_folds_the_findings() -> None:
    block = page_block(REPORT, "quotelint report seeds/ --format markdown")
    lines = block.split("\n")
    assert lines[0] == START and lines[-1] == END
    assert "# quotelint report" not in lines
    assert "## Totals" in lines and "### Findings by category" in lines and "### a.txt" in lines
    details = lines.index("<details><summary>Every finding in its sentence</summary>")
    assert lines[details + 1] == "" and lines[-2] == "</details>"
    assert lines.index("## Findings in context") < details < lines.index("### a.txt")


def test_replace_keeps_what_is_around_the_markers() -> None:
    page = f"intro\n{START}\nold\n{END}\noutro\n"
    assert replace_block(page, f"{START}\nnew\n{END}") == f"intro\n{START}\nnew\n{END}\noutro\n"
    with pytest.raises(SystemExit):
        replace_block("no markers", "x")


def test_the_docs_page_holds_the_report_of_the_seeds_as_it_is_now() -> None:
    page = PAGE.read_text(encoding="utf-8")
    block = page[page.index(START) : page.index(END)]
    assert "## Totals" in block and "## Files, worst first" in block and "<details>" in block
    assert "](report.png)" in page and (ROOT / "docs" / "report.png").is_file()
    # the page's headline is the real command's today: regenerate the page when this fails
    made = run_quotelint("report", "seeds/", "--format", "markdown")
    headline = next(line for line in made.stdout.splitlines() if re.match(r"\d+ files?, ", line))
    assert f"\n{headline}\n" in block, "docs/example.md is out of date: python -m quotelint.devtools.example_report"
