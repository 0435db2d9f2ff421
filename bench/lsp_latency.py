"""Latency and memory of `quotelint server` on a 5 KB article, driven as an editor drives it.

    python bench/lsp_latency.py                  # debounce 0 and 100 ms, 1,000 edits
    python bench/lsp_latency.py --edits 200 --debounce 0 100 250

The server runs as a subprocess (`python -m quotelint server --debounce MS`) in a temporary
workspace whose settings name the project's registry (rules/). The article is made-up prose of
about 5 KB that names registered people, quotes them and misspells a name. Each edit is one
didChange (a word typed, then removed, alternately) and waits for the diagnostics of its version.
Printed per debounce: the median and 90th percentile of the time from didChange to
publishDiagnostics (wall clock, so noisy on a loaded machine; the debounce is part of it, and
`minus debounce` subtracts it), the server's CPU time per edit (user + system, from
/proc/PID/stat: steadier under load), and the server's resident memory (VmRSS) after 10, 100,
250, 500, 1,000 ... edits and after the last.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
CHECKPOINTS = (10, 100, 250, 500, 1000, 2000, 5000)  # edits after which the server's memory is read
PARAGRAPHS = [
    "The council of the port district met on Tuesday to weigh {n} proposals for the new ferry quay, and most members said the budget was tight.",
    '"We have listened to every fisherman on the pier and we will answer them by spring," Tokayev told the meeting, according to {n} people present.',
    "Several residents asked why the night buses stop at the old market; the transport office promised a reply within {n} days.",
    "Tokyev was named in a leaflet handed out at the gate, which the organisers later withdrew with an apology.",
    "Analysts expect the harbour levy to rise by {n} percent next year, although the finance committee has not published its figures.",
]


def article(size: int = 5_000) -> str:
    out, n = ["# Port district news", ""], 3
    while sum(len(p) + 2 for p in out) < size:
        out += [PARAGRAPHS[n % len(PARAGRAPHS)].format(n=n), ""]
        n += 1
    return "\n".join(out)


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def run(debounce_ms: float, edits: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="quotelint-lsp-bench-"))
    (folder / ".quotelint.yaml").write_text(f"registry: [{ROOT / 'rules'}]\n", encoding="utf-8")
    text = article()
    path = folder / "story.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client = LanguageClient("lsp-bench", "1")
    arrived: dict[int, float] = {}
    count: list[int] = [0]  # diagnostics of the last publication
    waiting: dict[int, asyncio.Future[None]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived.setdefault(params.version, time.perf_counter())
            count[0] = len(params.diagnostics)
            future = waiting.pop(params.version, None)
            if future is not None and not future.done():
                future.set_result(None)

    @client.feature(types.WINDOW_SHOW_MESSAGE)
    def message(params: types.ShowMessageParams) -> None:
        print(f"server: {params.message}", file=sys.stderr)

    await client.start_io(sys.executable, "-m", "quotelint", "server", "--debounce", str(debounce_ms), cwd=str(ROOT))
    pid = client._server.pid  # type: ignore[union-attr]
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri(), workspace_folders=[types.WorkspaceFolder(folder.as_uri(), "bench")]))
    client.initialized(types.InitializedParams())

    async def send(version: int, change: types.TextDocumentContentChangeEvent | None) -> float:
        waiting[version] = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        if change is None:
            client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", version, text)))
        else:
            client.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(version=version, uri=uri), [change]))
        await asyncio.wait_for(waiting[version], 60)
        return arrived[version] - start

    await send(1, None)
    line = text.count("\n") // 2  # an edit in the middle of the article
    here = types.Position(line, 0)
    latencies: list[float] = []
    rss: dict[int, float] = {}
    cpu_start = cpu_seconds(pid)
    for k in range(edits):
        if k % 2 == 0:
            change = types.TextDocumentContentChangePartial(types.Range(here, here), "Word ")
        else:
            change = types.TextDocumentContentChangePartial(types.Range(here, types.Position(line, 5)), "")
        latencies.append(await send(k + 2, change))
        if k + 1 in CHECKPOINTS:
            rss[k + 1] = rss_kb(pid) / 1024
    cpu = cpu_seconds(pid) - cpu_start
    rss[edits] = rss_kb(pid) / 1024
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    latencies.sort()
    return {
        "median": statistics.median(latencies) * 1000,
        "p90": latencies[int(len(latencies) * 0.9) - 1] * 1000,
        "cpu": cpu / edits * 1000,
        "rss": rss,
        "diagnostics": count[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--debounce", type=float, nargs="+", default=[0, 100], metavar="MS")
    args = parser.parse_args()
    print(f"article: {len(article().encode('utf-8'))} bytes; {args.edits} edits per run")
    print("debounce ms | median ms | minus debounce | p90 ms | server CPU ms/edit | diagnostics | server RSS MB after N edits")
    for debounce in args.debounce:
        r = asyncio.run(run(debounce, args.edits))
        memory = ", ".join(f"{n}: {mb:.1f}" for n, mb in sorted(r["rss"].items()))
        print(f"{debounce:11g} | {r['median']:9.1f} | {r['median'] - debounce:14.1f} | {r['p90']:6.1f} | {r['cpu']:18.1f} | {r['diagnostics']:11} | {memory}")


if __name__ == "__main__":
    main()
