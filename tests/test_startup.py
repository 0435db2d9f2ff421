"""What a run imports and parses: a warm check reads no YAML, and the commands that only describe
rules (`--help`, `rules`, `explain`) import none of the analysis."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARTICLE = "“We will open the bridge in spring,” Mayor Ana Lindqvist said on Tuesday. Turnout was 53 percent.\n"
# the quotations, the claims and the titles of a document, and what reads them
ANALYSIS = ("quotelint.quotes", "quotelint.claims", "quotelint.context", "quotelint.checks.title_", "quotelint.docdate", "quotelint.sentences")


def loaded_after(args: list[str], cwd: Path, cache: Path) -> set[str]:
    """The modules loaded by a run of the command line with these arguments, in a new process."""
    code = (
        "import contextlib, io, json, sys\n"
        "from quotelint.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main({args!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    env = {**os.environ, "QUOTELINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("QUOTELINT_NO_CACHE", None)
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=True)
    return set(json.loads(done.stdout.splitlines()[-1]))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "rules").mkdir(parents=True)
    for path in (ROOT / "rules").glob("*.yaml"):
        (folder / "rules" / path.name).write_bytes(path.read_bytes())
    (folder / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["rules"]\n', encoding="utf-8")
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def test_a_warm_check_parses_no_yaml(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = loaded_after(["check", "one.txt"], project, cache)
    assert "yaml" in first  # the registry and the engine's data were parsed and cached
    warm = loaded_after(["check", "one.txt"], project, cache)
    assert "quotelint.quotes" in warm  # the document was analysed
    assert "yaml" not in warm
    assert "quotelint.yamlrules.backtrack" in first  # the rules' patterns were checked once...
    assert "quotelint.yamlrules.backtrack" not in warm  # ...and are not checked again
    assert "quotelint.claims.statements" in warm  # a sentence stating a claim was read...
    assert "quotelint.yamlrules.regextree" not in warm  # ...with the words its cue needs from the cache
    assert not warm & {"concurrent.futures", "multiprocessing", "signal"}  # one file: no pool
    assert "_hashlib" not in warm  # the cache key's BLAKE2b without loading OpenSSL
    assert "difflib" not in warm  # no "did you mean" asked for, no quotation near a registered one
    assert "shutil" not in warm  # the terminal's width read without it (terminal.columns)
    assert not warm & {"quotelint.writes", "tempfile"}  # printed, not written to a file
    assert "tomllib" in first and "tomllib" not in warm  # the settings kept from the first run (tomlcache.py)
    assert "quotelint.suppressions" not in warm  # no `quotelint:` comment to read


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_check_builds_no_dataclass(project: Path, tmp_path: Path, fmt: str) -> None:
    """The records a check makes are plain classes (quotelint/records.py): `dataclasses` would
    compile each generated method when imported and bring `inspect` (with `ast`, `dis` and
    `tokenize`), about 16 ms of a 120 ms check."""
    (project / "one.txt").write_text(ARTICLE + "President Tokayevv spoke.\n", encoding="utf-8")  # a finding to render
    cache = tmp_path / "cache"
    loaded_after(["check", "one.txt", "--format", fmt], project, cache)  # the registry cache is written
    warm = loaded_after(["check", "one.txt", "--format", fmt], project, cache)
    assert {"quotelint.finding", "quotelint.quotation", f"quotelint.formatters.{'jsonout' if fmt == 'json' else 'text'}"} <= warm
    assert not warm & {"dataclasses", "inspect"}


def test_only_a_folder_is_walked_with_the_exclude_globs(project: Path, tmp_path: Path) -> None:
    """Files named (as pre-commit names them) need no folder search: its module, with the
    exclude globs' class, is loaded for a folder only."""
    cache = tmp_path / "cache"
    assert "quotelint.commands.paths" in loaded_after(["check", "."], project, cache)
    assert "quotelint.commands.paths" not in loaded_after(["check", "one.txt"], project, cache)


