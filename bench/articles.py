"""Distinct article-sized documents made from the seeds, for benchmarks that should not flatter.

    python bench/articles.py OUT_DIR               # 10 MB as 500 files of about 20 KB
    python bench/articles.py OUT_DIR --mb 50 --size 20000 --seed 1

One big file of repeated seeds lets every memo keyed on a word, a sentence or a name hit from
the second copy on; real archives repeat little. Each article here takes runs of consecutive
paragraphs from random places in random seeds (so a quotation keeps the sentences around it),
then changes each number (a year stays a plausible year, other figures keep their first digit
and length) and swaps a lowercase word in most sentences for another word of the seeds. The same
seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
_DIGITS = regex.compile(r"\d+")
_WORD = regex.compile(r"(?<=\s)[a-z]{4,}(?=[\s,.;:])")
_SENTENCE = regex.compile(r"(?<=[.!?][”\"’]?)\s+(?=\S)")


def paragraphs() -> list[list[str]]:
    """Each seed's non-empty lines, in order."""
    return [
        [line for line in p.read_text(encoding="utf-8").split("\n") if line.strip()]
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]


def _number(rng: random.Random, digits: str) -> str:
    if len(digits) == 4 and digits[:2] in ("19", "20"):
        return str(rng.randint(1990, 2029))
    return digits[0] + "".join(rng.choice("0123456789") for _ in digits[1:])


def vary(paragraph: str, rng: random.Random, vocabulary: list[str]) -> str:
    """The paragraph with new numbers and, in most sentences, one lowercase word swapped."""
    paragraph = _DIGITS.sub(lambda m: _number(rng, m.group()), paragraph)
    out = []
    for sentence in _SENTENCE.split(paragraph):
        words = list(_WORD.finditer(sentence))
        if words and rng.random() < 0.8:
            m = rng.choice(words)
            sentence = sentence[: m.start()] + rng.choice(vocabulary) + sentence[m.end() :]
        out.append(sentence)
    return " ".join(out)


def articles(total: int, size: int = 20_000, seed: int = 0) -> Iterator[str]:
    """Articles of about `size` bytes each (UTF-8) until `total` bytes are written."""
    rng = random.Random(seed)
    seeds = paragraphs()
    vocabulary = sorted({w.group() for s in seeds for p in s for w in _WORD.finditer(p)})
    written = 0
    while written < total:
        lines: list[str] = []
        length = 0
        goal = min(size, total - written)
        while length < goal:
            source = rng.choice(seeds)
            start = rng.randrange(len(source))
            for line in source[start : start + rng.randint(3, 8)]:
                line = vary(line, rng, vocabulary)
                lines.append(line)
                length += len(line.encode("utf-8")) + 1
                if length >= goal:
                    break
        text = "\n".join(lines) + "\n"
        written += len(text.encode("utf-8"))
        yield text


def write_articles(folder: Path, total: int, size: int = 20_000, seed: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, text in enumerate(articles(total, size, seed)):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--mb", type=float, default=10.0, help="total size in MB (10**6 bytes)")
    parser.add_argument("--size", type=int, default=20_000, help="bytes per article")
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args(argv)
    paths = write_articles(options.out, int(options.mb * 1_000_000), options.size, options.seed)
    print(f"{len(paths)} files, {sum(p.stat().st_size for p in paths) / 1e6:.2f} MB in {options.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
