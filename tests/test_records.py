"""The records a check run builds, written as plain classes (quotelint/records.py): each keeps
what its dataclass gave it: the constructor, frozen fields, equality and hashing by the fields
it compared, a readable repr, slots, `replace`, and pickling (findings, documents, quotations and
registries cross to other processes with `--jobs N` and dask)."""

from __future__ import annotations

import copy
import functools
import inspect
import pickle
from collections import Counter
from typing import Any

import pytest

from quotelint.checks import Rule, builtin_rules
from quotelint.claims.subjects import TopicCounts
from quotelint.context import Context
from quotelint.document import Document
from quotelint.finding import Finding, Severity
from quotelint.lexicon import Lexicon, default_lexicon
from quotelint.linter import lint_text
from quotelint.quotation import Quotation
from quotelint.quotes.frames import Frame
from quotelint.records import Frozen, Record, Value
from quotelint.registry import Claim, Registry
from quotelint.registry.load import load_registry
from tests.conftest import ROOT

TEXT = (
    "President Tokayevv met the mission on Tuesday.\n\n"
    "“We will open the bridge in spring,” the mayor said. Turnout was 53 percent.\n"
)


@functools.lru_cache(maxsize=1)
def registry() -> Registry:
    return load_registry([str(ROOT / "rules")])


def samples() -> dict[type[Record], Any]:
    """One real instance of each record, made as a run makes it."""
    doc = Document.from_text(TEXT, "a.md", "markdown")
    findings = lint_text(TEXT, registry(), path="a.txt")
    return {
        Finding: findings[0],
        Quotation: Context(doc, registry()).quotes[0],
        Document: doc,
        Claim: registry().claims[0],
        Rule: builtin_rules()[0],
        Lexicon: default_lexicon(),
        Registry: registry(),
        Frame: Frame([(0, 3, 0, -1), (4, 9, 1, -1), (11, 20, -1, 0)], [0, 0, 1]),
        TopicCounts: TopicCounts(Counter({"election": 2}), lead={"tokayev"}, seen={"election": 4}),
    }


SAMPLES = samples()
CLASSES = list(SAMPLES)
FROZEN = [c for c in CLASSES if issubclass(c, Frozen)]
SLOTTED = (Finding, Quotation, Document, Claim)  # the dataclasses with slots=True
BY_VALUE = [c for c in CLASSES if c is not Registry]  # Registry is compared by identity


def fields_of(obj: Record) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj._fields}


def test_the_run_builds_one_of_each() -> None:
    assert {Finding, Quotation, Document, Claim, Rule, Lexicon, Registry, Frame, TopicCounts} == set(CLASSES)
    assert set(FROZEN) == set(CLASSES) - {Frame, TopicCounts}  # the two mutable dataclasses stay mutable
    assert SAMPLES[Finding].rule and SAMPLES[Quotation].text == "We will open the bridge in spring,"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_the_fields_are_the_constructor_parameters_in_order(cls: type[Record]) -> None:
    assert tuple(inspect.signature(cls).parameters) == cls._fields


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_argument_lands_in_its_own_field(cls: type[Record]) -> None:
    marks = {name: object() for name in cls._fields}
    by_keyword = cls(**marks)
    by_position = cls(*marks.values())
    assert type(by_keyword) is cls and type(by_position) is cls  # a frozen record made back in its own class
    for name, mark in marks.items():
        assert getattr(by_keyword, name) is mark and getattr(by_position, name) is mark, name


