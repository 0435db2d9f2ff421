"""Inputs made to take quotelint down: each reproducer, made small, with the work it costs counted.

The full-size figures (time and memory of the real command) come from bench/adversarial.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from quotelint.linter import lint_text
from quotelint.registry import Registry
from tests.integ_helpers import registry
from tests.work import growth

LINEAR = 5.0  # work on four times the input: about 4 when linear, towards 16 when quadratic


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    reg = registry(tmp_path_factory.mktemp("registry"))
    lint_text("Tokayev", reg)  # build the name index now, so that no count includes it
    return reg


def lint(reg: Registry):  # type: ignore[no-untyped-def]
    return lambda text: lint_text(text, reg)


def test_a_long_hyphenated_word_costs_no_more_than_a_short_one(names: Registry) -> None:
    # Near-miss search made every deletion of the word: its square in strings, its cube in memory.
    assert growth(lint(names), lambda n: "-".join(["Kassym"] * n) + "\n", 10) < 2


def test_a_long_camel_case_word_costs_no_more_than_a_short_one(names: Registry) -> None:
    assert growth(lint(names), lambda n: "KassymJomartTokayev" * n + "\n", 3) < 2


def test_unclosed_quotations_in_many_paragraphs_take_linear_work(names: Registry) -> None:
    # Each paragraph continuing an open quotation looked at the spans of all paragraphs before it.
    assert growth(lint(names), lambda n: "“text\n\n" * n, 400) < LINEAR


def test_unclosed_quotations_in_html_blocks_take_linear_work(names: Registry) -> None:
    assert growth(lambda text: lint_text(text, names, kind="html"), lambda n: "<div>“Quote<div>" * n, 400) < LINEAR
