"""`--format json` for check, as fixed in the contract."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from quotelint.finding import Finding


# A finding's fields are scalars: dumped on one line by json's encoder in C, with the separator
# between fields a line break and the indent (json's encoder with an indent runs in Python, and
# took a twentieth of a run over a folder of articles), they read as `indent=2` writes them.
_FIELD_BREAK = (",\n      ", ": ")
# Findings are dumped as a list, `BATCH` at a time: one call of the encoder costs some thousands
# of instructions beyond its output, more than a finding's own text. Between two findings of a
# list stands `},` and the field separator, then `{`: no string can hold it, as the encoder
# writes a line break inside a string as `\n`, and no value of a finding is a dict or a list.
_BETWEEN_DUMPED = "}" + _FIELD_BREAK[0] + "{"
_BETWEEN = "\n    },\n    {\n      "
BATCH = 512


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    """The payload {"version", "findings", "summary"} as `json.dumps(payload, indent=2)` writes it."""
    return "".join(pieces(findings, files))


def pieces(findings: list[Finding], files: int) -> Iterator[str]:
    """`render_findings`, in pieces to be written one after another: the findings are dumped a
    batch at a time and indented into place. Written as they come, no more than a batch of the
    output is held at once: the findings of 50 MB of articles make some 90 MB of it, held twice
    over when the pieces are joined into one string."""
    summary = json.dumps({"files": files, "findings": len(findings)}, indent=2).replace("\n", "\n  ")
    if not findings:
        yield '{\n  "version": 1,\n  "findings": [],\n  "summary": ' + summary + "\n}\n"
        return
    encode = json.JSONEncoder(ensure_ascii=False, separators=_FIELD_BREAK).encode
    yield '{\n  "version": 1,\n  "findings": [\n    {\n      '
    for start in range(0, len(findings), BATCH):
        dumped = encode([f.to_json() for f in findings[start : start + BATCH]])
        yield (_BETWEEN if start else "") + dumped[2:-2].replace(_BETWEEN_DUMPED, _BETWEEN)  # without the list's [{ and }]
    yield '\n    }\n  ],\n  "summary": ' + summary + "\n}\n"
