"""How sure an attribution is, from how its speaker was found.

- high: the speaker is named in the quotation's own sentence, with a reporting verb or a colon
  (`"...," said Ned Price`, `Price said: "..."`), or on the dash line under a pull quote;
- medium: the speaker is carried over from another quotation or sentence (`"...," he added` in
  the next paragraph, a quotation paragraph going on), or stands behind a pronoun or a
  description (`she said`, `the legislator said`);
- low: a guess, with no reporting verb at all (the subject of the quotation's sentence).

QL101 (misattribution) follows it: an error at high, a warning at medium, nothing at low.
"""

from __future__ import annotations

IN_SENTENCE = frozenset({"after", "before", "cue", "later", "colon", "dash"})
CARRIED = frozenset({"previous", "paragraph", "said", "echo", "outer", "part", "answer"})
HIGH, MEDIUM, LOW = "high", "medium", "low"


def stands_for(cand_kind: str | None, bare: bool = False) -> bool:
    """A candidate that stands for a speaker rather than naming one: a pronoun, a title noun, a
    description, or a body noun with nothing but a determiner (`the ministry`)."""
    return cand_kind in ("pronoun", "title", "description") or (cand_kind == "body" and bare)


def confidence(method: str, cand_kind: str | None, bare: bool = False) -> str:
    """The confidence of an attribution found by `method` from a candidate of `cand_kind`."""
    if method in IN_SENTENCE:
        return MEDIUM if stands_for(cand_kind, bare) else HIGH
    if method in CARRIED:
        return MEDIUM
    return LOW
