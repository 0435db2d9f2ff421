"""`quotelint server` end to end: the real server in a subprocess, driven by pytest-lsp as an
editor drives it (VS Code's capabilities). The workspace is a copy of tests/fixtures/lsp: a
made-up registry (.quotelint.yaml, registry/) and a Markdown story with a misattributed quote
and a listed misspelling that stands after an emoji on its line."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lsp"
ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "QUOTELINT_CACHE_DIR": str(ROOT / ".pytest_cache" / "quotelint")}
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "quotelint", "server", "--debounce", "0"], server_env=ENV)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "newsroom"
    shutil.copytree(FIXTURES, folder)
    return folder


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    lsp_client.registrations = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        lsp_client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    uri = workspace.as_uri()
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri, "newsroom")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def open_story(client: LanguageClient, workspace: Path, name: str = "story.md") -> tuple[str, str]:
    path = workspace / name
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text)))
    await wait_for_diagnostics(client, uri)
    return uri, text


async def wait_for_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """The next diagnostics published for the document; at most a minute."""

    async def next_for_uri() -> list[types.Diagnostic]:
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri:
                return list(params.diagnostics)

    return await asyncio.wait_for(next_for_uri(), 60)


async def next_message(client: LanguageClient, before: int) -> types.ShowMessageParams:
    """The first window/showMessage after the `before` ones, whether it came before this is
    called (a command's message comes before its answer) or after; at most a minute."""
    for _ in range(1200):
        if len(client.messages) > before:
            return client.messages[before]
        await asyncio.sleep(0.05)
    raise AssertionError("no window/showMessage from the server")


def utf16_column(line: str, index: int) -> int:
    """The UTF-16 column of a code-point index on a line, counted here by hand."""
    return sum(2 if ord(ch) > 0xFFFF else 1 for ch in line[:index])


def draft_command(action: types.CodeAction | types.Command) -> types.Command:
    """The command of the add-to-draft action. The server sends a CodeAction with a `command`
    object; lsprotocol's converter on the test client's side reads any result with a `command`
    key as a Command and keeps that object as text, so it is read back here."""
    if isinstance(action, types.CodeAction):
        assert action.command is not None
        return action.command
    import ast

    raw = ast.literal_eval(action.command)
    return types.Command(raw["title"], raw["command"], arguments=raw["arguments"])


def by_code(client: LanguageClient, uri: str) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in client.diagnostics[uri]}


@pytest.mark.asyncio
async def test_open_gives_the_two_findings_at_utf16_ranges(client: LanguageClient, workspace: Path) -> None:
    uri, text = await open_story(client, workspace)
    found = by_code(client, uri)
    assert set(found) == {"QL101", "QL201"}
    lines = text.splitlines()
    quote_line = next(i for i, line in enumerate(lines) if "The harbour" in line)
    assert found["QL101"].range.start == types.Position(quote_line, lines[quote_line].index("The harbour"))
    assert found["QL101"].severity == types.DiagnosticSeverity.Error
    emoji_line = next(i for i, line in enumerate(lines) if "Velikowa" in line)
    assert lines[emoji_line].startswith("\U0001f6a2")
    index = lines[emoji_line].index("Velikowa")
    start = utf16_column(lines[emoji_line], index)
    assert start == index + 1  # the emoji is one code point and two UTF-16 units
    assert found["QL201"].range == types.Range(types.Position(emoji_line, start), types.Position(emoji_line, start + len("Velikowa")))
    assert found["QL201"].source == "quotelint"
    assert found["QL201"].code_description is not None
    assert found["QL201"].code_description.href.endswith("checks.md#ql201-spelling-drift")


@pytest.mark.asyncio
async def test_fix_code_action_replaces_the_misspelling(client: LanguageClient, workspace: Path) -> None:
    uri, text = await open_story(client, workspace)
    diagnostic = by_code(client, uri)["QL201"]
    result = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), diagnostic.range, types.CodeActionContext([diagnostic]))
    )
    assert result is not None
    fixes = [a for a in result if isinstance(a, types.CodeAction) and a.is_preferred]
    assert len(fixes) == 1
    assert fixes[0].edit is not None and fixes[0].edit.changes is not None
    (edit,) = fixes[0].edit.changes[uri]
    assert edit.range == diagnostic.range
    assert edit.new_text == "Velikova"
    disable = [a for a in result if isinstance(a, types.CodeAction) and a.title == "Disable QL201 for this line"]
    assert disable and disable[0].edit is not None
    (comment,) = disable[0].edit.changes[uri]
    assert comment.new_text == " <!-- quotelint: disable-line=QL201 -->"
    assert comment.range.start.line == diagnostic.range.start.line


@pytest.mark.asyncio
async def test_hover_on_the_quote_gives_the_registered_wording_and_source(client: LanguageClient, workspace: Path) -> None:
    uri, _ = await open_story(client, workspace)
    where = by_code(client, uri)["QL101"].range.start
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(where.line, where.character + 5)))
    assert hover is not None
    text = hover.contents.value  # type: ignore[union-attr]
    assert "The harbour will stay open through every winter from now on" in text
    assert "https://example.org/statements/harbour-winter" in text
    assert "Marta Velikova" in text and "2021-11-04" in text
    assert "Tomas Arkin" in text and "`after` attribution, high confidence" in text


@pytest.mark.asyncio
async def test_hover_on_a_name_gives_the_role_at_the_documents_date(client: LanguageClient, workspace: Path) -> None:
    path = workspace / "mayor.md"
    path.write_text("---\ndate: 2023-03-01\n---\nMarta Velikova opened the fair.\n", encoding="utf-8")
    uri, _ = await open_story(client, workspace, "mayor.md")
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(3, 2)))
    assert hover is not None
    text = hover.contents.value  # type: ignore[union-attr]
    assert "Roles on 2023-03-01" in text and "Mayor of Portvale" in text
    assert "Minister of Harbours" not in text


