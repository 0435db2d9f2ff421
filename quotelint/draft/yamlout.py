"""Writing a draft registry as YAML a person can read, check and complete."""

from __future__ import annotations

import datetime as dt
import json

from quotelint.lazyre import lazy
from quotelint.names import strip_marks

SECTIONS = ("people", "organizations", "terms", "quotes")
_NOT_ID = lazy(r"[^a-z0-9]+")
ID_WORDS = 8  # words of a name or quote an id is made from

HEADER = """\
# Draft registry entries written by `quotelint registry draft` from {files} file{s}.
# Nothing here is verified. For each entry: check it against a source, add `source:` (and a
# `date:` where one is missing), correct the guesses, then move it into the registry.
# `quotelint registry check` refuses a quote without a source until then.
"""


def slug(text: str) -> str:
    words = _NOT_ID.sub(" ", strip_marks(text).lower()).split()
    return "-".join(words[:ID_WORDS]) or "entry"


def unique_id(text: str, taken: set[str]) -> str:
    base = slug(text)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def scalar(value: object) -> str:
    """A YAML scalar: dates bare, text double-quoted (JSON strings are valid YAML)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def render(sections: dict[str, list[dict[str, object]]], files: int) -> str:
    out = [HEADER.format(files=files, s="s" * (files != 1))]
    for section in SECTIONS:
        entries = sections.get(section, [])
        if not entries:
            continue
        out.append(f"{section}:")
        for entry in entries:
            out.extend(entry_lines(entry))
        out.append("")
    if len(out) == 1:
        out.append("# Everything found is registered already.\n")
    return "\n".join(out)


def entry_lines(entry: dict[str, object]) -> list[str]:
    if "speaker" in entry and entry["speaker"] is None:
        lines = ["  # No person or organization to give as the speaker: add the id of who said it as `speaker:`, then uncomment."]
        body = [f"{k}: {scalar(v)}" for k, v in entry.items() if k != "speaker" and v is not None]
        lines.append(f"  # - {body[0]}")
        lines += [f"  #   {b}" for b in body[1:]]
        return lines
    lines = []
    first = True
    for key, value in entry.items():
        if key == "date" and value is None:
            lines.append("    # date: unknown; add the date it was said (YYYY-MM-DD)")
            continue
        note = "  # the article's date: check when it was said" if key == "date" else ""
        lines.append(f"  {'- ' if first else '  '}{key}: {scalar(value)}{note}")
        first = False
    return lines
