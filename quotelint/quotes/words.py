"""The word lists of the quotation engine, read once from `quotelint/data/quotes.yaml`.

Kept apart from the lexicon because no registry needs to change them: they describe English
news grammar (cues for terms, pronouns, determiners, British and American spellings), not a
project's house style.
"""

from __future__ import annotations

import functools
import os
from typing import Any

from quotelint.records import Value

DATA = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "quotes.yaml")


class Ending(Value):
    __slots__ = _fields = ("british", "american", "stem")
    british: str
    american: str
    stem: int  # letters that must stand before the ending

    def __init__(self, british: str, american: str, stem: int) -> None:
        self.british, self.american, self.stem = british, american, stem


class QuoteWords:
    """The engine's word lists, read from the data once per process (`quote_words`) and only
    read after that. A class with slots rather than a NamedTuple: typing compiles the annotation
    of each field of a NamedTuple as its module is imported, 0.7 ms of every run for these 46."""

    __slots__ = (
        "term_cues", "naming_verbs", "copulas", "verb_openers", "passive_helpers", "finite_helpers", "speech_verbs", "label_verbs", "gloss_words",
        "request_particles", "determiners", "speaker_words", "minor_words", "pronouns", "relative_words", "speaking_bodies", "speaker_cues",
        "continuing_verbs", "after_verbs", "refusals", "phrasal_verbs", "first_person", "given_names", "given_sex", "name_extenders", "spokesperson_words",
        "possessor_sources", "spokesperson_links", "indefinite_words", "not_speakers", "description_openers", "quantifiers", "past_markers", "not_names",
        "abbreviations", "honorific_gender", "noun_gender", "prepositions", "verb_helpers", "clause_words", "impersonal_words", "listener_verbs",
        "company_nouns", "subordinators", "endings", "spelling_words",
    )

    term_cues: tuple[tuple[str, ...], ...]  # each a phrase, `*` for up to three words
    naming_verbs: frozenset[str]
    copulas: frozenset[str]  # is, was, seemed: a quoted word after them says what something is
    verb_openers: frozenset[str]  # to, would: a short quotation after them is a verb
    passive_helpers: frozenset[str]  # was identified as: no label of the subject's
    finite_helpers: frozenset[str]  # the timetable posted online was: the noun's own verb
    speech_verbs: frozenset[str]  # said, told: never a participle describing a noun
    label_verbs: frozenset[str]  # report only through `as`: portrayed the rival as "x"
    gloss_words: frozenset[str]
    request_particles: frozenset[str]
    determiners: frozenset[str]
    speaker_words: frozenset[str]
    minor_words: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> male | female | plural | thing
    relative_words: frozenset[str]
    speaking_bodies: frozenset[str]
    speaker_cues: tuple[tuple[str, ...], ...]
    continuing_verbs: frozenset[str]
    after_verbs: frozenset[str]
    refusals: frozenset[str]  # declined (to say): words before `to` that deny the verb after it
    phrasal_verbs: dict[str, str]  # first word -> particle: shot back, chimed in
    first_person: frozenset[str]
    given_names: frozenset[str]
    given_sex: dict[str, str]  # a first name -> male | female
    name_extenders: frozenset[str]
    spokesperson_words: frozenset[str]
    possessor_sources: frozenset[str]
    spokesperson_links: frozenset[str]
    indefinite_words: frozenset[str]
    not_speakers: frozenset[str]  # nouns that never describe a speaker: percent, measures
    description_openers: frozenset[str]  # said a source, said the insider
    quantifiers: frozenset[str]  # words opening a described group: some, many, most, several
    past_markers: frozenset[str]
    not_names: frozenset[str]
    abbreviations: frozenset[str]
    honorific_gender: dict[str, str]
    noun_gender: dict[str, str]  # mother -> female
    prepositions: frozenset[str]
    verb_helpers: frozenset[str]
    clause_words: frozenset[str]
    impersonal_words: frozenset[str]  # Islamic State: no he or she
    listener_verbs: frozenset[str]  # told: its object is the listener
    company_nouns: frozenset[str]  # maker, retailer: nouns for people that name companies before a name
    subordinators: frozenset[str]  # when, while, after: they open an adverbial clause
    endings: tuple[Ending, ...]  # longest British ending first
    spelling_words: dict[str, str]  # British -> American

    def __init__(self, data: dict[str, Any]) -> None:
        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in data[key])

        endings = [Ending(e["british"], e["american"], int(e["stem"])) for e in data["spelling_endings"]]
        endings.sort(key=lambda e: -len(e.british))

        self.term_cues = _phrases(data["term_cues"])
        self.naming_verbs = words("naming_verbs")
        self.label_verbs = words("label_verbs")
        self.passive_helpers = words("passive_helpers")
        self.finite_helpers = words("finite_helpers")
        self.speech_verbs = words("speech_verbs")
        self.verb_openers = words("verb_openers")
        self.copulas = words("copulas")
        self.gloss_words = words("gloss_words")
        self.request_particles = words("request_particles")
        self.determiners = words("determiners")
        self.speaker_words = words("speaker_words")
        self.minor_words = words("minor_words")
        self.pronouns = {str(k).lower(): str(v) for k, v in data["pronouns"].items()}
        self.relative_words = words("relative_words")
        self.speaking_bodies = words("speaking_bodies")
        self.speaker_cues = _phrases(data["speaker_cues"])
        self.continuing_verbs = words("continuing_verbs")
        self.after_verbs = words("after_verbs")
        self.refusals = words("refusals")
        self.phrasal_verbs = {str(k).lower(): str(v).lower() for k, v in data["phrasal_verbs"].items()}
        self.first_person = words("first_person")
        self.given_names = words("given_names")
        self.given_sex = {str(n).lower(): sex for sex, names in data["given_name_sex"].items() for n in names}
        self.name_extenders = words("name_extenders")
        self.spokesperson_words = words("spokesperson_words")
        self.possessor_sources = words("possessor_sources") | words("spokesperson_words")
        self.spokesperson_links = words("spokesperson_links")
        self.indefinite_words = words("indefinite_words")
        self.quantifiers = words("quantifiers")
        self.description_openers = words("description_openers")
        self.not_speakers = words("not_speakers")
        self.past_markers = words("past_markers")
        self.not_names = words("not_names")
        self.abbreviations = words("abbreviations")
        self.honorific_gender = {str(k).lower(): str(v) for k, v in data["honorific_gender"].items()}
        self.noun_gender = {str(k).lower(): str(v) for k, v in data["noun_gender"].items()}
        self.prepositions = words("prepositions")
        self.verb_helpers = words("verb_helpers")
        self.clause_words = words("clause_words")
        self.subordinators = words("subordinators")
        self.listener_verbs = words("listener_verbs")
        self.company_nouns = words("company_nouns")
        self.impersonal_words = words("impersonal_words")
        self.endings = tuple(endings)
        self.spelling_words = {str(k).lower(): str(v).lower() for k, v in data["spelling_words"].items()}

    def american(self, word: str) -> str:
        """The American spelling of a lower-case word, or the word itself."""
        if word in self.spelling_words:
            return self.spelling_words[word]
        for ending in self.endings:
            if word.endswith(ending.british) and len(word) - len(ending.british) >= ending.stem:
                return word[: -len(ending.british)] + ending.american
        return word


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(item).lower().split()) for item in items)


@functools.lru_cache(maxsize=1)
def quote_words() -> QuoteWords:
    from quotelint import enginedata

    return QuoteWords(enginedata.load(os.path.basename(DATA)))
