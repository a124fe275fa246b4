"""Judging a large batch of pairs on every core the process may use.

One pair takes about 0.3 ms on one core, so a file of 10,000 pairs (`triage --pairs`) takes
three seconds. A batch that large is split among worker processes forked from this one: a
forked worker inherits the compiled lexicon, the resemblance model and the items themselves,
so nothing is rebuilt or sent to it, and only the verdicts travel back.

Below `MIN_PAIRS_FOR_WORKERS` pairs the fork and the return of the verdicts cost more than
they save, and the work stays in this process. So it does where processes cannot be forked
(Windows; macOS, where forking is unsafe): spawned workers would import and compile
everything again.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Sequence

from followup.records import Item
from followup.triage.classify import Verdict, classify
from followup.triage.lexicon import Lexicon
from followup.triage.resemblance import load_model

# benchmarks/triage_pairs_speed.py: two workers save about a quarter of the time from 1,000
# pairs on; at 500 they save a tenth, and at 250 they cost more than they save.
MIN_PAIRS_FOR_WORKERS = 1000
_CHUNKS_PER_WORKER = 4  # several chunks each, so a worker that drew long replies is not waited on

# What the forked workers read: set just before the fork, cleared after.
_batch: tuple[Sequence[Item], Lexicon] | None = None


def usable_cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def classify_all(items: Sequence[Item], lexicon: Lexicon, workers: int | None = None) -> list[Verdict]:
    """The verdict of every item, in order: the same verdicts `classify` gives one by one."""
    # (past eight workers the verdicts' return and the copies of memory outweigh the gain)
    count = min(workers if workers is not None else usable_cores(), 8)
    if count < 2 or len(items) < MIN_PAIRS_FOR_WORKERS or not can_fork():
        return [classify(item, lexicon) for item in items]
    global _batch
    load_model()  # loaded (and cached) before the fork, so no worker reads the file again
    _batch = (items, lexicon)
    gc.freeze()  # the collector then leaves the inherited objects alone: fewer pages copied
    # Unpickling the verdicts that come back makes hundreds of thousands of small objects, and
    # the collector, set off by their number, took 0.2 s of every 10,000 pairs to find no
    # cycle in them: it is paused here until they are all in (each worker collects as usual).
    collecting = gc.isenabled()
    gc.disable()
    try:
        size = -(-len(items) // (count * _CHUNKS_PER_WORKER))
        spans = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
        with multiprocessing.get_context("fork").Pool(count, initializer=_start_worker) as pool:
            judged = pool.map(_judge_span, spans)
    finally:
        _batch = None
        if collecting:
            gc.enable()
        gc.unfreeze()
    return [verdict for chunk in judged for verdict in chunk]


def _start_worker() -> None:
    # Ctrl-C reaches every process of the terminal's group: the parent alone answers it (the
    # pool is then terminated), so a user sees one message, not a traceback per worker.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.enable()  # the parent's collector is paused for the verdicts coming back, not the worker's


def _judge_span(span: tuple[int, int]) -> list[Verdict]:
    assert _batch is not None, "workers are forked after the batch is set"
    items, lexicon = _batch
    return [classify(item, lexicon) for item in items[span[0] : span[1]]]
