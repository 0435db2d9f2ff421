"""A document's analysis is freed by reference counting alone: nothing it builds makes a reference
cycle, so memory does not wait for the cyclic collector (which the CLI runs rarely)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest

from quotelint.commands.extract import extract
from quotelint.context import Context
from quotelint.document import Document, read_document
from quotelint.linter import Plan, lint_document
from quotelint.registry.load import load_registry
from quotelint.settings import Settings
from tests.conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MARKDOWN = """\
# Council votes on the bridge

“We will open the bridge in spring,” said Mayor Ana Lindqvist on Tuesday. Turnout was 53 percent.

Lindqvist added: “The council agreed.” Turnout was 54 percent, officials said.
"""


@pytest.fixture(scope="module")
def plan() -> Plan:
    return Plan.make(load_registry([str(ROOT / "rules")]), Settings())


def garbage_after(work) -> int:  # type: ignore[no-untyped-def]
    """What the cyclic collector finds after `work` ran with it switched off."""
    gc.collect()
    gc.disable()
    try:
        work()
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_linting_a_document_leaves_no_cycles(plan: Plan, path) -> None:  # type: ignore[no-untyped-def]
    lint_document(read_document(str(path)), plan)  # warm: the run's own memos are not per document
    assert garbage_after(lambda: lint_document(read_document(str(path)), plan)) == 0


def test_every_analysis_of_a_context_leaves_no_cycles(plan: Plan) -> None:
    doc = Document.from_text(MARKDOWN, "story.md", "markdown")

    def analyse() -> None:
        ctx = Context(doc, plan.registry, plan.settings)
        for name in ("words", "positions", "mentions", "quotes", "sentences", "figures", "layout", "facts"):
            getattr(ctx, name)
        ctx.layout.topic  # noqa: B018 - the layout's topic reads the context's word positions
        lint_document(doc, plan, ctx)
        extract(doc, plan.registry, plan.settings)

    analyse()
    assert garbage_after(analyse) == 0


def test_json_findings_are_what_json_dumps_writes_of_the_payload(plan: Plan) -> None:
    import json

    from quotelint.formatters.jsonout import render_findings

    findings = [f for path in SEEDS for f in lint_document(read_document(str(path)), plan)]
    assert len(findings) > 10 and any(f.related for f in findings)
    for chosen in (findings, findings[:1], []):
        payload = {"version": 1, "findings": [f.to_json() for f in chosen], "summary": {"files": 5, "findings": len(chosen)}}
        assert render_findings(chosen, 5) == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("batch", [1, 7, 512])
def test_json_findings_with_awkward_text_are_what_json_dumps_writes(batch: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The findings are dumped in batches by json's encoder in C with line breaks for
    separators: messages with quotation marks, backslashes, line breaks, braces, control
    characters and text beyond ASCII, and a missing suggestion, come out as `indent=2` writes
    them, whatever the batches' size."""
    import json
    import random

    from quotelint.finding import Finding, Severity
    from quotelint.formatters import jsonout
    from quotelint.formatters.jsonout import render_findings

    monkeypatch.setattr(jsonout, "BATCH", batch)

    rng = random.Random(7)
    pieces = ['"', "\\", "\n", "\t", "\x00", "\u2028", "\u201cq\u201d", "é", "\U0001f600", ",\n      ", ": ", "{", "}", "},\n      {", "word"]
    findings = []
    for i in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        suggestion = None if i % 3 == 0 else text[::-1]
        findings.append(Finding(f"a/{text}.md", i + 1, 1, i + 1, 9, "QL101", "misattribution", rng.choice(list(Severity)), text, suggestion, i, i + 8))
    payload = {"version": 1, "findings": [f.to_json() for f in findings], "summary": {"files": 3, "findings": len(findings)}}
    assert render_findings(findings, 3) == json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def test_json_pieces_dump_one_batch_at_a_time() -> None:
    """`check --format json` writes its output piece by piece: reading the first batch of
    findings turns no finding of the next batches into JSON (the report of 50 MB of articles
    is some 90 MB, which would otherwise be held whole, twice)."""
    from quotelint.formatters import jsonout

    made: list[int] = []

    class Counted:
        def __init__(self, number: int) -> None:
            self.number = number

        def to_json(self) -> dict[str, int]:
            made.append(self.number)
            return {"number": self.number}

    findings: list[Any] = [Counted(i) for i in range(3 * jsonout.BATCH)]
    written = jsonout.pieces(findings, 1)
    next(written), next(written)  # the opening, then the first batch
    assert made == list(range(jsonout.BATCH))
    rest = "".join(written)
    assert len(made) == len(findings) and rest.endswith(f'"findings": {len(findings)}\n  }}\n}}\n')


def test_output_in_pieces_is_printed_in_turn_and_written_to_a_file_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from quotelint.commands.common import write_output

    write_output(iter(["one ", "two ", "three\n"]), None)
    assert capsys.readouterr().out == "one two three\n"
    target = tmp_path / "out.json"
    write_output(iter(["{", "}\n"]), str(target))
    write_output("plain\n", None)
    assert target.read_text(encoding="utf-8") == "{}\n" and capsys.readouterr().out == "plain\n"
