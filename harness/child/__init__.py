"""Everything that runs inside a snippet's process, or decides what that process sees.

This folder is hashed whole into every record's key (``harness.run.freshness``):
editing any file here, the child environment or the zygote's preload list makes
every record stale.
"""

from pathlib import Path

CHILD_DIR = Path(__file__).resolve().parent
