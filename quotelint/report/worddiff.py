"""Word-level comparison of a quote as printed with its registered wording.

Both wordings are split at whitespace and compared word by word with difflib. Two words are
the same when they differ only in case, in the punctuation around them or in the style of their
apostrophes, so a changed comma or a capital after an ellipsis does not light up; what is
marked is a word one side has and the other lacks.
"""

from __future__ import annotations

import difflib

from quotelint.lazyre import lazy
from quotelint.report.model import Segment

_WORD = lazy(r"\S+")
_EDGE_PUNCT = lazy(r"^[\p{P}\p{S}]++|(?<=\w)[\p{P}\p{S}]++$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def _key(word: str) -> str:
    bare = _EDGE_PUNCT.sub("", word.translate(_APOSTROPHES))
    if not bare:  # an ellipsis, a dash: compared as written, three dots as one ellipsis
        return word.replace("...", "…")
    return bare.casefold()


def compare(quoted: str, registered: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Both wordings as segments, each word the other lacks marked `changed`."""
    left = _WORD.findall(quoted)
    right = _WORD.findall(registered)
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in left], [_key(w) for w in right], autojunk=False)
    left_marks = [True] * len(left)
    right_marks = [True] * len(right)
    for a, b, size in matcher.get_matching_blocks():
        left_marks[a : a + size] = [False] * size
        right_marks[b : b + size] = [False] * size
    return _segments(left, left_marks), _segments(right, right_marks)


def _segments(words: list[str], changed: list[bool]) -> tuple[Segment, ...]:
    """Words joined by single spaces, adjacent words of the same kind merged into one segment.

    The space between two segments goes with the unchanged side, so a marked run never
    starts or ends with a space.
    """
    out: list[Segment] = []
    for word, mark in zip(words, changed, strict=True):
        if not out:
            out.append(Segment(word, mark))
        elif out[-1].changed == mark:
            out[-1] = Segment(out[-1].text + " " + word, mark)
        elif mark:  # unchanged, then changed: the space stays with the unchanged run
            out[-1] = Segment(out[-1].text + " ", False)
            out.append(Segment(word, True))
        else:  # changed, then unchanged
            out.append(Segment(" " + word, False))
    return tuple(out)
