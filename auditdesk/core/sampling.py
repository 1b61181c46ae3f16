"""Reproducible audit sampling: seeded random, monetary-unit (MUS) and stratified by amount.

A sample is fully determined by its frozen population (``population_digest``) and its
``SampleParams``: the same items, in any order, with the same parameters give the same picks, so
anyone can re-draw a sample and check it. The population is always taken in ``entry_id`` order.

- **random**: a seeded permutation (Fisher–Yates over ``SeededStream``) of the population; the
  sample is its first ``size`` items, so the same seed with a larger size extends the same sample.
- **mus**: interval = total / size. Every item at least one interval is in the top stratum and
  always selected; the other items are selected systematically over their cumulative amounts with a
  seeded random start in [0, interval). An item hit twice counts once, and the top items use up
  intervals of their own, so a MUS sample may hold FEWER than ``size`` items (never more).
- **stratified**: strata by amount (``bounds`` are ascending inclusive upper bounds; the last
  stratum is open; ``default_bounds`` when none are given); the size is allocated to the strata in
  proportion to their amounts (largest remainder, at least one per non-empty stratum when the size
  allows, never more than a stratum holds), and each stratum is permuted with its own seed.

The randomness is ``SeededStream``: integers drawn from sha256 of (purpose, seed, counter), so a
sample re-drawn years later on another Python gives the same items — the standard library promises
that only for ``random.random()``, not for ``shuffle`` or ``randrange``.

All arithmetic is exact: amounts are scaled to integers (fen, or finer when an amount has more
decimals) and the MUS selection points are kept as integers in 1/size of that unit.
Errors are ``AuditdeskError`` with ``sampling.*`` keys; picks carry ``sampling.reason.*`` keys.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from auditdesk.core.errors import AuditdeskError
from auditdesk.core.money import CENT, format_amount

Method = Literal["random", "mus", "stratified"]
METHODS: tuple[Method, ...] = ("random", "mus", "stratified")


@dataclass(frozen=True, slots=True)
class PopulationItem:
    entry_id: int
    amount: Decimal  # > 0: the service passes |debit or credit| of each candidate entry


@dataclass(frozen=True, slots=True)
class SamplePick:
    entry_id: int
    order: int  # 1-based position in the sample
    stratum: str  # "" for random; "top" / "interval" for mus; "S1".."Sk" for stratified
    reason_key: str  # catalogue key explaining why it was picked
    reason_params: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class SampleParams:
    method: Method
    size: int
    seed: int
    bounds: tuple[Decimal, ...] = ()  # stratified: ascending upper bounds of strata (last stratum open)


def population_digest(items: Sequence[PopulationItem]) -> str:
    """sha256 hex of the JSON list ``[[entry_id, "amount"], ...]`` sorted by (entry_id, amount), compact
    separators; amounts with at most two decimals are written as ``"1234.50"``."""
    rows = sorted((item.entry_id, item.amount) for item in items)
    payload = json.dumps([[entry_id, _canonical(amount)] for entry_id, amount in rows], separators=(",", ":"))
    return hashlib.sha256(payload.encode("ascii")).hexdigest()


def draw(items: Sequence[PopulationItem], params: SampleParams) -> tuple[SamplePick, ...]:
    """The sample of ``items`` under ``params``. Bounds are ignored by random and mus."""
    if params.method not in METHODS:
        raise AuditdeskError("sampling.unknown_method", method=str(params.method), known=", ".join(METHODS))
    if isinstance(params.size, bool) or not isinstance(params.size, int) or params.size < 1:
        raise AuditdeskError("sampling.bad_size", size=str(params.size))
    population = _population(items)
    if params.method == "random":
        return _random(population, params.size, params.seed)
    if params.method == "mus":
        return _mus(population, params.size, params.seed)
    bounds = params.bounds or default_bounds(population)
    _check_bounds(bounds)
    return _stratified(population, params.size, params.seed, bounds)


def default_bounds(items: Sequence[PopulationItem], strata: int = 3) -> tuple[Decimal, ...]:
    """Count quantiles of the amounts as upper bounds: stratum j holds (at least) the smallest
    ceil(j*N/strata) items. Each bound is an item's own amount, so it is exact; equal bounds collapse
    and a bound at the largest amount is dropped, so there may be fewer than ``strata`` strata."""
    if isinstance(strata, bool) or not isinstance(strata, int) or strata < 1:
        raise AuditdeskError("sampling.bad_strata", strata=str(strata))
    amounts = sorted(item.amount for item in _population(items))
    n = len(amounts)
    bounds: list[Decimal] = []
    for j in range(1, strata):
        bound = amounts[-(-j * n // strata) - 1]
        if bound < amounts[-1] and (not bounds or bound > bounds[-1]):
            bounds.append(bound)
    return tuple(bounds)


def mus_interval(items: Sequence[PopulationItem], size: int) -> Decimal:
    """The sampling interval total / size, to the fen, for display (the draw itself is exact)."""
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise AuditdeskError("sampling.bad_size", size=str(size))
    total = sum((item.amount for item in _population(items)), Decimal(0))
    return (total / size).quantize(CENT)


def allocate(size: int, weights: Sequence[int], counts: Sequence[int]) -> tuple[int, ...]:
    """Sample size per stratum: in proportion to ``weights`` (largest remainder, ties to the lower
    stratum), at most ``counts[j]``, and at least one per non-empty stratum when ``size`` allows.
    Every non-empty stratum must have a positive weight."""
    k = len(counts)
    if size >= sum(counts):
        return tuple(counts)
    alloc = [0] * k
    open_ = [j for j in range(k) if counts[j] > 0]
    remaining = size
    while remaining > 0:  # overflow of capped strata goes, again in proportion, to the others
        shares = _largest_remainder(remaining, [weights[j] for j in open_])
        remaining, still_open = 0, []
        for j, share in zip(open_, shares, strict=True):
            room = counts[j] - alloc[j]
            if share >= room:
                alloc[j] += room
                remaining += share - room
            else:
                alloc[j] += share
                still_open.append(j)
        open_ = still_open
    non_empty = [j for j in range(k) if counts[j] > 0]
    if size >= len(non_empty):
        total_weight = sum(weights[j] for j in non_empty)
        for j in sorted((j for j in non_empty if alloc[j] == 0), key=lambda j: (-weights[j], j)):
            # the donor is the stratum furthest above its exact quota size*w/W
            donors = [d for d in range(k) if alloc[d] >= 2]
            donor = max(donors, key=lambda d: (alloc[d] * total_weight - size * weights[d], -d))
            alloc[donor] -= 1
            alloc[j] += 1
    return tuple(alloc)


# -- the randomness ---------------------------------------------------------------------------------


class SeededStream:
    """Uniform integers from sha256(``auditdesk-sampling:{purpose}:{seed}:{counter}``), 256 bits a
    block: the same sequence on every Python version and machine."""

    def __init__(self, seed: int, purpose: str) -> None:
        self._prefix = f"auditdesk-sampling:{purpose}:{seed}:".encode("ascii")
        self._counter = 0
        self._pool = 0
        self._bits = 0

    def _take(self, bits: int) -> int:
        while self._bits < bits:
            block = hashlib.sha256(self._prefix + str(self._counter).encode("ascii")).digest()
            self._counter += 1
            self._pool = (self._pool << 256) | int.from_bytes(block, "big")
            self._bits += 256
        self._bits -= bits
        value = self._pool >> self._bits
        self._pool &= (1 << self._bits) - 1
        return value

    def below(self, n: int) -> int:
        """Uniform in [0, n), by rejection (no modulo bias)."""
        if n < 1:
            raise ValueError(n)
        bits = (n - 1).bit_length()
        while True:
            value = self._take(bits) if bits else 0
            if value < n:
                return value

    def shuffle(self, items: list[PopulationItem]) -> None:
        """Fisher–Yates, in place."""
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


# -- the three methods ------------------------------------------------------------------------------


def _random(population: list[PopulationItem], size: int, seed: int) -> tuple[SamplePick, ...]:
    order = list(population)
    SeededStream(seed, "random").shuffle(order)
    params = {"seed": str(seed)}
    return tuple(
        SamplePick(item.entry_id, i, "", "sampling.reason.random", params)
        for i, item in enumerate(order[:size], start=1)
    )


def _mus(population: list[PopulationItem], size: int, seed: int) -> tuple[SamplePick, ...]:
    scale, units = _scaled(population)
    total = sum(units)
    interval = format_amount(Decimal(total) / scale / size)
    picks: list[SamplePick] = []
    rest: list[tuple[PopulationItem, int]] = []
    for item, unit in zip(population, units, strict=True):
        if unit * size >= total:  # amount >= interval
            params = {"amount": format_amount(item.amount), "interval": interval}
            picks.append(SamplePick(item.entry_id, len(picks) + 1, "top", "sampling.reason.mus_top", params))
        else:
            rest.append((item, unit))
    if not rest:
        return tuple(picks)
    # Positions are integers in 1/size of a unit: the interval is exactly ``total`` of them and the
    # random start lies in [0, interval). An item covers [cum*size, (cum+unit)*size).
    point = SeededStream(seed, "mus").below(total)
    cumulative = 0
    for item, unit in rest:
        end = (cumulative + unit) * size
        hit: int | None = None
        while point < end:
            if hit is None:  # a second hit on the same item counts once
                hit = point
            point += total
        if hit is not None:
            position = (Decimal(hit) / size / scale).quantize(CENT, rounding=ROUND_FLOOR)
            params = {"amount": format_amount(item.amount), "interval": interval, "position": f"{position:f}"}
            picks.append(
                SamplePick(item.entry_id, len(picks) + 1, "interval", "sampling.reason.mus_hit", params)
            )
        cumulative += unit
    return tuple(picks)


def _stratified(
    population: list[PopulationItem], size: int, seed: int, bounds: tuple[Decimal, ...]
) -> tuple[SamplePick, ...]:
    _, units = _scaled(population)
    strata: list[list[PopulationItem]] = [[] for _ in range(len(bounds) + 1)]
    weights = [0] * len(strata)
    for item, unit in zip(population, units, strict=True):
        j = bisect_left(bounds, item.amount)  # amount <= bounds[j]
        strata[j].append(item)
        weights[j] += unit
    alloc = allocate(size, weights, [len(s) for s in strata])
    picks: list[SamplePick] = []
    for j, (members, n) in enumerate(zip(strata, alloc, strict=True)):
        if n == 0:
            continue
        order = list(members)
        SeededStream(seed, f"stratum:{j + 1}").shuffle(order)
        key, params = _stratum_reason(j, bounds)
        params |= {"seed": str(seed), "picked": str(n), "count": str(len(members))}
        for item in order[:n]:
            picks.append(SamplePick(item.entry_id, len(picks) + 1, f"S{j + 1}", key, params))
    return tuple(picks)


# -- helpers -----------------------------------------------------------------------------------------


def _population(items: Sequence[PopulationItem]) -> list[PopulationItem]:
    """The items in entry_id order; refuses an empty population, a repeated entry, an amount not > 0."""
    if not items:
        raise AuditdeskError("sampling.empty_population")
    population = sorted(items, key=lambda item: item.entry_id)
    for before, item in zip([None, *population], population, strict=False):
        amount = item.amount
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount <= 0:
            raise AuditdeskError("sampling.bad_amount", entry=str(item.entry_id), amount=str(amount))
        if before is not None and before.entry_id == item.entry_id:
            raise AuditdeskError("sampling.duplicate_entry", entry=str(item.entry_id))
    return population


def _scaled(population: Sequence[PopulationItem]) -> tuple[int, list[int]]:
    """(scale, integer amounts): amounts times 10**places, places >= 2 (fen)."""
    places = 2
    for item in population:
        exponent = item.amount.as_tuple().exponent
        assert isinstance(exponent, int)  # finite amounts only (checked in _population)
        places = max(places, -exponent)
    scale = 10**places
    return scale, [int(item.amount.scaleb(places)) for item in population]


def _check_bounds(bounds: tuple[Decimal, ...]) -> None:
    shown = ", ".join(str(b) for b in bounds)
    for i, bound in enumerate(bounds):
        if not isinstance(bound, Decimal) or not bound.is_finite() or bound <= 0:
            raise AuditdeskError("sampling.bad_bounds", bounds=shown)
        if i and bound <= bounds[i - 1]:
            raise AuditdeskError("sampling.bad_bounds", bounds=shown)


def _largest_remainder(n: int, weights: Sequence[int]) -> list[int]:
    total = sum(weights)
    quotas = [n * w for w in weights]
    shares = [q // total for q in quotas]
    left = n - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: (-(quotas[i] % total), i))[:left]:
        shares[i] += 1
    return shares


def _stratum_reason(j: int, bounds: tuple[Decimal, ...]) -> tuple[str, dict[str, str]]:
    stratum = f"S{j + 1}"
    if not bounds:
        return "sampling.reason.stratum_only", {"stratum": stratum}
    if j == 0:
        return "sampling.reason.stratum_first", {"stratum": stratum, "upper": _canonical(bounds[0])}
    if j == len(bounds):
        return "sampling.reason.stratum_last", {"stratum": stratum, "lower": _canonical(bounds[-1])}
    lower, upper = _canonical(bounds[j - 1]), _canonical(bounds[j])
    return "sampling.reason.stratum_middle", {"stratum": stratum, "lower": lower, "upper": upper}


def _canonical(amount: Decimal) -> str:
    """One spelling per value: ``"1234.50"`` up to two decimals, the plain digits beyond."""
    cents = amount.quantize(CENT)
    return format_amount(cents) if cents == amount else f"{amount.normalize():f}"
