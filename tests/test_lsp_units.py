"""The language server's pure parts: positions, suppression comments, the registry draft, the rule
documentation page, and the `server` command without its extra."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from quotelint.context import Context
from quotelint.devtools.checks_doc import page
from quotelint.document import Document
from quotelint.linter import lint_text
from quotelint.lsp.positions import UTF8, UTF16, UTF32, offset, position
from quotelint.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "lsp"


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry([str(FIXTURES / "registry")])


def test_positions_count_utf16_units_after_an_emoji_and_come_back() -> None:
    doc = Document.from_text("first\r\n\U0001f6a2 e\u0301 Velikowa\rlast")
    at = doc.text.index("Velikowa")
    # ship (2 UTF-16 units, 4 UTF-8 bytes), space, e, a combining accent (2 UTF-8 bytes), space
    assert position(doc, at, UTF16) == (1, 6)
    assert position(doc, at, UTF32) == (1, 5)
    assert position(doc, at, UTF8) == (1, 9)
    for encoding in (UTF8, UTF16, UTF32):
        assert offset(doc, *position(doc, at, encoding), encoding) == at
    assert offset(doc, 2, 0) == doc.text.index("last")
    assert offset(doc, 1, 999) == doc.text.index("\rlast")  # past the end: the line's end
    assert offset(doc, 9, 0) == len(doc.text)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("markdown", "# News\n\nFerries run, and Velikowa thanked the crews.\n"),
        ("html", "<p>Ferries run, and Velikowa thanked the crews.</p>\n"),
        ("rst", "News\n====\n\n    Ferries run, and Velikowa thanked the crews.\n"),
        ("text", "News\r\n\r\nFerries run, and Velikowa thanked the crews.\r\n"),
    ],
)
def test_the_disable_action_switches_the_finding_off(registry, kind: str, text: str) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.actions import suppression

    (finding,) = [f for f in lint_text(text, registry, kind=kind) if f.rule == "QL201"]
    at, comment = suppression(Document.from_text(text, kind=kind), finding)
    changed = text[:at] + comment + text[at:]
    assert [f.rule for f in lint_text(changed, registry, kind=kind)] == []
    assert changed.count("\n") - text.count("\n") == (0 if kind in ("markdown", "html") else 1)


def test_the_fix_action_makes_the_edit_check_fix_makes(registry) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.actions import code_actions

    text = "\U0001f6a2 Velikowa thanked the crews.\n"
    doc = Document.from_text(text, kind="markdown")
    findings = lint_text(text, registry, kind="markdown")
    found = code_actions(doc, "file:///s.md", findings, 0, len(text), [])
    (fix,) = [a for a in found if a.is_preferred]
    (edit,) = fix.edit.changes["file:///s.md"]
    assert edit.new_text == "Velikova"
    assert (edit.range.start.character, edit.range.end.character) == (3, 11)


def draft_context(registry, text: str) -> Context:  # type: ignore[no-untyped-def]
    return Context(Document.from_text(text, "story.md", "markdown"), registry)


def test_add_to_draft_appends_an_entry_and_keeps_the_file(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.draft import add_quote

    draft = tmp_path / "draft.yaml"
    draft.write_text("# kept\nquotes:\n  - id: earlier\n    text: \"Something else\"\npeople:\n  - id: someone\n    name: Some One\n", encoding="utf-8")
    text = 'May 2, 2024\n\n"The quay will be rebuilt in stone by the spring," Velikova said.\n'
    ctx = draft_context(registry, text)
    (q,) = ctx.quotes
    said = add_quote(ctx, q, str(draft))
    assert said.startswith("added ")
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    assert draft.read_text(encoding="utf-8").startswith("# kept\n")
    assert [e["id"] for e in data["people"]] == ["someone"]
    earlier, added = data["quotes"]
    assert earlier["id"] == "earlier"
    assert added["speaker"] == "marta-velikova"
    assert added["text"] == "The quay will be rebuilt in stone by the spring"
    assert str(added["date"]) == "2024-05-02"
    assert "source" not in added
    assert "already" in add_quote(ctx, q, str(draft))
    assert len(yaml.safe_load(draft.read_text(encoding="utf-8"))["quotes"]) == 2


def test_add_to_draft_starts_a_file_and_comments_out_an_unknown_speaker(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.draft import add_quote

    draft = tmp_path / "new" / "draft.yaml"
    draft.parent.mkdir()
    ctx = draft_context(registry, '"We will paint every lighthouse blue this year," Ilse Marwood said.\n')
    (q,) = ctx.quotes
    add_quote(ctx, q, str(draft))
    written = draft.read_text(encoding="utf-8")
    assert written.startswith("# Draft registry entries")
    assert "#   text: \"We will paint every lighthouse blue this year\"" in written
    assert "Ilse Marwood, not in the registry" in written
    assert yaml.safe_load(written) == {"quotes": None}


def test_the_rule_documentation_page_is_up_to_date() -> None:
    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == page(), "run: python -m quotelint.devtools.checks_doc > docs/checks.md"


def test_server_without_its_extra_names_the_extra_and_exits_2() -> None:
    code = "import sys; sys.modules['pygls'] = None; from quotelint.cli import main; raise SystemExit(main(['server']))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert "pip install 'quotelint[lsp]'" in done.stderr and "pygls" in done.stderr
    assert "Traceback" not in done.stderr


def test_other_commands_do_not_import_the_server() -> None:
    code = "import sys; from quotelint.cli import main; main(['rules']); print('pygls' in sys.modules, 'lsprotocol' in sys.modules, file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stderr.strip().splitlines()[-1] == "False False"


def test_a_claim_conflict_gives_the_other_figure_as_related_information() -> None:
    from quotelint.lsp.diagnostics import diagnostics
    from quotelint.registry import Registry

    text = "Turnout \U0001f5f3 was 53 percent, officials said.\n\nLater \U0001f5f3 the turnout of 54 per cent was called the lowest in years.\n"
    doc = Document.from_text(text, kind="markdown")
    found = diagnostics(lint_text(text, Registry(), kind="markdown"), doc, "file:///t.md", {"QL302": "claim-conflict"}, page="file:///docs/checks.md")
    first = next(d for d in found if d.range.start.line == 0)
    (related,) = first.related_information
    line = text.splitlines()[2]
    column = line.index("54") + 1  # the ballot box before it is two UTF-16 units
    assert (related.location.range.start.line, related.location.range.start.character) == (2, column)
    assert (related.location.range.end.line, related.location.range.end.character) == (2, column + len("54 per cent"))
    assert first.code == "QL302" and first.code_description.href == "file:///docs/checks.md#ql302-claim-conflict"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ('"The harbour will stay open through every winter from now on," Velikova said.\n', "harbour", ["`verified`", "velikova-harbour-open-all-year", "https://example.org/statements/harbour-winter"]),
        ('"We will sell the old lighthouse to a hotel chain soon," Velikova said.\n', "lighthouse", ["`unverified`: no registered quote holds these words; the registry has 1 quote of Marta Velikova"]),
        ('"We will sell the old lighthouse to a hotel chain soon," Ilse Marwood said.\n', "lighthouse", ["Ilse Marwood is not in the registry"]),
        ('The so-called "harbour tax" was dropped.\n', "tax", ["A term, a name or scare quotes"]),
        ("Ferries run, and Velikowa thanked the crews.\n", "Velikowa", ["Velikowa is a listed misspelling of **Marta Velikova**"]),
        ("Velikova thanked the crews.\n", "Velikova", ["Roles (the document gives no date)", "Minister of Harbours (2019-02-01 to 2022-06-30)", "Mayor of Portvale (2022-07-01 to …)"]),
    ],
)
def test_hover_says_what_quotelint_knows(registry, text: str, word: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.hover import hover_text

    said = hover_text(draft_context(registry, text), text.index(word) + 1)
    assert said is not None
    for part in expected:
        assert part in said


def test_hover_on_plain_words_says_nothing(registry) -> None:  # type: ignore[no-untyped-def]
    from quotelint.lsp.hover import hover_text

    assert hover_text(draft_context(registry, "Ferries run again.\n"), 3) is None


def test_the_server_keeps_nothing_of_a_notification_once_handled(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    from lsprotocol import types

    from quotelint.lsp.server import build

    server = build(0)
    server.protocol._send_data = lambda data: None  # type: ignore[method-assign]  # no client: drop what it sends
    server.protocol._handle_request(1, types.INITIALIZE, types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=tmp_path.as_uri()))
    for i in range(3):
        item = types.TextDocumentItem((tmp_path / f"s{i}.md").as_uri(), "markdown", 1, "Velikowa spoke.\n")
        server.protocol._handle_notification(types.TEXT_DOCUMENT_DID_OPEN, types.DidOpenTextDocumentParams(item))
    assert len(server.linted) == 3
    assert server.protocol._request_futures == {}  # pygls 2.1 alone keeps one future per notification


def test_server_refuses_a_debounce_out_of_range() -> None:
    pytest.importorskip("pygls")
    done = subprocess.run([sys.executable, "-m", "quotelint", "server", "--debounce", "-5"], capture_output=True, text=True, cwd=ROOT, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "--debounce takes milliseconds from 0 to 10000" in done.stderr
