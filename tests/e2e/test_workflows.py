"""GitHub Actions workflows, the pre-commit hooks and the pull request template."""

from __future__ import annotations

import pathlib
import re
import shlex
import shutil
import subprocess

import pytest
import yaml

from conftest import PROFILE, PROFILE_PATH, REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / ".venv" / "bin" / "actionlint"


def _load(name: str) -> dict:
    # BaseLoader: `on:` stays the string "on" (YAML 1.1 would read it as True).
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _runs(wf: dict) -> list[str]:
    return [s.get("run", "") for job in wf["jobs"].values() for s in job.get("steps", [])]


def _uses(wf: dict) -> list[str]:
    return [s["uses"] for job in wf["jobs"].values() for s in job.get("steps", []) if "uses" in s]


def test_actionlint_passes():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"pr.yml", "deploy.yml", "quotas.yml"}
    assert ACTIONLINT.is_file(), "actionlint is missing: run `make test` (installs .[dev])"
    # shellcheck checks the `run:` scripts too when it is installed (it is on
    # GitHub's runners); actionlint skips that rule otherwise.
    proc = subprocess.run([str(ACTIONLINT), "-no-color", *map(str, files)], cwd=REPO,
                          capture_output=True, text=True, check=False, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_actions_are_pinned_to_a_major_version():
    for f in sorted(WORKFLOWS.glob("*.yml")):
        for uses in _uses(_load(f.name)):
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", uses), f"{f.name}: {uses}"


def test_pull_request_checks_tests_and_keeps_a_preview():
    wf = _load("pr.yml")
    assert "pull_request" in wf["on"]
    assert wf["permissions"] == {"contents": "read"}  # nothing a fork could abuse
    runs = _runs(wf)
    assert ".venv/bin/showcase check --format github" in runs
    assert "make test" in runs and "make preview" in runs
    assert any(re.search(r"showcase review --base \"origin/\$\{\{ github.base_ref \}\}\"", r)
               for r in runs)
    upload = [s for job in wf["jobs"].values() for s in job["steps"]
              if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert len(upload) == 1 and upload[0]["with"]["path"] == "site-preview/"
    for name, job in wf["jobs"].items():
        python = [s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python")]
        if "container" in job:  # the tests: a Debian image with Python 3.11, run as root
            assert job["container"].startswith("python:3.11-"), name
        else:
            assert python and python[0]["with"]["python-version"] == "3.11", name


def test_push_to_main_deploys_to_pages():
    wf = _load("deploy.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    # Rebuilt every day too: profiles appear on their `published` date.
    assert wf["on"]["schedule"]
    deploy = wf["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert any(u.startswith("actions/deploy-pages@") for u in _uses(wf))
    build = wf["jobs"]["build"]["steps"]
    pages = [s for s in build if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    assert pages and pages[0]["with"]["path"] == "site/"
    assert "make site" in _runs(wf)


@pytest.mark.parametrize(("name", "job", "before"), [("deploy.yml", "build", "make site"),
                                                     ("pr.yml", "preview", "make preview")])
def test_builds_restore_and_save_the_build_cache(name, job, before):
    """Every deploy would be a cold build without it (photos, cards, pages made again)."""
    steps = _load(name)["jobs"][job]["steps"]
    cache = [i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/cache@")]
    build = [i for i, s in enumerate(steps) if s.get("run") == before]
    assert cache and build and cache[0] < build[0]
    spec = steps[cache[0]]["with"]
    assert spec["path"] == ".showcase-cache"
    # Keyed by the content; any older cache is a safe start (its entries are keyed inside).
    assert "hashFiles('profiles/**'" in spec["key"] and spec["restore-keys"] == "showcase-cache-"


def test_quota_reminder_runs_in_the_last_month_of_each_semester():
    wf = _load("quotas.yml")
    crons = [c["cron"] for c in wf["on"]["schedule"]]
    assert crons
    for cron in crons:
        minute, hour, day, month, weekday = cron.split()
        assert set(month.split(",")) == {"6", "12"}, cron
    assert "workflow_dispatch" in wf["on"]
    assert wf["permissions"]["issues"] == "write"
    script = "\n".join(_runs(wf))
    assert ".venv/bin/showcase quotas --due" in script
    assert "GITHUB_STEP_SUMMARY" in script and "gh issue create" in script


@pytest.mark.parametrize("target", ["site", "test", ".venv/.installed"])
def test_make_targets_used_by_workflows_exist(target):
    used = "\n".join("\n".join(_runs(_load(f.name))) for f in WORKFLOWS.glob("*.yml"))
    assert f"make {target}" in used
    proc = subprocess.run(["make", "-n", "-C", str(REPO), target], capture_output=True,
                          text=True, check=False, timeout=60)
    assert proc.returncode == 0, proc.stderr


# -- pre-commit -----------------------------------------------------------------


def _hooks() -> list[dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    return repo["hooks"]


def test_pre_commit_config_is_valid():
    hooks = {h["id"]: h for h in _hooks()}
    assert set(hooks) == {"showcase-check", "showcase-codeowners"}
    for h in hooks.values():
        assert {"id", "name", "entry", "language"} <= set(h)
        assert h["language"] == "system" and h["pass_filenames"] is False
        assert h["entry"].startswith(".venv/bin/showcase ")
    check = re.compile(hooks["showcase-check"]["files"])
    assert check.search("profiles/vhtt-vinh-chau/2025-nguyen-van-a.md")
    assert check.search("profiles/vhtt-vinh-chau/nguyen-van-a.jpg")
    assert check.search("profiles/units.yml")
    assert not check.search("content/gioi-thieu.md")
    owners = re.compile(hooks["showcase-codeowners"]["files"])
    assert owners.search("profiles/units.yml") and owners.search(".github/CODEOWNERS")
    assert not owners.search("profiles/vhtt-a/2024-a.md")


def _run_hook(hook_id: str, cwd: pathlib.Path) -> subprocess.CompletedProcess[str]:
    hook = next(h for h in _hooks() if h["id"] == hook_id)
    argv = shlex.split(hook["entry"])
    argv[0] = str(REPO / argv[0])  # the entry is relative to the repository root
    return subprocess.run([*argv, "--today", "2026-11-24"], cwd=cwd, capture_output=True,
                          text=True, check=False, timeout=120)


def test_pre_commit_check_hook_runs(mini_repo):
    proc = _run_hook("showcase-check", mini_repo)
    assert proc.returncode == 0, proc.stderr
    (mini_repo / PROFILE_PATH).write_text(PROFILE.replace("kind: individual", "kind: canhan"),
                                          encoding="utf-8")
    proc = _run_hook("showcase-check", mini_repo)
    assert proc.returncode == 1 and f"{PROFILE_PATH}:3: kind:" in proc.stdout


def test_pre_commit_codeowners_hook_runs(repo_copy):
    shutil.copytree(REPO / ".github", repo_copy / ".github")
    assert _run_hook("showcase-codeowners", repo_copy).returncode == 0
    (repo_copy / ".github/CODEOWNERS").write_text("* @someone\n", encoding="utf-8")
    proc = _run_hook("showcase-codeowners", repo_copy)
    assert proc.returncode == 1 and "chưa khớp" in proc.stderr


# -- pull request template ----------------------------------------------------------


def test_pull_request_template_has_the_boards_checklist():
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [ln.strip()[6:] for ln in text.splitlines() if ln.strip().startswith("- [ ] ")]
    joined = "\n".join(items)
    assert len(items) >= 8
    for topic in ("phiếu đồng ý", "Ảnh", "`summary`", "số điện thoại", "CCCD",
                  "**không** được tải lên"):
        assert topic in joined, topic
