"""One `python -m quotelint` process run from the repository, measured from its own rusage."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_quotelint(args: list[str], env: dict[str, str]) -> tuple[float, resource.struct_rusage]:
    """Wall seconds and the child's rusage (CPU time, peak memory) of one run; exits with the
    first lines of its standard error when it fails (exit code above 1)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "quotelint", *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode > 1:
        sys.exit(f"quotelint {' '.join(args[:2])} failed ({proc.returncode}): {err[:500]}")
    return elapsed, usage
