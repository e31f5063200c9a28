"""Every snippet runs in its own process and its assertions hold."""

import pytest

from conftest import SNIPPETS


@pytest.mark.parametrize("rel", sorted(SNIPPETS))
def test_snippet(rel, selected_snippet_outcomes):
    record = selected_snippet_outcomes[rel].record
    if record.status == "unsupported":
        pytest.skip(record.failure.message)  # the reason is the snippet's own directive
    if not record.passed:
        pytest.fail(record.failure_report(), pytrace=False)
