"""Random mutations of the seed articles: wrong titles put on registered people, one-edit typos
of registered names (acronyms included), and clean copies; prints the catch rate and the
findings the clean copies gain.

    python bench/mutations.py [--seed 7] [--titles 400] [--typos 800] [--date 2023-03-20] [--keep-first] [-v]

Nothing here is tuned on: titles and typos are drawn at random from the registry and the seed
paragraphs, and the truth of each case is decided from the registry's data, not by the linter.

Titles. A paragraph naming a registered person gets a title in one of five shapes
(`T Name`, `the T Name`, `Name, T,`, `T, Name,`, `Country's T Name`), replacing a registered
title already written before the name. A *wrong* title is a form of another person's role that
the person never held (or, with a date, one of the person's own roles not held then, written
without `former`), or a country none of the person's roles names put on one of their titles. A
*right* title is a form of a role the person holds at the date, or `former` with one they held
before; it must give no finding the unchanged paragraph does not give.

Typos. A registered word in a paragraph (a name of three letters or more that no dictionary
holds) gets one random edit: a letter inserted, dropped, changed or two letters swapped,
anywhere in the word (`--keep-first`: not the first letter). Edits that make another registered spelling, a listed misspelling or a
dictionary word are drawn again. Caught means a spelling-drift finding on exactly that word
whose suggestion is an accepted spelling of the same name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import string
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotelint.linter import lint_text  # noqa: E402
from quotelint.names import form_tokens  # noqa: E402
from quotelint.registry.load import load_registry  # noqa: E402
from quotelint.settings import Settings  # noqa: E402

COUNTRIES = ["Kazakhstan", "Uzbekistan", "Russia", "China", "Spain", "Ukraine", "Türkiye", "France", "Germany", "Kyrgyzstan"]
ADJECTIVES = {"Kazakhstan": "Kazakh", "Uzbekistan": "Uzbek", "Russia": "Russian", "China": "Chinese", "Spain": "Spanish",
              "Ukraine": "Ukrainian", "Türkiye": "Turkish", "France": "French", "Germany": "German", "Kyrgyzstan": "Kyrgyz"}


def paragraphs() -> list[str]:
    out = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        out += [line for line in seed.read_text(encoding="utf-8").split("\n") if len(line) > 60 and "USD" not in line]
    return out


def plain(text: str) -> str:
    return text.replace("’", "'").casefold()


def name_sites(text: str, registry) -> list[tuple[object, int, int]]:  # type: ignore[no-untyped-def]
    """(person, start, end) of each registered person named in the text, longest form first."""
    sites, taken = [], set()
    for person in registry.entities.values():
        if person.kind != "person":
            continue
        for form in sorted(person.forms, key=len, reverse=True):
            if len(form) < 4:
                continue
            at = text.find(form)
            while at >= 0:
                end = at + len(form)
                edges_ok = (at == 0 or not text[at - 1].isalnum() and text[at - 1] != "-") and (end == len(text) or not text[end].isalnum())
                if edges_ok and not any(a < end and at < b for a, b in taken):
                    sites.append((person, at, end))
                    taken.add((at, end))
                at = text.find(form, at + 1)
    return sites


def title_before(text: str, start: int, registry) -> int:  # type: ignore[no-untyped-def]
    """Where a registered role form written right before `start` begins (else `start`)."""
    head = plain(text[:start])
    best = start
    for person in registry.entities.values():
        for role in person.roles:
            for form in role.forms + tuple(f.split(" to ")[0] for f in role.forms):
                f = plain(form) + " "
                if head.endswith(f) and start - len(f) < best:
                    best = start - len(f)
    return best


def shaped(text: str, start: int, end: int, title: str, shape: str) -> tuple[str, int, int] | None:
    """The text with the title put beside the name, and the span the title and name cover."""
    first = title_before(text, start, REGISTRY)
    name = text[start:end]
    after = text[end:]
    if first >= 4 and text[first - 4 : first].lower() == "the ":
        first -= 4
    lead = text[:first]
    sentence_start = not lead.strip() or lead.rstrip()[-1:] in ".!?“\"”"
    if shape == "apposition" or shape == "comma-before":
        if not (after.startswith(" ") and after[1:2].islower()) and not after.startswith(","):
            return None
        rest = after[1:] if after.startswith(",") else after
        if shape == "apposition":
            new = f"{name}, {title},{rest}"
        else:
            new = f"{title}, {name},{rest}"
            if sentence_start:
                new = new[0].upper() + new[1:]
        return lead + new, len(lead), len(lead) + len(new) - len(rest)
    if shape == "the":
        title = ("The " if sentence_start else "the ") + title
    new = f"{title} {name}"
    return lead + new + after, len(lead), len(lead) + len(new)


SAME = {"chairwoman": "chairman", "chairperson": "chairman", "chair": "chairman", "spokeswoman": "spokesman", "spokesperson": "spokesman"}


def words_of(form: str) -> set[str]:
    return {SAME.get(w.casefold(), w.casefold()) for w in form_tokens(form)}


def role_words(person) -> set[str]:  # type: ignore[no-untyped-def]
    return {w for role in person.roles for form in role.forms for w in words_of(form)}


def wrong_titles(person, registry, when):  # type: ignore[no-untyped-def]
    """Forms of roles the person did not hold (at the date), as (form, why)."""
    own_titles = {r.title for r in person.roles}
    own_forms = {plain(f) for r in person.roles for f in r.forms}
    words = role_words(person)
    out = []
    for other in registry.entities.values():
        if other.id == person.id:
            continue
        for role in other.roles:
            if role.title in own_titles:
                continue
            for form in role.forms:
                if plain(form) not in own_forms and len(form_tokens(form)) >= 2 and not words_of(form) <= words and unmarked(form):
                    out.append((form, "other's role"))
    if when is not None:
        held = [r for r in person.roles if r.held_on(when)]
        held_forms = {plain(f) for r in held for f in r.forms}
        for role in person.roles:
            if role not in held and role.title not in {r.title for r in held}:
                out += [(f, "own role, not then") for f in role.forms if plain(f) not in held_forms and len(form_tokens(f)) >= 2 and unmarked(f)]
    return out


def unmarked(form: str) -> bool:
    """A form that says nothing of when it was held (no `former`, no `first president`)."""
    return not {w.lower() for w in form_tokens(form)} & {"former", "ex", "then", "first", "late"} and not form.lower().startswith(("ex-", "then-"))


def right_titles(person, when):  # type: ignore[no-untyped-def]
    out = []
    for role in person.roles:
        if role.held_on(when):
            out += [f for f in role.forms if len(form_tokens(f)) >= 2]
        elif when is not None and role.start is not None and role.start < when:
            out += [f"former {f}" for f in role.forms if len(form_tokens(f)) >= 2 and not f.lower().startswith("former")]
    return out


def country_title(person, rng):  # type: ignore[no-untyped-def]
    """`Uzbekistan's President` for a president of another country: a wrong country on a right head."""
    text = " ".join(f for r in person.roles for f in r.forms)
    heads = [r.title.split(" of ")[0] for r in person.roles if " of " in r.title]
    foreign = [c for c in COUNTRIES if c not in text and ADJECTIVES[c] not in text]
    if not heads or not foreign:
        return None
    country = rng.choice(foreign)
    head = rng.choice(heads)
    return rng.choice([f"{country}'s {head}", f"{ADJECTIVES[country]} {head}"])


def titles_bench(rng: random.Random, n: int, when, verbose: bool) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(select=("QL203",), date=when)
    texts = [p for p in paragraphs() if name_sites(p, REGISTRY)]
    if when is None:  # a registered quote dates the article: keep to paragraphs that quote nobody registered
        texts = [p for p in texts if not any(q.text[:40] in p for q in REGISTRY.quotes)]
    tried, caught, clean, gained = Counter(), Counter(), 0, 0
    shapes = ["plain", "the", "apposition", "comma-before", "country"]
    for _ in range(n):
        text = rng.choice(texts)
        person, start, end = rng.choice(name_sites(text, REGISTRY))
        base = Counter((text[f.start : f.end], f.message) for f in lint_text(text, REGISTRY, settings))
        shape = rng.choice(shapes)
        right = rng.random() < 0.3
        if right:
            options = right_titles(person, when)
            title, why = (rng.choice(options), "right") if options else (None, "")
        elif shape == "country":
            title, why = country_title(person, rng), "wrong country"
        else:
            options = wrong_titles(person, REGISTRY, when)
            title, why = rng.choice(options) if options else (None, "")
        if title is None:
            continue
        made = shaped(text, start, end, title, "plain" if shape == "country" else shape)
        if made is None:
            continue
        new, a, b = made
        found = lint_text(new, REGISTRY, settings)
        if right:
            clean += 1
            extra = Counter((new[f.start : f.end], f.message) for f in found) - base
            gained += bool(extra)
            if extra and verbose:
                print(f"  FALSE {title!r} on {person.name}: {list(extra)[0][1]}")
            continue
        key = f"{shape}/{why}" + ("" if person.roles else " (person with no role)")
        tried[key] += 1
        hit = any(f.start < b and a < f.end for f in found)
        caught[key] += hit
        if not hit and verbose:
            print(f"  MISS {key}: {new[a:b]!r}")
    total, hits = sum(tried.values()), sum(caught.values())
    print(f"wrong titles caught: {hits}/{total} ({hits / max(total, 1):.1%})")
    for k in sorted(tried):
        print(f"  {k:<36} {caught[k]}/{tried[k]}")
    print(f"right titles flagged: {gained}/{clean}")


def edit(word: str, rng: random.Random, keep_first: bool) -> tuple[str, str]:
    kind = rng.choice(["insertion", "deletion", "substitution", "transposition"])
    letters = string.ascii_uppercase if word.isupper() else string.ascii_lowercase
    i = rng.randrange(int(keep_first), len(word) - (kind == "transposition"))
    letter = rng.choice(letters)
    if i == 0 and word[0].isupper():
        letter = letter.upper()
    if kind == "insertion":
        return kind, word[:i] + letter + word[i:]
    if kind == "deletion":
        return kind, word[:i] + word[i + 1 :]
    if kind == "substitution":
        return kind, word[:i] + letter + word[i + 1 :]
    return kind, word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def typos_bench(rng: random.Random, n: int, verbose: bool, keep_first: bool) -> None:
    import regex

    index, lexicon = REGISTRY.names, REGISTRY.words
    settings = Settings(select=("QL201",))
    listed = {m for e in REGISTRY.entities.values() for m in e.misspellings for m in form_tokens(m)}
    word_re = regex.compile(r"(?<![\w’'-])[\p{L}][\p{L}\p{M}]*(?![\w-])")
    sites = []
    for text in paragraphs():
        for m in word_re.finditer(text):
            w = m.group()
            if w in index.known and len(w) >= 3 and not lexicon.is_common_word(w) and w not in listed:
                sites.append((text, m.start(), w))
    tried, caught = Counter(), Counter()
    for _ in range(n):
        text, at, word = rng.choice(sites)
        kind, wrong = edit(word, rng, keep_first)
        if wrong == word or wrong in index.known or wrong in listed or lexicon.is_common_word(wrong) or len(wrong) < 2:
            continue
        new = text[:at] + wrong + text[at + len(word) :]
        accepted = {w for e in index.owners.get(word, ()) for f in REGISTRY.entities[e].forms for w in form_tokens(f)}
        found = [f for f in lint_text(new, REGISTRY, settings) if f.start == at and f.end == at + len(wrong)]
        group = "acronym" if word.isupper() else ("short" if len(word) <= 4 else "long")
        tried[group, kind] += 1
        ok = bool(found) and found[0].suggestion in accepted
        caught[group, kind] += ok
        if not ok and verbose:
            print(f"  MISS {word} -> {wrong} ({kind}): {[f.message for f in found]}")
    total, hits = sum(tried.values()), sum(caught.values())
    print(f"typos caught with the right fix: {hits}/{total} ({hits / max(total, 1):.1%})")
    for group in ("acronym", "short", "long"):
        g_tried = sum(v for (g, _), v in tried.items() if g == group)
        g_hit = sum(v for (g, _), v in caught.items() if g == group)
        print(f"  {group:<8} {g_hit}/{g_tried}  " + "  ".join(f"{k} {caught[group, k]}/{tried[group, k]}" for k in ("insertion", "deletion", "substitution", "transposition")))
    extra = 0
    for text in paragraphs():
        for f in lint_text(text, REGISTRY, settings):
            wrong = text[f.start : f.end]
            if not any(wrong in m or m in wrong for e in REGISTRY.entities.values() for m in e.misspellings):
                extra += 1
                if verbose:
                    print(f"  CLEAN FINDING {f.message}")
    print(f"spelling findings on the clean paragraphs that no listed misspelling explains: {extra}")


REGISTRY = load_registry([str(ROOT / "rules")])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--titles", type=int, default=400)
    parser.add_argument("--typos", type=int, default=800)
    parser.add_argument("--date", default="2023-03-20", help="the articles' date, or none")
    parser.add_argument("--keep-first", action="store_true", help="typos leave the first letter alone")
    parser.add_argument("-v", "--verbose", action="store_true")
    opts = parser.parse_args()
    when = None if opts.date == "none" else dt.date.fromisoformat(opts.date)
    if opts.titles:
        titles_bench(random.Random(opts.seed), opts.titles, when, opts.verbose)
    if opts.typos:
        typos_bench(random.Random(opts.seed), opts.typos, opts.verbose, opts.keep_first)


if __name__ == "__main__":
    main()