def test_defaults_and_default_factories_are_kept() -> None:
    finding = Finding("a.txt", 1, 1, 1, 4, "QL201", "spelling-drift", Severity.WARNING, "m", None, 0, 3)
    assert (finding.fixable, finding.related) == (False, ())
    quote = Quotation(0, 4, "“", "”", "word")
    assert (quote.kind, quote.speaker, quote.continued, quote.changes) == ("speech", None, False, ())
    doc = Document("-", "t", "t")
    assert (doc.kind, doc.bom, doc.offset_map, doc.line_starts) == ("text", False, None, ())
    claim = Claim("c", "about", "cue", 1)
    assert (claim.unit, claim.tolerance, claim.context, claim.extra, claim.when, claim.pattern) == (None, 0.0, (), (), "current", None)
    assert Registry().entities == {} and Registry().entities is not Registry().entities  # a new dict each
    counts, other = TopicCounts(), TopicCounts()
    assert counts.families == Counter() and counts.lead == set() and counts.families is not other.families
    assert Frame([(0, 1, 0, -1), (2, 3, 1, -1)], [0, 1]).bounds == [(0, 1), (1, 2)]  # worked out when not given
    assert Frame([(0, 1, 0, -1)], [0], [(0, 1)]).bounds == [(0, 1)]


@pytest.mark.parametrize("cls", FROZEN, ids=lambda c: c.__name__)
def test_a_frozen_record_cannot_be_changed(cls: type[Record]) -> None:
    obj = SAMPLES[cls]
    name = cls._fields[0]
    before = getattr(obj, name)
    with pytest.raises(AttributeError):
        setattr(obj, name, "changed")
    with pytest.raises(AttributeError):
        delattr(obj, name)
    with pytest.raises(AttributeError):
        obj.new_attribute = 1
    assert getattr(obj, name) is before


@pytest.mark.parametrize("cls", BY_VALUE, ids=lambda c: c.__name__)
def test_equal_by_the_fields_compared(cls: type[Record]) -> None:
    obj = SAMPLES[cls]
    twin = cls(**fields_of(obj))
    assert twin == obj and not twin != obj and twin is not obj
    if issubclass(cls, Frozen):
        assert hash(twin) == hash(obj) == hash(tuple(getattr(obj, f) for f in cls._compared))
    else:
        with pytest.raises(TypeError):
            hash(obj)  # mutable: no hash, as a dataclass with eq and no frozen
    name = cls._compared[0]
    assert cls(**{**fields_of(obj), name: "other"}) != obj
    assert obj != tuple(fields_of(obj).values())  # not a tuple
    for name in set(cls._fields) - set(cls._compared):  # not compared: the compiled cue, a rule's functions
        assert cls(**{**fields_of(obj), name: None}) == obj


def test_a_registry_is_compared_and_shown_by_identity() -> None:
    reg = SAMPLES[Registry]
    assert Registry(**fields_of(reg)) != reg and reg == reg
    assert hash(reg) == object.__hash__(reg)
    assert repr(reg).startswith("<quotelint.registry.Registry object at ")


def test_the_repr_shows_the_fields_dataclasses_showed() -> None:
    finding = Finding("a.txt", 1, 2, 1, 5, "QL201", "spelling-drift", Severity.WARNING, "it's", None, 1, 4)
    assert repr(finding) == (
        "Finding(path='a.txt', line=1, column=2, end_line=1, end_column=5, rule='QL201', category='spelling-drift',"
        ' severity=<Severity.WARNING: 2>, message="it\'s", suggestion=None, start=1, end=4, fixable=False, related=())'
    )
    assert repr(Document("-", "t", "t", line_starts=(0,))) == "Document(path='-', text='t', prose='t', kind='text', bom=False, offset_map=None)"
    assert "pattern" not in repr(SAMPLES[Claim]) and repr(SAMPLES[Claim]).startswith("Claim(id=")
    assert "check" not in repr(SAMPLES[Rule]) and repr(SAMPLES[Rule]).startswith("Rule(id='QL")
    assert repr(SAMPLES[Lexicon]).startswith("<quotelint.lexicon.Lexicon object at ")  # 65,000 words: not shown
    assert repr(SAMPLES[Frame]).startswith("Frame(items=[(0, 3, 0, -1)")