def test_a_check_without_per_file_ignores_matches_no_glob(project: Path, tmp_path: Path) -> None:
    """fnmatch is imported only for per-file-ignores (an editable install loads it at start,
    with pathlib: here importing it fails, as a run that needed it would show)."""
    cache = tmp_path / "cache"
    code = "import sys\nsys.modules['fnmatch'] = None\nfrom quotelint.cli import main\nraise SystemExit(main(['check', 'one.txt']))\n"
    env = {**os.environ, "QUOTELINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    loaded_after(["check", "one.txt"], project, cache)  # the caches are written (with a temporary file: tempfile loads fnmatch)
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    (project / "pyproject.toml").write_text('[tool.quotelint]\nregistry = ["rules"]\nper-file-ignores = {"*.txt" = ["QL3"]}\n', encoding="utf-8")
    loaded_after(["check", "one.txt"], project, cache)
    done = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert "import of fnmatch halted" in done.stderr and "in ignored_for" in done.stderr  # with the globs it is needed


@pytest.mark.parametrize(
    ("text", "modules"),
    [
        # nothing near a registered name: rapidfuzz is imported only where a near miss is scored
        ("The council met on Tuesday and agreed to open the bridge in spring.\n", ("quotelint.checks.spelling_drift", "quotelint.checks.near_miss")),
        # a known misspelling of a name spelt one way has one fix, and an unknown capitalised word
        # with no registered word a few edits away has no candidate: neither is scored
        ("The council met at the Flathotel on Tuesday, and Zorblax said the bridge would open in spring.\n", ("quotelint.checks.spelling_drift",)),
        # an unregistered word in capitals is compared with the registry's acronyms letter by
        # letter (short_names.one_edit_apart)
        ("The QWZX board met on Tuesday and agreed to open the bridge in spring.\n", ("quotelint.checks.short_names",)),
    ],
    ids=["no-near-miss", "one-spelling", "capitals"],
)
def test_a_check_that_scores_no_candidate_loads_no_rapidfuzz(project: Path, tmp_path: Path, text: str, modules: tuple[str, ...]) -> None:
    (project / "one.txt").write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    loaded_after(["check", "one.txt"], project, cache)  # the registry cache is written
    warm = loaded_after(["check", "one.txt"], project, cache)
    assert all(m in warm for m in modules)
    assert not [m for m in warm if m.split(".")[0] == "rapidfuzz"]


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["rules"], ["rules", "--format", "json"], ["explain", "QL201"]])
def test_describing_rules_imports_no_analysis(project: Path, tmp_path: Path, args: list[str]) -> None:
    cache = tmp_path / "cache"
    loaded_after(["check", "one.txt"], project, cache)  # the registry cache is written
    loaded = loaded_after(args, project, cache)
    assert not [m for m in loaded if m.startswith(ANALYSIS)]


