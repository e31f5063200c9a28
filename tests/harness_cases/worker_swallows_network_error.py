# A new interpreter the snippet starts is guarded as well, and its refusal fails the snippet.
import subprocess
import sys

worker = """
import urllib.request
try:
    urllib.request.urlopen("http://example.org/data.csv", timeout=5)
except Exception as error:  # the guard must still fail the snippet that started this process
    print("worker swallowed:", type(error).__name__)
"""
print(subprocess.run([sys.executable, "-c", worker], check=True, capture_output=True, text=True).stdout)
