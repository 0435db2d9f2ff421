"""Code actions on a document's findings: apply a fix, switch a rule off for a line, and add an
unverified quote to the registry draft (a command the server runs, see `draft.py`).

Fixes are those `check --fix` applies (quotelint/commands/fix.py): the same `replacement`, so an
editor never makes an edit the command line would refuse. The suppression comment is the one
quotelint/suppressions.py reads for the file's markup: at the end of the line in Markdown and HTML
(`<!-- quotelint: disable-line=QL201 -->`, invisible when rendered), on a line of its own before
it in reStructuredText (`.. quotelint: disable-next-line=QL201`) and plain text.
"""

from __future__ import annotations

from lsprotocol import types

from quotelint.commands.fix import plan_file, replacement
from quotelint.document import Document
from quotelint.finding import Finding
from quotelint.lsp.diagnostics import span_range
from quotelint.lsp.positions import UTF16

ADD_TO_DRAFT = "quotelint.addToDraft"
FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".quotelint"


def newline(doc: Document) -> str:
    """The document's line break, as its first line ends."""
    if len(doc.line_starts) < 2:
        return "\n"
    end = doc.line_starts[1]
    return "\r\n" if doc.text[end - 2 : end] == "\r\n" else doc.text[end - 1]


def suppression(doc: Document, f: Finding) -> tuple[int, str]:
    """Where to insert the comment that switches the finding's rule off on its line, and the text."""
    start = doc.line_starts[f.line - 1]
    line = doc.line_text(f.line)
    if doc.kind in ("markdown", "html"):
        return start + len(line), f" <!-- quotelint: disable-line={f.rule} -->"
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    marker = ".. quotelint:" if doc.kind == "rst" else "quotelint:"
    return start, f"{indent}{marker} disable-next-line={f.rule}{newline(doc)}"


def edit(doc: Document, uri: str, start: int, end: int, text: str, encoding: str) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: [types.TextEdit(span_range(doc, start, end, encoding), text)]})


def code_actions(
    doc: Document, uri: str, findings: list[Finding], start: int, end: int, diagnostics: list[types.Diagnostic], encoding: str = UTF16
) -> list[types.CodeAction]:
    """The actions for the findings that touch the text offsets start..end."""
    out: list[types.CodeAction] = []
    for f in findings:
        if f.end < start or f.start > end:
            continue
        diags = [d for d in diagnostics if isinstance(d.data, dict) and (d.data.get("rule"), d.data.get("start")) == (f.rule, f.start)] or None
        new = replacement(doc, f)
        if new is not None:
            title = f"Replace '{doc.text[f.start:f.end]}' with '{new}' ({f.rule})"
            out.append(types.CodeAction(title, kind=types.CodeActionKind.QuickFix, diagnostics=diags, is_preferred=True, edit=edit(doc, uri, f.start, f.end, new, encoding)))
        if f.category == "unverified-quote":
            title = "Add this quote to the registry draft"
            command = types.Command(title, ADD_TO_DRAFT, arguments=[uri, f.start])
            out.append(types.CodeAction(title, kind=types.CodeActionKind.QuickFix, diagnostics=diags, command=command))
        at, comment = suppression(doc, f)
        out.append(types.CodeAction(f"Disable {f.rule} for this line", kind=types.CodeActionKind.QuickFix, diagnostics=diags, edit=edit(doc, uri, at, at, comment, encoding)))
    return out


def fix_all(doc: Document, uri: str, findings: list[Finding], encoding: str = UTF16) -> types.CodeAction | None:
    """Every safe fix of the document in one action, as `check --fix` would make them."""
    plan = plan_file(doc, findings)
    if not plan.edits:
        return None
    edits = [types.TextEdit(span_range(doc, e.start, e.end, encoding), e.text) for e in plan.edits]
    return types.CodeAction("Fix all quotelint findings that have a safe fix", kind=FIX_ALL, edit=types.WorkspaceEdit(changes={uri: edits}))
