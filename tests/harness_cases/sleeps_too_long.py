# harness: timeout=3
import time

time.sleep(30)
