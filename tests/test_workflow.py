"""The GitHub Actions workflow publishes with the same commands the README and Makefile use."""

from __future__ import annotations

import re
import shlex
from fnmatch import fnmatch
from pathlib import Path

import pytest
import yaml

from generator.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
# Everything the published site is made from, the install included, and the workflow itself.
WATCHED = ("content/", "templates/", "generator/", "mkdocs.yml", "pyproject.toml", "requirements.lock",
           "requirements-model.txt", "Makefile", ".github/workflows/publish.yml")


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _run_lines(workflow: dict) -> list[str]:
    return [
        line.strip()
        for step in _steps(workflow)
        for line in step.get("run", "").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def _makefile() -> tuple[dict[str, str], dict[str, list[str]], dict[str, list[str]]]:
    """Variables, prerequisites and recipe lines of each Makefile target (enough of make for us)."""
    variables: dict[str, str] = {}
    prereqs: dict[str, list[str]] = {}
    recipes: dict[str, list[str]] = {}
    target = None
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and target:
            recipes[target].append(line.strip())
        elif m := re.match(r"^([A-Z_]+)\s*[:?]?=\s*(.*)$", line):
            variables[m.group(1)] = m.group(2).strip()
        elif m := re.match(r"^([^\s:#=.][^:=]*):(?!=)(.*)$", line):
            target = m.group(1).strip()
            prereqs[target], recipes[target] = m.group(2).split(), []
        else:
            target = None if not line.strip() else target
    return variables, prereqs, recipes


def _expand(text: str, variables: dict[str, str]) -> str:
    for _ in range(5):  # variables refer to variables: $(BIN) -> $(VENV)/bin -> .venv/bin
        text = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), m.group(0)), text)
    return text


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_workflow_parses_and_every_step_is_named(workflow: dict):
    assert workflow["name"]
    steps = _steps(workflow)
    assert steps and all(step.get("name") for step in steps)
    assert all(("uses" in step) != ("run" in step) for step in steps)


def test_workflow_runs_on_pushes_touching_the_site_inputs(workflow: dict):
    # PyYAML reads the bare key `on` as the boolean True (YAML 1.1).
    triggers = workflow.get("on", workflow.get(True))
    paths = triggers["push"]["paths"]
    for watched in WATCHED:
        assert any(p == watched or p.startswith(watched) or fnmatch(watched, p) for p in paths), watched


def test_workflow_deploys_to_github_pages(workflow: dict):
    uses = [step.get("uses", "") for step in _steps(workflow)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    upload = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-pages"))
    from mkdocs.utils.yaml import yaml_load  # mkdocs.yml has `!ENV` tags

    assert upload["with"]["path"] == yaml_load((ROOT / "mkdocs.yml").read_text())["site_dir"]


def test_only_the_deploy_job_may_write_and_third_party_actions_are_pinned(workflow: dict):
    # The extract and build jobs run the generator over the articles (third-party text) and
    # pip-installed code: they get a read-only token and keep no credentials in the checkout.
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        if name != "deploy":
            assert set(job.get("permissions", {}).values()) <= {"read"}, name
    for step in _steps(workflow):
        uses = step.get("uses")
        if uses:
            # owner/repo, or a sub-action of it (actions/cache/restore), at a commit SHA
            pinned = re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w.-]+)*@[0-9a-f]{40}", uses)
            assert pinned, f"{uses}: pin to a commit SHA"
        if uses and uses.startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_workflow_caches_the_environment_keyed_on_the_install_inputs(workflow: dict):
    variables, prereqs, _ = _makefile()
    # What the install stamp depends on is exactly what the cache key must hash.
    stamp_inputs = prereqs["$(STAMP)"]
    # actions/cache, or actions/cache/restore in a job that changes its environment
    caches = [s for s in _steps(workflow)
              if s.get("uses", "").startswith(("actions/cache@", "actions/cache/restore@"))]
    assert len(caches) == len(workflow["jobs"]) - 1  # every job but deploy installs
    for cache in caches:
        paths = cache["with"]["path"].split()
        assert "~/.cache/pip" in paths and variables["VENV"] in paths
        assert _expand(variables["STAMP"], variables).startswith(variables["VENV"] + "/")
        for name in stamp_inputs:
            assert f"'{name}'" in cache["with"]["key"]


def test_workflow_installs_like_make_site(workflow: dict):
    _, prereqs, _ = _makefile()
    readme_make = {cmd.split()[1] for cmd in _readme_commands() if cmd.startswith("make ")}
    assert "site" in readme_make
    used = [line.split()[1] for line in _run_lines(workflow) if line.startswith("make ")]
    assert used, "the workflow must install with make"
    for target in used:
        # `make install` sets up exactly what `make site` sets up before extracting.
        assert target in prereqs and prereqs[target] == prereqs["site"]


def test_workflow_extracts_and_builds_with_the_commands_of_make_site(workflow: dict):
    variables, _, recipes = _makefile()
    lines = _run_lines(workflow)
    for recipe in recipes["site"]:
        command = _expand(recipe, variables)
        assert any(line.startswith(command) for line in lines), command
    assert any(line.startswith(_expand(recipes["site"][-1], variables)) and "--strict" in line
               for line in lines)


def test_workflow_generator_commands_are_documented_and_valid(workflow: dict):
    # The README documents the `briefings` command; `python -m generator` is the same program.
    documented = {cmd.split()[1] for cmd in _readme_commands() if cmd.startswith("briefings ")}
    commands = [line for line in _run_lines(workflow) if " -m generator " in line]
    assert commands
    parser = build_parser()
    for line in commands:
        argv = shlex.split(re.sub(r"\$\{\{[^}]*\}\}", "1", line))  # a matrix value stands in
        argv = argv[argv.index("generator") + 1 :]
        assert argv[0] in documented, line
        parser.parse_args(argv)  # SystemExit on an unknown option


def test_workflow_extracts_disjoint_shards_and_merges_them_before_the_build(workflow: dict):
    extract, build = workflow["jobs"]["extract"], workflow["jobs"]["build"]
    shards = extract["strategy"]["matrix"]["shard"]
    [line] = [step["run"] for step in extract["steps"] if "generator extract" in step.get("run", "")]
    count = int(re.search(r"--shard \$\{\{ matrix\.shard \}\}/(\d+)", line).group(1))
    assert shards == list(range(1, count + 1))
    export = re.search(r"--export (\S+)", line).group(1)
    [upload] = [s for s in extract["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["path"].rstrip("/") == export
    assert build["needs"] == "extract"
    [merge] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/download-artifact@")]
    assert merge["with"]["merge-multiple"] is True
    assert merge["with"]["path"] == "content/briefings"
    order = [s["name"] for s in build["steps"]]
    built = next(i for i, s in enumerate(build["steps"]) if "generator build" in s.get("run", ""))
    assert order.index(merge["name"]) < built
