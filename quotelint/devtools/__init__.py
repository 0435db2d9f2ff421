"""Tools for developing quotelint itself: measuring against hand-labelled gold files."""
