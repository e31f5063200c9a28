# harness: requires=writes_a_file.py
from pathlib import Path

print(Path("note.txt").read_text())
