"""`--format json` for check, as fixed in the contract."""

from __future__ import annotations

import json
from typing import Any

from quotelint.finding import Finding


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    """The payload {"version", "findings", "summary"} as `json.dumps(payload, indent=2)` writes
    it. Each finding is dumped on its own and indented into place, and the pieces joined once:
    dumping the whole payload at once (with an indent, json's encoder is Python) keeps millions
    of small pieces alive together, over 100 MB for the findings of 50 MB of articles."""
    summary = json.dumps({"files": files, "findings": len(findings)}, indent=2).replace("\n", "\n  ")
    if not findings:
        return '{\n  "version": 1,\n  "findings": [],\n  "summary": ' + summary + "\n}\n"
    parts = ['{\n  "version": 1,\n  "findings": [\n']
    for f in findings:
        parts.append("    " + json.dumps(f.to_json(), ensure_ascii=False, indent=2).replace("\n", "\n    "))
        parts.append(",\n")
    parts[-1] = '\n  ],\n  "summary": ' + summary + "\n}\n"
    return "".join(parts)
