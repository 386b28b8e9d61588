"""A time budget for one call: past it, the call is interrupted and `OverBudget` raised in its place.

One article must not hold up a corpus however it is written, so each article's extraction runs within a
budget. The interruption is a SIGALRM timer, so it works in this process and in forked workers alike,
and stops pure-Python loops and regular-expression searches (they check for signals) where they are.
Signals can only be handled in the main thread: elsewhere (or where SIGALRM does not exist) the call
runs without a budget. A timer already set by someone else (pytest-timeout) is put back afterwards,
less the time spent here.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class OverBudget(BaseException):
    """The call ran past its budget. A BaseException, like KeyboardInterrupt, so that no `except
    Exception` in the interrupted code can swallow it."""


def budget_supported() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def within(seconds: float | None, call: Callable[..., T], *args) -> T:
    """`call(*args)`, interrupted by `OverBudget` after `seconds` (None or 0: no budget)."""
    if not seconds or not budget_supported():
        return call(*args)
    armed = True

    def on_alarm(signum, frame):
        nonlocal armed
        if armed:  # a late signal, after the call returned, must not raise in our caller
            armed = False
            raise OverBudget(f"over the {seconds:g} s budget")

    started = time.monotonic()
    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        try:
            return call(*args)
        finally:
            armed = False  # first thing, so the timer cannot fire into the rest of the clean-up
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:
            left = previous_delay - (time.monotonic() - started)
            # An earlier deadline that passed meanwhile fires now rather than never.
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), previous_interval)
