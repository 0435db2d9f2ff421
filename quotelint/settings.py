"""Settings: `[tool.quotelint]` in the nearest pyproject.toml, else `.quotelint.yaml`.

Paths in settings are relative to the settings file. Unknown keys are an error.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any, NamedTuple

from quotelint.errors import UserError, close_matches
from quotelint.files import DEFAULT_LIMIT, MB
from quotelint.finding import Severity

KEYS = (
    "registry",
    "registry-required",
    "select",
    "extend-select",
    "ignore",
    "fail-on",
    "per-file-ignores",
    "severity",
    "exclude",
    "extend-exclude",
    "baseline",
    "date",
    "max-file-size",
    "jobs",
    "draft",
)
# Folders never searched unless `exclude` replaces this list; hidden files and folders are skipped anyway.
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__", "site-packages", "_build")


class Settings(NamedTuple):
    registry: tuple[str, ...] = ()
    registry_required: bool = False  # no registry configured is an error, not a warning
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, selectors)
    severity: tuple[tuple[str, Severity], ...] = ()  # (selector, severity) overrides
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE  # globs of files and folders a folder search skips
    extend_exclude: tuple[str, ...] = ()
    baseline: str | None = None
    date: dt.date | None = None  # titles are judged at this date, whatever the documents say
    max_file_size: int | None = DEFAULT_LIMIT  # bytes; a larger input file is reported and skipped
    jobs: int | None = None  # processes that lint a folder; None: auto (every core, one for a small run)
    draft: str | None = None  # the file the language server's "add to registry draft" appends to
    source: str | None = None  # the settings file, if any
    root: str = "."  # folder the settings file stands in; per-file-ignores and excludes are relative to it
    lines: tuple[tuple[str, int], ...] = ()  # (key, line) where the settings file gives the line

    def line_of(self, key: str) -> int | None:
        return dict(self.lines).get(key)

    def with_cli(self, **changes: Any) -> Settings:
        return self._replace(**{k: v for k, v in changes.items() if v is not None})


def find_settings(start: str = ".") -> str | None:
    """The nearest pyproject.toml with [tool.quotelint], or .quotelint.yaml, from start upwards."""
    folder = os.path.abspath(start)
    while True:
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_section(pyproject):
            return pyproject
        for name in (".quotelint.yaml", ".quotelint.yml"):
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_section(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            return b"[tool.quotelint" in fh.read()
    except OSError:
        return False


def load_settings(path: str | None, use_cache: bool = True) -> Settings:
    """The settings of a file (.quotelint.yaml, or the [tool.quotelint] table of a TOML file,
    kept in the cache folder while the file is unchanged unless `use_cache` is false: tomlcache.py)."""
    if path is None:
        return Settings()
    if not os.path.isfile(path):
        raise UserError("settings file not found", path=path)
    if path.endswith(".toml"):
        data = _read_toml(path, use_cache and not os.environ.get("QUOTELINT_NO_CACHE"))
    else:
        from quotelint.registry.yamlload import load_yaml

        data = load_yaml(path) or {}
    if not isinstance(data, dict):
        raise UserError("settings must be a mapping", path=path)
    return parse_settings(data, path)


def _read_toml(path: str, use_cache: bool = True) -> dict[str, Any]:
    from quotelint import tomlcache

    with open(path, "rb") as fh:
        data = fh.read()
    section = tomlcache.kept(data) if use_cache else None
    if section is None:
        section = _parse_toml(data, path)
        if use_cache:
            tomlcache.keep(data, section)
    return section


def _parse_toml(data: bytes, path: str) -> dict[str, Any]:
    import tomllib

    try:
        doc = tomllib.loads(data.decode())
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"malformed TOML: {exc}", path=path) from None
    tool = doc.get("tool", {})
    section = tool.get("quotelint", {}) if isinstance(tool, dict) else {}  # `tool = 1`: no [tool.quotelint]
    if not isinstance(section, dict):
        raise UserError("[tool.quotelint] must be a table", path=path)
    return section


def _list(value: Any, key: str, path: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise UserError(f"setting {key!r} must be a list of text", path=path)


def setting_date(value: Any) -> dt.date:
    """A date as YAML and TOML give it (a date, or text such as `today`)."""
    from quotelint.docdate import parse_date

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value)
    raise ValueError("must be a date (YYYY-MM-DD) or today")


def _megabytes(value: Any, path: str, line: int | None) -> int | None:
    """A size in MB (2**20 bytes) as bytes; 0 for no limit."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 2**20:
        raise UserError("setting 'max-file-size' must be a number of megabytes (0 for no limit)", path=path, line=line)
    return None if value == 0 else max(1, int(value * MB))


def parse_jobs(value: Any) -> int | None:
    """A number of processes (1 or more; digits as text too), or None for `auto`."""
    if value == "auto":
        return None
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"must be a number of processes (1 or more) or auto, not {value!r}")
    return value


def parse_settings(data: dict[str, Any], path: str) -> Settings:
    root = os.path.dirname(os.path.abspath(path))
    lines = getattr(data, "key_lines", {})
    values: dict[str, Any] = {"source": path, "root": root, "lines": tuple((str(k), v) for k, v in lines.items())}
    for key, value in data.items():
        line = lines.get(key)
        if key not in KEYS:
            hint = close_matches(str(key), KEYS)
            more = f" (did you mean {hint[0]!r}?)" if hint else f"; known settings: {', '.join(KEYS)}"
            raise UserError(f"unknown setting {key!r}{more}", path=path, line=line)
        try:
            if key == "registry":
                values["registry"] = tuple(os.path.join(root, p) for p in _list(value, key, path))
            elif key in ("select", "extend-select", "ignore", "exclude", "extend-exclude"):
                values[key.replace("-", "_")] = _list(value, key, path)
            elif key == "registry-required":
                if not isinstance(value, bool):
                    raise UserError("setting 'registry-required' must be true or false", path=path, line=line)
                values["registry_required"] = value
            elif key == "fail-on":
                values["fail_on"] = Severity.parse(str(value))
            elif key == "date":
                values["date"] = setting_date(value)
            elif key == "max-file-size":
                values["max_file_size"] = _megabytes(value, path, line)
            elif key == "jobs":
                values["jobs"] = parse_jobs(value)
            elif key in ("baseline", "draft"):
                values[key] = os.path.join(root, str(value))
            elif key == "per-file-ignores":
                if not isinstance(value, dict):
                    raise UserError("setting 'per-file-ignores' must map globs to rule lists", path=path, line=line)
                values["per_file_ignores"] = tuple((g, _list(v, key, path)) for g, v in value.items())
            elif key == "severity":
                if not isinstance(value, dict):
                    raise UserError("setting 'severity' must map rules to error, warning or info", path=path, line=line)
                values["severity"] = tuple((s, Severity.parse(str(v))) for s, v in value.items())
        except ValueError as exc:
            raise UserError(f"setting {key!r}: {exc}", path=path, line=line) from None
    return Settings(**values)
