"""The pygls wiring of `quotelint server`: documents in, diagnostics, code actions and hovers out.

Each open document is linted on open and save at once, and after an edit once the edits pause
(`debounce`, 100 ms unless `--debounce` or the `debounce` initialization option say otherwise).
A document belongs to the innermost workspace folder that holds it (else its own folder), whose
settings and registry are loaded once (`project.py`) and again when a watched file that can
change them changes. A settings or registry problem is shown to the user (window/showMessage)
with the message the command line prints; the last project that loaded stays in use.
"""

from __future__ import annotations

import asyncio
import os
from dataclasses import dataclass
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from quotelint import __version__
from quotelint.context import Context
from quotelint.document import KINDS_BY_SUFFIX, Document, InputError, kind_for
from quotelint.errors import UserError
from quotelint.finding import Finding
from quotelint.linter import Plan, lint_document
from quotelint.lsp import actions, diagnostics, positions
from quotelint.lsp.project import Project, is_within, load_project
from quotelint.registry import Registry
from quotelint.settings import Settings

DEBOUNCE = 0.1  # seconds
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "html": "html", "restructuredtext": "rst", "rst": "rst"}
WATCHED = "**/*.{yaml,yml,toml}"  # settings files and registry files


@dataclass(frozen=True)
class Linted:
    version: int | None
    text: str
    project: Project  # the settings and registry it was linted with
    ctx: Context
    findings: list[Finding]


