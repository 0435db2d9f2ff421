"""A baseline: the findings a corpus already had when it adopted quotelint, so that only new
ones are reported.

`check --write-baseline FILE` records every current finding; `check --baseline FILE` (or the
`baseline` setting) leaves out the findings recorded there. A finding is recorded by content,
not by line: its rule, its file (relative to the baseline file), the text it flags and a hash of
the sentence around it with white space normalized. Lines added or removed above a finding, or a
paragraph wrapped anew, do not bring it back; editing its sentence does, and so does moving the
file. Each fingerprint keeps a count, so a second identical mistake in the same file is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Mapping

from quotelint.errors import UserError
from quotelint.files import read_bytes
from quotelint.finding import Finding
from quotelint.lazyre import lazy

VERSION = 1
WINDOW = 600  # how far to look for a sentence boundary on either side of a finding
# The end of a sentence (with closing quotes or brackets after the stop) or a blank line.
_BOUNDARY = lazy(r"[.!?…][\"'”’»)\]]*+\s|(?:\r\n|\r|\n)[ \t]*+(?:\r\n|\r|\n)")
_SPACE = lazy(r"\s++")

Key = tuple[str, str, str, str]  # path, rule, flagged text, sentence hash


def normalize(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or paragraph part) holding text[start:end], white space normalized."""
    low = max(0, start - WINDOW)
    left = low
    for m in _BOUNDARY.finditer(text, low, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + WINDOW))
    right = m.end() if m else min(len(text), end + WINDOW)
    return normalize(text[left:right])


def key(f: Finding, text: str, base: str) -> Key:
    path = f.path if f.path == "-" else os.path.relpath(os.path.abspath(f.path), base).replace(os.sep, "/")
    flagged = normalize(text[f.start : f.end])
    sentence = hashlib.sha256(sentence_around(text, f.start, f.end).encode("utf-8")).hexdigest()[:16]
    return path, f.rule, flagged, sentence


def keys(findings: list[Finding], texts: Mapping[str, str], baseline_path: str) -> list[Key]:
    base = os.path.dirname(os.path.abspath(baseline_path))
    return [key(f, texts.get(f.path, ""), base) for f in findings]


def write(path: str, findings: list[Finding], texts: Mapping[str, str]) -> None:
    """Record the findings as the baseline at path (written as quotelint/writes.py says)."""
    from quotelint.writes import save

    counts = Counter(keys(findings, texts, path))
    entries = [
        {"path": p, "rule": r, "text": t, "sentence": s, "count": n}
        for (p, r, t, s), n in sorted(counts.items())
    ]
    payload = {
        "version": VERSION,
        "about": "Findings that quotelint leaves out (check --baseline). Rewrite with check --write-baseline.",
        "findings": entries,
    }
    save(path, (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), "the baseline")


def load(path: str) -> Counter[Key]:
    if not os.path.exists(path):
        raise UserError("baseline file not found (write one with --write-baseline)", path=path)
    try:
        data = json.loads(read_bytes(path, None).decode("utf-8"))  # a regular file: no pipe, no /dev/zero
    except UnicodeDecodeError as exc:
        raise UserError(f"cannot read the baseline: {exc}", path=path) from None
    except json.JSONDecodeError as exc:
        raise UserError(f"the baseline is not valid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise UserError(f"not a quotelint baseline of version {VERSION}", path=path)
    counts: Counter[Key] = Counter()
    for i, entry in enumerate(data["findings"], 1):
        try:
            k = (entry["path"], entry["rule"], entry["text"], entry["sentence"])
            n = entry.get("count", 1)
        except (KeyError, TypeError, AttributeError):
            raise UserError(f"baseline entry {i} lacks path, rule, text or sentence", path=path) from None
        if not all(isinstance(v, str) for v in k) or not isinstance(n, int) or n < 1:
            raise UserError(f"baseline entry {i} is malformed", path=path)
        counts[k] += n
    return counts


def filter_known(findings: list[Finding], path: str, texts: Mapping[str, str]) -> list[Finding]:
    """The findings the baseline at path does not account for, in their order."""
    budget = load(path)
    kept = []
    for f, k in zip(findings, keys(findings, texts, path)):
        if budget[k] > 0:
            budget[k] -= 1
        else:
            kept.append(f)
    return kept
