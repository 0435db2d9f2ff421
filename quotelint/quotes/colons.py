"""Who said a quotation joined to its sentence by a colon, with no reporting verb.

- a person named right before the colon (`The surge does not surprise pollster Dana Shaw: "..."`);
- else the sentence's subject before a colon, whatever its verb: `Hughes was blunt: "..."`,
  `her granddaughter Kayla Brannigan, 29, read a tribute: "..."`, a body's statement
  (`A police statement read: "..."`) (also a paragraph ending with
  the colon, see `carryover.py`);
- a headline or standfirst opening a line: `"...": Amara Lindqvist on her debut`, a person's
  name or a registered entity only.

This tells who, not whether the words are speech.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotelint import knowledge
from quotelint.names import END, START, TEXT
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN
from quotelint.quotes.saidby import POSSESSIVE
from quotelint.quotes.speakers import Candidate, Speaker

if TYPE_CHECKING:
    from collections.abc import Iterator

    from quotelint.quotes.attribution import Attributor
    from quotelint.quotes.frames import Frame

REACH = 60  # items looked at, at most, for the sentence's subject
SOURCE_REACH = 5  # items looked at, at most, for a body's statement: A police statement read


def stands_for_nobody(cand: Candidate, speaker: Speaker) -> bool:
    """A bare noun that stands for nobody named: `the post`, `the company` with no company before."""
    return cand.bare and speaker.entity_id is None and speaker.name.lower() == cand.name.lower().split(" ", 1)[-1]


def colon_subject(at: Attributor, frame: Frame, a: int, k: int) -> tuple[Candidate, Speaker] | None:
    """The subject of the sentence in items a..k-1, which ends with a colon: its first subject,
    else a person named in it; a noun that stands for nobody (`The post read:`) is none."""
    cand = at.subjects.first_subject(frame, a, k, owned=True) or _described(at, frame, a, min(k, a + REACH)) or _source(at, frame, a, k) or somebody(at, frame, a, k)
    if cand is None or cand.kind not in ("person", "organization", "name", "body", "pronoun", "description", "title"):
        return None
    speaker = at.resolve(cand)
    if speaker is None or stands_for_nobody(cand, speaker):
        return None
    return cand, speaker


def _described(at: Attributor, frame: Frame, a: int, k: int) -> Candidate | None:
    """A person named in the sentence's first chunk that is no adverbial, after a description:
    `her granddaughter Kayla Brannigan`; not a name further on (`The report, written by X`)."""
    for i, end in _open_chunks(at, frame, a, k):
        return at.subjects._best(frame, i, end, people_only=True)
    return None


def somebody(at: Attributor, frame: Frame, a: int, k: int) -> Candidate | None:
    """Somebody described, nobody named, as the subject of the sentence's first chunk that is
    no adverbial: `Asked about the deficit, the premier shrugged:`; not a thing (`The report
    had one conclusion:`)."""
    for i, end in _open_chunks(at, frame, a, k):
        cand = at.subjects.describe_after(frame, i, end)
        if cand is not None or not at._word(frame, i).lower().endswith(("ed", "ing")):
            return _to_the_person(at, cand) if cand is not None else None
        # else past a participle's clause: `Asked about the deficit,`
    return None


def _open_chunks(at: Attributor, frame: Frame, a: int, k: int) -> Iterator[tuple[int, int]]:
    """The comma-separated chunks of items a..k-1 (first item, one past the last) that are no
    adverbial, in order."""
    i = a
    while i < k:
        end = i + 1
        while end < k and frame.items[end][QUOTE] < 0 and not at.subjects.broken(frame.items[end - 1], frame.items[end]):
            end += 1
        if frame.items[i][QUOTE] < 0 and not at.subjects._passed_over(frame, i, description=False):
            yield i, end
        i = end


def _to_the_person(at: Attributor, cand: Candidate) -> Candidate | None:
    """The description up to its last person noun (`the premier shrugged` -> `the premier`),
    None when it has none."""
    for t in range(cand.last, cand.first, -1):
        if knowledge.is_person_noun(at.tokens[t][TEXT].lower()):
            text = at.prose[at.tokens[cand.first][START] : at.tokens[t][END]]
            return Candidate(cand.first, t, "description", text)
    return None


def _source(at: Attributor, frame: Frame, a: int, k: int) -> Candidate | None:
    """What a body puts out, in the sentence's first chunk: `A police statement read:`, `a paper
    from the Brookings Institution had this to say:` (the body or person named after `from` or
    `by`), past an adverbial (`Likewise,`)."""
    for i, end in _open_chunks(at, frame, a, k):
        if end - i == 1 and at.cast.at_first(frame.items[i][TOKEN]) is None:
            continue  # `Likewise,`: a word alone names nobody
        for j in range(i + 1, min(end, i + SOURCE_REACH)):
            owner = at.subjects.source_owner(frame, j, i)
            if owner is not None:
                return owner
            if knowledge.is_source_noun(at._word(frame, j - 1).lower()) and at._word(frame, j) in ("from", "by"):
                found = at.subjects._best(frame, j + 1, min(end, j + 1 + SOURCE_REACH))
                return found if found is not None and found.kind in ("organization", "person", "name") else None
        return None
    return None


def colon_before(at: Attributor, frame: Frame, k: int, a: int) -> tuple[Candidate, Speaker] | None:
    """A colon right before the quotation at item k: `Hughes was blunt: "..."`; a name alone
    before it (`Tomas Ferreira: "..."`, a standfirst) only a person's or a registered entity's."""
    if k == a or frame.items[k - 1][QUOTE] >= 0 or at.prose[frame.items[k - 1][ITEM_END] : frame.items[k][ITEM_START]].strip() != ":":
        return None
    owned = _owner_of_source(at, frame, a, k)
    if owned is not None:
        return owned  # `From Bush's Facebook post: "..."`
    label = _transcript_label(at, frame, a, k)
    if label is not None:
        return label  # `FREELAND: "..."`
    last = at.cast.by_last.get(frame.items[k - 1][TOKEN])
    if last is not None and last.kind == "person" and last.first > frame.items[a][TOKEN] and not _after_preposition(at, last.first):
        return last, at.resolve(last)  # a person named right before the colon: `... surprise pollster Dana Shaw: "..."`
    found = colon_subject(at, frame, a, k)
    if found is not None and found[0].first == frame.items[a][TOKEN] and found[0].last == frame.items[k - 1][TOKEN]:
        return found if found[1].kind == "person" or found[1].entity_id is not None else None  # Budget Day: "..."
    return found


