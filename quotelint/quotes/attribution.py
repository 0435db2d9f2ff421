"""Who said each quotation: the reporting verb and its subject, or what the context says.

First the quotation's own sentence, in this order:

- right after it: `"...," said X`, `"...," X said`, `"...," he told Reuters`, `"...," according to X`;
- before it: `X said "..."`, `X said: "..."`, `X noted that the reforms had "..."`,
  `in the words of X, "..."`, `according to X, "..."`, `as testified to by X, "..."`; a participle
  (`adding`, `calling`) takes the subject of the sentence's earlier verb, or the sentence's subject;
- later in it: `"A" but "B," the mission said`;
- with no reporting verb, a colon right before it or a headline's colon after it (`colons.py`).

A possessor of a statement or a spokesman is the speaker: `in the words of Acme's statement`.

Speech quotations still without a speaker are then given one from the context
(`carryover.py`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotelint import knowledge
from quotelint.lazyre import lazy
from quotelint.names import END, TEXT
from quotelint.quotes import colons
from quotelint.quotes.descriptions import Descriptions
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN, Frame
from quotelint.quotes.saidby import POSSESSIVE, Subjects
from quotelint.quotes.speakers import Candidate, Cast, Speaker
from quotelint.records import Value

if TYPE_CHECKING:
    from collections.abc import Mapping

    from quotelint.quotes.words import QuoteWords

_CLOSER = lazy(r"[,:;—–]|\s-\s")
_AFTER_GAP = lazy(r"[\s,;—–-]*+")
_AGE_OF = lazy(r"\b(\d{1,3})-year-old")  # the 67-year-old
_AGE_AFTER = lazy(r"[ \t]*+[,(][ \t]*+(\d{1,3})\b")  # Peter Walsh, 67, / Walsh (67)
AFTER_REACH = 32  # items looked at, at most, for the verb after a quotation and its speaker's appositive
APPOSITIVE_REACH = 40  # items looked at, at most, for the comma closing a speaker's appositive
CLOSING_TAIL = 4  # words a reporting verb may have after it and still close the sentence: `told reporters on Friday`
RELATIVE_GAP = 3  # words between a participle and its noun's verb: the schedule posted online last week was
DESCRIBED_REACH = 8  # words of people described opening a sentence: Parents at the school
LABEL_REACH = 8  # items from a verb that labels through `as` to the quotation: portrayed the rival as "x"
REACH = 60  # items looked at, at most, on either side of a quotation: a run-on "sentence" stays linear


class Attribution(Value):
    __slots__ = _fields = ("method", "cand", "speaker", "verb", "naming")
    method: str  # after | before | cue | later | colon | part | dash | previous | echo | paragraph | said | outer | answer | subject | nearest
    cand: Candidate | None  # the speaker as written, if any
    speaker: Speaker | None
    verb: int  # token index of the reporting verb
    naming: bool  # a naming verb with an object between it and the quotation: call the illness "x"

    def __init__(self, method: str, cand: Candidate | None, speaker: Speaker | None, verb: int = -1, naming: bool = False) -> None:
        self.method, self.cand, self.speaker, self.verb, self.naming = method, cand, speaker, verb, naming


class Attributor:
    def __init__(
        self, prose: str, cast: Cast, frames: Mapping[tuple[str, int], Frame], where: list[tuple[tuple[str, int], int]], words: QuoteWords
    ) -> None:
        self.prose = prose
        self.cast = cast
        self.frames = frames
        self.where = where
        self.qw = words
        self.verbs = cast.sets.verbs  # the run's word sets (runmemo.word_sets), as the cast has them
        self.reporting = cast.sets.reporting
        self.subjects = Subjects(prose, cast, words, self.verbs)
        self.clause_or_preposition = words.clause_words | words.prepositions
        self.verb_words = self.verbs | frozenset(words.phrasal_verbs)  # the words `_is_verb` can take
        self.descriptions = Descriptions(cast, words)
        self.tokens = cast.tokens
        self.cues_by_last: dict[str, list[tuple[str, ...]]] = {}  # a cue's last word -> the cues
        for cue in words.speaker_cues:
            self.cues_by_last.setdefault(cue[-1], []).append(cue)

    def resolve(self, cand: Candidate) -> Speaker | None:
        """The speaker a candidate names. A speaker described (`the insider`, `the Texas
        senator`, `those surveyed`) stays a description: its words are the speaker as written,
        and nobody's name is guessed for it; a spokesperson speaks for the organization
        written with it (`a spokesman for Acme`)."""
        if cand.kind == "description":
            return self.cast.within(cand) or self._aged(cand) or self._source_of(cand) or Speaker(cand.name, None, "description")
        if cand.kind == "title":
            found = self.cast.resolve(cand) or self.descriptions.resolve(cand)
            if found is not None:
                return found
            phrase = self.descriptions.phrase(cand)
            return self.cast.within(phrase) or Speaker(phrase.name, None, "description")
        return self.cast.resolve(cand)

    def _source_of(self, cand: Candidate) -> Speaker | None:
        """What somebody put out, named with `from` or `by`: `a statement from the Toronto
        Transit Commission`, `a report by Amnesty International`: that body or person."""
        head = self.tokens[cand.first + 1] if cand.first + 1 <= cand.last else None
        if head is None or not knowledge.is_source_noun(head[TEXT].lower()):
            return None
        for t in range(cand.first + 2, cand.last + 1):
            if self.tokens[t][TEXT] in ("from", "by"):
                inner = self.cast.by_first.get(t + 1) or (self.cast.by_first.get(t + 2) if self.tokens[t + 1][TEXT].lower() == "the" else None)
                if inner is not None and inner.kind in ("organization", "person", "name") and inner.last <= cand.last:
                    return self.cast.resolve(inner)
                return None
        return None

    def _aged(self, cand: Candidate) -> Speaker | None:
        """`the 67-year-old`: the person named last before with that age after their name
        (`Peter Walsh, 67,`, `Walsh (67)`)."""
        age = _AGE_OF.search(cand.name)
        if age is None:
            return None

        def aged(person: Candidate) -> bool:
            given = _AGE_AFTER.match(self.prose, self.tokens[person.last][END]) if person.kind == "person" else None
            return given is not None and given.group(1) == age.group(1)

        person = self.cast._back(cand.first, aged)
        return self.cast.resolve(person) if person is not None else None

    # --- the quotation's own sentence -------------------------------------------------------

    def in_sentence(self, q: int) -> Attribution | None:
        key, k = self.where[q]
        frame = self.frames[key]
        a, b = frame.sentence_of(k)
        return self._after(frame, k, b) or self._before(frame, k, a) or self._later(frame, k, b) or self._colon(frame, k, a) or self._headline(frame, k, a, b)

    def _colon(self, frame: Frame, k: int, a: int) -> Attribution | None:
        found = colons.colon_before(self, frame, k, a)
        return Attribution("colon", *found) if found is not None else None

    def _headline(self, frame: Frame, k: int, a: int, b: int) -> Attribution | None:
        found = colons.headline(self, frame, k, a, b)
        return Attribution("after", *found) if found is not None else None

    def _word(self, frame: Frame, i: int) -> str:
        item = frame.items[i]
        return self.tokens[item[TOKEN]][TEXT] if item[QUOTE] < 0 else ""

    def _is_verb(self, frame: Frame, i: int) -> bool:
        """A reporting verb: not an infinitive (`to add more countries`), not a noun after a
        determiner or a possessive (`the union's claims`, `his remarks`)."""
        word = self._word(frame, i)
        if word in self.qw.phrasal_verbs and i + 1 < len(frame.items) and self._word(frame, i + 1) == self.qw.phrasal_verbs[word]:
            return True  # Rubio fired back, she chimed in
        if word not in self.verbs or not word.islower():
            return False
        if i == 0 or frame.items[i - 1][QUOTE] >= 0:
            return True
        before = self._word(frame, i - 1).lower()
        gap = self.prose[frame.items[i - 1][ITEM_END] : frame.items[i][ITEM_START]].strip()
        if before == "to" or before in self.qw.determiners and before != "that" or gap in ("'s", "’s", "'", "’"):
            return False
        # `many Asian states`: after a plural quantifier a verb in -s is a plural noun; so it is
        # after a verb (`referred questions to`, `issued statements`)
        if word.endswith("s") and (before.endswith("ed") or before in self.verbs) and before.islower():
            return False
        return not (word.endswith("s") and i >= 2 and self._word(frame, i - 2).lower() in self.qw.quantifiers)

    def _labels(self, frame: Frame, v: int, k: int) -> bool:
        """A verb that reports only through `as`, active, with `as` in the few words between it
        and the quotation at item k: `she portrayed the rival as "a career insider"`; not `the
        firm presented its "FlowCore" cell`, nor `he was identified as "the driver"`."""
        word = self._word(frame, v)
        if word not in self.qw.label_verbs or k - v > LABEL_REACH:
            return False
        if v > 0 and self._word(frame, v - 1).lower() in self.qw.passive_helpers:
            return False
        return any(self._word(frame, i) == "as" for i in range(v + 1, k)) and all(frame.items[i][QUOTE] < 0 for i in range(v + 1, k))

    def _after(self, frame: Frame, k: int, b: int) -> Attribution | None:
        found = self._after_verb(frame, k, b)
        if found is not None and found.cand is not None and found.cand.kind == "description" and self._runs_on(frame, k):
            return None  # `book "La República Cansada" predicted the decline`: the quotation is a name in the sentence
        return found

    def quoted(self, frame: Frame, k: int) -> str:
        """The words of the quotation at item k, without the space they may end with."""
        q = self.cast.ctx.quote_scan.spans[frame.items[k][QUOTE]]
        return self.prose[q.start : q.end].rstrip()

    def _runs_on(self, frame: Frame, k: int) -> bool:
        """The quotation at item k runs on into its sentence: no punctuation closes its words
        and none stands between it and the next word (`the "Storage for Everyone" initiative`)."""
        text = self.quoted(frame, k)
        gap = self.prose[frame.items[k][ITEM_END] : frame.items[k + 1][ITEM_START]] if k + 1 < len(frame.items) else ""
        return bool(text) and text[-1].isalnum() and not gap.strip()

    def _after_verb(self, frame: Frame, k: int, b: int) -> Attribution | None:
        j = k + 1
        if j >= b or frame.items[j][QUOTE] >= 0:
            return None
        gap = self.prose[frame.items[k][ITEM_END] : frame.items[j][ITEM_START]]
        if _AFTER_GAP.fullmatch(gap) is None:
            return None
        word = self._word(frame, j)
        if word == "according" and j + 1 < b and self._word(frame, j + 1) == "to":
            return self._named("cue", frame, j + 2, b, -1)
        inverted_after = word in self.qw.after_verbs and j + 1 < b and self._word(frame, j + 1).lower() in self.qw.description_openers  # `"...," reads a statement`
        if (self._is_verb(frame, j) or inverted_after) and not word.endswith("ing"):
            found = self._named("after", frame, j + 1, b, frame.items[j][TOKEN])
            if found is not None:
                return found
        long_aside = self._long_appositive(frame, j, b)
        if long_aside is not None:
            return long_aside
        relative = False
        aside = -1  # where an aside set off by commas began, if one was passed
        appositive = j + 2 < b and self.subjects.broken(frame.items[j + 1], frame.items[j + 2]) or j + 1 < b and self.subjects.broken(frame.items[j], frame.items[j + 1])
        reach = AFTER_REACH if appositive else AFTER_REACH // 2  # `"...," Trump, the party's front-runner and ..., said`
        if not self._verb_within(frame, j, min(b, j + reach), j + 5):
            return None  # no word the walk below could take for its verb (most quotations): not walked
        v = j - 1
        while v + 1 < min(b, j + reach):
            v += 1
            if frame.items[v][QUOTE] >= 0:
                return None
            word = self.tokens[frame.items[v][TOKEN]][TEXT]  # a word item: read once
            low = word.lower()
            if low in self.clause_or_preposition and v > j and self.subjects.broken(frame.items[v - 1], frame.items[v]):
                aside = v if aside < 0 else aside
                v = self._aside_end(frame, v, b)  # `"...," Blunt, after a long pause, said`
                continue
            if low in self.qw.clause_words:
                return None
            relative = self.subjects.in_relative(frame, v, relative)
            closing = v <= j + 4 and self._closing_verb(frame, k, v) and (v + 1 >= b or self.subjects.broken(frame.items[v], frame.items[v + 1]) or self._word(frame, v + 1) in self.qw.prepositions)
            if not relative and (self._is_verb(frame, v) or closing) and not word.endswith("ing"):
                if self._introduces(frame, v, b):
                    return None
                if aside >= 0:
                    cand = self.subjects.chunks(frame, j, aside) or (self.subjects.capitalised(frame, j) if aside == j + 1 else None)
                else:
                    cand = self.subjects.left_of(frame, v, j) or (self.subjects.capitalised(frame, j) if v == j + 1 else self._closing_name(frame, v, j, b))
                return self._made("after", frame, cand, v, j) if cand is not None else None
        return None

    def _verb_within(self, frame: Frame, lo: int, hi: int, closing: int, past_quotations: bool = False) -> bool:
        """Whether a word from item lo to hi (exclusive) may be a reporting verb (`_is_verb`), or,
        before item `closing`, a verb closing the sentence (`_closing_verb`); the words after a
        quotation are not looked at unless `past_quotations`. A set lookup a word: the cheap
        "no" before a walk that asks each word far more (a walk over the words after a
        quotation ends at the next quotation, and its verb is one of these)."""
        items, tokens, verb_words, after_verbs = frame.items, self.tokens, self.verb_words, self.qw.after_verbs
        for v in range(lo, hi):
            item = items[v]
            if item[QUOTE] >= 0:
                if past_quotations:
                    continue
                return False
            word = tokens[item[TOKEN]][TEXT]
            if word in verb_words or v < closing and (word in after_verbs or word.endswith("ed")):
                return True
        return False

    def _long_appositive(self, frame: Frame, j: int, b: int) -> Attribution | None:
        """`"...," Trump, the party's front-runner and ... after winning ..., said`: a name, an
        appositive set off by commas however long or clause-like, then the reporting verb."""
        cand = self.cast.at_first(frame.items[j][TOKEN])
        if cand is None or cand.kind != "person":
            return None
        n = self.subjects._item_of(frame, cand.last, j, b - 1) + 1
        if n >= b or not self.subjects.broken(frame.items[n - 1], frame.items[n]):
            return None
        for v in range(n + 1, min(b, n + APPOSITIVE_REACH)):
            if frame.items[v][QUOTE] >= 0:
                return None
            if self.subjects.broken(frame.items[v - 1], frame.items[v]):
                word = self._word(frame, v)
                if self._is_verb(frame, v) and not word.endswith("ing"):
                    return self._made("after", frame, cand, v, j)
        return None

    def _closing_name(self, frame: Frame, v: int, lo: int, b: int) -> Candidate | None:
        """`..., more "fluent" about trade, Moon said.`: one capitalised word set off by a comma,
        and its verb in the sentence's last few words (`Fox told reporters on Friday.`), name the
        speaker even when the cast never met them."""
        n = v - 1
        if n <= lo or frame.items[n - 1][QUOTE] >= 0 or not self.subjects.broken(frame.items[n - 1], frame.items[n]):
            return None
        if b - v > CLOSING_TAIL or any(frame.items[i][QUOTE] >= 0 for i in range(v, b)):
            return None
        return self.subjects.capitalised(frame, n)

    def _closing_verb(self, frame: Frame, k: int, v: int) -> bool:
        """A verb that reports when it closes the sentence after a quotation and its speaker:
        one of `after_verbs` (`"...," she began`), or any verb in -ed right after the name
        that follows a quotation opening the sentence and ending on a comma, a question or an
        exclamation (`"...," Harlow fumed.`)."""
        word = self._word(frame, v)
        if word in self.qw.after_verbs:
            return True
        if not (word.endswith("ed") and word.islower() and len(word) > 4) or frame.sentence_of(k)[0] != k:
            return False
        if not all(self._word(frame, i)[:1].isupper() or self._word(frame, i) in self.qw.pronouns for i in range(k + 1, v)):
            return False  # `the "forgotten middle class," Mrs. Clinton has struggled`: a name, then the verb
        return self.quoted(frame, k)[-1:] in (",", "?", "!")

    def _aside_end(self, frame: Frame, v: int, b: int) -> int:
        """The last item of an aside set off by commas that starts at item v."""
        while v + 1 < b and frame.items[v + 1][QUOTE] < 0 and not self.subjects.broken(frame.items[v], frame.items[v + 1]):
            v += 1
        return v

    def _introduces(self, frame: Frame, v: int, b: int) -> bool:
        """The verb at item v introduces a quotation of its own: `X said "..."`; not the middle
        of a split quotation (`"A," X said, "B."`, `"A," she said outside the court, "b."`),
        whose verb serves both halves: the second half comes after a comma, with no other verb."""
        for i in range(v + 1, min(b, v + 8)):
            word = self._word(frame, i)
            if frame.items[i][QUOTE] < 0 and word.endswith("ing") and word.islower() and (self.subjects.broken(frame.items[i - 1], frame.items[i]) or self._word(frame, i - 1) in self.qw.clause_words):
                return False  # `X said, mentioning that it is "..."`, `X told reporters, before insisting he had a "..."`
            if frame.items[i][QUOTE] >= 0:
                gap = self.prose[frame.items[i - 1][ITEM_END] : frame.items[i][ITEM_START]].strip()
                before = self.prose[frame.items[i - 1][ITEM_START] : frame.items[i][ITEM_START]].rstrip()
                if self._word(frame, i - 1).lower() in self.qw.prepositions - {"to"} or before.endswith(("'s", "’s")):
                    return False  # `said Monday on ABC's "This Week"`: a title after a preposition or a possessive
                if any(self._is_verb(frame, u) for u in range(v + 1, i)):
                    return False  # `X said, while Y called it "..."`: the later quotation has its own verb
                return gap not in (",", "—", "–", "-")  # a split quotation's second half
        return False

    def _named(self, method: str, frame: Frame, lo: int, b: int, verb: int) -> Attribution | None:
        """The speaker named right after a verb or a cue: `said Tevita Fonua, ...`, `in the
        words of Kenya's environment minister, Wanjiru Mbeki-Otieno, ...` (a person named in
        the appositive wins over a place or a body named first, and over a possessor: `said
        Holm's neighbour, Jonas Vik`; `said Holm's husband` names nobody)."""
        hi = lo
        while hi < b and hi - lo < 8 and frame.items[hi][QUOTE] < 0 and (hi == lo or not self.subjects.broken(frame.items[hi - 1], frame.items[hi])):
            hi += 1
        cand = self.subjects._best(frame, lo, hi) or (self.subjects.capitalised(frame, lo) if hi == lo + 1 else None)
        possessor = cand is not None and POSSESSIVE.match(self.prose, self.tokens[cand.last][END]) is not None
        if possessor and cand is not None:
            later = self.subjects._best(frame, self.subjects._item_of(frame, cand.last, lo, hi - 1) + 1, hi, people_only=True)
            if later is not None and POSSESSIVE.match(self.prose, self.tokens[later.last][END]) is None:
                cand, possessor = later, False  # said Clinton's top aide Jake Sullivan: Sullivan
        owner = cand if possessor and cand.last + 1 < len(self.tokens) and self.tokens[cand.last + 1][TEXT].lower() in self.qw.possessor_sources else None
        appositive = hi < b and frame.items[hi][QUOTE] < 0 and self.subjects.broken(frame.items[hi - 1], frame.items[hi])
        if cand is not None and (cand.kind != "person" or possessor) and appositive:
            end = hi + 1
            while end < b and end - hi < 8 and frame.items[end][QUOTE] < 0 and not self.subjects.broken(frame.items[end - 1], frame.items[end]):
                end += 1
            named = self.subjects._best(frame, hi, end) if possessor and not self.subjects._passed_over(frame, hi) else None
            cand = self.subjects._best(frame, hi, end, people_only=True) or named or (None if possessor else cand)
        elif possessor:
            cand = None  # said Holm's husband: somebody unnamed
        if owner is not None and (cand is None or cand.kind != "person"):
            speaker = self.resolve(owner)  # in the words of Acme's statement; not Acme's spokesman, Lee Min-ho
            if speaker is not None and not colons.stands_for_nobody(owner, speaker):
                return Attribution(method, owner, speaker, verb)
        if not possessor and (cand is None or cand.kind != "person" and self._unnamed_head(frame, lo, hi)):
            cand = self.subjects.describe_after(frame, lo, b) or cand  # said a source close to the talks, a longtime GOP aide
        if cand is None:
            return Attribution(method, None, None, verb) if possessor else None
        return Attribution(method, cand, self.resolve(cand), verb)

    def _unnamed_head(self, frame: Frame, lo: int, hi: int) -> bool:
        """The words after the verb describe somebody unnamed (`a longtime GOP aide`, `one
        official`), not a spokesperson for a body (`a spokesman for Acme`)."""
        if self._word(frame, lo).lower() not in self.subjects.unnamed_openers:
            return False
        return not any(self._word(frame, i).lower() in self.qw.spokesperson_words for i in range(lo, hi))

    def _before(self, frame: Frame, k: int, a: int) -> Attribution | None:
        a = max(a, k - REACH)
        items, tokens, reporting, cue_ends = frame.items, self.tokens, self.reporting, self.cues_by_last
        for v in frame.words_down(k - 1, a):
            word = tokens[items[v][TOKEN]][TEXT]  # a word item: words_down passes over quotations
            if word not in reporting and word.lower() not in cue_ends:
                continue  # neither a cue's last word nor a verb that can report (most words)
            cue = self._cue_at(frame, v, a)
            if cue is not None:
                found = self._named("cue", frame, v + 1, k, -1)
                return found or Attribution("cue", None, None)
            if not self._is_verb(frame, v) and not self._labels(frame, v, k):
                continue
            if self._closed_relative(frame, v, k):
                continue  # `a candidate who promised mass deportation: "..."`: the clause ended before it
            if self._reduced_relative(frame, v, k):
                continue  # `the schedule posted online was "..."`: a participle after a noun, not its verb
            word = self._word(frame, v)
            agent = self._agent(frame, v, k)
            if agent is not None:
                cand = agent
            elif word.endswith("ing"):
                return self._participle(frame, v, a, k)
            else:
                cand = self.subjects.left_of(frame, v, a)
            if cand is None and v > a and frame.items[v - 1][QUOTE] >= 0:
                inverted = self._named("before", frame, v + 1, k, frame.items[v][TOKEN])
                if inverted is not None:
                    return inverted  # the second half of `"A," said X, director of Y, "B."`
            described_thing = cand is not None and cand.kind == "description" and not self._somebody(cand)
            if cand is None or described_thing or cand.kind == "body" and cand.bare:
                cued = self._cue_before(frame, v, a)  # `according to Trump, the media would call him a "..."`; not `..., the accused told officers`
                if cued is not None:
                    return cued
            if cand is None and v - 2 >= a and frame.items[v - 2][QUOTE] < 0 and self._word(frame, v - 2).lower() in self.qw.clause_words:
                cand = self.subjects.capitalised(frame, v - 1)  # `..., while Berg called it "..."`: a name nobody introduced
            if cand is None:
                outer = self._outer_sayer(frame, v, a)
                if outer is not None:
                    return outer  # `Harlow said the figures suggested the plan was "..."`
            elif cand.kind == "body" and cand.bare:  # not a report, a poll: they speak for themselves
                outer = self._outer_sayer(frame, v, a)
                if outer is not None and outer.speaker is not None and outer.speaker.kind == "person":
                    return outer  # `Krass told analysts that the company expected "..."`: Krass's words
            return self._made("before", frame, cand, v, a, k)
        return None

    def _outer_sayer(self, frame: Frame, v: int, a: int) -> Attribution | None:
        """The verb at item v reports for nobody named (`the figures suggested`): the speaker
        of an earlier reporting verb of the sentence whose clause it stands in."""
        for u in frame.words_down(v - 1, a):
            if not self._is_verb(frame, u) or self._word(frame, u).endswith("ing"):
                continue
            cand = self.subjects.left_of(frame, u, a)
            return self._made("before", frame, cand, u, a) if cand is not None else None
        return None

    def _cue_before(self, frame: Frame, v: int, a: int) -> Attribution | None:
        """A speaker cue naming somebody earlier in the sentence than the verb at item v."""
        for u in range(v - 1, a - 1, -1):
            if frame.items[u][QUOTE] < 0 and self._cue_at(frame, u, a) is not None:
                found = self._named("cue", frame, u + 1, v, -1)
                return found if found is not None and found.speaker is not None and found.speaker.kind != "description" else None
        return None

    def _closed_relative(self, frame: Frame, v: int, k: int) -> bool:
        """The verb at item v stands in a relative clause (`who promised`, `which says`) that a
        comma, colon or dash closes before the quotation at item k: not the quotation's verb."""
        u = v - 1
        while u >= 0 and frame.items[u][QUOTE] < 0 and self._word(frame, u) in self.qw.verb_helpers:
            u -= 1
        if u < 0 or frame.items[u][QUOTE] >= 0 or self._word(frame, u).lower() not in ("who", "which"):
            return False
        return any(_CLOSER.search(self.prose, frame.items[i - 1][ITEM_END], frame.items[i][ITEM_START]) for i in range(v + 1, k + 1))

    def _reduced_relative(self, frame: Frame, v: int, k: int) -> bool:
        """The verb at item v is a participle describing the noun before it (`the schedule posted
        online was "..."`, `the figures reported last week were "..."`): a lower-case noun before
        it, and within a few words after it, with no new subject between, the finite verb of that
        noun. Not `the agency reported the economy was "..."` (a subject between), nor the
        verbs that only report (`the spokesman said Monday was "..."`)."""
        word = self._word(frame, v)
        if not word.endswith("ed") or word in self.qw.speech_verbs or v == 0 or frame.items[v - 1][QUOTE] >= 0:
            return False
        noun = self._word(frame, v - 1)
        qw = self.qw
        if not noun.islower() or noun in qw.pronouns or noun in qw.determiners or noun in qw.verb_helpers or noun in qw.clause_words:
            return False
        for i in range(v + 1, min(k, v + 1 + RELATIVE_GAP + 1)):
            w = self._word(frame, i).lower()
            if w in qw.finite_helpers:
                return True
            if not w or w in qw.determiners or w in qw.pronouns or w in qw.relative_words or w in ("and", "but", "that") or not self._word(frame, i).islower():
                return False
            if _CLOSER.search(self.prose, frame.items[i - 1][ITEM_END], frame.items[i][ITEM_START]):
                return False
        return False

    def _cue_at(self, frame: Frame, v: int, a: int) -> tuple[str, ...] | None:
        """A speaker cue (`according to`, `in the words of`) ending at item v."""
        for cue in self.cues_by_last.get(self._word(frame, v).lower(), ()):
            n = len(cue)
            if v - n + 1 < a or n > 1 and self._word(frame, v - 1).lower() != cue[-2]:
                continue  # most `to`, `of` and `by`: not after the word before them in a cue
            if all(self._word(frame, v - n + 1 + i).lower() == cue[i] for i in range(n)):
                return cue
        return None

    def _agent(self, frame: Frame, v: int, k: int) -> Candidate | None:
        """A passive's agent between the verb and the quotation: `testified to by Sadykov`."""
        for i in range(v + 1, min(k, v + 4)):
            if self._word(frame, i) == "by" and i + 1 < k:
                return self.subjects._best(frame, i + 1, min(k, i + 5))
        return None

    def _participle(self, frame: Frame, v: int, a: int, k: int) -> Attribution:
        """`adding "..."` takes the subject of the sentence's earlier verb, or the sentence's
        subject; a name right before it is its own subject (`with Trump reportedly yelling:`)."""
        own = v - 1
        while own >= a and frame.items[own][QUOTE] < 0 and self._word(frame, own) in self.qw.verb_helpers:
            own -= 1
        if own >= a and frame.items[own][QUOTE] < 0 and not self.subjects.broken(frame.items[own], frame.items[own + 1]):
            cand = self.cast.at_last(frame.items[own][TOKEN])
            if cand is not None and cand.kind in ("person", "pronoun") and cand.name not in ("it",):
                return self._made("before", frame, cand, v, a, k)
        for u in range(v - 1, a - 1, -1):
            if self._is_verb(frame, u) and not self._word(frame, u).endswith("ing"):
                cand = self.subjects.left_of(frame, u, a)
                if cand is None and u - 2 >= a and frame.items[u - 2][QUOTE] >= 0:
                    cand = self.subjects.capitalised(frame, u - 1)  # `"...," Trump told reporters, before insisting`
                if cand is not None:
                    return self._made("before", frame, cand, v, a, k)
                inverted = self._named("before", frame, u + 1, v, frame.items[u][TOKEN]) if u > a and frame.items[u - 1][QUOTE] >= 0 else None
                if inverted is not None and inverted.cand is not None:
                    return inverted  # `"...," said Skelly, explaining why: "..."`
        return self._made("before", frame, self.subjects.first_subject(frame, a, v), v, a, k)

    def _later(self, frame: Frame, k: int, b: int) -> Attribution | None:
        if not self._verb_within(frame, k + 1, min(b, k + REACH), -1, past_quotations=True):
            return None  # no word the walk below could take for its verb
        lo = k + 1
        relative = False
        for v in frame.words_up(k + 1, min(b, k + REACH)):
            if frame.items[v - 1][QUOTE] >= 0:
                lo = v  # past the last quotation before this word
            relative = self.subjects.in_relative(frame, v, relative)
            if not relative and self._is_verb(frame, v) and not (word := self._word(frame, v)).endswith("ing") and not self._introduces(frame, v, b):
                if v > lo and self.subjects.broken(frame.items[v - 1], frame.items[v]) and word not in self.qw.listener_verbs:
                    inverted = self._named("later", frame, v + 1, b, frame.items[v][TOKEN])
                    if inverted is not None and inverted.cand is not None:
                        return inverted  # `"velvet gloves" in its dealings with Asia, said Nargis Kassenova`
                cand = self.subjects.left_of(frame, v, lo) or self._closing_name(frame, v, lo, b)
                if cand is not None:
                    return self._made("later", frame, cand, v, lo)
        return None

    def _made(self, method: str, frame: Frame, cand: Candidate | None, v: int, a: int, k: int = -1) -> Attribution:
        speaker = None
        if cand is not None:
            earlier = self._earlier_subject(frame, cand, v, a) if cand.kind == "pronoun" else None
            if earlier is not None and earlier[1] is not None:
                cand, speaker = earlier  # `Pike wrote that he felt "betrayed"`: Pike, named in the sentence
            speaker = speaker or self.resolve(cand)
            source = self._it_source(frame, cand, v) if speaker is None else self._described_before(frame, cand, v)
            if source is not None:
                cand, speaker = source, Speaker(source.name, None, "description")
        naming = False
        if k > v >= 0 and self._word(frame, v) in self.qw.naming_verbs:
            between = [self._word(frame, i).lower() for i in range(v + 1, k)]
            naming = any(w not in ("a", "an") for w in between) and not self._characterizes(between) and not self._judged(frame, k)
        return Attribution(method, cand, speaker, frame.items[v][TOKEN], naming)

    def _described_before(self, frame: Frame, cand: Candidate, v: int) -> Candidate | None:
        """A `he` or `she` right after a sentence whose subject is somebody described, nobody
        named (`The victim's mother read a statement. "...," she said`): that description, as
        written, when its noun tells no other sex."""
        sex = self.qw.pronouns.get(cand.name.lower())
        before = self._sentence_before(frame, v) if sex in ("male", "female") else None
        if before is None or frame.items[before[1] - 1][QUOTE] >= 0:
            return None
        p, a = before
        for i in range(p, a):
            named = self.cast.at_first(frame.items[i][TOKEN]) if frame.items[i][QUOTE] < 0 else None
            if named is not None and named.kind in ("person", "pronoun", "name", "title"):
                return None  # somebody named in that sentence: the pronoun's usual course
        described = colons.somebody(self, frame, p, a)
        if described is None:
            return None
        told = self.qw.noun_gender.get(self.tokens[described.last][TEXT].lower())
        return described if told in (None, sex) else None

    def _it_source(self, frame: Frame, cand: Candidate, v: int) -> Candidate | None:
        """An `it` that stands for nobody named: the report, study or body opening the sentence
        before (`The report was written by a panel. "...," it said`, `The company`), as written;
        a `they`: the people described as the subject of the sentence before (`Parents at the
        school`)."""
        pronoun = cand.name.lower()
        before = self._sentence_before(frame, v) if pronoun in ("it", "they") else None
        if before is None:
            return None
        if pronoun == "they":  # `Parents at the school were furious. "...," they said`: people described
            return self._people_opening(frame, *before)
        return self.subjects.headed(frame, *before, self.qw.determiners, lambda w: knowledge.is_source_noun(w) or knowledge.is_group_noun(w))

    def _people_opening(self, frame: Frame, a: int, b: int) -> Candidate | None:
        """People described, with no name, as the subject opening items a..b-1: a plural noun
        for people or a group, up to the first helper or verb (`Parents at the school`)."""
        qw, head, end = self.qw, None, a
        while end < b and frame.items[end][QUOTE] < 0 and end - a < DESCRIBED_REACH:
            word = self._word(frame, end)
            low = word.lower()
            if low in qw.verb_helpers or low in self.verbs or low in qw.clause_words or word[:1].isupper() and end > a:
                break
            if low in qw.prepositions and head is None:
                head = end - 1
            end += 1
        head = end - 1 if head is None else head
        if end == a or head < a or end == b:
            return None
        noun = self._word(frame, head).lower()
        if not knowledge.reads_plural(noun) or not (knowledge.is_person_noun(noun) or knowledge.is_group_noun(noun)):
            return None
        first, last = frame.items[a], frame.items[end - 1]
        return Candidate(first[TOKEN], last[TOKEN], "description", self.prose[first[ITEM_START] : last[ITEM_END]])

    @staticmethod
    def _sentence_before(frame: Frame, v: int) -> tuple[int, int] | None:
        """The first and one-past-last item of the sentence before the one holding item v, in
        the same paragraph."""
        a = frame.sentence_of(v)[0]
        return (frame.sentence_of(a - 1)[0], a) if a > 0 else None

    def _characterizes(self, between: list[str]) -> bool:
        """A naming verb that does not name: a request (`called on Ms Cardew to "come clean"`,
        `called for`) or a judgment with `a` before the quotation (`termed the plan a "jumla"`)."""
        return between[0] in self.qw.request_particles or between[-1] in self.qw.indefinite_words or between[-1] == "to"

    def _judged(self, frame: Frame, k: int) -> bool:
        """A quotation opening with `a` or `an` after a naming verb is a judgment, not a name:
        `officials called the plan "a disaster"`."""
        first = self.quoted(frame, k).split(maxsplit=1)[:1]
        return bool(first) and first[0] in ("a", "an")

    def _somebody(self, cand: Candidate) -> bool:
        """A description of a person (`a woman in the crowd`, `one voter`), by its words."""
        return any(knowledge.is_person_noun(self.tokens[t][TEXT].lower()) for t in range(cand.first, cand.last + 1))

    def _earlier_subject(self, frame: Frame, cand: Candidate, v: int, a: int) -> tuple[Candidate, Speaker | None] | None:
        """`Brussels said it welcomed`: a pronoun taking the subject of the sentence's earlier
        verb; that subject, and who it is."""
        sense = self.qw.pronouns.get(cand.name)
        want_person = sense in ("male", "female")
        for u in range(v - 1, a - 1, -1):
            if self._is_verb(frame, u):
                if self._word(frame, u).endswith("ing"):
                    # `Brockovich endorsed Sanders' plan, saying she`: the participle's subject is the sentence's
                    earlier = self.subjects.first_subject(frame, a, u)
                else:
                    earlier = self.subjects.left_of(frame, u, a)
                if earlier is not None and earlier.kind == "description" and want_person and self._somebody(earlier):
                    return earlier, self.resolve(earlier)  # `a woman in the crowd told reporters she thinks`: as written
                if earlier is not None and earlier.kind != "pronoun" and (earlier.kind == "person") == want_person:
                    if want_person and self.cast._sex(earlier, sense) != sense:
                        return None  # `Holt said she`: not Holt if Holt is known to be a man
                    return earlier, self.cast.resolve(earlier)
        return None
