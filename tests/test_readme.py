"""README's commands are the ones CI proves."""

import re

from harness import REPO_ROOT


def readme_commands() -> list[str]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", text, re.S).group(1)
    return [line.strip() for line in first_block.splitlines() if line.strip() and not line.startswith("#")]


def test_readme_leads_with_serve_and_test_commands():
    serve, test = readme_commands()
    assert serve.endswith("nox -s serve")
    assert test.endswith("nox -s tests")


def test_ci_runs_the_readme_test_command():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
