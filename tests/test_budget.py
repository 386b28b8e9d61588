import re
import signal
import threading
import time

import pytest

from geo.budget import OverBudget, within

pytestmark = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs SIGALRM timers")


def spin():
    while True:
        pass


def test_a_call_within_its_budget_returns_its_value():
    assert within(5, sum, [1, 2, 3]) == 6
    assert within(None, sum, [1, 2]) == 3


def test_a_call_over_its_budget_is_interrupted():
    start = time.monotonic()
    with pytest.raises(OverBudget):
        within(0.2, spin)
    assert time.monotonic() - start < 5


def test_a_runaway_regular_expression_is_interrupted_too():
    start = time.monotonic()
    with pytest.raises(OverBudget):
        within(0.2, re.match, r"(a+)+$", "a" * 40 + "b")  # catastrophic backtracking: hours
    assert time.monotonic() - start < 5


def test_except_exception_in_the_call_cannot_swallow_the_interruption():
    def stubborn():
        while True:
            try:
                spin()
            except Exception:  # noqa: BLE001 - what careless code does
                pass

    with pytest.raises(OverBudget):
        within(0.2, stubborn)


def test_a_timer_and_handler_set_before_are_put_back():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *args: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 100)
        within(5, sum, [1])
        with pytest.raises(OverBudget):
            within(0.1, spin)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90 < left <= 100 and not fired
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        time.sleep(0.5)
        assert fired  # the earlier handler is in place again
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_the_call_runs_without_a_budget():
    results = []
    thread = threading.Thread(target=lambda: results.append(within(0.01, lambda: time.sleep(0.1) or "done")))
    thread.start()
    thread.join()
    assert results == ["done"]