@pytest.mark.asyncio
async def test_a_changed_registry_updates_the_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri, _ = await open_story(client, workspace)
    assert any(r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES for r in client.registrations)  # type: ignore[attr-defined]
    people = workspace / "registry" / "people.yaml"
    before = people.read_text(encoding="utf-8")
    people.write_text(before.replace('aliases: ["Velikova"]\n    misspellings: ["Velikowa"]', 'aliases: ["Velikova", "Velikowa"]'), encoding="utf-8")
    assert people.read_text(encoding="utf-8") != before
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(people.as_uri(), types.FileChangeType.Changed)]))
    await wait_for_diagnostics(client, uri)
    assert set(by_code(client, uri)) == {"QL101"}


@pytest.mark.asyncio
async def test_a_malformed_registry_is_shown_and_the_server_goes_on(client: LanguageClient, workspace: Path) -> None:
    uri, _ = await open_story(client, workspace)
    people = workspace / "registry" / "people.yaml"
    people.write_text("people:\n  - id: [unclosed\n", encoding="utf-8")
    before = len(client.messages)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(people.as_uri(), types.FileChangeType.Changed)]))
    message = await next_message(client, before)
    assert message.type == types.MessageType.Error
    assert "people.yaml" in message.message
    where = by_code(client, uri)["QL101"].range.start
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), where))
    assert hover is not None and "velikova-harbour-open-all-year" in hover.contents.value  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_an_edit_updates_the_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri, text = await open_story(client, workspace)
    where = by_code(client, uri)["QL201"].range
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version=2, uri=uri), [types.TextDocumentContentChangePartial(where, "Velikova")]
        )
    )
    assert {str(d.code) for d in await wait_for_diagnostics(client, uri)} == {"QL101"}


@pytest.mark.asyncio
async def test_add_to_registry_draft_writes_the_draft_file(client: LanguageClient, workspace: Path) -> None:
    (workspace / "new.md").write_text('"We will sell the old lighthouse to a hotel chain soon," Velikova said.\n', encoding="utf-8")
    uri, _ = await open_story(client, workspace, "new.md")
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.code == "QL103"
    result = await client.text_document_code_action_async(
        types.CodeActionParams(types.TextDocumentIdentifier(uri), diagnostic.range, types.CodeActionContext([diagnostic]))
    )
    (command,) = [draft_command(a) for a in result or [] if a.title == "Add this quote to the registry draft"]
    assert command.command == "quotelint.addToDraft"
    before = len(client.messages)
    await client.workspace_execute_command_async(types.ExecuteCommandParams(command.command, command.arguments))
    said = await next_message(client, before)
    assert said.type == types.MessageType.Info and "quotelint-draft.yaml" in said.message
    draft = (workspace / "quotelint-draft.yaml").read_text(encoding="utf-8")
    assert 'text: "We will sell the old lighthouse to a hotel chain soon"' in draft
    assert 'speaker: "marta-velikova"' in draft


@pytest.mark.asyncio
async def test_bad_settings_are_shown_and_the_document_is_still_checked(client: LanguageClient, workspace: Path) -> None:
    (workspace / ".quotelint.yaml").write_text("registry: [registry/]\nregistry-typo: true\n", encoding="utf-8")
    path = workspace / "story.md"
    uri = path.as_uri()
    before = len(client.messages)
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, path.read_text(encoding="utf-8"))))
    message = await next_message(client, before)
    assert message.type == types.MessageType.Error
    assert ".quotelint.yaml" in message.message and "registry-typo" in message.message
    await wait_for_diagnostics(client, uri)  # without a registry: no misspelling, no misattribution
    assert "QL201" not in by_code(client, uri)


DEBOUNCED = ClientServerConfig(server_command=[sys.executable, "-m", "quotelint", "server"], server_env=ENV)


@pytest_lsp.fixture(config=DEBOUNCED)
async def debounced(lsp_client: LanguageClient, workspace: Path):  # type: ignore[no-untyped-def]
    uri = workspace.as_uri()
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=uri,
            workspace_folders=[types.WorkspaceFolder(uri, "newsroom")],
            initialization_options={"debounce": 300},
        )
    )
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_edits_in_quick_succession_are_linted_once(debounced: LanguageClient, workspace: Path) -> None:
    uri, _ = await open_story(debounced, workspace)
    where = by_code(debounced, uri)["QL201"].range
    for version, word in ((2, "Velikovb"), (3, "Velikova")):
        change = types.TextDocumentContentChangePartial(where, word)
        debounced.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]))
    published = await debounced.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert published.version == 3  # version 2 was never linted: the edits came within the debounce
    assert {str(d.code) for d in published.diagnostics} == {"QL101"}


@pytest.mark.asyncio
async def test_a_registry_broken_at_start_is_used_once_it_is_mended(client: LanguageClient, workspace: Path) -> None:
    people = workspace / "registry" / "people.yaml"
    good = people.read_text(encoding="utf-8")
    people.write_text(good.replace("  - id: tomas-arkin", "  - id: tomas-arkin\n  id: twice"), encoding="utf-8")
    before = len(client.messages)
    uri, _ = await open_story(client, workspace)
    assert (await next_message(client, before)).type == types.MessageType.Error
    assert set(by_code(client, uri)) == {"QL103"}  # no registry: the quote is only unverified
    people.write_text(good, encoding="utf-8")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams([types.FileEvent(people.as_uri(), types.FileChangeType.Changed)]))
    assert {str(d.code) for d in await wait_for_diagnostics(client, uri)} == {"QL101", "QL201"}
