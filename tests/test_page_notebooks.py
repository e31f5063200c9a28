"""Each page's code runs as a reader copies it: in page order, one kernel per session, twice.

The sessions are the page's notebook (``harness.site.page_plan``); the runner executes
them like snippets (fresh process, network blocked, stand-ins, cached by content).
The TensorFlow session runs every page; the others run only the pages with a session
TensorFlow cannot run (a JAX-only or PyTorch-only example), so each session runs once.
"""

import pytest

from conftest import PAGES, page_runs_here
from harness import DOCS_DIR
from harness.run import page_scripts
from harness.site.page_plan import plan


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_runs_in_order(page, page_outcomes):
    scripts = PAGES[page]
    if not page_runs_here(scripts):
        pytest.skip("every session of this page runs on TensorFlow: its notebook is checked in that session")
    records = [outcome.record for outcome in page_outcomes[page]]
    problems = page_scripts.report(scripts, records)
    assert not problems, "\n".join(problems)
    assert any(record.passed for record in records), [r.failure.message for r in records if r.failure]


def test_sessions_split_where_the_page_says_so():
    """A session after the first starts where a new process is the point, and says why."""
    sessions = plan(DOCS_DIR / "custom-objects.md").sessions
    assert sessions[0].why_new == "" and all(s.why_new for s in sessions[1:])
    assert "load_custom.py" in sessions[1].why_new


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_offers_its_notebook(page):
    """The notebook box is on the page itself, once: the reader finds it where the code is."""
    stem = page.removeprefix("docs/").removesuffix(".md")
    line = f'--8<-- "generated/_notebooks/{stem}.md"'
    text = (DOCS_DIR / f"{stem}.md").read_text(encoding="utf-8")
    assert text.count(line) == 1, f"{page} should include {line} once"
