"""Rates and their Wilson score intervals (95 %)."""

from __future__ import annotations

import math
from dataclasses import dataclass

#: The 0.975 quantile of the standard normal distribution: a two-sided 95 % interval.
Z_95 = 1.959963984540054


def wilson_interval(successes: float, n: float, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion `successes / n`; (0, 1) when there is no observation."""
    if n <= 0:
        return 0.0, 1.0
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    """`successes` out of `n` (n may be fractional: F1 is tp out of the mean of predicted and gold)."""

    successes: float
    n: float

    @property
    def value(self) -> float | None:
        return self.successes / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.successes, self.n) if self.n else None

    def as_dict(self) -> dict:
        low, high = self.interval or (None, None)
        return {
            "value": _round(self.value),
            "low": _round(low),
            "high": _round(high),
            "successes": _number(self.successes),
            "n": _number(self.n),
        }

    def __add__(self, other: "Rate") -> "Rate":
        return Rate(self.successes + other.successes, self.n + other.n)


def f1_rate(true_positives: int, predicted: int, gold: int) -> Rate:
    """F1 = 2·tp / (predicted + gold) = tp out of the mean of the two counts; its interval is that
    proportion's Wilson interval (an approximation: F1 is not a binomial proportion)."""
    return Rate(true_positives, (predicted + gold) / 2)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 4)