@pytest.mark.parametrize("cls", SLOTTED, ids=lambda c: c.__name__)
def test_slots_as_the_dataclasses_had(cls: type[Record]) -> None:
    assert cls.__slots__ == cls._fields
    assert not hasattr(SAMPLES[cls], "__dict__")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_a_record_pickles_and_copies(cls: type[Record]) -> None:
    obj = SAMPLES[cls]
    for again in (pickle.loads(pickle.dumps(obj)), copy.copy(obj), copy.deepcopy(obj)):
        assert type(again) is cls
        if cls is Registry:
            assert list(again.entities) == list(obj.entities) and again.claims == obj.claims
        else:
            assert again == obj and fields_of(again).keys() == fields_of(obj).keys()


def test_findings_of_a_real_run_pickle_and_hash_alike() -> None:
    findings = lint_text(TEXT, registry(), path="a.txt")
    assert findings
    back = pickle.loads(pickle.dumps(findings))
    assert back == findings and [hash(f) for f in back] == [hash(f) for f in findings]
    assert {f: f.rule for f in back} == {f: f.rule for f in findings}


def test_what_a_cached_attribute_kept_crosses_with_a_pickle() -> None:
    lexicon = default_lexicon()
    assert lexicon.title_words  # worked out and kept in the instance
    assert pickle.loads(pickle.dumps(lexicon)).__dict__["title_words"] == lexicon.title_words


def test_replace_copies_with_the_fields_named_changed() -> None:
    finding = SAMPLES[Finding]
    moved = finding.replace(line=finding.line + 1, message="moved")
    assert type(moved) is Finding and (moved.line, moved.message) == (finding.line + 1, "moved")
    assert {k: v for k, v in fields_of(moved).items() if k not in ("line", "message")} == {k: v for k, v in fields_of(finding).items() if k not in ("line", "message")}
    assert finding.replace() == finding
    with pytest.raises(TypeError):
        finding.replace(colour="red")
    smaller = SAMPLES[Lexicon].replace(titles=frozenset({"mayor"}))
    assert smaller.titles == {"mayor"} and smaller.title_words == {"mayor"}  # worked out anew


# --- Value records: named tuples that nothing used as tuples -------------------------------


def value_classes() -> list[type[Value]]:
    """Every Value record of the package (each module that defines one imported first)."""
    import importlib
    import pkgutil

    import quotelint

    for info in pkgutil.walk_packages(quotelint.__path__, "quotelint."):
        if not info.name.startswith(("quotelint.lsp", "quotelint.devtools", "quotelint.distributed", "quotelint.__main__")):
            importlib.import_module(info.name)
    found: list[type[Value]] = []
    pending = list(Value.__subclasses__())
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


VALUES = value_classes()


def test_the_named_tuples_replaced_are_value_records() -> None:
    names = {f"{c.__module__}.{c.__qualname__}" for c in VALUES}
    assert {"quotelint.names.Mention", "quotelint.quotes.spans.Span", "quotelint.yamlrules.kinds.Use"} <= names
    assert len(VALUES) >= 30


def made(cls: type[Value], tag: object) -> Value:
    """An instance whose every field holds a value of its own (hashable: a tuple naming it)."""
    return cls(**{name: (name, tag) for name in cls._fields})


@pytest.mark.parametrize("cls", VALUES, ids=lambda c: c.__qualname__)
def test_a_value_record_is_its_fields(cls: type[Value]) -> None:
    params = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    assert tuple(params) == cls._fields == cls.__slots__
    one, same, other = made(cls, 1), made(cls, 1), made(cls, 2)
    assert one == same and hash(one) == hash(same) and len({one, same}) == 1
    assert one != other
    assert all(getattr(one, name) == (name, 1) for name in cls._fields)
    assert repr(one).startswith(f"{cls.__qualname__}({cls._fields[0]}=")
    assert pickle.loads(pickle.dumps(one)) == one and copy.deepcopy(one) == one
    assert one.replace(**{cls._fields[0]: "changed"}) == made(cls, 1).replace(**{cls._fields[0]: "changed"}) != one
    with pytest.raises(AttributeError):
        one.not_a_field = 1  # type: ignore[attr-defined]
