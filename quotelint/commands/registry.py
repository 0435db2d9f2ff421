"""`quotelint registry check` and `quotelint registry draft`."""

from __future__ import annotations

import argparse
import sys

from quotelint.commands.common import settings_from
from quotelint.errors import UserError
from quotelint.registry.load import load_registry


def run_check(args: argparse.Namespace) -> int:
    paths = list(args.paths) or list(settings_from(args).registry)
    if not paths:
        raise UserError("no registry given: name files or folders, or set `registry` in the settings")
    registry = load_registry(paths)  # raises RegistryErrors, which main() prints with file and line
    counts = registry.sizes()
    listed = ", ".join(f"{n} {k}" for k, n in counts.items())
    print(f"{len(registry.files)} registry file{'s' * (len(registry.files) != 1)} valid: {listed}", file=sys.stderr)
    return 0


def run_draft(args: argparse.Namespace) -> int:
    from quotelint.draft import run_draft as draft

    return draft(args)
