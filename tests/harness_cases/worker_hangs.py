# harness: timeout=6
# A process the snippet started hangs too: its stack must reach the report as well.
import multiprocessing
import time


def wait_forever():
    time.sleep(600)


worker = multiprocessing.get_context("fork").Process(target=wait_forever)
worker.start()
worker.join()
