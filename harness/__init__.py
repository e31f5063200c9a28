"""The verified-snippet harness of Keras 实战笔记.

Snippets under ``snippets/`` are plain Python files a reader can run. This
package runs them in isolated processes, records what they printed and drew,
and renders those records into the Markdown fragments the pages include.

    harness/child/   code that runs inside a snippet's process (hashed whole into every cache key)
    harness/run/     schedules runs, keys and stores records, reports on them
    harness/site/    turns records into page fragments, notebooks, the report and the site
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = REPO_ROOT / "snippets"
DOCS_DIR = REPO_ROOT / "docs"
RECORDS_DIR = REPO_ROOT / ".records"
GENERATED_DIR = DOCS_DIR / "generated"
PAGE_SCRIPTS_DIR = RECORDS_DIR / "page-scripts"  # pages as kernel sessions (harness.run.page_scripts)
EVIDENCE_DIR = REPO_ROOT / "evidence"  # committed records from machines CI cannot reach (a GPU)

BACKENDS = ("tensorflow", "jax", "torch")
DEVICES = ("cpu", "gpu")