class QuotelintServer(LanguageServer):
    def __init__(self, debounce: float | None = None) -> None:
        from quotelint.lsp.protocol import Protocol

        super().__init__("quotelint", __version__, protocol_cls=Protocol)
        self.debounce = DEBOUNCE if debounce is None else debounce
        self.debounce_given = debounce is not None
        self.docs_page = diagnostics.docs_page()
        self.projects: dict[str, Project] = {}  # folder -> its settings and registry
        self.linted: dict[str, Linted] = {}  # uri -> the last lint of the document
        self.timers: dict[str, asyncio.TimerHandle] = {}

    # --- projects -------------------------------------------------------------------------

    def folder_of(self, path: str) -> str:
        folders = [to_fs_path(f.uri) for f in self.workspace.folders.values()] or [self.workspace.root_path]
        holding = [f for f in folders if f and is_within(path, f)]
        return max(holding, key=len) if holding else os.path.dirname(os.path.abspath(path))

    def project(self, folder: str) -> Project:
        known = self.projects.get(folder)
        if known is None:
            known = self.projects[folder] = self.load(folder, None)
        return known

    def load(self, folder: str, previous: Project | None) -> Project:
        """The folder's project; on a problem, the message to the user and the previous project
        (or one with no registry, the first time)."""
        try:
            loaded = load_project(folder)
        except UserError as exc:
            keep = "the last settings and registry that loaded are still used" if previous else "nothing is checked against a registry until it is fixed"
            self.tell(types.MessageType.Error, f"{'; '.join(str(exc).splitlines())} ({keep})")
            return previous or Project(folder, Settings(), Registry(), Plan.make(Registry(), Settings()), "the settings or registry could not be loaded", broken=True)
        if loaded.notice and (previous is None or previous.notice != loaded.notice):
            self.tell(types.MessageType.Warning, f"warning: {loaded.notice}: names, quotations, titles and figures are not checked against one")
        return loaded

    def reload(self, paths: list[str]) -> None:
        changed = [folder for folder, p in self.projects.items() if any(p.watches(path) for path in paths)]
        for folder in changed:
            self.projects[folder] = self.load(folder, self.projects[folder])
        if changed:
            for uri in list(self.linted):
                self.publish(uri)

    def tell(self, kind: types.MessageType, message: str) -> None:
        self.window_show_message(types.ShowMessageParams(kind, f"quotelint: {message}"))

    # --- linting --------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        return str(getattr(self.server_capabilities.position_encoding, "value", self.server_capabilities.position_encoding or positions.UTF16))

    def current(self, uri: str) -> Linted | None:
        """The lint of the document as it is now, linting it again if it changed."""
        tdoc = self.workspace.get_text_document(uri)
        kind = LANGUAGES.get(tdoc.language_id or "") or (kind_for(tdoc.path) if os.path.splitext(tdoc.path)[1].lower() in KINDS_BY_SUFFIX else None)
        if kind is None:
            return None
        text = tdoc.source.removeprefix("\ufeff")
        project = self.project(self.folder_of(tdoc.path))
        last = self.linted.get(uri)
        if last is not None and last.version == tdoc.version and last.text == text and last.project is project:
            return last
        doc = Document.from_text(text, tdoc.path, kind)
        ctx = Context(doc, project.registry, project.settings)
        skipped: list[InputError] = []
        findings = lint_document(doc, project.plan, ctx, merge=False, skipped=skipped)
        for problem in skipped:
            self.tell(types.MessageType.Warning, str(problem))
        linted = self.linted[uri] = Linted(tdoc.version, text, project, ctx, findings)
        return linted

    def publish(self, uri: str) -> None:
        self.timers.pop(uri, None)
        linted = self.current(uri)
        if linted is None:
            return
        names = {r.id: r.name for r in linted.project.plan.rules}
        found = diagnostics.diagnostics(linted.findings, linted.ctx.document, uri, names, self.encoding, self.docs_page)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, found, linted.version))

    def schedule(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if self.debounce <= 0:
            self.publish(uri)
            return
        self.timers[uri] = asyncio.get_running_loop().call_later(self.debounce, self.publish, uri)


def offset_of(linted: Linted, position: types.Position, encoding: str) -> int:
    return positions.offset(linted.ctx.document, position.line, position.character, encoding)


def build(debounce: float | None = None) -> QuotelintServer:
    server = QuotelintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: QuotelintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
        if not ls.debounce_given and isinstance(options.get("debounce"), (int, float)) and 0 <= options["debounce"] <= 10_000:
            ls.debounce = options["debounce"] / 1000
        if isinstance(options.get("docsUrl"), str) and options["docsUrl"].startswith(("https://", "http://", "file:")):
            ls.docs_page = options["docsUrl"]

    @server.feature(types.INITIALIZED)
    async def initialized(ls: QuotelintServer, params: types.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watch and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions([types.FileSystemWatcher(WATCHED)])
            registration = types.Registration("quotelint-watched-files", types.WORKSPACE_DID_CHANGE_WATCHED_FILES, options)
            await ls.client_register_capability_async(types.RegistrationParams([registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: QuotelintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: QuotelintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: QuotelintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: QuotelintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.linted.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: QuotelintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload([p for p in (to_fs_path(c.uri) for c in params.changes) if p])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: QuotelintServer, params: types.HoverParams) -> types.Hover | None:
        from quotelint.lsp.hover import hover_text

        linted = ls.current(params.text_document.uri)
        if linted is None:
            return None
        text = hover_text(linted.ctx, offset_of(linted, params.position, ls.encoding), linted.project.notice)
        return None if text is None else types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))

    kinds = [types.CodeActionKind.QuickFix, actions.FIX_ALL]

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(code_action_kinds=kinds))
    def code_action(ls: QuotelintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        linted = ls.current(uri)
        if linted is None:
            return None
        doc, encoding = linted.ctx.document, ls.encoding
        start, end = offset_of(linted, params.range.start, encoding), offset_of(linted, params.range.end, encoding)
        only = params.context.only
        out: list[types.CodeAction] = []
        if only is None or any(str(getattr(k, "value", k)).startswith("quickfix") for k in only):
            out += actions.code_actions(doc, uri, linted.findings, start, end, list(params.context.diagnostics), encoding)
        if only and any(actions.FIX_ALL.startswith(str(getattr(k, "value", k))) for k in only):
            fix_all = actions.fix_all(doc, uri, linted.findings, encoding)
            out += [fix_all] if fix_all else []
        return out

    @server.command(actions.ADD_TO_DRAFT)
    def add_to_draft(ls: QuotelintServer, *arguments: Any) -> None:
        from quotelint.lsp.draft import add_quote
        from quotelint.lsp.lookup import quote_at

        if len(arguments) != 2 or not isinstance(arguments[0], str) or not isinstance(arguments[1], int):
            ls.tell(types.MessageType.Error, f"{actions.ADD_TO_DRAFT} takes a document URI and a text offset")
            return
        linted = ls.current(arguments[0])
        q = quote_at(linted.ctx, arguments[1]) if linted else None
        if linted is None or q is None:
            ls.tell(types.MessageType.Error, "no quotation stands there any more")
            return
        try:
            ls.tell(types.MessageType.Info, add_quote(linted.ctx, q, linted.project.draft_path))
        except UserError as exc:
            ls.tell(types.MessageType.Error, str(exc))

    return server


def serve(debounce: float | None = None) -> None:
    build(debounce).start_io()
