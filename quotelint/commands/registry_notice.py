"""A run with no registry to check against says so: once, on standard error, or as exit 2.

Without a registry only the checks that need none run (quotation marks, figures at odds within
an article, YAML rules), so a misspelled name or a misattributed quote passes. That must never
look like a clean bill: the run warns, and with `registry-required` (settings) or
`--registry-required` it stops with exit 2. Standard output stays clean for JSON and SARIF.
"""

from __future__ import annotations

import argparse

from quotelint.errors import UserError, warn
from quotelint.registry import Registry
from quotelint.settings import Settings
from quotelint.visible import visible

HOW = "set `registry` in [tool.quotelint] of pyproject.toml or in .quotelint.yaml, or pass --registry PATH (see docs/cli.md)"
UNCHECKED = "names, quotations, titles and figures were not checked against one"


def is_empty(registry: Registry) -> bool:
    return not (registry.entities or registry.quotes or registry.claims or registry.rules)


def problem(args: argparse.Namespace, settings: Settings, registry: Registry) -> str | None:
    """What is wrong with the run's registry, or None when there is one with entries."""
    paths = tuple(getattr(args, "registry", None) or ()) or settings.registry
    if not paths:
        return "no registry configured"
    if is_empty(registry):
        return f"the registry ({', '.join(visible(p) for p in paths)}) holds no entries"
    return None


def registry_notice(args: argparse.Namespace, settings: Settings, registry: Registry) -> None:
    """Warn, or raise when a registry is required, if the run has nothing to check against."""
    wrong = problem(args, settings, registry)
    if wrong is None:
        return
    if settings.registry_required:
        origin = "--registry-required" if getattr(args, "registry_required", None) else f"registry-required in {settings.source}"
        raise UserError(f"{wrong}, and one is required ({origin})\n{HOW}")
    if not getattr(args, "quiet", False):
        warn(f"warning: {wrong}: {UNCHECKED}\n{HOW}")
