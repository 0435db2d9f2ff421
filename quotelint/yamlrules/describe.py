"""The documentation `quotelint rules` and `quotelint explain` show for a rule written in YAML."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotelint.yamlrules.kinds import Options

_LISTED = 6  # words shown in a one-line summary before "..."
SCOPE_TEXT = {
    "prose": "all prose",
    "outside-quotes": "prose outside quotation marks",
    "quotes": "the text of quotations",
    "speech": "the text of speech quotations",
    "term": "the text of quoted terms, titles and scare quotes",
    "attribution": "the attributions of quotations (the speaker as named)",
}


def _shown(values: list[str]) -> str:
    more = ", ..." if len(values) > _LISTED else ""
    return ", ".join(values[:_LISTED]) + more


def _variant(v: Any) -> str:
    return str(v.get("pattern")) if isinstance(v, dict) else str(v)


def _sentences(description: Any) -> tuple[str, str]:
    """A description's first sentence (the summary) and the rest, each on one line."""
    if not isinstance(description, str):
        return "", ""
    text = " ".join(description.split())
    first, sep, rest = text.partition(". ")
    return (first + "." if sep else first), rest


def summary_of(item: Any, kind: str) -> str:
    """One line: the description's first line, else what the rule looks for."""
    first, _ = _sentences(item.get("description"))
    if first:
        return first.rstrip(".")
    body = item.get({"substitution": "swap", "existence": "tokens", "consistency": "groups"}[kind])
    if kind == "substitution" and isinstance(body, dict):
        return "Write " + _shown([f"{r} for {w}" for w, r in body.items()])
    if kind == "existence":
        words = body if isinstance(body, list) else [body]
        return "Avoid " + _shown([str(w) for w in words])
    groups = body if isinstance(body, list) else []
    return "One spelling per document of " + "; ".join(" / ".join(_variant(v) for v in g) for g in groups if isinstance(g, list))


def describe(item: Any, kind: str, options: Options) -> str:
    """The rule's documentation in the sections built-in rules use."""
    description = item.get("description")
    what = {
        "substitution": "Flags each wrong spelling and offers the right one as the fix.",
        "existence": "Flags words or patterns that must not appear.",
        "consistency": "Flags a variant when another variant of the same group was used earlier in the document; "
        "the first variant used wins.",
    }[kind]
    lines = ["## What it does"]
    if isinstance(description, str) and description.strip():
        lines.append(" ".join(description.split()))
    lines += [what, ""]
    lines += ["## Options", f"- kind: {kind}; looks in {SCOPE_TEXT[options.scope]}"]
    lines.append(f"- {'patterns (regex)' if item.get('regex') else 'whole words and phrases'}; case {'ignored' if options.ignorecase else 'matters'}")
    if kind != "existence":
        lines.append(f"- replacements {'keep the case of the text they replace' if options.keep_case else 'are written as given'}")
        lines.append(f"- inside speech quotations: {'fixed' if options.fix_in_quotes else 'reported, never fixed'}")
    lines.append(f"- inside names: {'left to the registry' if options.skip_names else 'checked'}")
    if options.exceptions:
        lines.append(f"- exceptions: {', '.join(sorted(options.exceptions))}")
    body = item.get({"substitution": "swap", "existence": "tokens", "consistency": "groups"}[kind])
    if kind == "substitution" and isinstance(body, dict):
        lines += ["", "## Swaps", *(f"- {w} -> {r}" for w, r in body.items())]
    elif kind == "consistency" and isinstance(body, list):
        lines += ["", "## Groups", *(f"- {' / '.join(_variant(v) for v in g)}" for g in body if isinstance(g, list))]
    elif kind == "existence":
        lines += ["", "## Looks for", *(f"- {w}" for w in (body if isinstance(body, list) else [body]))]
    lines += ["", f"Defined in {options.where}."]
    if item.get("link"):
        lines.append(f"More: {item['link']}")
    return "\n".join(lines)
