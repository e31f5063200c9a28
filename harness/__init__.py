"""The verified-snippet harness of Keras 实战笔记.

Snippets under ``snippets/`` are plain Python files a reader can run. This
package runs them in isolated processes, records what they printed and drew,
and renders those records into Markdown fragments the pages include.
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = REPO_ROOT / "snippets"
DOCS_DIR = REPO_ROOT / "docs"
RECORDS_DIR = REPO_ROOT / ".records"
GENERATED_DIR = DOCS_DIR / "generated"
