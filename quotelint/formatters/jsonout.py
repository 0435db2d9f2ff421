"""`--format json` for check, as fixed in the contract."""

from __future__ import annotations

import json
from typing import Any

from quotelint.finding import Finding


# A finding's fields are scalars: dumped on one line by json's encoder in C, with the separator
# between fields a line break and the indent (json's encoder with an indent runs in Python, and
# took a twentieth of a run over a folder of articles), they read as `indent=2` writes them.
_FIELD_BREAK = (",\n      ", ": ")


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    """The payload {"version", "findings", "summary"} as `json.dumps(payload, indent=2)` writes
    it. Each finding is dumped on its own and indented into place, and the pieces joined once:
    dumping the whole payload at once keeps millions of small pieces alive together, over 100 MB
    for the findings of 50 MB of articles."""
    summary = json.dumps({"files": files, "findings": len(findings)}, indent=2).replace("\n", "\n  ")
    if not findings:
        return '{\n  "version": 1,\n  "findings": [],\n  "summary": ' + summary + "\n}\n"
    parts = ['{\n  "version": 1,\n  "findings": [\n']
    for f in findings:
        parts.append("    {\n      " + json.dumps(f.to_json(), ensure_ascii=False, separators=_FIELD_BREAK)[1:-1] + "\n    }")
        parts.append(",\n")
    parts[-1] = '\n  ],\n  "summary": ' + summary + "\n}\n"
    return "".join(parts)
