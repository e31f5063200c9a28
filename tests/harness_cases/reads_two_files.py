# harness: requires=writes_a_file.py
# harness: requires=writes_another_file.py
from pathlib import Path

print(Path("note.txt").read_text(), Path("other.txt").read_text())
