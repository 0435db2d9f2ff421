"""Output formats: one module each, pure functions from findings to text."""
