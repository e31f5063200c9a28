"""Which snippet a free worker takes next.

A list scheduler over the batch: a free worker takes, of the snippets it can start now,
the one heading the longest chain of expected work (its own seconds plus those of the
snippets waiting for it). A snippet that starts from another's folder becomes ready
only when that one ended, so no worker sits blocked while other work is ready.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class ReadyQueue(Generic[T]):
    def __init__(self, items: Iterable[T], cost: Callable[[T], float], waits_for: Callable[[T], T | None]):
        """``cost``: expected seconds; ``waits_for``: the item of this batch that must end first, or None."""
        self._pending = list(items)
        batch = set(self._pending)
        self._waits_for = {item: w for item in self._pending if (w := waits_for(item)) in batch}
        dependents: dict[T, list[T]] = {}
        for item, first in self._waits_for.items():
            dependents.setdefault(first, []).append(item)

        @functools.cache
        def chain(item: T) -> float:
            return cost(item) + max(map(chain, dependents.get(item, [])), default=0.0)

        self._pending.sort(key=chain, reverse=True)  # stable: ties keep the batch's order
        self._ended: set[T] = set()
        self._changed = threading.Condition()

    def take(self) -> T | None:
        """The next item to run, waiting while every pending one waits for one still running;
        None once nothing is pending."""
        with self._changed:
            while self._pending:
                for index, item in enumerate(self._pending):
                    first = self._waits_for.get(item)
                    if first is None or first in self._ended:
                        return self._pending.pop(index)
                self._changed.wait()
            return None

    def ended(self, item: T) -> None:
        """``item`` ran (whatever its outcome): what waited for it may start."""
        with self._changed:
            self._ended.add(item)
            self._changed.notify_all()
