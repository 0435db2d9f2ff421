"""Read WordNet 3.0's noun database (and its list of verbs) straight from its data files (no NLTK).

The files are those of Debian's `wordnet-base` (/usr/share/wordnet): `data.noun` holds one
synset a line (offset, lexicographer file, words, pointers | gloss), `index.noun` each lemma's
synsets, most frequent sense first, `cntlist.rev` how often each sense was tagged in the
SemCor corpus, `noun.exc` irregular plurals, `index.verb` the lemmas with a verb sense. The format is WordNet's wndb(5).

Used only by `build_knowledge.py`; never at run time.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

POS_OF_SENSE_KEY = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}  # 5: adjective satellite


@dataclass(frozen=True, slots=True)
class Synset:
    offset: str
    lexfile: int  # 18 is noun.person, 15 noun.location, 28 noun.time ...
    words: tuple[str, ...]  # as written: Washington, New_York, spokesman
    hyponyms: tuple[str, ...]  # offsets of hyponyms and instances
    instance: bool  # a single thing (Paris, Christmas), not a kind


@dataclass(frozen=True)
class WordNet:
    synsets: dict[str, Synset]  # noun synsets by offset
    senses: dict[str, tuple[str, ...]]  # lower-case lemma -> its noun synsets, most frequent first
    tagged: dict[str, Counter[str]]  # lower-case lemma -> tagged uses: n, v, a, r and n:<lexfile>
    plurals: dict[str, tuple[str, ...]]  # lower-case lemma -> irregular plurals (noun.exc)
    verbs: frozenset[str] = frozenset()  # lower-case lemmas that have a verb sense (index.verb)

    def mostly_verbs(self) -> set[str]:
        """Single-word verbs not mostly used as nouns: every lemma with a verb sense unless SemCor
        tags it as a noun five times or more and over four times as often as a verb (embrace,
        crush, gut, end; not cloud, school, storm)."""
        found = set()
        for verb in self.verbs:
            if not verb.replace("-", "").isalpha():
                continue
            uses = self.tagged.get(verb)
            if uses is None or not (uses["n"] >= 5 and uses["n"] > 4 * uses["v"]):
                found.add(verb)
        return found

    def synset(self, name: str) -> Synset:
        """A synset by its NLTK-style name: `person.n.01` is the first noun sense of person."""
        lemma, _, number = name.rsplit(".", 2)
        return self.synsets[self.senses[lemma][int(number) - 1]]

    def below(self, roots: Iterable[str]) -> set[str]:
        """The offsets of the named synsets and of everything under them (kinds and instances)."""
        seen: set[str] = set()
        stack = [self.synset(name).offset for name in roots]
        while stack:
            offset = stack.pop()
            if offset not in seen:
                seen.add(offset)
                stack.extend(self.synsets[offset].hyponyms)
        return seen

    def written_senses(self, word: str) -> list[Synset]:
        """The noun senses of a word written exactly so (Turkey, not turkey), most frequent first."""
        return [s for s in map(self.synsets.get, self.senses.get(word.lower(), ())) if s and word in s.words]


def _lines(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        yield from (line for line in fh if not line.startswith("  "))  # the licence header


def _synset(line: str) -> Synset:
    fields = line.partition(" | ")[0].split()
    count = int(fields[3], 16)
    words = tuple(fields[4 + 2 * i] for i in range(count))
    at = 4 + 2 * count
    pointers = [fields[at + 1 + 4 * k : at + 5 + 4 * k] for k in range(int(fields[at]))]
    hyponyms = tuple(target for symbol, target, pos, _ in pointers if symbol in ("~", "~i") and pos == "n")
    instance = any(symbol == "@i" for symbol, *_ in pointers)
    return Synset(fields[0], int(fields[1]), words, hyponyms, instance)


def read_wordnet(folder: str) -> WordNet:
    synsets = {s.offset: s for s in map(_synset, _lines(os.path.join(folder, "data.noun")))}
    senses: dict[str, tuple[str, ...]] = {}
    for line in _lines(os.path.join(folder, "index.noun")):
        fields = line.split()
        count, pointers = int(fields[2]), int(fields[3])
        senses[fields[0]] = tuple(fields[6 + pointers : 6 + pointers + count])
    tagged: dict[str, Counter[str]] = {}
    for line in _lines(os.path.join(folder, "cntlist.rev")):
        key, _, uses = line.split()
        lemma, _, rest = key.partition("%")
        kind, lexfile = rest.split(":")[:2]
        counter = tagged.setdefault(lemma, Counter())
        counter[POS_OF_SENSE_KEY[kind]] += int(uses)
        if kind == "1":
            counter[f"n:{int(lexfile)}"] += int(uses)
    plurals: dict[str, list[str]] = {}
    for line in _lines(os.path.join(folder, "noun.exc")):
        inflected, *bases = line.split()
        for base in bases:
            plurals.setdefault(base, []).append(inflected)
    verbs = frozenset(line.split(maxsplit=1)[0] for line in _lines(os.path.join(folder, "index.verb")))
    return WordNet(synsets, senses, tagged, {k: tuple(v) for k, v in plurals.items()}, verbs)
