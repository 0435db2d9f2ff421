"""Measure quotation extraction against hand-labelled gold files.

    python -m quotelint.devtools.gold [--registry rules] [--verbose] GOLD.yaml[:FOLDER] ...

A gold file is a YAML list of entries (file, line, text, kind, speaker, optional
multi_paragraph and note); see tests/gold/seeds.yaml. Each entry is looked up among the
quotations extracted from its file (same line, same text). Figures, per group of files:

- speech recall: gold speech quotations extracted with kind `speech`;
- attribution accuracy: gold speech quotations whose extracted speaker is the gold speaker (both
  resolved through the registry, or one name's words holding the other's, compared without case
  or diacritics; no speaker on both sides counts as agreement);
- terms without speaker: gold terms extracted with no speaker;
- span recall (any kind) and speech precision (extracted speech that the gold calls speech).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from quotelint.context import Context
from quotelint.document import read_document
from quotelint.names import TEXT, fold, tokens
from quotelint.quotation import Quotation
from quotelint.registry import Registry

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


@dataclass
class Tally:
    speech: int = 0
    speech_found: int = 0
    attributed: int = 0
    terms: int = 0
    terms_clean: int = 0
    spans: int = 0
    spans_found: int = 0
    extracted_speech: int = 0
    extracted_speech_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("speech", "speech_found", "attributed", "terms", "terms_clean", "spans", "spans_found", "extracted_speech", "extracted_speech_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    @property
    def recall(self) -> float:
        return self.speech_found / self.speech if self.speech else 1.0

    @property
    def accuracy(self) -> float:
        return self.attributed / self.speech if self.speech else 1.0

    @property
    def term_share(self) -> float:
        return self.terms_clean / self.terms if self.terms else 1.0

    def line(self, name: str) -> str:
        precision = self.extracted_speech_right / self.extracted_speech if self.extracted_speech else 1.0
        return (
            f"{name:<28} speech recall {self.recall:.3f} ({self.speech_found}/{self.speech})  "
            f"attribution {self.accuracy:.3f} ({self.attributed}/{self.speech})  "
            f"terms without speaker {self.term_share:.3f} ({self.terms_clean}/{self.terms})  "
            f"spans {self.spans_found}/{self.spans}  speech precision {precision:.3f}"
        )


def load_gold(path: str) -> list[dict[str, object]]:
    with open(path, encoding="utf-8") as fh:
        return list(yaml.safe_load(fh) or [])


def name_words(name: str) -> set[str]:
    words = {fold(t[TEXT]) for t in tokens(name)}
    return words - {"the", "of"}


def same_speaker(gold: str | None, got: str | None, got_id: str | None, registry: Registry) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    gold_ids = registry_ids(gold, registry)
    if got_id is not None and got_id in gold_ids:
        return True
    if gold_ids and gold_ids & registry_ids(got, registry):
        return True
    a, b = name_words(gold), name_words(got)
    return bool(a and b) and (a <= b or b <= a)


def registry_ids(name: str, registry: Registry) -> set[str]:
    key = fold(name)
    return {e.id for e in registry.entities.values() if any(fold(f) == key for f in e.forms)}


def measure(entries: Sequence[dict[str, object]], folder: str, registry: Registry, group_of: object = None) -> dict[str, Tally]:
    """Tallies per group (the group of a file is `group_of(file)`, default one group "all")."""
    by_file: dict[str, list[dict[str, object]]] = {}
    for entry in entries:
        by_file.setdefault(str(entry["file"]), []).append(entry)
    tallies: dict[str, Tally] = {}
    for name, wanted in by_file.items():
        group = group_of(name) if callable(group_of) else "all"
        tally = tallies.setdefault(group, Tally())
        doc = read_document(os.path.join(folder, name))
        quotes = Context(doc, registry).quotes
        tally.add(measure_file(name, doc, quotes, wanted, registry))
    return tallies


def measure_file(name: str, doc, quotes: list[Quotation], wanted: list[dict[str, object]], registry: Registry) -> Tally:  # type: ignore[no-untyped-def]
    tally = Tally()
    by_key: dict[tuple[int, str], list[Quotation]] = {}
    for q in quotes:
        start = doc.source(q.start)
        line = doc.position(start)[0]
        by_key.setdefault((line, q.text.strip()), []).append(q)
    gold_keys = set()
    for entry in wanted:
        key = (int(entry["line"]), str(entry["text"]).strip())  # type: ignore[call-overload]
        gold_keys.add(key)
        found = by_key.get(key, [])
        q = found.pop(0) if found else None
        tally.spans += 1
        tally.spans_found += q is not None
        where = f"{name}:{entry['line']} {str(entry['text'])[:50]!r}"
        if entry["kind"] == "speech":
            tally.speech += 1
            if q is not None and q.kind == "speech":
                tally.speech_found += 1
            else:
                tally.misses.append(f"recall   {where}: got {q.kind if q else 'nothing'}")
            got = q.speaker if q is not None else None
            if same_speaker(entry.get("speaker"), got, q.speaker_id if q else None, registry):  # type: ignore[arg-type]
                tally.attributed += 1
            else:
                tally.misses.append(f"speaker  {where}: gold {entry.get('speaker')!r}, got {got!r} ({q.attribution if q else None})")
        else:
            tally.terms += 1
            if q is not None and q.speaker is None:
                tally.terms_clean += 1
            elif q is not None:
                tally.misses.append(f"term     {where}: given speaker {q.speaker!r}")
    speech_keys = {(int(e["line"]), str(e["text"]).strip()) for e in wanted if e["kind"] == "speech"}  # type: ignore[call-overload]
    for q in quotes:
        if q.kind != "speech" or q.part_of is not None:
            continue
        key = (doc.position(doc.source(q.start))[0], q.text.strip())
        tally.extracted_speech += 1
        tally.extracted_speech_right += key in speech_keys
        if key not in gold_keys:
            tally.misses.append(f"extra    {name}:{key[0]} {q.text[:50]!r} ({q.kind})")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotelint.devtools.gold", description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold file, optionally :FOLDER of its articles")
    parser.add_argument("--registry", action="append", help="registry files or folders (default: rules/)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    from quotelint.registry.load import load_registry

    registry = load_registry(args.registry or [os.path.join(ROOT, "rules")])
    golds = args.gold or [os.path.join(ROOT, "tests/gold/seeds.yaml") + ":" + os.path.join(ROOT, "seeds"), os.path.join(ROOT, "tests/gold/wire.yaml") + ":" + os.path.join(ROOT, "tests/gold/wire")]
    total = Tally()
    for spec in golds:
        path, _, folder = spec.partition(":")
        folder = folder or os.path.dirname(path)
        tallies = measure(load_gold(path), folder, registry, group_of=lambda name: name)
        combined = Tally()
        for name, tally in sorted(tallies.items()):
            if args.verbose:
                print(tally.line(name))
                for miss in tally.misses:
                    print("    " + miss)
            combined.add(tally)
        print(combined.line(os.path.basename(path)))
        total.add(combined)
    print(total.line("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
