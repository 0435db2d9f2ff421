"""Speakers from the context, for speech quotations whose own sentence names nobody.

In this order: a pull quote alone in its paragraph with a line starting with a dash below it
(`— Marisol Okonkwo-Reyes, President of the Council`); a paragraph ending with a colon before
the quotation (`In prepared remarks, Park said:`); an earlier speech quotation of the same
paragraph, in the same or the previous sentence, unless this sentence names somebody else; a
quotation alone in its sentence after a sentence of reported speech (`Kilabuk says she has
stopped checking. "It went from 212 ..."`), the person whose verb that is; the subject of a sentence whose reporting participle follows the quotation
(`... address "that person," telling the paper`); a person who is the sentence's subject
(`Tokayev began promoting the "..."`) or the subject of the sentence before (`Harlow did not
hold back. "..."`); and last, for a quotation alone in its sentence, the person named last before
it (a guess). The first
part of a quotation of several paragraphs and the same words quoted elsewhere are handled in
`quotes.py`, where all quotations are at hand.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from quotelint.lazyre import lazy
from quotelint.names import START
from quotelint.offsets import past_blanks
from quotelint.quotes import colons
from quotelint.quotes.attribution import REACH, Attribution, Attributor
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN, Frame
from quotelint.quotes.speakers import Candidate

if TYPE_CHECKING:
    import regex

_DASH_LINE = lazy(r"[ \t]*+[—–-]")
_ANSWER = lazy(r"[ \t]*+A[:.][ \t]*+")  # `A: "..."`, an interview's answer
_QUESTION = lazy(r"[ \t]*+Q[:.][ \t]*+\S")


class Carryover:
    def __init__(self, at: Attributor, paragraphs: tuple[tuple[int, int], ...]) -> None:
        self.at = at
        self.paragraphs = paragraphs

    def dash_line(self, q: int) -> Attribution | None:
        """A pull quote alone in its paragraph, with the speaker on the dash line below it."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        if key[0] != "p" or len(frame.items) != 1 or key[1] + 1 >= len(self.paragraphs):
            return None
        start, end = self.paragraphs[key[1] + 1]
        if _DASH_LINE.match(self.at.prose, start) is None:
            return None
        line_end = self.at.prose.find("\n", start, end)
        line_end = end if line_end < 0 else line_end
        found: list[Candidate] = []
        t = bisect.bisect_left(self.at.cast.starts, start)
        while t < len(self.at.tokens) and self.at.tokens[t][START] < line_end:
            cand = self.at.cast.at_first(t)
            if cand is not None and cand.kind in ("person", "organization", "name", "body"):
                found.append(cand)
            t += 1
        if not found:
            return None
        cand = min(found, key=lambda c: (c.kind != "person", c.entity_id is None, c.first))
        return Attribution("dash", cand, self.at.resolve(cand))

    def answer(self, q: int, found: list[Attribution | None]) -> Attribution | None:
        """A quotation opening a paragraph that begins `A:` in an interview: the person who
        answered before (`Reyes: "..."`), else the last person named before the first `Q:`."""
        key, k = self.at.where[q]
        opening = self._answer_opening(key[1]) if key[0] == "p" else None
        if opening is None or self.at.frames[key].items[k][ITEM_START] != opening.end():
            return None
        for earlier in range(q - 1, -1, -1):
            a = found[earlier]
            if a is not None and a.speaker is not None and a.speaker.kind == "person":
                return Attribution("answer", a.cand, a.speaker)
        first_question = next((i for i in range(key[1]) if _QUESTION.match(self.at.prose, self.paragraphs[i][0])), key[1])
        start = self.paragraphs[first_question][0]
        person = self.at.cast._back(bisect.bisect_left(self.at.cast.starts, start), lambda c: c.kind == "person")
        return Attribution("answer", person, self.at.resolve(person)) if person is not None else None

    def _answer_opening(self, paragraph: int) -> regex.Match[str] | None:
        """`A:` opening the paragraph (the letter looked for before the pattern is compiled)."""
        prose, start = self.at.prose, self.paragraphs[paragraph][0]
        return _ANSWER.match(prose, start) if prose.startswith(("A:", "A."), past_blanks(prose, start)) else None

    def colon_before(self, q: int) -> Attribution | None:
        """`Park said:` closing the paragraph before one that opens with the quotation; with
        no reporting verb, the subject of that sentence (`Kayla Brannigan read a tribute:`)."""
        key, k = self.at.where[q]
        if key[0] != "p" or k != 0 or key[1] == 0:
            return None
        before = ("p", key[1] - 1)
        frame = self.at.frames.get(before)
        if frame is None or self.at.prose[self.paragraphs[key[1] - 1][1] - 1] != ":":
            return None
        last = len(frame.items)
        a, _ = frame.sentence_of(last - 1)
        for v in range(last - 1, a - 1, -1):
            if self.at._is_verb(frame, v):
                cand = self.at.subjects.left_of(frame, v, a)
                if cand is not None:
                    return self.at._made("colon", frame, cand, v, a)
        found = colons.colon_subject(self.at, frame, a, last)
        return Attribution("colon", *found) if found is not None else None

    def previous(self, q: int, speech: list[bool], found: list[Attribution | None]) -> Attribution | None:
        """An earlier speech quotation of the same frame, in this sentence or the one before,
        unless this sentence names somebody else before the quotation."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        here = frame.sentence[k]
        for i in range(k - 1, max(-1, k - REACH), -1):
            item = frame.items[i]
            if frame.sentence[i] < here - 1:
                break
            if frame.sentence[i] == here and item[QUOTE] < 0:
                cand = self.at.cast.at_first(item[TOKEN])
                if cand is not None and cand.kind in ("person", "organization", "name", "body", "place"):
                    return None  # another subject (`Brussels said it welcomed ...`): not the last speaker's words
            if item[QUOTE] >= 0 and speech[item[QUOTE]] and found[item[QUOTE]] is not None and found[item[QUOTE]].speaker is not None:  # type: ignore[union-attr]
                prior = found[item[QUOTE]]
                return Attribution("previous", prior.cand, prior.speaker)  # type: ignore[union-attr]
        return None

    def paragraph_around(self, q: int, speech: list[bool], found: list[Attribution | None]) -> Attribution | None:
        """A quotation opening a paragraph, alone in its sentence: the speaker of the
        speech that ends the paragraph before (a quotation paragraph going on with the last
        speaker), else the subject of `she added` opening the paragraph after."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        if key[0] != "p" or k != 0 or self._names_anyone(frame, k):
            return None
        before = self.at.frames.get(("p", key[1] - 1))
        if before is not None and key[1] > 0:
            last = before.items[-1]
            prior = found[last[QUOTE]] if last[QUOTE] >= 0 and speech[last[QUOTE]] else None
            if prior is None and last[QUOTE] < 0:
                a, _ = before.sentence_of(len(before.items) - 1)
                quoted = [it[QUOTE] for it in before.items[a:] if it[QUOTE] >= 0 and speech[it[QUOTE]]]
                prior = found[quoted[-1]] if quoted else None
            if prior is not None and prior.speaker is not None:
                return Attribution("paragraph", prior.cand, prior.speaker)
            if last[QUOTE] < 0:
                reported = self._reported(before, len(before.items), speech)
                if reported is not None:
                    return reported  # `Tomas was quick to add that ...` then `"Not negotiable."` alone
        after = self.at.frames.get(("p", key[1] + 1))
        if after is None or len(after.items) < 2 or after.items[0][QUOTE] >= 0 or after.items[1][QUOTE] >= 0:
            return None
        if self.at._word(after, 1) not in self.at.qw.continuing_verbs:
            return None
        cand = self.at.subjects.left_of(after, 1, 0)
        return self.at._made("paragraph", after, cand, 1, 0) if cand is not None else None

    def _reported(self, frame: Frame, end: int, speech: list[bool] | None = None) -> Attribution | None:
        """The person whose reporting verb opens the sentence ending at item `end` (exclusive)
        of a frame, when that sentence quotes nobody's words (a term in it is no quotation of
        speech): reported speech."""
        p, _ = frame.sentence_of(end - 1)
        if any(item[QUOTE] >= 0 and (speech is None or speech[item[QUOTE]]) for item in frame.items[p:end]):
            return None
        for v in range(p, end):
            if self._infinitive(frame, v, p):  # was quick to add that ..., went on to say
                cand = self.at.subjects.first_subject(frame, p, v)
                found = self.at._made("said", frame, cand, v, p) if cand is not None else None
                return found if found is not None and found.speaker is not None and found.speaker.kind == "person" else None
            if self.at._is_verb(frame, v) and not self.at._word(frame, v).endswith("ing"):
                cand = self.at.subjects.left_of(frame, v, p)
                found = self.at._made("said", frame, cand, v, p) if cand is not None else None
                if found is not None and found.speaker is not None and found.speaker.kind == "person":
                    return found
                return None
        return None

    def _infinitive(self, frame: Frame, v: int, p: int) -> bool:
        """A reporting verb after `to` that the sentence asserts (`was quick to add`, `went on
        to say`), not one it denies (`declined to say`, `would not comment`)."""
        word = self.at._word(frame, v)
        if word not in self.at.verbs or not word.islower() or v - 2 < p or self.at._word(frame, v - 1) != "to":
            return False
        return self.at._word(frame, v - 2).lower() not in self.at.qw.refusals

    def said_before(self, q: int) -> Attribution | None:
        """A quotation alone in its sentence right after a sentence of reported speech with no
        quotation of its own: `Kilabuk says she has stopped checking. "It went from 212 ..."`."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        a, _ = frame.sentence_of(k)
        if a == 0 or self._names_anyone(frame, k):
            return None
        return self._reported(frame, a)

    def participle_after(self, q: int) -> Attribution | None:
        """A reporting participle after the quotation and a comma: the sentence's subject
        (`The foundation would not address "that person," telling the paper ...`)."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        a, b = frame.sentence_of(k)
        if a == k or k + 1 >= b or frame.items[k + 1][QUOTE] >= 0:
            return None
        word = self.at._word(frame, k + 1)
        comma = self.at.quoted(frame, k).endswith(",") or "," in self.at.prose[frame.items[k][ITEM_END] : frame.items[k + 1][ITEM_START]]
        if not (comma and word.endswith("ing") and self.at._is_verb(frame, k + 1)):
            return None
        cand = self.at.subjects.first_subject(frame, a, k)
        if cand is None or cand.kind not in ("person", "organization", "body", "name") or cand.kind == "body" and cand.bare:
            return None
        return self.at._made("after", frame, cand, k + 1, a)

    def subject_before(self, q: int) -> Attribution | None:
        """A quotation alone in its sentence right after a sentence of the same paragraph whose
        subject is a person: `Harlow did not hold back. "This is a sham."` A guess."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        a, _ = frame.sentence_of(k)
        if a == 0 or self._names_anyone(frame, k):
            return None
        p, _ = frame.sentence_of(a - 1)
        cand = self.at.subjects.first_subject(frame, p, a)
        if cand is None or cand.kind not in ("person", "pronoun", "name", "organization", "body"):
            return None
        if cand.kind == "body" and (cand.bare or cand.first == cand.last):
            return None  # `Union leaders said ...`: a word describing a group, no body named
        speaker = self.at.resolve(cand)
        return Attribution("subject", cand, speaker) if speaker is not None and speaker.kind in ("person", "name", "organization", "body") else None

    def nearest_named(self, q: int) -> Attribution | None:
        """A quotation alone in its sentence, when nothing else named its speaker: the person
        named last before it, in its paragraph or the one before. A guess."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        if self._names_anyone(frame, k):
            return None  # `The event is scheduled to "take stock ..."`: the sentence has words of its own
        if key[0] == "p" and k == 0 and key[1] > 0 and self.at.prose[self.paragraphs[key[1] - 1][1] - 1] == ":":
            return None  # `The report ... ends on a warning:` introduced it, and it names no speaker
        cast = self.at.cast
        at = frame.items[k][ITEM_START]
        here = bisect.bisect_right(cast.paragraph_starts, at)
        cand = cast._back(bisect.bisect_left(cast.starts, at), lambda c: c.kind == "person" and here - cast._paragraph(c.first) <= 1)
        speaker = self.at.resolve(cand) if cand is not None else None
        return Attribution("nearest", cand, speaker) if speaker is not None else None

    def _names_anyone(self, frame: Frame, k: int) -> bool:
        """The quotation's sentence has words of its own (`"...," the report found`): it may
        name another source than the last speaker."""
        a, b = frame.sentence_of(k)
        return any(item[QUOTE] < 0 for item in frame.items[a:b])

    def first_person(self, q: int, outer: Attribution | None) -> Attribution | None:
        """A quotation inside a speaker's words that the speaker reports saying (`"I just kept
        yelling 'fire, fire'"`): `I` or `we` before a reporting verb before it."""
        key, k = self.at.where[q]
        if key[0] != "q" or outer is None or outer.speaker is None:
            return None
        frame = self.at.frames[key]
        a, _ = frame.sentence_of(k)
        verb = False
        for i in range(k - 1, max(a, k - REACH) - 1, -1):
            verb = verb or self.at._is_verb(frame, i)
            if verb and self.at._word(frame, i).lower() in self.at.qw.first_person:
                return Attribution("outer", outer.cand, outer.speaker)
        return None

    def subject(self, q: int) -> Attribution | None:
        """A person or an organization who is the sentence's subject: `Tokayev began promoting
        the "..."`, `The committee released a statement offering "a deep apology"`."""
        key, k = self.at.where[q]
        frame = self.at.frames[key]
        a, _ = frame.sentence_of(k)
        cand = self.at.subjects.first_subject(frame, a, k)
        if cand is None or cand.kind not in ("person", "pronoun", "organization"):
            return None
        if cand.kind == "organization" and not self.at.cast._in_subject_place(frame.items[a][TOKEN], cand.first):
            return None  # `One example was a loan made to Tradestock, which offered "no services"`
        speaker = self.at.resolve(cand)
        return Attribution("subject", cand, speaker) if speaker is not None and speaker.kind in ("person", "organization") else None
