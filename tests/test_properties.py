"""Properties over generated documents, registries and YAML rule packs: whatever comes in, the
result is findings with sound positions or a UserError (exit 2), never another exception.

The inputs are built from pieces that have broken linters before: quotation marks of every
style, names from the registry and near misses of them, long words, tags left open, Markdown
fences, YAML's own syntax (anchors, aliases, `on`, `no`, `~`) and regular-expression syntax.
Each test runs a bounded number of examples with no deadline, so the file takes seconds in CI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quotelint.context import Context
from quotelint.document import Document
from quotelint.errors import UserError
from quotelint.linter import Plan, lint_document
from quotelint.names import LONG, fold, max_distance
from quotelint.registry import Registry
from quotelint.registry.load import load_registry
from quotelint.registry.yamlload import load_yaml
from quotelint.settings import Settings
from quotelint.yamlrules import backtrack, patterns
from tests.integ_helpers import REGISTRY_YAML

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = ("text", "markdown", "html", "rst")

WORDS = [
    "Tokayev", "Tokaev", "Kassym-Jomart", "ODIHR", "ODHIR", "OSCE/ODIHR", "Eurasian", "Economic", "Union",
    "said", "told", "according", "to", "the", "minister", "President", "Mr", "he", "she", "it", "we",
    "Kassym", "Jomart", "Tokayevs", "tokayev", "EAEU", "per", "cent", "53", "54.2%", "1,200", "million",
    "Nur-Sultan", "Astana", "don't", "’90s", "rock", "’n’", "roll", "citizens’", "U.S.", "Mr.", "No.",
]  # fmt: skip
MARKS = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」"]
PUNCT = [" ", " ", " ", "\n", "\n\n", "\r\n", "\t", ",", ".", ":", ";", "—", "–", "-", "(", ")", "…", "?", "!", "/", "\u00a0"]
MARKUP = [
    "<p>", "</p>", "<div>", "<b>", "</b>", "<br>", '<a href="', '">', "<script>", "</script>", "<!--", "-->",
    "&amp;", "&#8220;", "&quot;", "<pre>", "```", "`", "[", "](", ")", "# ", "> ", "* ", "---", ".. ", "::",
]  # fmt: skip


LONG_WORDS = st.builds(
    lambda part, joint, n: joint.join([part] * n),
    st.sampled_from(["Kassym", "Tokayev", "a", "Ab", "ODIHR"]),
    st.sampled_from(["-", "", "’"]),
    st.integers(5, 120),
)
PIECES = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(MARKS), st.sampled_from(PUNCT), st.sampled_from(MARKUP), st.text(max_size=4), LONG_WORDS
)
documents = st.lists(PIECES, max_size=80).map("".join)


def registry_of(text: str) -> Registry:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registry.yaml"
        path.write_text(text, encoding="utf-8")
        return load_registry([str(path)])


HOUSE = registry_of(REGISTRY_YAML)


def assert_sound(doc: Document, registry: Registry) -> None:
    """Lint the document: findings inside the text, in order, at real lines; quotations inside the prose."""
    skipped: list[UserError] = []
    findings = lint_document(doc, Plan.make(registry, Settings()), skipped=skipped)
    lines = len(doc.line_starts)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(doc.text), f
        assert 1 <= f.line <= f.end_line <= lines, f
        assert f.column >= 1 and f.end_column >= 1, f
    assert [f.sort_key for f in findings] == sorted(f.sort_key for f in findings)
    for q in Context(doc, registry, Settings()).quotes:
        assert 0 <= q.start <= q.end <= len(doc.prose), q


def assert_loads_or_refused_then_sound(data: dict[str, object], text: str) -> None:
    """The registry written as YAML loads (else is refused with a UserError); then lint the text."""
    try:
        registry = registry_of(yaml.safe_dump(data, allow_unicode=True))
    except UserError:
        return
    with mock.patch.object(patterns, "MIN_SECONDS", 0.05):  # a slow pattern is skipped, and soon
        assert_sound(Document.from_text(text), registry)


@BOUNDED
@given(text=documents, kind=st.sampled_from(KINDS))
def test_any_document_gives_sound_findings(text: str, kind: str) -> None:
    assert_sound(Document.from_text(text, f"doc.{kind}", kind), HOUSE)


@st.composite
def near_words(draw: st.DrawFn) -> str:
    """A registered word (often one of the longest) with a few letters dropped, added or changed."""
    known = sorted(HOUSE.names.known, key=lambda w: (len(w), w))
    word = draw(st.sampled_from(known) | st.sampled_from(known[-4:]))
    for _ in range(draw(st.integers(0, 3))):
        i = draw(st.integers(0, len(word)))
        word = word[:i] + draw(st.sampled_from(["", "a", "e", "K", "-", "’"])) + word[i + draw(st.integers(0, 1)) :]
    return word or "x"


@BOUNDED
@given(word=st.one_of(near_words(), LONG_WORDS, st.sampled_from(WORDS)))
@example(word="Kassym-Jomartov")  # two letters longer than the longest indexed word, and two edits from it
def test_near_misses_are_exactly_the_indexed_words_within_reach(word: str) -> None:
    from rapidfuzz.distance import OSA

    index = HOUSE.names
    folded = fold(word)
    limit = max_distance(folded)
    indexed = set().union(*index.by_deletion.values())
    # the acceptance test of `near` itself; what is tested is that the index misses none of them
    expected = {f for f in indexed if OSA.distance(f, folded) <= (limit if f[:1] == folded[:1] else int(len(f) >= LONG))}
    assert {fold(w) for w in index.near(word)} == expected


# --- Registries --------------------------------------------------------------------------

YAML_WORDS = ["on", "off", "yes", "no", "y", "n", "~", "null", "true", "2024-01-01", "10:30", "&a", "*a", "- x", "a: b", "#", "'", '"', "{", "}", "[", "]"]
NAMES = st.one_of(st.sampled_from(WORDS + YAML_WORDS), st.text(min_size=1, max_size=12))


@st.composite
def registry_entries(draw: st.DrawFn) -> dict[str, object]:
    def entity(kind: str) -> dict[str, object]:
        entry: dict[str, object] = {"id": draw(st.sampled_from(["a", "b", "ann-hale", "odihr", "x1"])), "name": " ".join(draw(st.lists(NAMES, min_size=1, max_size=3)))}
        if draw(st.booleans()):
            entry["aliases"] = draw(st.lists(NAMES, max_size=3))
        if draw(st.booleans()):
            entry["misspellings"] = draw(st.lists(NAMES, max_size=2))
        if kind == "people" and draw(st.booleans()):
            entry["roles"] = [{"title": draw(NAMES), "from": draw(st.sampled_from(["2020-01-01", "2020", "soon", 7]))}]
        return entry

    data: dict[str, object] = {}
    for kind in draw(st.lists(st.sampled_from(["people", "organizations", "terms"]), unique=True, max_size=3)):
        data[kind] = [entity(kind) for _ in range(draw(st.integers(0, 3)))]
    if draw(st.booleans()):
        data["quotes"] = [
            {"id": "q1", "speaker": draw(st.sampled_from(["a", "ann-hale", "nobody"])), "text": draw(NAMES), "date": draw(st.sampled_from(["2023-09-19", "yesterday", 5])), "source": "https://example.org/"}
        ]
    return data


@BOUNDED
@given(entries=registry_entries(), text=documents)
def test_any_registry_loads_or_is_refused_and_then_lints_soundly(entries: dict[str, object], text: str) -> None:
    assert_loads_or_refused_then_sound(entries, text)


YAML_SYNTAX = st.sampled_from(["&a ", "*a", "<<: *a\n", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "'", '"', "#", "!!str ", "!!python/object ", "|\n", ">\n", "---\n", "...\n", "%YAML 1.1\n", "? ", "\t", "\\"])


@BOUNDED
@given(pieces=st.lists(st.one_of(YAML_SYNTAX, NAMES), max_size=60))
def test_any_yaml_text_parses_or_is_a_user_error(pieces: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "registry.yaml"
        path.write_text("".join(pieces), encoding="utf-8")
        try:
            load_registry([str(path)])
        except UserError:
            pass
        try:
            load_yaml(str(path))
        except UserError:
            pass


# --- YAML rule packs and their patterns ------------------------------------------------------

REGEX = st.sampled_from(list("()[]|*+?{}\\.^$-,") + ["(?:", "(?>", "(?=", "(?<!", "\\w", "\\d", "\\s", "\\b", "{1,9}", "{2}", "++", "*+", "a", "b", "x", "é", "“"])
FRAGMENTS = st.sampled_from(
    ["\\d+", "(?:s|es)?", "\\s+", "[A-Z]\\w+", "colou?r", "(?:x{1,9}){1,9}\\d", "per\\s+cent", "\\w+ise", "%", "(?i)tokayev", "[’']s"]
)
# Any string of pattern syntax (most do not compile), and patterns pieced from parts that do.
PATTERNS = st.one_of(
    st.lists(st.one_of(REGEX, st.sampled_from(WORDS)), min_size=1, max_size=30).map("".join),
    st.lists(st.one_of(FRAGMENTS, st.sampled_from(WORDS)), min_size=1, max_size=4).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(pattern=PATTERNS)
def test_the_pattern_check_answers_for_any_pattern(pattern: str) -> None:
    reason = backtrack.problem(pattern)
    assert reason is None or isinstance(reason, str)
    try:
        patterns.compile_pattern(pattern, ignorecase=False, word_bounded=True)
    except patterns.PatternError:
        pass


@st.composite
def rule_packs(draw: st.DrawFn) -> dict[str, object]:
    rules = []
    for k in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["substitution", "existence", "consistency"]))
        use_regex = draw(st.booleans())
        texts = PATTERNS if use_regex else st.sampled_from(WORDS)
        rule: dict[str, object] = {"id": f"house/r{k}", "kind": kind, "regex": use_regex}
        if kind == "substitution":
            rule["swap"] = draw(st.dictionaries(texts, st.sampled_from(WORDS), min_size=1, max_size=3))
        elif kind == "existence":
            rule["tokens"] = draw(st.lists(texts, min_size=1, max_size=3))
        else:
            rule["groups"] = [draw(st.lists(texts, min_size=2, max_size=3, unique=True))]
        for key in ("ignorecase", "word_bounded") + (("keep_case", "fix_in_quotes") if kind != "existence" else ()):
            if draw(st.booleans()):
                rule[key] = draw(st.booleans())
        if draw(st.booleans()):
            rule["scope"] = draw(st.sampled_from(["prose", "outside-quotes", "quotes", "speech", "term", "attribution"]))
        rules.append(rule)
    return {"rules": rules}


@BOUNDED
@given(pack=rule_packs(), text=documents)
def test_any_rule_pack_loads_or_is_refused_and_then_lints_soundly(pack: dict[str, object], text: str) -> None:
    assert_loads_or_refused_then_sound(pack, text)
