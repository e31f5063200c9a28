from pathlib import Path

Path("note.txt").write_text("written by another process")
