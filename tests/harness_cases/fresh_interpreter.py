# harness: fresh-process -- proves the spawn path works end to end
import sys

print("modules at start:", "keras" in sys.modules)