def _transcript_label(at: Attributor, frame: Frame, a: int, k: int) -> tuple[Candidate, Speaker] | None:
    """A transcript's speaker label: a name in capitals alone before the colon, one or two words
    (`FREELAND:`, `CHRYSTIA FREELAND:`), whose last word is the surname of a person the text
    names. Labels nobody is named by (`UPDATE:`, `WATCH:`) are none."""
    if not 1 <= k - a <= 2:
        return None
    words = [at._word(frame, i) for i in range(a, k)]
    if not all(len(w) > 1 and w.isupper() and w.isalpha() for w in words):
        return None
    person = at.cast.surnames.get(words[-1].title())
    if person is None:
        return None
    cand = Candidate(frame.items[a][TOKEN], frame.items[k - 1][TOKEN], "person", person.name, person.entity_id)
    return cand, at.resolve(person)


def _owner_of_source(at: Attributor, frame: Frame, a: int, k: int) -> tuple[Candidate, Speaker] | None:
    """A possessor's statement, post or letter right before the colon: `From Bush's Facebook
    post:`, `In Acme's statement:`; the possessor speaks."""
    for j in range(k - 1, max(a, k - SOURCE_REACH) - 1, -1):
        if frame.items[j][QUOTE] >= 0 or at._word(frame, j).lower() not in at.qw.possessor_sources:
            continue
        for i in range(j - 1, max(a, j - SOURCE_REACH) - 1, -1):
            if frame.items[i][QUOTE] >= 0:
                break
            if POSSESSIVE.match(at.prose, frame.items[i][ITEM_END]):
                owner = at.cast.at_last(frame.items[i][TOKEN])
                if owner is not None and owner.kind in ("person", "organization", "name", "body"):
                    speaker = at.resolve(owner)
                    return (owner, speaker) if speaker is not None else None
                return None
        return None
    return None


def _after_preposition(at: Attributor, t: int) -> bool:
    """A name that is a preposition's object (`blunt with Tom Parker:`), past its titles."""
    tokens, prose = at.tokens, at.prose
    k = t - 1
    while k >= 0 and t - k <= 6 and tokens[k][TEXT].lower() not in at.qw.prepositions and prose[tokens[k][END] : tokens[k + 1][START]] in (" ", "\u00a0"):
        if tokens[k][TEXT].lower() in at.verbs or tokens[k][TEXT].lower() in at.qw.verb_helpers:
            return False  # `... surprise pollster Dana Shaw:` reaches the verb first
        k -= 1  # past titles, adjectives and a determiner: `to the Dutch newspaper NRC Handelsblad:`
    return k >= 0 and tokens[k][TEXT].lower() in at.qw.prepositions


def headline(at: Attributor, frame: Frame, k: int, a: int, b: int) -> tuple[Candidate, Speaker | None] | None:
    """The quotation opening a line, then a colon and a person or a registered entity."""
    j = k + 1
    if k != a or j >= b or frame.items[j][QUOTE] >= 0 or at.prose[frame.items[k][ITEM_END] : frame.items[j][ITEM_START]].strip() != ":":
        return None
    start = frame.items[k][ITEM_START]
    if at.prose[at.prose.rfind("\n", 0, start) + 1 : start].strip():
        return None
    cand = at.cast.at_first(frame.items[j][TOKEN])
    if cand is None or (cand.kind != "person" and cand.entity_id is None):
        return None
    return cand, at.resolve(cand)
