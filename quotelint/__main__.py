from quotelint.cli import entry

raise SystemExit(entry())
