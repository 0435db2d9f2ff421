"""`quotelint report --format json`: the report model as JSON, `"version": 1`.

The structure (quotelint/data/report.schema.json, described in docs/report.md) only grows: new keys may be added, none renamed or
removed. Each finding has the same keys as in `check --format json`, plus its sentence and,
for a quote the registry knows, the comparison with the registered wording.
"""

from __future__ import annotations

import json
from typing import Any

from quotelint.report.model import SEVERITIES, Comparison, Excerpt, FileReport, Item, Report, Segment, SpeakerRow

VERSION = 1


def render(report: Report) -> str:
    return json.dumps(to_json(report), ensure_ascii=False, indent=2) + "\n"


def to_json(report: Report) -> dict[str, Any]:
    t = report.totals
    return {
        "version": VERSION,
        "totals": {
            "files": t.files,
            "words": t.words,
            "quotations": t.quotations,
            "speech_quotes": {"total": t.speech_quotes, **t.speech},
            "findings": {"total": t.findings, "by_severity": t.by_severity, "by_category": t.by_category},
        },
        "fail_on": str(report.fail_on),
        "failing": report.failing,
        "files": [file_json(f) for f in report.files],
        "speakers": [speaker_json(r) for r in report.speakers],
        "problems": [{"path": path, "message": message} for path, message in report.problems],
    }


def file_json(f: FileReport) -> dict[str, Any]:
    return {
        "path": f.path,
        "words": f.words,
        "quotations": f.quotations,
        "findings": {"total": f.findings, "by_severity": {str(s): f.count(s) for s in SEVERITIES}},
        "items": [item_json(item) for item in f.items],
        "verified_quotes": [
            {
                "line": q.line,
                "column": q.column,
                "text": q.text,
                "speaker": q.speaker,
                "registry_id": q.registry_id,
                "source": q.source,
            }
            for q in f.verified
        ],
    }


def item_json(item: Item) -> dict[str, Any]:
    out = item.finding.to_json()
    out["sentence"] = excerpt_json(item.excerpt)
    out["comparison"] = comparison_json(item.comparison) if item.comparison else None
    return out


def excerpt_json(x: Excerpt) -> dict[str, Any]:
    """The sentence and where the span stands in it (code-point offsets, end exclusive)."""
    start = len(x.before)
    return {"text": x.text, "highlight": [start, start + len(x.span)]}


def segments_json(parts: tuple[Segment, ...]) -> list[dict[str, Any]]:
    return [{"text": s.text, "changed": s.changed} for s in parts]


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "registry_id": c.registry_id,
        "speaker": c.speaker,
        "quoted_speaker": c.quoted_speaker,
        "source": c.source,
        "quoted": segments_json(c.quoted),
        "registered": segments_json(c.registered),
    }


def speaker_json(r: SpeakerRow) -> dict[str, Any]:
    return {
        "speaker": r.speaker,
        "quotes": r.quotes,
        "verified": r.verified,
        "altered": r.altered,
        "misattributed": r.misattributed,
        "unverified": r.unverified,
        "verified_share": round(r.verified_share, 4),
    }
