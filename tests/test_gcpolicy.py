"""The collector's policy for the terminal UI: full collections made when idle, not mid-press."""

import gc

import pytest

from soptui.gcpolicy import (
    FULL_AFTER,
    FULL_AT_THE_LATEST,
    collect_if_due,
    defer_full_collections,
    restore_thresholds,
)


@pytest.fixture
def deferred():
    thresholds = defer_full_collections()
    yield thresholds
    restore_thresholds(thresholds)


def middle_collections(count: int) -> None:
    """Collections of the middle generation, which count towards a full one."""
    for _ in range(count):
        gc.collect(1)


def test_deferring_stops_the_collectors_own_full_collections_and_restoring_brings_them_back(deferred):
    assert gc.get_threshold()[:2] == deferred[:2]
    assert gc.get_threshold()[2] > FULL_AT_THE_LATEST  # never reached: collect_if_due decides
    restore_thresholds(deferred)
    assert gc.get_threshold() == deferred


def test_a_due_full_collection_waits_for_idle(deferred):
    gc.collect()
    middle_collections(FULL_AFTER)
    assert collect_if_due(idle=False) is False
    assert gc.get_count()[2] >= FULL_AFTER  # still due
    assert collect_if_due(idle=True) is True
    assert gc.get_count()[2] == 0


def test_nothing_is_collected_when_none_is_due_even_if_idle(deferred):
    gc.collect()
    middle_collections(FULL_AFTER - 1)
    assert collect_if_due(idle=True) is False


def test_one_waited_for_too_long_is_made_even_while_busy(deferred):
    gc.collect()
    middle_collections(FULL_AT_THE_LATEST)
    assert collect_if_due(idle=False) is True
    assert gc.get_count()[2] == 0


def test_a_full_collection_is_due_after_as_many_middle_ones_as_pythons_own_threshold_says():
    import subprocess
    import sys

    code = "import gc; gc.set_threshold(700, 10, 7); from soptui.gcpolicy import FULL_AFTER; print(FULL_AFTER)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "7"
