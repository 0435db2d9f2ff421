"""Speech or term: are these somebody's words, or a name, a label, a word being talked about?

Decided from the sentence around the quotation, in this order:

1. a cue right before it makes a term: `so-called "x"`, `known as "x"`, `the slogan "x"`,
   `"x" translates as "y"`; so does `or` or `and` after a term (`"glasnost" or "openness"`);
2. a title in capitals (`"Middle Corridor"`, `"Park It, Duluth."`) is a term unless a reporting
   verb stands right beside it (`"Never," she said`);
3. a reporting verb governing it makes speech (`the OSCE said the polls lacked "competitiveness"`),
   except a naming verb with an object in between and a short quotation when nobody named is
   its subject (`residents call the illness "la quebrantahuesos"`; but `Obama called the
   bankers "fat cats"` is Obama's words);
4. length (five words or more), a word of the first or second person, or the shape of a sentence
   (a capital, a full stop) makes speech;
5. a determiner or a possessive before it (`the "listening state"`, `Tokayev's "listening
   state"`), a modifier's place (`"door-to-door" campaigning`), a single word, or the subject's
   place make a term;
6. anything else short is a quoted fragment: speech.

A quotation inside another is a term unless a reporting verb introduces it or it reads as speech.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

from quotelint import knowledge
from quotelint.names import END, TEXT, tokens
from quotelint.quotes.attribution import Attribution
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN, Frame
from quotelint.quotes.runmemo import word_sets

if TYPE_CHECKING:
    from quotelint.lexicon import Lexicon
    from quotelint.names import Token
    from quotelint.quotes.resolution import Candidate
    from quotelint.quotes.words import QuoteWords

LONG = 5  # words
TITLE_MAX = 8  # words
CUE_GAP = 5  # words a cue's `*` stands for: known to the club's faithful as "x"


class Classifier:
    def __init__(self, prose: str, words: list[Token], qw: QuoteWords, lexicon: Lexicon, starts: list[int] | None = None, verbs: frozenset[str] | None = None) -> None:
        """`starts`: each word's start offset, and `verbs`: the reporting verbs but `according`
        (runmemo.Sets.verbs), when the caller has them."""
        self.prose = prose
        self.words = words
        self.starts = starts
        self.qw = qw
        self.lexicon = lexicon
        self.verbs = word_sets(None, lexicon, qw).verbs if verbs is None else verbs
        self.cues_by_last, self.other_cues = _cues_by_last(qw.term_cues)
        self.closed = qw.prepositions | qw.clause_words | qw.verb_helpers | qw.determiners | qw.relative_words  # words no term runs on into

    def kind(self, text: str, frame: Frame, k: int, found: Attribution | None, nested: bool, kinds: dict[int, str], at: int | None = None) -> str:
        """`text` is the quotation's; `at` where it starts in the prose, when it is the prose's
        (its words are then the document's, not cut again)."""
        parts = self._parts(text, at)
        if found is not None and found.method == "colon":
            found = None  # `Acme unveiled its product: "FlowCore"`: a subject with no verb tells no kind
        if not parts:
            return "term"
        if self.cue_before(frame, k) or self.gloss(frame, k, kinds):
            return "term"
        direct = found is not None and self._direct(frame, k, found)
        short = len(parts) == 1 or len(parts) == 2 and (parts[0] in self.lexicon.honorifics or parts[0].lower() in self.qw.honorific_gender)
        # "Chris", "Mr. Trump"; not "Project Lighthouse"; and a label somebody named gives with `as`
        # (`Trump identified the judge as "Spanish"`)
        named_label = found is not None and (found.naming or self._word(frame, k - 1) == "as") and short and self._named_speaker(found)
        # one capitalised word a speaker says (`Trump has said the deal could lead to another "Holocaust."`):
        # an ordinary word, not a title; so is a word standing as what somebody is or was (`Holt
        # said the judge was "Canadian"`)
        said_word = len(parts) == 1 and found is not None and found.method != "later" and not found.naming and (
            self.lexicon.is_common_word(parts[0].lower()) or self._word(frame, k - 1) in self.qw.copulas
        )
        if self.title_case(parts) and not direct and not named_label and not said_word:
            return "term"  # a title; but `Trump refers to the governor as "Chris."` is Trump's word
        if found is not None and found.method != "later":
            return "term" if found.naming and len(parts) <= 4 and not self._named_speaker(found) else "speech"
        speechlike = len(parts) >= LONG or any(p.lower() in self.qw.speaker_words for p in parts) or self.sentence_like(text, parts)
        if speechlike:
            return "speech"
        if found is not None and not self._determined(frame, k):
            return "speech"
        if not nested and self._verb_place(frame, k, parts):
            return "speech"  # `urged the party to "embrace" his bid`: a verb quoted is somebody's word
        if nested or self._determined(frame, k) or self._modifier(frame, k, text) or len(parts) == 1 or self._subject_place(frame, k, text):
            return "term"
        return "speech"

    def _parts(self, text: str, at: int | None) -> list[str]:
        """The words of a quotation's text: the document's own words between its ends, unless
        one runs across an end (then the text is cut anew)."""
        if at is None or self.starts is None:
            return [t[TEXT] for t in tokens(text)]
        end = at + len(text)
        i, j = bisect.bisect_left(self.starts, at), bisect.bisect_left(self.starts, end)
        if i > 0 and self.words[i - 1][END] > at or j > 0 and self.words[j - 1][END] > end:
            return [t[TEXT] for t in tokens(text)]
        return [w[TEXT] for w in self.words[i:j]]

    def _named_speaker(self, found: Attribution) -> bool:
        """A naming verb whose subject is somebody named (`Obama called the bankers "fat cats"`,
        `he called it "a disgrace"`): the label is that speaker's words. With nobody named
        (`residents call the illness "x"`) it is a name for a thing."""
        speaker = found.speaker
        if found.cand is not None and found.cand.kind == "pronoun" and found.cand.name.lower() in ("he", "she"):
            return True  # `she described herself as "anti-system"`: somebody, whoever she is
        if found.cand is not None and found.cand.kind in ("description", "title") and self._one_described(found.cand):
            return True  # `the senator called it "a disgrace"`: one person described
        return speaker is not None and speaker.kind in ("person", "organization", "name") or found.cand is not None and found.cand.kind == "pronoun" and speaker is not None

    def _one_described(self, cand: Candidate) -> bool:
        """A description of one speaker (`the senator`, `the state newspaper`): its last word a
        person noun or a body's in the singular; not people at large (`residents`, `locals`), nor a
        document (`the memo referred to the payments as "tea money"`)."""
        head = self.words[cand.last][TEXT].lower()
        return not knowledge.reads_plural(head) and (knowledge.is_person_noun(head) or knowledge.is_group_noun(head))

    def _word(self, frame: Frame, i: int) -> str | None:
        if not 0 <= i < len(frame.items) or frame.items[i][QUOTE] >= 0:
            return None
        return self.words[frame.items[i][TOKEN]][TEXT]

    def _direct(self, frame: Frame, k: int, found: Attribution) -> bool:
        """The reporting verb stands right beside the quotation: `"Never," she said`, `said: "Yes"`;
        not a described subject further on (`the "Angirraq Plan," launched in 2023, would add`)."""
        if found.cand is not None and found.cand.kind == "description" and not (k > 0 and frame.items[k - 1][TOKEN] == found.verb):
            return False
        if found.method in ("after", "cue"):
            return True
        return k > 0 and frame.items[k - 1][TOKEN] == found.verb

    def cue_before(self, frame: Frame, k: int) -> bool:
        """A term cue ends right before the quotation at item k, in its sentence: `so-called`,
        `known as`, `the slogan`."""
        last = self._words_before(frame, k, 2)[-1:]  # the word a cue would end with: two words decide it as nine do
        if not self.other_cues and not (last and last[0] in self.cues_by_last):
            return False  # no cue ends with it (most quotations): the words further back cannot make one
        before = self._words_before(frame, k, 9)
        fitting = self.cues_by_last.get(before[-1], ()) if before else ()
        return any(_ends_with(before, cue) for cue in fitting) or any(_ends_with(before, cue) for cue in self.other_cues)

    def _words_before(self, frame: Frame, k: int, most: int) -> list[str]:
        """Up to `most` words right before item k in its sentence, lower-cased, in order, an
        article right before it left out (`known as the "x"`)."""
        before: list[str] = []
        i = k - 1
        while i >= 0 and len(before) < most and frame.items[i][QUOTE] < 0 and frame.sentence[i] == frame.sentence[k]:
            before.append(self.words[frame.items[i][TOKEN]][TEXT].lower())
            i -= 1
        before.reverse()
        if before and before[-1] in ("the", "a", "an"):
            before.pop()
        return before

    def gloss(self, frame: Frame, k: int, kinds: dict[int, str]) -> bool:
        """`"glasnost" translates as "openness" or "transparency"`: `or`, `and` after a term."""
        if k < 2 or self._word(frame, k - 1) not in self.qw.gloss_words:
            return False
        prior = frame.items[k - 2]
        return prior[QUOTE] >= 0 and kinds.get(prior[QUOTE]) == "term"

    def title_case(self, parts: list[str]) -> bool:
        if len(parts) > TITLE_MAX or not parts[0][:1].isupper():
            return False
        words = [p for p in parts if p[:1].isalpha()]
        return bool(words) and all(p[:1].isupper() or p.lower() in self.qw.minor_words for p in words)

    def sentence_like(self, text: str, parts: list[str]) -> bool:
        stripped = text.rstrip()
        return len(parts) >= 3 and stripped[:1].isupper() and stripped[-1:] in (".", "!", "?", "…")

    def _determined(self, frame: Frame, k: int) -> bool:
        """A determiner, a number, a possessive or a capitalised word right before the mark."""
        if k == 0 or frame.items[k - 1][QUOTE] >= 0:
            return False
        prev = frame.items[k - 1]
        gap = self.prose[prev[ITEM_END] : frame.items[k][ITEM_START]]
        word = self.words[prev[TOKEN]][TEXT]
        if gap.strip() in ("'s", "’s", "'", "’"):
            return True
        if gap.strip():
            return False
        if word.lower() in self.qw.determiners or word[:1].isdigit():
            return True
        sentence_start = k - 1 == 0 or frame.sentence[k - 2] != frame.sentence[k - 1]
        return word[:1].isupper() and not sentence_start and word.lower() not in self.qw.pronouns

    def _verb_place(self, frame: Frame, k: int, parts: list[str]) -> bool:
        """A short lower-case quotation right after `to` or a modal (`vowed to "crush" them`,
        `would "gut" the plan`): a verb, and a verb is a word somebody used, not a name."""
        if len(parts) > 2 or not parts[0].islower() or parts[0] in self.qw.determiners or k == 0:
            return False
        before = self._word(frame, k - 1)
        if before is None or before.lower() not in self.qw.verb_openers or self.prose[frame.items[k - 1][ITEM_END] : frame.items[k][ITEM_START]].strip():
            return False
        return before.lower() != "to" or knowledge.is_verb(parts[0])  # `to` is a preposition too: sent to "rehab"

    def _modifier(self, frame: Frame, k: int, text: str) -> bool:
        """`"door-to-door" campaigning`: the quotation modifies the noun after it."""
        nxt = self._word(frame, k + 1)
        if nxt is None or not nxt.islower() or text.rstrip()[-1:] in (",", ".", "!", "?", ";", ":"):
            return False
        if self.prose[frame.items[k][ITEM_END] : frame.items[k + 1][ITEM_START]].strip():
            return False
        return nxt not in self.closed and nxt not in self.verbs and nxt not in self.qw.pronouns

    def _subject_place(self, frame: Frame, k: int, text: str) -> bool:
        """`"Treaties of allied relations" have been signed`: a name standing as the subject."""
        first = k == 0 or frame.sentence[k - 1] != frame.sentence[k]
        nxt = self._word(frame, k + 1)
        return first and nxt is not None and nxt.islower() and text.rstrip()[-1:] not in (",", ".", "!", "?")


@functools.lru_cache(maxsize=4)
def _cues_by_last(cues: tuple[tuple[str, ...], ...]) -> tuple[dict[str, list[tuple[str, ...]]], list[tuple[str, ...]]]:
    """The cues that only words ending in their last word can end with (`_ends_with`), by that
    word; and the others (a cue ending in `*`, or whose last word may stand before a gap).
    Sorted once a run: the caller only reads them."""
    by_last: dict[str, list[tuple[str, ...]]] = {}
    other: list[tuple[str, ...]] = []
    for cue in cues:
        last = cue[-1]
        if last != "*" and cue[cue.index(last) + 1 : cue.index(last) + 2] != ("*",):
            by_last.setdefault(last, []).append(cue)
        else:
            other.append(cue)
    return by_last, other


def _ends_with(words: list[str], cue: tuple[str, ...]) -> bool:
    """Whether the words end with the cue, `*` standing for up to CUE_GAP words."""
    i = len(words)
    for part in reversed(cue):
        if part == "*":
            continue
        if i == 0:
            return False
        if words[i - 1] == part:
            i -= 1
            continue
        if cue[cue.index(part) + 1 : cue.index(part) + 2] == ("*",):
            for skip in range(1, CUE_GAP + 1):
                if i - 1 - skip >= 0 and words[i - 1 - skip] == part:
                    i -= 1 + skip
                    break
            else:
                return False
            continue
        return False
    return True
