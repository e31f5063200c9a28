import urllib.request

try:
    urllib.request.urlopen("http://example.com/data.csv", timeout=5)
except Exception as error:  # noqa: BLE001 - the guard must still fail this snippet
    print("swallowed:", type(error).__name__)
