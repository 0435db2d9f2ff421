"""The tool that puts the seeds' Markdown report into the README."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.devtools.readme_report import END, START, readme_block, replace_block

REPORT = "# quotelint report\n\nheadline\n\n## Totals\n\n| a |\n\n### Findings by category\n\n## Findings in context\n\n### a.txt\n\n1. item\n"


def test_block_drops_the_title_lowers_headings_and_folds_the_findings() -> None:
    block = readme_block(REPORT, "quotelint report seeds/ --format markdown")
    lines = block.split("\n")
    assert lines[0] == START and lines[-1] == END
    assert "# quotelint report" not in lines
    assert "### Totals" in lines and "#### Findings by category" in lines and "#### a.txt" in lines
    details = lines.index("<details><summary>Every finding in its sentence</summary>")
    assert lines[details + 1] == "" and lines[-2] == "</details>"
    assert lines.index("### Findings in context") < details < lines.index("#### a.txt")


def test_replace_keeps_what_is_around_the_markers() -> None:
    readme = f"intro\n{START}\nold\n{END}\noutro\n"
    assert replace_block(readme, f"{START}\nnew\n{END}") == f"intro\n{START}\nnew\n{END}\noutro\n"
    with pytest.raises(SystemExit):
        replace_block("no markers", "x")


def test_the_readme_holds_the_generated_report() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(START) : readme.index(END)]
    assert "### Totals" in block and "### Files, worst first" in block and "<details>" in block
    assert "](docs/report.png)" in readme and (Path(__file__).parent.parent / "docs" / "report.png").is_file()
