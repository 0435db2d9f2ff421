"""`extract --format json`, as fixed in the contract."""

from __future__ import annotations

import json

# The fields of a quotation, in the contract's order (commands/extract.py fills them).
FIELDS = ("text", "start", "end", "line", "column", "kind", "speaker", "speaker_text", "attribution", "registry_id", "status")


def render_quotes(files: list[tuple[str, list[dict[str, object]]]]) -> str:
    payload = {
        "version": 1,
        "files": [{"path": path, "quotes": [{k: q[k] for k in FIELDS} for q in quotes]} for path, quotes in files],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
