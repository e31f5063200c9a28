"""The workflows form one pipeline: every records artifact a job uploads reaches the pages build."""

from __future__ import annotations

import yaml

from harness import BACKENDS, REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"


def _load(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def _expand(name: str, job: dict) -> set[str]:
    matrix = job.get("strategy", {}).get("matrix", {})
    names = {name}
    for key, values in matrix.items():
        placeholder = "${{ matrix." + key + " }}"
        names = {n.replace(placeholder, str(v)) for n in names for v in values}
    return names


def _uploads(workflow: dict) -> dict[str, str]:
    found = {}
    for job_name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/upload-artifact"):
                for name in _expand(step["with"]["name"], job):
                    found[name] = job_name
    return found


def _downloads(job: dict) -> set[str]:
    return {
        step["with"]["name"]
        for step in job.get("steps", [])
        if str(step.get("uses", "")).startswith("actions/download-artifact")
    }


def test_every_uploaded_records_artifact_reaches_the_pages_build():
    ci = _load("ci.yml")
    uploads = {name: job for name, job in _uploads(ci).items() if name.startswith("records-")}
    assert {f"records-{b}-cpu" for b in BACKENDS} <= set(uploads)
    pages = ci["jobs"]["pages"]
    missing = sorted(set(uploads) - _downloads(pages))
    assert not missing, f"uploaded but never downloaded by the pages build: {missing}"
    needs = set(pages["needs"])
    assert {uploads[name] for name in uploads} <= needs, "the pages build must wait for every job it reads"


def test_the_drift_report_reaches_the_pages_build_by_run_id():
    assert "drift-report" in _uploads(_load("drift.yml"))
    pages = _load("ci.yml")["jobs"]["pages"]
    steps = [s for s in pages["steps"] if s.get("with", {}).get("name") == "drift-report"]
    assert steps and "run-id" in steps[0]["with"], "another workflow's artifact needs its run id"


def test_the_pages_build_prefetches_real_assets_before_building():
    steps = [s.get("run", "") for s in _load("ci.yml")["jobs"]["pages"]["steps"]]
    prefetch = next(i for i, run in enumerate(steps) if "prefetch" in run)
    build = next(i for i, run in enumerate(steps) if "-s docs" in run)
    assert prefetch < build
