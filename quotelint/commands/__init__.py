"""One module per command; each `run(args) -> int` reads, calls the core, renders, and returns the exit code."""
