"""`quotelint server`: the language server, when its optional dependencies are installed.

pygls and lsprotocol come with the `lsp` extra (`pip install 'quotelint[lsp]'`); nothing else in
quotelint imports them, so the other commands start as fast without them.
"""

from __future__ import annotations

import argparse
import importlib.util

from quotelint.errors import UserError

EXTRA = "pip install 'quotelint[lsp]'"


def missing() -> list[str]:
    """The language server's dependencies that are not installed."""
    return [name for name in ("pygls", "lsprotocol") if importlib.util.find_spec(name) is None]


def run(args: argparse.Namespace) -> int:
    absent = missing()
    if absent:
        raise UserError(f"the language server needs {' and '.join(absent)}, which are not installed: {EXTRA}")
    if args.debounce is not None and not 0 <= args.debounce <= 10_000:
        raise UserError("--debounce takes milliseconds from 0 to 10000")
    from quotelint.lsp.server import serve

    serve(debounce=None if args.debounce is None else args.debounce / 1000)
    return 0
