"""The language server (`quotelint server`): quotelint's findings in an editor, as the user types.

Only `quotelint/commands/server.py` imports this package, and only when the `server` command
runs: pygls and lsprotocol (the `lsp` extra) stay out of every other command. The modules:

- `positions`: code-point offsets to LSP positions (UTF-16 code units by default) and back;
- `project`: a workspace folder's settings and registry, loaded as the CLI loads them;
- `diagnostics`: findings as LSP diagnostics;
- `actions`: code actions (apply a fix, switch a rule off for a line, add a quote to the draft);
- `draft`: appending a registry entry to the draft file the settings name;
- `hover`: what quotelint knows about a quotation or a registered name;
- `server`: the pygls wiring (documents, debouncing, watched files, messages).
"""
