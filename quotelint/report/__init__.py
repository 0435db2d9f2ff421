"""The corpus report: `build` turns linted documents into the `model`; one module renders each format.

text (80-column terminal), markdown (GitHub), html (one self-contained page), jsonout (version 1).
"""
