"""An inline ```python block on a page runs under pytest-codeblocks and never breaks the suite.

A failing block must be reported as itself, naming the page and line, while every
snippet test still runs (selecting snippet tests must not depend on pytest internals).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import in_one_session_only
from harness import REPO_ROOT

PAGE = """# 一页

```python
print("fine")
```

后面的这一段会失败：

```python
raise RuntimeError("this block is broken on purpose")
```
"""


# a pytest of its own, importing Keras (~20 s): once, and a pass stands while none of what it runs changed
@in_one_session_only()
@pytest.mark.cached_verdict(
    "harness", "tests/test_snippets.py", "snippets/install/version.py", "pyproject.toml"
)
def test_a_failing_inline_block_is_reported_with_page_and_line():
    # inside the repository (an ignored folder), so pytest names it by its path as it does docs/*.md
    folder = REPO_ROOT / ".records" / f"planted-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / "planted.md"
    page.write_text(PAGE, encoding="utf-8")
    # one real snippet test beside the planted page: its selection must survive the md items
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-p",
        "no:cacheprovider",
        "--codeblocks",
        "-q",
        "-rf",
        str(page),
        "tests/test_snippets.py::test_snippet[snippets/install/version.py]",
    ]
    env = {**os.environ, "KERAS_BACKEND": os.environ.get("KERAS_BACKEND", "tensorflow")}
    try:
        run = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, env=env, timeout=600)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "AttributeError" not in out, out
    assert "this block is broken on purpose" in out
    assert f"{folder.name}/planted.md::line 9" in out, out  # the failing block opens on line 9
    assert "1 failed, 2 passed" in out, out  # the good block and the snippet pass
