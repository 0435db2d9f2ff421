"""The GitHub Action, run locally: action.yml's own scripts, as the runner would run them.

Each `run:` step is executed with `bash --noprofile --norc -eo pipefail` (the runner's command
for `shell: bash`), its `env:` expressions evaluated from the inputs and a pull-request event,
GITHUB_ACTIONS, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE set, against a temporary
repository with a base commit and a change. quotelint is already on PATH (this test's Python),
so the install step is skipped with `install: false`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.integ_helpers import GIT_ENV, REGISTRY_YAML, ROOT, git, init_repo, runner_commands

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")
CONDITION = re.compile(r"inputs\.([\w-]+) == '([^']*)'")
ODD_NAME = "a,b:c.md"

BASE_TEXT = "# Vote\n\nThe ODHIR mission came early.\n\nCalm day.\n"
CHANGED_TEXT = BASE_TEXT + "\nLater the ODHIR mission left, with the Turnuot Movement.\nFewer voters did turn\nout this time.\n"
# An organization whose name holds a per cent sign and a comma, so that messages about it do,
# and a house rule whose message quotes a match across a line break.
REGISTRY = REGISTRY_YAML.replace(
    "people:\n",
    "  - id: turnout-movement\n"
    '    name: "Movement for 100% Turnout, Kazakhstan"\n'
    "    aliases: [Turnout Movement]\n"
    "    misspellings: [Turnuot Movement]\n"
    "people:\n",
) + r"""rules:
  - id: house/turn-out
    kind: existence
    tokens: ['turn\s+out']
    regex: true
    severity: warning
    message: "'{match}' is one word in 100% of our stories, so write turnout"
    examples: {fail: [Voters did turn out.], pass: [The turnout was high.]}
