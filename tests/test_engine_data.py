"""The engine's own data files read as their authors wrote them: a word is never a boolean or a date."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from quotelint import enginedata
from quotelint.lexicon import default_lexicon

DATA = Path(enginedata.DATA)
PACKAGE = DATA.parent
ENGINE_FILES = sorted(p.name for p in DATA.glob("*.yaml") if p.name != "examples.yaml")  # examples.yaml is a registry


def test_every_engine_data_file_is_found() -> None:
    assert ENGINE_FILES == ["draft.yaml", "figures.yaml", "lexicon.yaml", "quotes.yaml", "titles.yaml"]


def test_engine_data_is_read_only_through_the_engine_loader() -> None:
    # Registry files have their own line-aware loader; devtools build data, they do not read it.
    own = {PACKAGE / "enginedata.py", PACKAGE / "registry" / "yamlload.py"}
    readers = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in own and "devtools" not in path.parts and re.search(r"yaml\.(?:safe_)?load\(", path.read_text(encoding="utf-8"))
    ]
    assert readers == []


@pytest.mark.parametrize("name", ENGINE_FILES)
def test_every_list_item_and_key_of_the_engine_data_is_text(name: str) -> None:
    assert enginedata.not_text(enginedata.load(name)) is None


def test_the_name_connectors_are_words() -> None:
    # YAML 1.1 read `on` in `name_connectors: [of, for, on, ...]` as True, so the list held True.
    connectors = default_lexicon().name_connectors
    assert {"y", "de", "of"} <= connectors
    assert all(isinstance(w, str) for w in connectors)


@pytest.mark.parametrize("word", ["on", "off", "On", "OFF", "yes", "no", "Yes", "NO", "y", "n", "2024-05-01", "10:30", "1_000"])
def test_yaml_1_1_booleans_dates_and_sexagesimals_stay_text(word: str) -> None:
    assert yaml.load(f"[{word}]", Loader=enginedata._loader()) == [word]  # noqa: S506 - a safe loader


def test_numbers_and_true_false_keep_their_meaning() -> None:
    loaded = yaml.load("{a: 12, b: 1.0e6, c: 0.05, d: true, e: false, f: -3}", Loader=enginedata._loader())  # noqa: S506
    assert loaded == {"a": 12, "b": 1.0e6, "c": 0.05, "d": True, "e": False, "f": -3}


def test_an_item_that_is_no_text_is_named() -> None:
    assert enginedata.not_text({"words": ["of", 7]}) == "words[1] (7)"
    assert enginedata.not_text({"map": {3: "x"}}) == "the key 3 in map"
    assert enginedata.not_text({"rows": [{"stem": 2, "ends": ["ise", None]}]}) == "rows[0]/ends[1] (None)"


scalars = st.one_of(st.text(max_size=3), st.integers(), st.floats(allow_nan=False), st.booleans(), st.none())
nested = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=3), st.integers()), inner, max_size=4)), max_leaves=12)


@given(nested)
def test_the_quick_test_of_text_agrees_with_the_walk_item_by_item(data: object) -> None:
    # all_text (sets of types, for the cache's data on every run) and first_not_text (which
    # names the place) must judge alike, or a cache could hold what YAML never gives.
    assert enginedata.all_text(data) == (enginedata.first_not_text(data) is None)
    assert enginedata.not_text(data) == enginedata.first_not_text(data)
