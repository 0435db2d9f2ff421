"""The rules that pick words out of WordNet for build_knowledge.py (see data/KNOWLEDGE.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

from quotelint.devtools.wordnet import Synset, WordNet

SINGLE_WORD = regex.compile(r"[a-z][a-z'-]*[a-z]")
OTHER_USES_AT_LEAST = 10  # a word tagged this often as a verb or an adjective ...
OTHER_USES_TIMES = 5  # ... and this many times as often as a noun is mostly a verb or adjective
SIBILANT = ("s", "x", "z", "ch", "sh")
HEADED = regex.compile(r"([a-z]+)(-(?:at|de|in|of|to)-.+)")  # bride-to-be, man-at-arms


@dataclass(frozen=True)
class NounRules:
    roots: tuple[str, ...]  # NLTK-style synset names
    dictionary: frozenset[str]  # lower-case English words, to choose between plural forms
    capitalised: bool = False  # take words whose first sense is written with a capital (Democrat)


def mostly_verb_or_adjective(net: WordNet, lemma: str) -> bool:
    uses = net.tagged.get(lemma)
    if not uses:
        return False
    other = uses["v"] + uses["a"]
    return other >= OTHER_USES_AT_LEAST and other > OTHER_USES_TIMES * uses["n"]


def first_sense_nouns(net: WordNet, rules: NounRules, add: Iterable[str]) -> set[str]:
    """Single words (lower case) whose most frequent noun sense is a kind under the roots, with
    their plurals; left out: words mostly used as verbs or adjectives, and unless the rules say
    otherwise words written with a capital in that sense (AARP is one body, not a kind of them).
    `add` words are taken without these tests."""
    below = net.below(rules.roots)
    words = set(add)
    for lemma, offsets in net.senses.items():
        first = net.synsets[offsets[0]]
        if SINGLE_WORD.fullmatch(lemma) and first.offset in below and not first.instance:
            if (rules.capitalised or lemma in first.words) and not mostly_verb_or_adjective(net, lemma):
                words.add(lemma)
    inflected = {form for forms in net.plurals.values() for form in forms}
    singular = {w for w in words if w not in inflected and not is_plural_already(w)}
    return words | {p for w in singular for p in plural_forms(net, w, rules.dictionary)}


def is_plural_already(word: str) -> bool:
    """Ends in a plural -s (allies, baptists) rather than -ss, -us or -is (witness, chorus,
    analysis), or in people (salespeople)."""
    return word.endswith("people") or word.endswith("s") and not word.endswith(("ss", "us", "is"))


def plural_forms(net: WordNet, word: str, dictionary: frozenset[str]) -> tuple[str, ...]:
    """WordNet's irregular plurals of a word; else the first form the dictionary knows (heroes,
    spokesmen, monarchs); else the form by rule; a phrase's head takes the plural (brides-to-be)."""
    if word in net.plurals:
        return net.plurals[word]
    headed = HEADED.fullmatch(word)
    if headed:
        return tuple(head + headed[2] for head in plural_forms(net, headed[1], dictionary))
    forms = [word[:-3] + "men"] if word.endswith("man") else []
    forms += [word + "es"] if word.endswith((*SIBILANT, "o")) else []
    forms += [word[:-1] + "ies"] if consonant_y(word) else []
    return (next((f for f in forms + [word + "s"] if f in dictionary), plural_by_rule(word)),)


def plural_by_rule(word: str) -> str:
    """-men for -man (WordNet's own rule), -es after a sibilant, -ies after a consonant, else -s."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(SIBILANT):
        return word + "es"
    return word[:-1] + "ies" if consonant_y(word) else word + "s"


def consonant_y(word: str) -> bool:
    return len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou"


def is_first_written_sense(net: WordNet, word: str, synset: Synset) -> bool:
    """Whether a word, written as it is (Turkey, not turkey), means this synset first."""
    senses = net.written_senses(word)
    return bool(senses) and senses[0] is synset


def written(word: str) -> str:
    return word.replace("_", " ")


def proper_names(net: WordNet, roots: Iterable[str], common: frozenset[str], kinds: bool = False, keep: Iterable[str] = ()) -> set[str]:
    """Capitalised names under the roots, as written, whose first sense so written is that one
    (Lincoln is first a president, so it is no place); single things (instances) only unless
    `kinds` (WordNet files many bodies as kinds: AARP); no digits, no two-letter capitals
    (postal codes: IN, OR, ME); no single word that is a common word in lower case (Nice,
    Reading, Justice) unless it is under the `keep` roots (Turkey, China: countries)."""
    kept = net.below(keep)
    names = set()
    for offset in net.below(roots):
        synset = net.synsets[offset]
        if not (synset.instance or kinds):
            continue
        for word in synset.words:
            if not word[0].isupper() or any(c.isdigit() for c in word) or (len(word) == 2 and word.isupper()):
                continue
            if word.lower() in common and not word.isupper() and offset not in kept:
                continue
            if is_first_written_sense(net, word, synset):
                names.add(written(word))
    return names


def time_names(net: WordNet, roots: Iterable[str]) -> set[str]:
    """Capitalised names of days, months and holidays under the roots (kinds and instances),
    as written, whose first sense so written is that one; no dates (January 1). A short later
    word that begins the synset's first word is an abbreviation and gets its full stop (Jan.)."""
    names = set()
    for offset in net.below(roots):
        synset = net.synsets[offset]
        for word in synset.words:
            if not word[0].isupper() or any(c.isdigit() for c in word):
                continue
            if not is_first_written_sense(net, word, synset):
                continue
            first = synset.words[0]
            short = word != first and len(word) <= 4 and first.lower().startswith(word.lower())
            names.add(written(word) + ("." if short else ""))
    return names
