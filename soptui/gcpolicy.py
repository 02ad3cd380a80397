"""The cyclic garbage collector, managed in this one place.

A command runs with it paused (`collector(running=False)`, around every command): its objects
live until it ends, and the collector would traverse them again and again for nothing. What
makes garbage in cycles runs with it on (`--fix`: tomlkit's documents), as do the terminal UI,
a long-lived process, and lint's worker processes (`in_worker`). The terminal UI makes its full
collections itself, when no key has come for a moment (`defer_full_collections`). At exit the objects are frozen
(`spare_at_exit`): the OS frees the memory whole, and Python's final collection is spared.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def collector(running: bool):
    """Run a block with the cyclic garbage collector on or off, then put it back as it was.

    A command runs with it off: its objects live until it ends (its modules and classes, and a
    lint's findings: for ten thousand SOPs, over a million small objects in no cycle), and the
    collector would traverse them again and again for nothing. What makes garbage in cycles
    turns it back on (`--fix`: tomlkit's documents). The terminal UI, a long-lived process, and
    lint's worker processes collect as usual."""
    was_running = gc.isenabled()
    if running:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        if was_running and not running:
            # Everything made meanwhile sits in the youngest generation, which the first
            # allocation after `enable` would examine whole, for objects that live on.
            # Moved to the oldest generation instead, it waits for the rare full collection.
            gc.freeze()
            gc.unfreeze()
        if was_running:
            gc.enable()
        else:
            gc.disable()


def spare_at_exit() -> None:
    """The process ends next: frozen, its objects are spared the collection Python makes at
    exit, which on a one-file lint costs more than the checking."""
    gc.freeze()


@contextmanager
def frozen_for_fork():
    """Run a block that forks workers with everything this process holds in the collector's
    permanent generation, then put it back. A forked worker's collector (on: `in_worker`) then
    never walks the heap it inherited, which would cost it that whole traversal and copy every
    page it touches (a collection writes to each object it visits)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def in_worker() -> None:
    """A forked worker inherits the parent's paused collector; a rule may make cycles."""
    gc.enable()


def settle() -> None:
    """A long-lived process has built its lasting state (the terminal UI: the corpus, linted):
    frozen, that state is left out of every later collection, which then walks only what was made
    since. Otherwise a full collection walks the whole corpus in the middle of a key press.
    Freezing stops only the cycle collector: objects still go when nothing refers to them."""
    gc.freeze()


# Collections of the middle generation between two full ones: Python's own third threshold, as
# this process starts (before `defer_full_collections` raises it); at least one, where a Python
# has no third threshold (0).
FULL_AFTER = max(gc.get_threshold()[2], 1)
# Past this many, a full collection is made whether idle or not (a key held down for minutes).
FULL_AT_THE_LATEST = 50 * FULL_AFTER


def defer_full_collections() -> tuple[int, int, int]:
    """Stop the collector's own full collections; `collect_if_due` makes them instead. The
    collector starts one at whatever allocation crosses its threshold, and in the terminal UI
    that is in the middle of a key press, which it then holds up by as long as the walk of
    every object made since the corpus was frozen takes (tens of milliseconds). The young
    generations are still collected as usual: those collections are short. Returns the
    thresholds as they were, for `restore_thresholds`."""
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 2**31 - 1)
    return thresholds


def collect_if_due(idle: bool) -> bool:
    """Make the full collection the collector would have made by now (`defer_full_collections`),
    if the process is `idle` (no key waiting to be answered) or it has waited too long. Whether
    it made one."""
    due = gc.get_count()[2]
    if due >= FULL_AT_THE_LATEST or (idle and due >= FULL_AFTER):
        gc.collect()
        return True
    return False


def restore_thresholds(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(*thresholds)
