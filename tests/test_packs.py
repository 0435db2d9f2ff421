"""Rule packs: `extends:` files and folders, read first, each once, and kept in the cache key."""

from __future__ import annotations

import os
from pathlib import Path

from quotelint.registry.cache import files_and_key, load_cached
from quotelint.registry.load import load_registry, registry_files

RULE = "rules:\n  - id: {id}\n    kind: existence\n    tokens: [{word}]\n"


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_extended_files_and_folders_come_first_and_once(tmp_path: Path) -> None:
    base = write(tmp_path / "shared" / "base.yaml", RULE.format(id="shared/a", word="alpha"))
    extra = write(tmp_path / "shared" / "more" / "b.yaml", RULE.format(id="shared/b", word="beta"))
    pack = write(tmp_path / "pack.yaml", "extends: [shared/base.yaml, shared/more]\n" + RULE.format(id="pack/c", word="gamma"))
    other = write(tmp_path / "other.yaml", "extends: shared/base.yaml\n")
    assert registry_files([pack, other, base]) == [base, extra, pack, other]
    assert [r.id for r in load_registry([pack, other]).rules] == ["shared/a", "shared/b", "pack/c"]


def test_lexicon_of_the_extending_file_applies_last(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "lexicon:\n  honorifics: {add: [Cllr]}\n")
    pack = write(tmp_path / "pack.yaml", "extends: base.yaml\nlexicon:\n  honorifics: {remove: [Cllr]}\n")
    assert "Cllr" not in load_registry([pack]).words.honorifics


def test_a_change_to_an_extended_file_is_a_new_cache(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("QUOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("QUOTELINT_NO_CACHE", raising=False)
    base = write(tmp_path / "base.yaml", RULE.format(id="shared/a", word="alpha"))
    pack = write(tmp_path / "pack.yaml", "extends: base.yaml\n")
    before = files_and_key([pack])[1]
    assert [r.id for r in load_cached([pack]).rules] == ["shared/a"]
    write(tmp_path / "base.yaml", RULE.format(id="shared/z", word="omega"))
    os.utime(base, ns=(1, 1))  # a different modification time, whatever the clock's resolution
    assert files_and_key([pack])[1] != before
    assert [r.id for r in load_cached([pack]).rules] == ["shared/z"]
