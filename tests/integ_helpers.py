"""What the integration tests share: a small registry written to a temporary folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quotelint.registry import Registry
from quotelint.registry.load import load_registry

ROOT = Path(__file__).resolve().parent.parent

REGISTRY_YAML = """\
organizations:
  - id: odihr
    name: Office for Democratic Institutions and Human Rights
    aliases: [ODIHR, OSCE/ODIHR]
    misspellings: [ODHIR]
  - id: eaeu
    name: Eurasian Economic Union
    aliases: [EAEU, EEU]
people:
  - id: kassym-jomart-tokayev
    name: Kassym-Jomart Tokayev
    aliases: [Tokayev]
    misspellings: [Tokaev]
"""


def write_registry(folder: Path) -> Path:
    path = folder / "registry.yaml"
    path.write_text(REGISTRY_YAML, encoding="utf-8")
    return path


def registry(folder: Path) -> Registry:
    return load_registry([str(write_registry(folder))])



GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Test Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    """Run git in a test repository, with an identity and no system or user configuration."""
    import os
    import subprocess

    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    proc = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return proc.stdout


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    return repo


def runner_commands(log: str) -> list[str]:
    """The workflow commands a runner would carry out in a log, as GitHub documents them:
    a line that starts with `::`, unless `::stop-commands::TOKEN` came before `::TOKEN::`."""
    done, stopped = [], None
    for line in log.splitlines():
        if stopped is not None:
            if line == f"::{stopped}::":
                stopped = None
            continue
        if line.startswith("::stop-commands::"):
            stopped = line.removeprefix("::stop-commands::")
        elif line.startswith("::"):
            done.append(line)
    return done



def through_the_cache(registry: Registry, folder: Path) -> Registry:
    """The registry as a later run reads it back from the registry cache (written first)."""
    import os

    from quotelint.registry.cache import load_cached

    before = {k: os.environ.get(k) for k in ("QUOTELINT_CACHE_DIR", "QUOTELINT_NO_CACHE")}
    os.environ["QUOTELINT_CACHE_DIR"] = str(folder)
    os.environ.pop("QUOTELINT_NO_CACHE", None)
    try:
        load_cached(list(registry.files))
        copy = load_cached(list(registry.files))
    finally:
        for k, v in before.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    assert copy.built is not None, "not read from the cache"
    return copy


def counted_queries(monkeypatch: Any) -> tuple[list[tuple[str, str]], list[str]]:
    """The registry cache's queries from now on, as they are made: (table, key) of each query of
    one key, and the table of each query of several."""
    from quotelint.registry.store import Store

    one: list[tuple[str, str]] = []
    many: list[str] = []
    get, rows_of = Store.get, Store.many
    monkeypatch.setattr(Store, "get", lambda store, table, key: one.append((table, key)) or get(store, table, key))
    monkeypatch.setattr(Store, "many", lambda store, table, keys: many.append(table) or rows_of(store, table, keys))
    return one, many


def project_registry_cached(folder: Path) -> tuple[Registry, Registry]:
    """The project's registry (rules/) read from its YAML, and as a later run reads it back from
    the registry cache in `folder`."""
    registry = load_registry([str(ROOT / "rules")])
    return registry, through_the_cache(registry, folder)
