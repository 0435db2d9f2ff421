"""YAML with line numbers: every mapping remembers where it and each of its keys stand.

PyYAML's C parser does the parsing where it is installed; only mapping and date construction
is ours, so that validation can name the file and line of every problem. PyYAML is imported
only when a file is parsed, so a run served from the registry cache never loads it.

Anchors and aliases are allowed, but not an alias "bomb": aliases of aliases that stand for
billions of values in a few lines. The parsed file is measured before any value is built, and
refused when its aliases add more than `ALIAS_BUDGET` values to what it writes out.
"""

from __future__ import annotations

import functools
from collections import Counter
from typing import Any

from quotelint.errors import UserError
from quotelint.files import MB, read_bytes

MAX_BYTES = 10 * MB  # a registry or settings file larger than this is refused
ALIAS_BUDGET = 100_000  # values that aliases may add to a file


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
    data = read_bytes(path, MAX_BYTES, setting=None)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"not valid UTF-8 at byte offset {exc.start}", path=path) from None
    import yaml

    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text:
            check_aliases(node)
        return loader.construct_document(node)
    except UserError as exc:
        raise UserError(str(exc), path=path, line=exc.line) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "malformed YAML"
        raise UserError(f"malformed YAML: {problem}", path=path, line=line) from None
    except (yaml.YAMLError, ValueError) as exc:
        raise UserError(f"malformed YAML: {exc}", path=path) from None
    except RecursionError:
        raise UserError("malformed YAML: nested too deeply", path=path) from None
    finally:
        loader.dispose()


def check_aliases(root: Any) -> None:
    """Refuse a file whose aliases stand for more than `ALIAS_BUDGET` values beyond those written,
    naming the line of the anchor that stands for the most. Walks the parsed nodes once, without
    recursion, each node however often it is aliased."""
    size: dict[int, int] = {}  # id of a node -> the values it stands for, aliases expanded
    nodes: dict[int, Any] = {}
    uses: Counter[int] = Counter()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            continue
        uses[key] += 1
        if key in size:
            continue
        if key in nodes:  # reached again before it was measured: it holds itself
            raise UserError("an alias stands inside the value of its own anchor", line=node.start_mark.line + 1)
        nodes[key] = node
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    if size[id(root)] - len(size) > ALIAS_BUDGET:
        worst = max((k for k in uses if uses[k] > 1), key=lambda k: size[k] * uses[k])
        raise UserError(
            f"aliases expand this file by more than {ALIAS_BUDGET:,} values: the anchor here stands for "
            f"{size[worst]:,} values and is used {uses[worst]} times; write the values out",
            line=nodes[worst].start_mark.line + 1,
        )


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, str):
        return []
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [n for pair in value for n in pair]
    return list(value)
