"""`extract --format text`: one line a quotation, then a count.

    seeds/002.txt:42:1: speech verified Ned Price (price-tokayev-common-objectives): “We look …”

Kind, then the registry status (`-` for terms), the speaker (`?` when nobody is named) with
the registered quote's id, and the text between its own marks, shortened to 100 characters.
Control characters in file names and quotations are shown as escapes (quotelint/visible.py).
"""

from __future__ import annotations

from collections import Counter

from quotelint.visible import visible

WIDTH = 100
STATUSES = ("verified", "altered", "misattributed", "unverified")


def shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= WIDTH else text[: WIDTH - 1].rstrip() + "…"


def render_quotes(files: list[tuple[str, list[dict[str, object]]]]) -> str:
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for path, quotes in files:
        for q in quotes:
            open_mark, close_mark = q.get("marks") or ("“", "”")  # type: ignore[misc]
            speaker = q["speaker"] or ("?" if q["kind"] == "speech" else "")
            registered = f" ({q['registry_id']})" if q["registry_id"] else ""
            who = f" {speaker}{registered}" if speaker or registered else ""
            status = q["status"] or "-"
            lines.append(visible(f"{path}:{q['line']}:{q['column']}: {q['kind']} {status}{who}: {open_mark}{shorten(str(q['text']))}{close_mark or ''}"))
            counts[str(q["kind"])] += 1
            counts[str(q["status"])] += 1
    lines.append(summary(counts, len(files)))
    return "\n".join(lines) + "\n"


def summary(counts: Counter[str], files: int) -> str:
    total = counts["speech"] + counts["term"]
    statuses = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    speech = f"{counts['speech']} speech" + (f": {statuses}" if statuses else "")
    return f"{total} quotation{'s' * (total != 1)} ({speech}; {counts['term']} term{'s' * (counts['term'] != 1)}) in {files} file{'s' * (files != 1)}."
