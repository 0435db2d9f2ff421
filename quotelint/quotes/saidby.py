"""The subject of a reporting verb: who "said", "told", "noted" in a sentence.

Works on a frame's items (see `frames.py`) with the document's `Cast` of candidates. The
subject is looked for to the left of the verb: a pronoun or a name right before it
(`he said`, `Bokhari told`), through helpers (`Tokayev has explained`), past a modifier
(`Roman for the defense spoke`), back to the antecedent of `who`/`which`, back through `and` to
the first verb's subject, and across appositives (`Ömer Kocaman, deputy secretary general of
..., told`), where the nearest comma-separated chunk naming a person wins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotelint import knowledge
from quotelint.lazyre import lazy
from quotelint.names import END, START, TEXT
from quotelint.quotes.frames import ITEM_END, ITEM_START, QUOTE, TOKEN, Frame, Item
from quotelint.quotes.speakers import Candidate, Cast

if TYPE_CHECKING:
    from collections.abc import Callable

    from quotelint.quotes.words import QuoteWords

_CHUNK_BREAK = lazy(r"[,;:()\[\]—–]|\s-\s")
_DASH = lazy(r"[—–]|\s-\s")
POSSESSIVE = lazy(r"['’]s?\s++")  # a possessive ending a name: Acme's, Rhodes'
RANK = {"person": 0, "organization": 1, "name": 2, "body": 3, "single": 4, "title": 5, "pronoun": 6, "description": 7, "place": 8}
MAX_CHUNKS = 6
TITLE_HEAD_REACH = 4  # words from a determiner to the title noun it opens: the former Supreme Court justice
_AUXILIARIES = frozenset("has had have was were is are be been will would shall should can could may might must do does did".split())
DESCRIPTION_WORDS = 12  # words, at most, of a speaker described: `one owner of a shop that sells ...`
REACH = 60  # items looked at, at most, left of a verb


_AGE = lazy(r"\d{1,3}-year-olds?")
_FLOATED = frozenset({"both", "all", "each", "themselves", "alike"})  # `the two sides both said`


class Subjects:
    def __init__(self, prose: str, cast: Cast, words: QuoteWords, verbs: frozenset[str]) -> None:
        self.prose = prose
        self.cast = cast
        self.qw = words
        self.verbs = verbs
        self.tokens = cast.tokens
        # word sets asked about at every word of a phrase, joined once
        self.closed = words.verb_helpers | words.determiners | words.prepositions | words.not_speakers  # no head of a subject
        self.openers_not = words.verb_helpers | words.clause_words | words.prepositions  # no start of a described subject
        self.adverbial = words.prepositions | words.determiners  # what an adverbial after a description opens with
        self.unnamed_openers = words.indefinite_words | words.quantifiers  # a, one, some: somebody unnamed

    def word(self, item: Item) -> str:
        return self.tokens[item[TOKEN]][TEXT] if item[TOKEN] >= 0 else ""

    def broken(self, a: Item, b: Item) -> bool:
        """A comma, dash or bracket stands between two items."""
        if b[ITEM_START] - a[ITEM_END] == 1 and self.prose[a[ITEM_END]] == " ":
            return False  # most words: one space
        return bool(_CHUNK_BREAK.search(self.prose, a[ITEM_END], b[ITEM_START]))

    def in_relative(self, frame: Frame, v: int, relative: bool) -> bool:
        """Whether item v stands in a relative clause (`"FlowCore" cells, which Veridan says
        ...`): from `which`/`who`/`whose` to the next comma, dash or bracket. Its verb governs
        the clause, not the quotation before it. A break before the item matters only inside a
        clause (it ends it): outside one, it is not looked for."""
        if relative and not (v > 0 and self.broken(frame.items[v - 1], frame.items[v])):
            return True
        word = self.word(frame.items[v]).lower()
        return word in self.qw.relative_words and word != "that"

    def capitalised(self, frame: Frame, i: int) -> Candidate | None:
        """A capitalised word alone beside the verb that follows a quotation, read as a name
        even when it is also an ordinary word: `"...," Hart said`, `"...," said Hart.`"""
        word = self.word(frame.items[i])
        low = word.lower()
        if not word.istitle() or low in self.qw.not_names or low in self.qw.pronouns or self.cast.reader.title_like(word):
            return None
        if low in self.qw.determiners or low in self.qw.minor_words or low in self.qw.clause_words:
            return None
        return Candidate(frame.items[i][TOKEN], frame.items[i][TOKEN], "name", word)

    def left_of(self, frame: Frame, v: int, lo: int) -> Candidate | None:
        """The subject of the verb at item v, looked for in items lo..v-1."""
        items = frame.items
        lo = self._dateline_end(frame, max(lo, v - REACH), v)  # `WASHINGTON (AP) — A senior official said`
        j = v - 1
        while j >= lo and items[j][QUOTE] < 0 and self._helper(self.word(items[j])) and not self.broken(items[j], items[j + 1]):
            j -= 1
        if j < lo or items[j][QUOTE] >= 0:
            return None
        if self.broken(items[j], items[j + 1]):
            who = self._relative_aside(frame, lo, j)
            if who is not None:  # `The spokeswoman, who asked ... because she was not ..., said`: before the aside
                before = self._clause_start(frame, lo, who)
                found = self.chunks(frame, before, who) or self._described_chunk(frame, before, who - 1)
                if found is not None:
                    return found
            start = self._clause_start(frame, lo, j)
            found = self.chunks(frame, start, j + 1)
            if found is None and start > lo and self.word(items[start - 1]).lower() in ("and", "or") and self._after_comma(frame, lo, start - 1):
                found = self.chunks(frame, self._clause_start(frame, lo, self._chunk_start(frame, lo, start - 1) - 1), j + 1)  # `Ted Nordhaus, co-founder of X and advocate of Y, welcomed`
            if found is None:
                who = self._relative_aside(frame, lo, j)  # `Graham, who says ... and allies should ..., tweeted`
                if who is not None:
                    found = self.chunks(frame, self._clause_start(frame, lo, who), who)
            return found or self._described_chunk(frame, start, j)
        low = self.word(items[j]).lower()
        if low in self.qw.relative_words:
            return self._nearest(frame, lo, j, 10) or self._source_before(frame, lo, j)
        if low in ("and", "but", "or"):
            for u in range(j - 1, max(lo, j - 25) - 1, -1):
                word = self.word(frame.items[u])
                if frame.items[u][QUOTE] < 0 and word in self.verbs and word.islower() and not word.endswith("ing"):
                    return self.left_of(frame, u, lo)
            return self._nearest(frame, lo, j, 10)
        cand = self.cast.at_last(items[j][TOKEN])
        if cand is None and low in self.qw.possessor_sources and j - 1 >= lo and items[j - 1][QUOTE] < 0 and POSSESSIVE.fullmatch(self.prose, items[j - 1][ITEM_END], items[j][ITEM_START]):
            owner = self.cast.at_last(items[j - 1][TOKEN])  # Acme's statement said: Acme
            if owner is not None and owner.kind in ("person", "organization", "body", "name"):
                return owner
        if cand is None:
            owner = self.source_owner(frame, j, lo)  # A police statement said: the police
            if owner is not None:
                return owner
        if cand is None and low in self.qw.spokesperson_words and j - 1 >= lo and items[j - 1][QUOTE] < 0:
            body = self.cast.at_last(items[j - 1][TOKEN])  # A Home Office spokesman said: the Home Office
            word = self.word(items[j - 1])
            if body is None and word[:1].isupper() and j - 1 > lo:
                body = Candidate(items[j - 1][TOKEN], items[j - 1][TOKEN], "name", word)  # an Acme spokeswoman
            if body is not None and body.kind in ("organization", "body", "name") and not self.broken(items[j - 1], items[j]):
                return body
        if cand is None:
            if self.word(items[j]).islower() and not self._in_phrase(frame, lo, j):
                return self.describe(frame, lo, j)  # an unnamed subject: "union leaders described", "the insider said"
            found = self.chunks(frame, self._clause_start(frame, lo, j), j + 1) or self.describe(frame, lo, j)
            word = self.word(items[j]).lower()
            # a plural or a group opening the sentence (Fishermen, Parents, Staff) is no name; Smith, Baker are
            noun = knowledge.reads_plural(word) or knowledge.is_group_noun(word)
            if found is None and j == lo and self.cast.reader.sentence_start(items[j][TOKEN]) and not noun:
                found = self.capitalised(frame, j)  # `Acme said`, `Rice said`: a name that is also a word, alone before the verb
            return found
        start = self._item_of(frame, cand.first, lo, j)
        if cand.kind not in ("pronoun", "person"):
            before = self.word(items[start - 1]).lower() if start - 1 >= lo else ""
            chunk = self._chunk_start(frame, lo, start)
            person = self._best(frame, chunk, start, people_only=True)
            if person is not None:
                return person
            if before in self.qw.prepositions or (before in self.qw.determiners and self.word(items[start - 2]).lower() in self.qw.prepositions if start - 2 >= lo else False):
                found = self._best(frame, chunk, start)
                if found is not None:
                    return found
                if cand.kind == "place" and before in self.qw.prepositions and start - 2 >= lo:
                    described = self.describe(frame, lo, start - 2)
                    if described is not None:  # `A woman in Dover said`: somebody from a place, not the place
                        text = self.prose[self.cast.tokens[described.first][START] : self.cast.tokens[cand.last][END]]
                        return Candidate(described.first, cand.last, "description", text)
        return cand

    def _adverb(self, word: str) -> bool:
        """An adverb in -ly made from a word (`quickly`, `happily`, `basically`); not a noun that
        ends so (`family`, `ally`, `assembly`)."""
        if not word.endswith("ly") or len(word) < 5 or knowledge.is_person_noun(word) or knowledge.is_group_noun(word):
            return False
        common = self.cast.lexicon.is_common_word
        stem = word[:-2]
        return common(stem) or stem.endswith("i") and common(stem[:-1] + "y") or stem.endswith("al") and common(stem[:-2]) or common(stem + "le")

    def _source_before(self, frame: Frame, lo: int, j: int) -> Candidate | None:
        """What carries words right before the relative word at item j, with its determiner:
        `issued a statement that said`: `a statement`."""
        i = j - 1
        if i < lo or frame.items[i][QUOTE] >= 0 or not knowledge.is_source_noun(self.word(frame.items[i]).lower()):
            return None
        first = i
        while first - 1 >= lo and i - first < 3 and frame.items[first - 1][QUOTE] < 0 and not self.broken(frame.items[first - 1], frame.items[first]):
            first -= 1
            if self.word(frame.items[first]).lower() in self.qw.determiners:
                break
        else:
            return None
        return Candidate(frame.items[first][TOKEN], frame.items[i][TOKEN], "description", self.prose[frame.items[first][ITEM_START] : frame.items[i][ITEM_END]])

    def _helper(self, word: str) -> bool:
        """A word between a subject and its verb: a helper (`has`, `also`) or an adverb in -ly
        (`has increasingly decried`, `Smith flatly denied`)."""
        return word in self.qw.verb_helpers or len(word) > 4 and word.endswith("ly") and word.islower() and self.cast.lexicon.is_common_word(word[:-2])

    def describe(self, frame: Frame, lo: int, j: int) -> Candidate | None:
        """An unnamed subject described, ending at item j: `the insider`, `a source close to
        him`, `Proponents of the new bill`, `those surveyed`. From its determiner (else the
        chunk's first word) to item j, within the clause; None for what reads as no noun
        phrase (an adverb or a helper ends it). A quantifier floated after it is left out
        (`the union and the employer both said`)."""
        items = frame.items
        if j > lo and items[j][QUOTE] < 0 and self.word(items[j]).lower() in _FLOATED and not self.broken(items[j - 1], items[j]):
            j -= 1
        k = j
        while k > lo and j - k < DESCRIPTION_WORDS and items[k - 1][QUOTE] < 0 and not self.broken(items[k - 1], items[k]):
            low = self.word(items[k - 1]).lower()
            if low in self.qw.clause_words or low in self.verbs or low in self.qw.relative_words or low in self.qw.verb_helpers or low == "what":
                break  # `what critics call`: a clause of its own
            k -= 1
        head = self.word(items[j])
        last = head.lower()
        if last.endswith(("n't", "n’t")) or self._adverb(last) or last in self.closed or last in self.qw.pronouns or (k == j and last.endswith("ing")):
            return None
        if head[:1].isdigit() and not (j - 1 >= k and self.word(items[j - 1]).lower() in ("in", "of")) and _AGE.fullmatch(head) is None:
            return None  # `22 percent said` is no speaker; `About four in 10 said` is, and `the 67-year-old said`
        alone = k == j and self.cast.reader.sentence_start(items[j][TOKEN])
        if head[:1].isupper() and not (alone and (last in self.qw.quantifiers or last.endswith("s") and self.cast.lexicon.is_common_word(last))) and not self._placed(frame, k, j):
            return None  # a capitalised word is a name (`Hart said`), bar a plural opening its sentence (`Aides said`)
        first = k  # from its determiner, unless a preposition comes first: `Supporters of the levy`
        for i in range(k, j + 1):
            low = self.word(items[i]).lower()
            if low in self.qw.determiners or low in self.qw.quantifiers or low in self.qw.prepositions:
                first = i if low not in self.qw.prepositions else k
                break
        if self.word(items[first]).lower() in self.qw.verb_helpers:
            return None
        if k > lo and items[k - 1][QUOTE] < 0 and self.word(items[k - 1]).lower() in _AUXILIARIES and not self.broken(items[k - 1], items[k]):
            return None  # `allies should contribute ground forces`: a verb phrase, no subject
        if any(self.word(items[i]).islower() and self.word(items[i]).lower() not in self.qw.quantifiers for i in range(k, first)):
            return None  # `focusing most of his time there`: words before the determiner make no subject
        text = self.prose[items[first][ITEM_START] : items[j][ITEM_END]]
        return Candidate(items[first][TOKEN], items[j][TOKEN], "description", text)

    def _placed(self, frame: Frame, k: int, j: int) -> bool:
        """Items k..j end with a name after a preposition, after a noun for a person: `a tanker
        driver in Kano`, `one resident of Maple Street`; the person is the description's head."""
        i = j
        while i > k and self.word(frame.items[i])[:1].isupper():
            i -= 1
        if i - 1 < k or self.word(frame.items[i]).lower() not in self.qw.prepositions:
            return False
        return knowledge.is_person_noun(self.word(frame.items[i - 1]).lower())

    def _described_chunk(self, frame: Frame, lo: int, j: int) -> Candidate | None:
        """A described subject before an aside: `Supporters of the levy, however, say`,
        `Officials, speaking on condition of anonymity, said`. The first chunk of the clause,
        past adverbials."""
        k = lo
        while k <= j:
            end = k
            while end < j and frame.items[end + 1][QUOTE] < 0 and not self.broken(frame.items[end], frame.items[end + 1]):
                end += 1
            first = self.word(frame.items[k]).lower()
            if frame.items[k][QUOTE] < 0 and not self._passed_over(frame, k, description=False) and first not in self.openers_not:
                return self.describe(frame, k, end)
            k = end + 1
        return None

    def describe_after(self, frame: Frame, lo: int, hi: int) -> Candidate | None:
        """An unnamed speaker described after the verb: `said a source close to the talks`,
        `said one longtime adviser`: from a determiner or a quantifier at item lo to the next
        break, verb or clause word."""
        items = frame.items
        if lo >= hi or items[lo][QUOTE] >= 0 or self.word(items[lo]).lower() not in self.qw.description_openers:
            return None  # `denounced her record`: a possessive opens an object, not a speaker
        j = lo
        while j + 1 < hi and j - lo < DESCRIPTION_WORDS and items[j + 1][QUOTE] < 0 and not self.broken(items[j], items[j + 1]):
            low = self.word(items[j + 1]).lower()
            if low in self.qw.clause_words or low in self.verbs or low in self.qw.relative_words or low in self.qw.verb_helpers:
                break
            j += 1
        while j > lo and self.word(items[j]).lower() in self.adverbial:
            j -= 1  # said a source on Monday: the phrase ends before its adverbial's preposition
        if j == lo:
            return None
        return Candidate(items[lo][TOKEN], items[j][TOKEN], "description", self.prose[items[lo][ITEM_START] : items[j][ITEM_END]])

    def source_owner(self, frame: Frame, j: int, lo: int) -> Candidate | None:
        """The body noun right before what a body puts out, at item j: `a police statement`,
        `the council's report` is read above."""
        items = frame.items
        if j - 1 < lo or items[j - 1][QUOTE] >= 0 or self.word(items[j]).lower() not in self.qw.possessor_sources:
            return None
        if self.prose[items[j - 1][ITEM_END] : items[j][ITEM_START]] != " " or not self.word(items[j - 1]).islower():
            return None
        owner = self.cast.at_last(items[j - 1][TOKEN])
        return owner if owner is not None and owner.kind == "body" else None

    def _dateline_end(self, frame: Frame, lo: int, hi: int) -> int:
        """The first item after a dateline opening the sentence: a word in capitals, then a
        dash within a few words (`JOS, Nigeria (AP) - A tribunal ...`)."""
        first = self.word(frame.items[lo]) if lo < hi and frame.items[lo][QUOTE] < 0 else ""
        if len(first) < 2 or not first.isupper():
            return lo
        for k in range(lo + 1, min(hi, lo + 10)):
            if _DASH.search(self.prose, frame.items[k - 1][ITEM_END], frame.items[k][ITEM_START]):
                return k
        return lo

    def _in_phrase(self, frame: Frame, lo: int, j: int) -> bool:
        """Item j ends a prepositional phrase (`for the defense`, `on Wednesday`), which
        modifies the subject before it rather than being the subject."""
        for i in (j - 1, j - 2):
            if i >= lo and frame.items[i][QUOTE] < 0:
                low = self.word(frame.items[i]).lower()
                if low in self.qw.prepositions:
                    return True
                if low not in self.qw.determiners:
                    return False
        return False

    def _clause_start(self, frame: Frame, lo: int, j: int) -> int:
        """The first item after the last clause word before item j (`a dispute that union
        leaders described`); `and` between capitalised words belongs to a name."""
        items = frame.items
        for i in range(j - 1, lo - 1, -1):
            if items[i][QUOTE] >= 0:
                continue  # a title inside the clause: whose book "La República Cansada" predicted
            low = self.word(items[i]).lower()
            if low in self.qw.clause_words and low not in ("as",):
                if low in ("and", "or") and 0 < i < len(items) - 1 and self.word(items[i - 1])[:1].isupper() and self.word(items[i + 1])[:1].isupper():
                    continue
                if low in self.qw.subordinators and i > lo and self.broken(items[i - 1], items[i]) and self._aside_closes(frame, i, j):
                    continue  # `Ted Cruz, when asked about it, responded`: an aside, the subject before it
                if self._in_participle_aside(frame, lo, i, j):
                    continue  # `Cruz, leading in the polls and focusing on Iowa, questioned`; `Harlow, asked whether ..., said`
                return i + 1
        return lo

    def _in_participle_aside(self, frame: Frame, lo: int, i: int, j: int) -> bool:
        """Item i stands in an aside set off by commas that opens with a participle (`leading
        in the polls`, `asked whether she would run`)."""
        c = i
        while c > lo and frame.items[c - 1][QUOTE] < 0 and not self.broken(frame.items[c - 1], frame.items[c]):
            c -= 1
        first = self.word(frame.items[c])
        return c > lo and self.broken(frame.items[c - 1], frame.items[c]) and first.islower() and first.endswith(("ing", "ed")) and self._aside_closes(frame, i, j)

    def _after_comma(self, frame: Frame, lo: int, i: int) -> bool:
        """The chunk holding item i opens after a comma: item i stands in an appositive."""
        c = self._chunk_start(frame, lo, i)
        return c > lo and self.broken(frame.items[c - 1], frame.items[c])

    def _relative_aside(self, frame: Frame, lo: int, j: int) -> int | None:
        """The item of `who` or `which` opening a relative clause set off by a comma that runs
        up to item j, or None."""
        for i in range(j - 1, lo, -1):
            if frame.items[i][QUOTE] < 0 and self.word(frame.items[i]).lower() in ("who", "which") and self.broken(frame.items[i - 1], frame.items[i]):
                return i
        return None

    def _aside_closes(self, frame: Frame, i: int, j: int) -> bool:
        """A comma-opened aside starting at item i closes with a comma before item j + 1."""
        return any(self.broken(frame.items[k - 1], frame.items[k]) for k in range(i + 1, j + 2) if k < len(frame.items))

    def _item_of(self, frame: Frame, token: int, lo: int, hi: int) -> int:
        k = hi
        while k > lo and frame.items[k][TOKEN] != token:
            k -= 1
        return k

    def _chunk_start(self, frame: Frame, lo: int, hi: int) -> int:
        k = hi
        while k > lo and frame.items[k - 1][QUOTE] < 0 and not self.broken(frame.items[k - 1], frame.items[k]):
            low = self.word(frame.items[k - 1]).lower()
            if low in self.qw.clause_words and low not in ("as",):
                break
            k -= 1
        return k

    def _nearest(self, frame: Frame, lo: int, hi: int, reach: int) -> Candidate | None:
        """The nearest speaker-like candidate ending before item hi: an antecedent."""
        k = hi - 1
        while k >= max(lo, hi - reach):
            item = frame.items[k]
            if item[QUOTE] < 0:
                cand = self.cast.at_last(item[TOKEN])
                if cand is not None and cand.kind != "place" and (cand.kind != "pronoun" or cand.name in ("he", "she", "they", "we")):
                    return cand  # never "it": as often an object as a subject
            k -= 1
        return None

    def _best(self, frame: Frame, lo: int, hi: int, people_only: bool = False) -> Candidate | None:
        """The best candidate in items lo..hi-1: the first person, else the first of any kind."""
        found: list[Candidate] = []
        k = lo
        while k < hi:
            item = frame.items[k]
            k += 1
            if item[QUOTE] >= 0:
                continue
            cand = self.cast.at_first(item[TOKEN])
            if cand is None:
                continue
            if cand.kind == "place":  # Laredo, Texas: a place never speaks
                while k < hi and frame.items[k][TOKEN] >= 0 and frame.items[k][TOKEN] <= cand.last:
                    k += 1
                continue
            found.append(cand)
            while k < hi and frame.items[k][TOKEN] >= 0 and frame.items[k][TOKEN] <= cand.last:
                k += 1
        if not found:
            return None
        best = min(found, key=lambda c: RANK["single" if c.kind == "name" and c.first == c.last else c.kind])
        if people_only and best.kind != "person":
            return None
        return best

    def chunks(self, frame: Frame, lo: int, hi: int) -> Candidate | None:
        """Across appositives: the nearest comma-separated chunk that names a person, else the
        nearest that names anyone. Relative clauses, descriptions (`a researcher at ...`) and
        adverbials (`on Wednesday`, `Sentencing Gareth Pennington`) are passed over."""
        bounds: list[tuple[int, int]] = []
        end = hi
        k = hi - 1
        while k >= lo and len(bounds) < MAX_CHUNKS:
            if k == lo or self.broken(frame.items[k - 1], frame.items[k]):
                bounds.append((k, end))
                end = k
            k -= 1
        for people_only in (True, False):
            for a, b in bounds:
                if self._passed_over(frame, a, description=not people_only) or self._abbreviation(frame, a, b) or self._possessor(frame, a, b):
                    continue
                found = self._best(frame, a, b, people_only=people_only)
                if found is not None:
                    return found
        return None

    def _possessor(self, frame: Frame, a: int, b: int) -> bool:
        """An appositive opening with a possessor, `Tad Devine, Sanders' senior adviser, said`:
        it describes the speaker by somebody else's name."""
        if frame.items[a][QUOTE] >= 0:
            return False
        cand = self.cast.at_first(frame.items[a][TOKEN])
        if cand is None or cand.kind == "pronoun":
            return False
        end = self._item_of(frame, cand.last, a, b - 1)
        return end + 1 < b and POSSESSIVE.match(self.prose, self.tokens[cand.last][END]) is not None

    def _abbreviation(self, frame: Frame, a: int, b: int) -> bool:
        """A word in capitals in brackets after a name, the name's abbreviation: `The Lucknow
        Metro Rail Corporation (LMRC), in a statement, said` is the corporation's full name."""
        if b != a + 1 or a == 0 or frame.items[a][QUOTE] >= 0:
            return False
        word = self.word(frame.items[a])
        return word.isupper() and len(word) > 1 and self.prose[frame.items[a - 1][ITEM_END] : frame.items[a][ITEM_START]].strip() == "("

    def _passed_over(self, frame: Frame, a: int, description: bool = True) -> bool:
        """A chunk that holds no subject: a relative clause, an adverbial (`on Wednesday`,
        `Sentencing Gareth Pennington`) and, when `description`, a description
        (`a researcher at the Institute of ...`), whose names are not the speaker's."""
        opener = self.word(frame.items[a]).lower()
        if opener in self.qw.subordinators and a + 1 < len(frame.items) and frame.items[a + 1][QUOTE] < 0 and self.word(frame.items[a + 1]).islower():
            return True  # `Ted Cruz, when asked about Trump's vision, responded`: an adverbial clause
        while a + 1 < len(frame.items) and frame.items[a + 1][QUOTE] < 0 and self.word(frame.items[a]).lower() in self.qw.clause_words - self.qw.relative_words:
            a += 1  # Yet despite ..., And when ...
        first = self.word(frame.items[a])
        low = first.lower()
        if low in self.qw.relative_words or low in self.qw.prepositions or first[:1].isdigit():
            return True
        if first[:1].isupper() and low.endswith("ing") and low not in self.cast.lexicon.proper_names:
            return True
        participle = first.islower() or first.istitle() and low.endswith("ed") and low not in self.cast.lexicon.proper_names  # `Asked if she would run,`
        if participle and low.endswith(("ing", "ed")) and low not in self.qw.verb_helpers and a + 1 < len(frame.items) and frame.items[a + 1][QUOTE] < 0:
            after = self.word(frame.items[a + 1]).lower()  # `asked whether`, `speaking after`; not `retired docker Abel Quaresma`
            if after in self.qw.clause_words or after in self.qw.prepositions or after in self.qw.determiners:
                return True  # `Harlow, asked whether she would back Reyes, said`: a participle's aside
        return description and (low in ("a", "an") or (first.islower() and low not in self.qw.pronouns and low != "the"))

    def first_subject(self, frame: Frame, lo: int, hi: int, owned: bool = False) -> Candidate | None:
        """The sentence's subject: the first candidate of its first chunk that is no adverbial
        (and after the dateline, `REYKJAVIK, Iceland (AFP) —`). With `owned`, a possessor with a
        noun after it gives what it owns (`Santos's neighbour`), or the person an appositive
        names (`Santos's neighbour, Tom Briggs,`); else the possessor is the best guess there is."""
        hi = min(hi, lo + REACH)
        k = self._dateline_end(frame, lo, hi)
        while k < hi:
            end = k + 1
            while end < hi and frame.items[end][QUOTE] < 0 and not self.broken(frame.items[end - 1], frame.items[end]):
                end += 1
            unnamed = self._somebody_unnamed(frame, k, end) if frame.items[k][QUOTE] < 0 else None
            if unnamed is not None:
                return unnamed  # `One operative inside Trump Tower tried to play down Ryan's remarks`
            if frame.items[k][QUOTE] < 0 and not self._passed_over(frame, k):
                found = self._headed_title(frame, k, end) or self._best(frame, k, end)
                if found is not None and owned and self._owner_of_subject(frame, found, end):
                    owned = self._owned(frame, found, end)  # `Santos's neighbour, Tom Briggs, was blunt`
                    return self._named_next(frame, end, hi) or owned
                if found is not None and found.kind in ("title", "description"):
                    return self._named_next(frame, end, hi) or found  # `the state director, Mike Rubino, reached out`
                if found is not None:
                    return found
            k = end
        return None

    def _owner_of_subject(self, frame: Frame, found: Candidate, end: int) -> bool:
        """The candidate is a possessor with a noun after it in its chunk (`Santos's neighbour`):
        the subject is what it owns."""
        tokens = self.cast.tokens
        if found.kind not in ("person", "organization", "name") or POSSESSIVE.match(self.prose, tokens[found.last][END]) is None:
            return False
        last = frame.items[end - 1][TOKEN]
        owned = tokens[found.last + 1][TEXT] if last > found.last else ""
        # what somebody puts out stands for them: `Clinton's response was:`, `Acme's statement read:`
        return owned.islower() and owned not in self.qw.possessor_sources and not knowledge.is_source_noun(owned)

    def _owned(self, frame: Frame, found: Candidate, end: int) -> Candidate:
        """The possessor's noun phrase up to the first word that cannot be in it (a verb, a
        helper): `Santos's neighbour`."""
        tokens = self.cast.tokens
        last = found.last + 1
        stop = frame.items[end - 1][TOKEN]
        while last + 1 <= stop and tokens[last + 1][TEXT].islower() and tokens[last + 1][TEXT] not in self.verbs and tokens[last + 1][TEXT] not in self.qw.verb_helpers:
            last += 1
        return Candidate(found.first, last, "description", self.prose[tokens[found.first][START] : tokens[last][END]])

    def _named_next(self, frame: Frame, k: int, hi: int) -> Candidate | None:
        """The person a chunk opening at item k names and nothing else: the appositive after a
        subject described (`the state director, Mike Rubino,`)."""
        if k >= hi or frame.items[k][QUOTE] >= 0:
            return None
        cand = self.cast.at_first(frame.items[k][TOKEN])
        if cand is None or cand.kind != "person":
            return None
        after = k + 1
        while after < hi and frame.items[after][TOKEN] >= 0 and frame.items[after][TOKEN] <= cand.last:
            after += 1
        return cand if after < hi and self.broken(frame.items[after - 1], frame.items[after]) else None

    def _headed_title(self, frame: Frame, k: int, end: int) -> Candidate | None:
        """A title noun heading the chunk at item k after its determiner (`the judge sounded off
        on Ross`): the subject, though a person is named later in the chunk."""
        if self.word(frame.items[k]).lower() not in self.qw.determiners:
            return None
        for i in range(k + 1, min(end, k + 1 + TITLE_HEAD_REACH)):
            if frame.items[i][QUOTE] >= 0:
                return None
            cand = self.cast.at_first(frame.items[i][TOKEN])
            if cand is None:
                continue
            while cand.kind == "title" and i + 1 < end and frame.items[i + 1][QUOTE] < 0:
                head = self.cast.at_first(frame.items[i + 1][TOKEN])  # the state director: director
                if head is None or head.kind != "title":
                    break
                cand, i = head, i + 1
            return cand if cand.kind == "title" else None
        return None

    def _somebody_unnamed(self, frame: Frame, k: int, end: int) -> Candidate | None:
        """A chunk opening with `a`, `one` or a quantifier and a noun for a person within a few
        words (`One operative inside the campaign`, `A neighbour of the family`): that
        somebody, up to the noun, whatever names follow."""
        return self.headed(frame, k, end, self.unnamed_openers, knowledge.is_person_noun)

    def headed(self, frame: Frame, k: int, end: int, openers: frozenset[str], head: Callable[[str], bool]) -> Candidate | None:
        """A description from item k, one of `openers`, to the first of the next three words
        (before `end`) that `head` accepts, all of them in lower case: `One operative`, `The
        audit`. None when a capital, a quotation or the end comes first."""
        if frame.items[k][QUOTE] >= 0 or self.word(frame.items[k]).lower() not in openers:
            return None
        for i in range(k + 1, min(end, k + 4)):
            word = self.word(frame.items[i])
            if frame.items[i][QUOTE] >= 0 or not word.islower():
                return None
            if head(word):
                text = self.prose[frame.items[k][ITEM_START] : frame.items[i][ITEM_END]]
                return Candidate(frame.items[k][TOKEN], frame.items[i][TOKEN], "description", text)
        return None
