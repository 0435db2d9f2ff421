"""`--format json` for check, as fixed in the contract."""

from __future__ import annotations

import json
from typing import Any

from quotelint.finding import Finding


def render_findings(findings: list[Finding], files: int, args: Any = None) -> str:
    payload = {
        "version": 1,
        "findings": [f.to_json() for f in findings],
        "summary": {"files": files, "findings": len(findings)},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