"""


@dataclass
class Run:
    code: int
    stdout: str
    outputs: dict[str, str]
    summary: str


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: an article with an old misspelling; HEAD (feature): a new line with two more."""
    repo = init_repo(tmp_path / "newsroom")
    (repo / "registry.yaml").write_text(REGISTRY, encoding="utf-8")
    (repo / ".quotelint.yaml").write_text("registry: [registry.yaml]\n", encoding="utf-8")
    (repo / "news").mkdir()
    (repo / "news" / ODD_NAME).write_text(BASE_TEXT, encoding="utf-8")
    (repo / "news" / "other.md").write_text("Old Tokaev line.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "news" / ODD_NAME).write_text(CHANGED_TEXT, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "change")
    return repo


def run_action(repo: Path, tmp_path: Path, event: str = "pull_request", path_first: str = "", **inputs: str) -> Run:
    values = {f"inputs.{name}": str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    (tmp_path / "github_path").unlink(missing_ok=True)
    values["inputs.install"] = "false"
    values.update({f"inputs.{k.replace('_', '-')}": v for k, v in inputs.items()})
    values["github.action_path"] = str(ROOT)
    values["github.event.pull_request.base.sha"] = git(repo, "rev-parse", "main").strip() if event == "pull_request" else ""
    output, summary = tmp_path / "github_output", tmp_path / "step_summary"
    output.write_text("", encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_", "INPUT_"))}
    base_env.update(GIT_ENV)
    base_env.update(
        {
            "PATH": os.pathsep.join(p for p in (path_first, os.path.dirname(sys.executable), os.environ.get("PATH", "")) if p),
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": event,
            "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_PATH": str(tmp_path / "github_path"),
            "GITHUB_WORKSPACE": str(repo),
            "RUNNER_TEMP": str(tmp_path),
            "NO_COLOR": "1",
            "QUOTELINT_CACHE_DIR": str(tmp_path / "cache"),
        }
    )
    if event == "pull_request":
        base_env["GITHUB_BASE_REF"] = "main"
    code, stdout = 0, ""
    for step in ACTION["runs"]["steps"]:
        condition = step.get("if")
        if condition is not None:
            m = CONDITION.fullmatch(condition.strip())
            assert m, f"the test cannot evaluate the condition {condition!r}"
            if values[f"inputs.{m[1]}"] != m[2]:
                continue
        env = dict(base_env)
        env.update({k: EXPRESSION.sub(lambda m: values[m[1]], v) for k, v in step.get("env", {}).items()})
        script = tmp_path / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=repo, env=env, capture_output=True, text=True, timeout=300, check=False,
        )
        code, stdout = proc.returncode, stdout + proc.stdout + proc.stderr
        if code:
            break
        added = (tmp_path / "github_path").read_text(encoding="utf-8").split() if (tmp_path / "github_path").exists() else []
        base_env["PATH"] = os.pathsep.join([*reversed(added), base_env["PATH"]])  # as the runner does
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
    return Run(code, stdout, outputs, summary.read_text(encoding="utf-8"))


def annotations(text: str) -> list[str]:
    return runner_commands(text)


def test_scripts_take_every_value_from_the_environment() -> None:
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"an expression inside the script of {step.get('name')}"
        for name, value in step.get("env", {}).items():
            assert EXPRESSION.fullmatch(value.strip()), f"{name}: only a plain expression may stand in env"
    script = ACTION["runs"]["steps"][-1]["run"]
    assert "eval" not in script.split()


def test_pull_request_annotates_only_changed_lines_with_exact_escaping(repo: Path, tmp_path: Path) -> None:
    run = run_action(repo, tmp_path, paths="news")
    assert run.code == 1, run.stdout
    # "Later the " is 10 code points: ODHIR at 11-16; "Later the ODHIR mission left, with the " is 39: Turnuot at 40-47.
    assert annotations(run.stdout) == [
        "::error file=news/a%2Cb%3Ac.md,line=7,endLine=7,col=11,endColumn=16,title=QL201 spelling-drift"
        "::'ODHIR' is a misspelling of 'ODIHR' (Office for Democratic Institutions and Human Rights) (suggestion: ODIHR)",
        "::error file=news/a%2Cb%3Ac.md,line=7,endLine=7,col=40,endColumn=47,title=QL201 spelling-drift"
        "::'Turnuot' is a misspelling of 'Turnout' (Turnout Movement, Movement for 100%25 Turnout, Kazakhstan) (suggestion: Turnout)",
        # a span over two lines: no columns; the line break in the message is %0A
        "::warning file=news/a%2Cb%3Ac.md,line=8,endLine=9,title=house/turn-out style"
        "::'turn%0Aout' is one word in 100%25 of our stories, so write turnout",
    ]
    assert run.outputs["findings"] == "3"
    assert "## quotelint" in run.summary
    # two files checked, the findings on the changed lines in one of them
    assert run.stdout.rstrip().endswith("quotelint: 3 findings in 1 of 2 files checked.")
    assert "**3 findings** (2 errors, 1 warning) in 1 of 2 files checked." in run.summary
    assert "| spelling-drift | 2 | 0 | 0 | 2 |" in run.summary
    assert "| style | 0 | 1 | 0 | 1 |" in run.summary
    assert "| news/a,b:c.md | 8 | warning | house/turn-out | 'turn<br>out' is one word in 100% of our stories, so write turnout |" in run.summary
    assert "| news/a,b:c.md | 7 | error | QL201 | 'ODHIR' is a misspelling of 'ODIHR' (Office for Democratic Institutions and Human Rights) (suggestion: ODIHR) |" in run.summary


def test_push_checks_every_line(repo: Path, tmp_path: Path) -> None:
    run = run_action(repo, tmp_path, event="push", paths="news")
    assert run.code == 1
    lines = [re.search(r"file=([^,]+),line=(\d+)", a).groups() for a in annotations(run.stdout)]  # type: ignore[union-attr]
    # the ODHIR of line 3, written again on line 7, is one finding
    assert lines == [("news/a%2Cb%3Ac.md", "3"), ("news/a%2Cb%3Ac.md", "7"), ("news/other.md", "1"), ("news/a%2Cb%3Ac.md", "8")]
    assert run.outputs["findings"] == "4"


@pytest.mark.parametrize(
    ("fail_on", "severity", "code"),
    [("error", "error", 1), ("error", "warning", 0), ("warning", "warning", 1), ("info", "info", 1), ("never", "error", 0), ("", "warning", 1), ("", "info", 0)],
)
def test_exit_code_per_fail_on(repo: Path, tmp_path: Path, fail_on: str, severity: str, code: int) -> None:
    settings = repo / ".quotelint.yaml"
    settings.write_text(f"registry: [registry.yaml]\nseverity: {{QL201: {severity}, house/turn-out: {severity}}}\n", encoding="utf-8")
    run = run_action(repo, tmp_path, paths="news", fail_on=fail_on)
    assert run.code == code, run.stdout
    command = {"error": "error", "warning": "warning", "info": "notice"}[severity]
    assert len(annotations(run.stdout)) == 3 and all(a.startswith(f"::{command} ") for a in annotations(run.stdout))


def test_sarif_file_and_several_paths_one_per_line(repo: Path, tmp_path: Path) -> None:
    import json

    run = run_action(repo, tmp_path, paths=f"news/{ODD_NAME}\n  news/other.md  \n", sarif_file="out dir.sarif")
    assert run.code == 1
    assert run.outputs["sarif-file"] == "out dir.sarif"
    log = json.loads((repo / "out dir.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"news/a%2Cb%3Ac.md"}  # only the changed lines, as in the annotations


def test_a_hostile_path_input_stays_a_path(repo: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    run = run_action(repo, tmp_path, paths=f"$(touch {marker}) ; touch {marker}", only_changed_lines="false")
    assert not marker.exists()
    assert run.code == 2  # two paths that do not exist, reported as such
    assert "no such file or directory" in run.stdout


def test_bad_inputs_fail_clearly(repo: Path, tmp_path: Path) -> None:
    run = run_action(repo, tmp_path, paths="news", fail_on="sometimes")
    assert run.code == 2
    assert "::error title=quotelint action::fail-on must be error, warning, info or never" in run.stdout
    run = run_action(repo, tmp_path, paths="news", only_changed_lines="maybe")
    assert run.code == 2


def test_limit_and_summary_of_what_was_left_out(repo: Path, tmp_path: Path) -> None:
    run = run_action(repo, tmp_path, event="push", paths="news", max_annotations="1")
    assert len(annotations(run.stdout)) == 1
    assert "quotelint: 4 findings in 2 of 2 files checked; 3 not shown as annotations (--max-annotations 1)." in run.stdout
    assert "3 findings not shown as annotations" in run.summary
    assert run.outputs["findings"] == "4"


def example_workflows() -> list[tuple[str, dict]]:  # type: ignore[type-arg]
    """Every workflow the README and docs show, and the repository's own."""
    found = []
    for page in (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))):
        text = page.read_text(encoding="utf-8")
        for block in re.findall(r"```yaml\n(.*?)```", text, flags=re.S):
            if block.startswith("name: ") and "\njobs:" in block:
                found.append((page.name, yaml.safe_load(block)))
    found += [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((ROOT / ".github" / "workflows").glob("*.yml"))]
    return found


def test_workflows_give_only_inputs_the_action_has() -> None:
    def runs_the_action(workflow: dict) -> bool:  # type: ignore[type-arg]
        return any("quotelint@" in str(s.get("uses", "")) or s.get("uses") == "./" for job in workflow["jobs"].values() for s in job["steps"])

    workflows = [w for _, w in example_workflows() if runs_the_action(w)]
    assert len(workflows) >= 3  # the docs' two examples and the repository's own
    for workflow in workflows:
        steps = [s for job in workflow["jobs"].values() for s in job["steps"] if "quotelint" in str(s.get("uses", "")) or s.get("uses") == "./"]
        assert steps, "the workflow runs the action"
        for step in steps:
            assert set(step.get("with", {})) <= set(ACTION["inputs"]), step


def test_install_step_installs_this_checkout(repo: Path, tmp_path: Path) -> None:
    run = run_action(repo, tmp_path, paths="news", install="true")
    added = (tmp_path / "github_path").read_text(encoding="utf-8").split()
    assert added == [str(tmp_path / "quotelint-venv" / "bin")]
    version = subprocess.run([os.path.join(added[0], "quotelint"), "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip().startswith("quotelint ")
    assert run.code == 1 and len(annotations(run.stdout)) == 3, run.stdout


def test_sarif_and_annotations_come_from_one_run(repo: Path, tmp_path: Path) -> None:
    import json

    calls = tmp_path / "calls"
    wrapper = tmp_path / "bin" / "quotelint"
    wrapper.parent.mkdir()
    real = Path(sys.executable).parent / "quotelint"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    run = run_action(repo, tmp_path, path_first=str(wrapper.parent), event="push", paths="news", sarif_file="q.sarif")
    assert run.code == 1, run.stdout
    assert len(calls.read_text(encoding="utf-8").splitlines()) == 1  # quotelint ran once
    log = json.loads((repo / "q.sarif").read_text(encoding="utf-8"))
    places = sorted((r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], str(r["locations"][0]["physicalLocation"]["region"]["startLine"])) for r in log["runs"][0]["results"])
    annotated = sorted(re.search(r"file=([^,]+),line=(\d+)", a).groups() for a in annotations(run.stdout))  # type: ignore[union-attr]
    assert places == annotated and len(places) == 4  # the ODHIR of lines 3 and 7 is one finding
    assert run.outputs["sarif-file"] == "q.sarif"


def test_no_sarif_output_when_quotelint_stops_before_writing_it(repo: Path, tmp_path: Path) -> None:
    (repo / "q.sarif").write_text("left from an earlier run", encoding="utf-8")
    run = run_action(repo, tmp_path, paths="news", sarif_file="q.sarif", args="--no-such-option")
    assert run.code == 2
    assert "sarif-file" not in run.outputs and not (repo / "q.sarif").exists()


def test_sarif_upload_is_guarded_for_forks_and_repositories_without_code_scanning() -> None:
    uploads = [
        (name, step)
        for name, workflow in example_workflows()
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif")
    ]
    assert len(uploads) >= 2, uploads  # docs/integrations.md and this repository's workflow
    for name, step in uploads:
        condition = " ".join(str(step.get("if", "")).split())
        assert "github.event.pull_request.head.repo.full_name == github.repository" in condition or "github.event_name == 'push'" in condition, name
        assert step.get("continue-on-error") is True, name
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "upload-sarif" not in readme or "head.repo.full_name" in readme


def test_the_project_runs_its_own_tests_on_github() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    assert {"push", "pull_request"} <= set(workflow[True])  # YAML 1.1 reads the key `on` as true
    (job,) = workflow["jobs"].values()
    steps = [str(step.get("uses") or step.get("run")) for step in job["steps"]]
    assert steps[0].startswith("actions/checkout@") and steps[1].startswith("actions/setup-python@")
    script = "\n".join(steps[2:])
    assert "pip install -e '.[test,lsp,dask]'" in script and "python -m pytest" in script
