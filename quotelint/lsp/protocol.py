"""pygls's protocol, less a leak: the server handles a notification (didChange, didOpen, ...)
through a future that pygls 2.1 files under a random message id and never removes, since
nobody answers a notification. A server that lives for a day of typing would keep every one
(about 2 KB an edit, bench/lsp_latency.py); here each is dropped once it is done."""

from __future__ import annotations

from typing import Any

from pygls.protocol import LanguageServerProtocol


class Protocol(LanguageServerProtocol):
    def _handle_notification(self, method_name: str, params: Any) -> None:
        before = set(self._request_futures)
        super()._handle_notification(method_name, params)
        for key in set(self._request_futures) - before:
            future = self._request_futures[key]
            if future.done():
                del self._request_futures[key]
            else:
                future.add_done_callback(lambda _done, key=key: self._request_futures.pop(key, None))