def test_importing_quotelint_compiles_no_pattern() -> None:
    """Every module of the package names its patterns with quotelint.lazyre: none is compiled
    before a run uses it."""
    code = (
        "import pkgutil, re, sys, regex, importlib\n"
        "import quotelint\n"
        "calls = []\n"
        "def counting(real):\n"
        "    def compile(pattern, *args, **kwargs):\n"
        "        caller = sys._getframe(1).f_globals.get('__name__', '')\n"
        "        if caller.startswith('quotelint'):\n"
        "            calls.append(f'{caller}: {str(pattern)[:40]}')\n"
        "        return real(pattern, *args, **kwargs)\n"
        "    return compile\n"
        "re.compile, regex.compile = counting(re.compile), counting(regex.compile)\n"
        "for info in pkgutil.walk_packages(quotelint.__path__, 'quotelint.'):\n"
        "    if '.devtools' not in info.name and not info.name.endswith('__main__'):\n"
        "        importlib.import_module(info.name)\n"
        "print('\\n'.join(calls))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == ""


def test_a_cached_claim_cue_is_compiled_on_first_use_as_at_load(tmp_path: Path) -> None:
    import regex

    from quotelint.claims.cues import compile_cue
    from quotelint.registry.load import load_registry
    from tests.integ_helpers import through_the_cache

    registry = load_registry([str(ROOT / "rules" / "claims.yaml")])
    cached = through_the_cache(registry, tmp_path / "cache")
    assert [c.id for c in cached.claims] == [c.id for c in registry.claims]
    for claim in cached.claims:
        assert not isinstance(claim.pattern, regex.Pattern)  # not compiled when the cache was read
        fresh = compile_cue(claim.cue)
        assert (claim.pattern.pattern, claim.pattern.flags) == (fresh.pattern, fresh.flags)


def test_a_cached_rule_pattern_is_compiled_on_first_use_as_at_load(tmp_path: Path) -> None:
    import regex

    from quotelint.registry.load import load_registry
    from tests.integ_helpers import through_the_cache

    registry = load_registry([str(ROOT / "rules" / "house.yaml")])
    cached = through_the_cache(registry, tmp_path / "cache")
    fresh = {r.id: r.check.keys.patterns for r in registry.rules}
    assert [r.id for r in cached.rules] == list(fresh)
    pairs = [(p, f) for r in cached.rules for p, f in zip(r.check.keys.patterns, fresh[r.id], strict=True)]
    assert pairs  # the house rules written as patterns
    for pattern, at_load in pairs:
        assert not isinstance(pattern, regex.Pattern)  # not compiled when the cache was read
        assert (pattern.pattern, pattern.flags) == (at_load.pattern, at_load.flags)


def test_a_cache_folder_with_uri_characters_is_read(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "odd ?#% folder"  # what an SQLite URI must escape
    loaded_after(["check", "one.txt"], project, cache)
    assert "yaml" not in loaded_after(["check", "one.txt"], project, cache)  # read from the cache


def test_the_program_leaves_its_objects_to_the_exit_uncollected(project: Path) -> None:
    """`quotelint` and `python -m quotelint` freeze what the run made (the interpreter's last
    full collection would walk it only to free it); `main`, which tests and other programs
    call, leaves the collector as it was."""
    code = (
        "import gc, sys\n"
        "from quotelint.cli import entry, main\n"
        "by_main = main(['check', 'one.txt'])\n"
        "after_main = gc.get_freeze_count()\n"
        "sys.argv[1:] = ['check', 'one.txt']\n"
        "code = entry()\n"
        "print(after_main, gc.get_freeze_count(), by_main, code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, timeout=120, check=True)
    after_main, after_entry, by_main, by_entry = map(int, done.stderr.split()[-4:])
    assert after_main == 0 and after_entry > 0
    assert by_entry == by_main


@pytest.mark.parametrize(
    ("load", "name"),
    [("quotelint.quotes.words:quote_words", "QuoteWords"), ("quotelint.claims.figuredata:figure_data", "FigureData"), ("quotelint.checks.title_words:title_words", "TitleWords")],
)
def test_the_engine_word_records_are_classes_with_slots_all_filled(load: str, name: str) -> None:
    """The records of the engine's word lists, one each per run, are classes with slots: as
    NamedTuples their fields cost every start of quotelint 15 microseconds each (typing compiles
    each field's annotation), 1.6 ms for these 102. Every slot is built."""
    import importlib

    module, function = load.split(":")
    record = getattr(importlib.import_module(module), function)()
    cls = type(record)
    assert cls.__name__ == name and not isinstance(record, tuple)
    assert [slot for slot in cls.__slots__ if not hasattr(record, slot)] == []


def test_a_record_class_with_slots_annotates_each_slot() -> None:
    """The one-off records (the engine's word lists, the text output's options, a YAML rule's
    options, ...) are classes with slots rather than NamedTuples, whose annotations typing
    compiles at import: each slot is annotated, for type checkers, and each annotation a slot."""
    import importlib
    import pkgutil

    import quotelint

    mismatched, records = [], 0
    for info in pkgutil.walk_packages(quotelint.__path__, "quotelint."):
        if ".devtools" in info.name or ".lsp" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if not isinstance(cls, type) or cls.__module__ != module.__name__ or issubclass(cls, tuple) or "__slots__" not in cls.__dict__:
                continue
            annotated = cls.__dict__.get("__annotations__", {})
            if annotated and cls.__slots__:  # a base with no slots of its own (records.Record) holds none
                records += 1
                if set(cls.__slots__) != set(annotated):
                    mismatched.append(f"{info.name}.{name}")
    assert records >= 7 and mismatched == []
