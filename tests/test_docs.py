"""The README and docs/: every link resolves inside the repository, the examples are what the
real command prints and what it accepts, and docs/ describes the whole public interface."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from quotelint.settings import load_settings
from tests.conftest import ROOT, run_quotelint

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.S)
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$", re.M)


def prose(text: str) -> str:
    """The page without its code blocks and code spans, where a link is an example, not a link."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def links(page: Path) -> list[str]:
    return [m.group(1).strip("<>") for m in LINK.finditer(prose(page.read_text(encoding="utf-8")))]


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces to hyphens."""
    seen: dict[str, int] = {}
    out = set()
    for heading in HEADING.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
        slug = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN").replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def test_the_link_finder_finds_links_and_leaves_code_alone(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text("See [a](a.md#x), ![b](img/b.png), [c](<c d.md>) and [web](https://e.org).\n"
                    "`[not](code.md)`\n```md\n[not](block.md)\n```\n## Exit codes: `0`, 1!\n", encoding="utf-8")
    assert links(page) == ["a.md#x", "img/b.png", "c d.md", "https://e.org"]
    assert anchors(page) == {"exit-codes-0-1"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_resolves_inside_the_repository(page: Path) -> None:
    for target in links(page):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: ...
            assert target.startswith(("https://", "http://", "mailto:")), target
            continue
        path, _, anchor = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        assert resolved.is_relative_to(ROOT), f"{page.name}: {target} points outside the repository"
        assert resolved.exists(), f"{page.name}: {target} does not exist"
        if anchor:
            assert anchor in anchors(resolved), f"{page.name}: {target}: no heading gives #{anchor}"


def test_nothing_points_outside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../" not in readme and "/work/" not in readme
    for page in PAGES:  # the public interface is described here, not in a file beside the repository
        assert "CONTRACT.md" not in page.read_text(encoding="utf-8"), page.name


def test_the_readme_is_short_and_says_why_the_first_command_exits_1() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 150
    assert "report-example:start" not in readme  # the full sample report lives in docs/example.md
    assert "pip install -e . && quotelint report seeds/" in readme and "pip install -e '.[test,lsp,dask]' && python -m pytest -q" in readme
    setup = readme.index("python -m pytest -q")
    assert "exit code 1" in readme[setup : setup + 600]
    assert run_quotelint("report", "seeds/").returncode == 1  # as the README says


def test_the_readme_check_example_is_what_the_command_prints() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"<!-- check-example: (quotelint check [^>]*?) -->\n```text\n\$ \1\n(.*?)```", readme, re.S)
    assert command is not None
    done = run_quotelint(*command.group(1).split()[1:])
    assert done.returncode == 1 and done.stdout == command.group(2)


def test_the_readme_settings_and_hooks_are_what_quotelint_and_pre_commit_accept(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    (settings,) = [b for b in blocks if b.startswith("registry:")]
    (tmp_path / ".quotelint.yaml").write_text(settings, encoding="utf-8")
    (tmp_path / "registry").mkdir()
    loaded = load_settings(str(tmp_path / ".quotelint.yaml"))
    assert [Path(p) for p in loaded.registry] == [tmp_path / "registry"] and "QL103" in loaded.ignore
    (hooks,) = [yaml.safe_load(b) for b in blocks if b.startswith("repos:")]
    offered = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for r in hooks["repos"] for h in r["hooks"]} <= offered
    # the settings work from the newsroom's own folder with its own registry
    (tmp_path / "registry" / "people.yaml").write_text("people:\n  - id: ann-lee\n    name: Ann Lee\n    misspellings: [Ann Leigh]\n", encoding="utf-8")
    # ... and the house style its per-file-ignores name (a selector that names no rule is an error)
    house = "rules:\n  - id: house/percent\n    kind: substitution\n    swap: {per cent: percent}\n    message: Write percent\n"
    (tmp_path / "registry" / "house.yaml").write_text(house, encoding="utf-8")
    (tmp_path / "story.md").write_text("Ann Leigh spoke on Monday.\n", encoding="utf-8")
    done = run_quotelint("check", "story.md", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    ((rule, message),) = [(f["rule"], f["message"]) for f in json.loads(done.stdout)["findings"]]
    assert rule == "QL201" and "(Ann Lee)" in message, message


def test_docs_describe_the_whole_public_interface() -> None:
    """docs/reference.md names every command, every finding category, every key of the JSON of
    check and extract, and every section of a registry file, as the code has them."""
    from quotelint.cli import build_parser
    from quotelint.formatters.quotes_json import FIELDS
    from quotelint.finding import CATEGORIES
    from quotelint.registry.load import EXTRA_SECTIONS
    from quotelint.registry.schema import SECTIONS

    reference = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices  # noqa: SLF001 - argparse has no public list
    for name, sub in commands.items():
        if name == "registry":
            for inner in next(a for a in sub._actions if a.dest == "registry_command").choices:  # noqa: SLF001
                assert f"`quotelint registry {inner}" in reference, inner
        else:
            assert f"`quotelint {name}" in reference, name
    for category in CATEGORIES:
        assert f"| `{category}` |" in reference, category
    finding = json.loads(run_quotelint("check", "seeds/", "--format", "json").stdout)
    for key in [*finding, *finding["summary"], *finding["findings"][0]]:
        assert f'"{key}"' in reference, key
    for key in FIELDS:
        assert f'"{key}"' in reference, key
    for section in SECTIONS:
        assert f"| `{section}` |" in reference, section
    for section in EXTRA_SECTIONS:
        assert f"`{section}:`" in reference, section


def test_no_file_keeps_merge_conflict_markers() -> None:
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        return  # not a git checkout (an sdist): nothing to look at
    for name in tracked:
        if not name.endswith((".md", ".py", ".yaml", ".yml", ".toml", ".txt", ".cfg")):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for marker in ("<<<<<<< ", ">>>>>>> "):
            assert f"\n{marker}" not in f"\n{text}", f"{name} keeps a merge conflict marker"
