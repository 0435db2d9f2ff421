"""Inline suppressions: disable/enable ranges, disable-next-line and disable-line, per format."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integ_helpers import registry
from quotelint.document import Document
from quotelint.finding import Finding, Severity
from quotelint.linter import lint_text
from quotelint.registry import Registry
from quotelint.suppressions import apply, directives, matches


@pytest.fixture(scope="module")
def reg(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    return registry(tmp_path_factory.mktemp("registry"))


def lines_of(findings: list[Finding], rule: str | None = None) -> list[int]:
    """The lines of the places reported: a misspelling repeated is one finding naming the others."""
    return [line for f in findings if rule is None or f.rule == rule for line in (f.line, *(r[0] for r in f.related))]


def test_without_directives_every_finding_stays(reg: Registry) -> None:
    text = "The ODHIR mission.\nThe ODHIR report.\n"
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [1, 2]


def test_disable_and_enable_bound_a_range_in_markdown(reg: Registry) -> None:
    text = (
        "The ODHIR mission came.\n"  # 1: reported
        "<!-- quotelint: disable=QL201 -->\n"
        "The ODHIR report was late.\n"  # 3: off
        "Then ODHIR spoke.\n"  # 4: off
        "<!-- quotelint: enable=QL201 -->\n"
        "The ODHIR left.\n"  # 6: reported
    )
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [1, 6]


def test_disable_without_enable_runs_to_the_end(reg: Registry) -> None:
    text = "ODHIR one.\n\n<!-- quotelint: disable -->\n\nODHIR two.\n\nODHIR three.\n"
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [1]


def test_disable_other_rule_leaves_this_one(reg: Registry) -> None:
    text = "<!-- quotelint: disable=QL103,claim-mismatch -->\nThe ODHIR mission.\n"
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [2]


def test_selectors_by_category_and_prefix(reg: Registry) -> None:
    for selector in ("spelling-drift", "QL2", "ql201", "ALL"):
        text = f"<!-- quotelint: disable={selector} -->\nThe ODHIR mission.\n"
        assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [], selector


def test_enable_one_rule_inside_disable_all(reg: Registry) -> None:
    # EEU and EAEU together give QL202; ODHIR gives QL201.
    text = (
        "<!-- quotelint: disable -->\n"
        "<!-- quotelint: enable=QL201 -->\n"
        "The EAEU met; the EEU agreed and ODHIR watched.\n"
    )
    found = lint_text(text, reg, path="a.md", kind="markdown")
    assert sorted({f.rule for f in found}) == ["QL201"]


def test_disable_next_line_is_only_the_next_line(reg: Registry) -> None:
    text = "<!-- quotelint: disable-next-line=QL201 -->\nThe ODHIR mission.\nThe ODHIR report.\n"
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [3]


def test_disable_line_at_the_end_of_a_line(reg: Registry) -> None:
    text = "The ODHIR mission. <!-- quotelint: disable-line -->\nThe ODHIR report.\n"
    assert lines_of(lint_text(text, reg, path="a.md", kind="markdown")) == [2]


def test_html_comments_in_html(reg: Registry) -> None:
    text = (
        "<p>The ODHIR mission.</p>\n"
        "<!-- quotelint: disable-next-line=spelling-drift -->\n"
        "<p>The ODHIR report.</p>\n"
        "<p>The <b>ODHIR</b> again.</p>\n"
    )
    assert lines_of(lint_text(text, reg, path="a.html", kind="html")) == [1, 4]


def test_plain_text_directive_on_a_line_of_its_own_with_crlf(reg: Registry) -> None:
    text = "The ODHIR mission.\r\n  quotelint: disable-next-line=QL201  \r\nThe ODHIR report.\r\nODHIR again.\r\n"
    assert lines_of(lint_text(text, reg, path="a.txt")) == [1, 4]


def test_plain_text_directive_inside_a_sentence_is_prose(reg: Registry) -> None:
    text = "He wrote quotelint: disable=QL201 on the board.\nThe ODHIR report.\n"
    assert lines_of(lint_text(text, reg, path="a.txt")) == [2]


def test_rst_comment_directive(reg: Registry) -> None:
    text = "The ODHIR mission.\n\n.. quotelint: disable-next-line=QL201\nThe ODHIR report.\n"
    assert lines_of(lint_text(text, reg, path="a.rst", kind="rst")) == [1]


def test_directive_shown_as_code_does_nothing(reg: Registry) -> None:
    fenced = "```markdown\n<!-- quotelint: disable -->\n```\n\nThe ODHIR mission.\n"
    inline = "Write `<!-- quotelint: disable -->` to switch rules off.\n\nThe ODHIR mission.\n"
    assert lines_of(lint_text(fenced, reg, path="a.md", kind="markdown")) == [5]
    assert lines_of(lint_text(inline, reg, path="a.md", kind="markdown")) == [3]


def test_directive_parsing() -> None:
    doc = Document.from_text("x <!--quotelint:disable = QL201 , house/ -->\n<!-- quotelint: enable -->\n", "a.md", "markdown")
    found = directives(doc)
    assert [(d.action, d.rules) for d in found] == [("disable", ("QL201", "house/")), ("enable", ())]
    assert found[0].start == 2 and doc.text[found[0].end - 3 : found[0].end] == "-->"


def test_unknown_action_is_not_a_directive() -> None:
    doc = Document.from_text("<!-- quotelint: disabel=QL201 -->\n", "a.md", "markdown")
    assert directives(doc) == []


def test_matches_yaml_rule_namespaces() -> None:
    assert matches("house/", "house/percent", "style")
    assert matches("house", "house/percent", "style")
    assert matches("style", "house/percent", "style")
    assert not matches("hous", "house/percent", "style")
    assert not matches("QL1", "QL201", "spelling-drift")


def test_apply_works_on_synthetic_findings() -> None:
    doc = Document.from_text("a\n<!-- quotelint: disable-next-line=house/ -->\nb b\n", "a.md", "markdown")
    b = doc.text.index("b")

    def finding(rule: str) -> Finding:
        return Finding("a.md", 3, 1, 3, 2, rule, "style", Severity.WARNING, "m", None, b, b + 1)

    kept = apply(doc, [finding("house/x"), finding("QL201")])
    assert [f.rule for f in kept] == ["QL201"]


def test_file_level_per_file_ignores_still_work(reg: Registry, tmp_path: Path) -> None:
    from quotelint.settings import parse_settings

    settings = parse_settings({"per-file-ignores": {"old/*.md": ["QL201"]}}, str(tmp_path / ".quotelint.yaml"))
    assert lint_text("The ODHIR mission.\n", reg, settings, path=str(tmp_path / "old" / "a.md"), kind="markdown") == []
    assert len(lint_text("The ODHIR mission.\n", reg, settings, path=str(tmp_path / "new" / "a.md"), kind="markdown")) == 1
