"""quotelint: check quotations, attributions, names and figures in prose."""

__version__ = "0.1.0"
