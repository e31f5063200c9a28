from pathlib import Path

Path("other.txt").write_text("and by a third")
