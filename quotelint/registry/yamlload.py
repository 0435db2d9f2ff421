"""YAML with line numbers: every mapping remembers where it and each of its keys stand.

PyYAML's C parser does the parsing where it is installed; only mapping and date construction
is ours, so that validation can name the file and line of every problem. PyYAML is imported
only when a file is parsed, so a run served from the registry cache never loads it.
"""

from __future__ import annotations

import functools
from typing import Any

from quotelint.errors import UserError


class Mapping(dict):  # type: ignore[type-arg]
    """A YAML mapping with the line of the mapping and of each key (1-based)."""

    __slots__ = ("line", "key_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


def _construct_mapping(loader: Any, node: Any) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping(node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        try:
            hash(key)
        except TypeError:
            raise UserError("a mapping key must be a plain value", line=line) from None
        if key in result:
            raise UserError(f"duplicate key {key!r}", line=line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_timestamp(loader: Any, node: Any) -> str:
    # Dates stay text; the schema parses them so that a bad one is reported, not raised.
    return str(loader.construct_scalar(node))


@functools.lru_cache(maxsize=1)
def _loader() -> type:
    """PyYAML's safe loader (the C one where installed) with our mapping and date constructors."""
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("LineLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
    return loader


def load_yaml(path: str) -> Any:
    """Parse one YAML file; problems become a UserError naming the file and line."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise UserError("no such file or directory", path=path) from None
    except OSError as exc:
        raise UserError(exc.strerror or str(exc), path=path) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"not valid UTF-8 at byte offset {exc.start}", path=path) from None
    import yaml

    try:
        return yaml.load(text, Loader=_loader())  # noqa: S506 - a safe loader
    except UserError as exc:
        raise UserError(str(exc), path=path, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise UserError(f"malformed YAML: {problem}", path=path, line=line) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise UserError(f"malformed YAML: {exc}", path=path) from None
