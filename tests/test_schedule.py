"""The runner's scheduler: longest chain of work first, and nothing handed out that must still wait."""

from __future__ import annotations

import threading

from harness.run.schedule import ReadyQueue

COST = {"a": 5.0, "b": 1.0, "c": 30.0, "d": 2.0}
WAITS_FOR = {"b": "a"}  # b starts from a's folder


def queue() -> ReadyQueue[str]:
    return ReadyQueue(COST, cost=COST.__getitem__, waits_for=WAITS_FOR.get)


def test_the_longest_chain_goes_first_and_a_dependent_only_after_its_requirement_ended():
    ready = queue()
    assert [ready.take(), ready.take()] == ["c", "a"]  # a + b = 6 s of chain beats d's 2 s
    assert ready.take() == "d"  # b waits for a, which has not ended
    ready.ended("a")
    assert ready.take() == "b"
    assert ready.take() is None


def test_a_worker_waits_while_everything_pending_waits_then_takes_it():
    ready = queue()
    for _ in range(3):
        ready.take()  # c, a, d: only b is left, and a has not ended
    taken = []
    worker = threading.Thread(target=lambda: taken.append(ready.take()))
    worker.start()
    worker.join(timeout=0.2)
    assert worker.is_alive() and taken == []
    ready.ended("a")
    worker.join(timeout=5)
    assert taken == ["b"]


def test_a_requirement_outside_the_batch_does_not_hold_its_dependent():
    ready = ReadyQueue(["b"], cost=COST.__getitem__, waits_for=WAITS_FOR.get)
    assert ready.take() == "b"
