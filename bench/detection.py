"""Benchmark risk detection: each layer's accuracy on every labelled set, and speed.

    uv run python bench/detection.py                 # everything, held-out parts first
    uv run python bench/detection.py --tuning-only   # leave the held-out parts out
    uv run python bench/detection.py --misses        # also list misses on the parts tuned on
    uv run python bench/detection.py --speed-only    # only the time per sentence and per entry

Three layers are measured on the same rows: the rules alone, the semantic
layer alone (sentence encoder and trained head), and both combined, which is
what `detect()` returns. The held-out corpus parts (see
`reclaim/safety/detection/evaluation.py`) were read by no one who wrote the
code; their misses are never listed here, so that tuning cannot lean on
them by accident. Runs without Django settings: the detector is plain Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# Make `reclaim` importable when the script is run by path from anywhere.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reclaim.safety.detection import (
    CATEGORIES,
    RiskAssessment,
    detect,
    detect_rules,
    detect_semantic,
    warm,
)
from reclaim.safety.detection.evaluation import (
    CHOICE_PARTS,
    HELDOUT_PARTS,
    MEASURED_PARTS,
    RULE_SETS_FOR_TRAINING,
    TRAIN_PARTS,
    TUNE_PARTS,
    Example,
    Report,
    evaluate,
    load_parts,
)

LAYERS: tuple[tuple[str, Callable[[str], RiskAssessment]], ...] = (
    ("rules", detect_rules),
    ("semantic", detect_semantic),
    ("combined", detect),
)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def print_layers(title: str, examples: list[Example], misses: bool = False) -> dict[str, Report]:
    risk = sum(e.is_risk for e in examples)
    passages = sum(e.form == "passage" for e in examples)
    print(
        f"\n== {title}: {len(examples)} rows ({risk} risk, {len(examples) - risk} look-alikes; "
        f"{passages} passages)"
    )
    print(
        "  layer      recall   false pos.  precision  urgent->urgent   "
        + "  ".join(f"{c[:14]:>14}" for c in CATEGORIES)
    )
    reports = {}
    for name, layer in LAYERS:
        report = evaluate(examples, layer)
        reports[name] = report
        cats = "  ".join(
            f"{_pct(report.category_recall(c))}/{_pct(report.category_false_positive_rate(c)).strip():>5}"
            for c in CATEGORIES
        )
        print(
            f"  {name:9} {_pct(report.recall)}   {_pct(report.false_positive_rate)}     "
            f"{_pct(report.precision())}     {_pct(report.urgent_accuracy)}        {cats}"
        )
    print("  (per category: recall / false-positive rate on look-alikes)")
    combined = reports["combined"]
    print(
        f"  combined counts: caught {combined.risk_caught}/{combined.risk_total}, "
        f"false alarms {combined.lookalike_fired}/{combined.lookalike_total}"
    )
    for category in CATEGORIES:
        tp, fp, fn = (
            combined.true_pos[category],
            combined.false_pos[category],
            combined.false_neg[category],
        )
        print(
            f"    {category:15} recall {_pct(combined.category_recall(category))} "
            f"precision {_pct(combined.category_precision(category))}  (tp {tp}, fp {fp}, fn {fn})"
        )
    for form in ("sentence", "passage"):
        subset = [e for e in examples if e.form == form]
        if subset and passages:
            r = evaluate(subset, detect)
            print(
                f"    {form + 's':15} recall {_pct(r.recall)} ({r.risk_caught}/{r.risk_total}), "
                f"false pos. {_pct(r.false_positive_rate)} ({r.lookalike_fired}/{r.lookalike_total})"
            )
    if misses:
        for label, pairs in (("misses", combined.misses), ("false alarms", combined.false_alarms)):
            print(f"\n  {label}: {len(pairs)}")
            for example, result in pairs:
                print(
                    f"    [{example.level} {','.join(sorted(example.categories)) or example.kind}] "
                    f"{example.text[:300]}\n      -> {result.level} {sorted(result.categories)} "
                    f"{list(result.reasons)[:6]}"
                )
    return reports


def _timed(text: str) -> float:
    start = time.perf_counter()
    detect(text)
    return time.perf_counter() - start


def print_speed(examples: list[Example], rounds: int) -> None:
    sentences = [e.text for e in examples if e.form == "sentence"]
    timings = [_timed(t) for _ in range(rounds) for t in sentences]
    p95 = statistics.quantiles(timings, n=100)[94]
    print(f"\n== speed, both layers ({len(sentences)} sentences x {rounds} rounds, one process)")
    print(
        f"  per sentence: median {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, max {max(timings) * 1000:.1f} ms"
    )
    entry = (
        "Work was long today and the printer jammed twice. I picked the kids up at half three "
        "and we stopped for bread and milk on the way home. He texted that he would be late "
        "again, and I did not answer. The washing machine is making that noise again. "
        "I keep replaying the night I found the messages, every word of them. "
        "My sister called and we talked about her new job for a while. "
        "I made soup and the little one ate all of hers for once. "
        "I have been putting my tablets aside in the drawer and I know when I will take them. "
        "Tomorrow I need to ring the school about the trip and pay the gas bill. "
        "The dog needs a walk before bed and it is raining again. "
    )
    words = entry.split()
    entry = " ".join((words * 4)[:300])
    # The same words typed as one run-on line, as on a phone late at night:
    # no full stops, so the whole entry is cut into overlapping pieces.
    run_on = entry.replace(".", "").lower()
    for label, text in (
        ("a 300-word journal entry", entry),
        ("the same with no full stops", run_on),
    ):
        times = [_timed(text) for _ in range(10)]
        print(
            f"  {label}: median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms"
        )
    everyday = (
        "We went to the park after school and the kids played on the swings. "
        "I made pasta and we watched a film, then I read for a while. "
    ) * 800
    for label, text in (
        ("an everyday diary", everyday[:100_000]),
        ("one word, no spaces", "a" * 100_000),
    ):
        print(f"  100,000 characters, {label:22} {_timed(text) * 1000:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--tuning-only", action="store_true", help="leave the held-out parts out")
    parser.add_argument("--misses", action="store_true", help="list misses on parts tuned on")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds over the sentences")
    parser.add_argument("--speed-only", action="store_true", help="only time the layers")
    parser.add_argument(
        "--only",
        metavar="PARTS",
        help="measure these parts or sets together (e.g. part_o or part_v,part_w) and stop",
    )
    args = parser.parse_args()

    before = _rss_mb()
    start = time.perf_counter()
    if not warm():
        print("the semantic layer could not be loaded; the numbers below are the rules' alone")
    print(
        f"semantic layer loaded in {time.perf_counter() - start:.1f} s; "
        f"memory added to the process {_rss_mb() - before:.0f} MB"
    )
    if args.only:
        print_layers(args.only, load_parts(args.only.split(",")))
        return
    if args.speed_only:
        print_speed(load_parts(TRAIN_PARTS), args.rounds)
        print(f"\nmemory added to the process after all of it {_rss_mb() - before:.0f} MB")
        return
    if not args.tuning_only:
        print_layers(
            "HELD-OUT corpus parts " + ", ".join(HELDOUT_PARTS) + " (never read, never tuned on)",
            load_parts(HELDOUT_PARTS),
        )
    if not args.tuning_only and MEASURED_PARTS:
        print_layers(
            "measured parts "
            + ", ".join(MEASURED_PARTS)
            + " (held out before, measured since; never read or tuned on)",
            load_parts(MEASURED_PARTS),
        )
    print_layers(
        "tuning part " + ", ".join(TUNE_PARTS) + " (the head's thresholds were chosen here)",
        load_parts(TUNE_PARTS),
        misses=args.misses,
    )
    print_layers(
        "choice parts "
        + ", ".join(CHOICE_PARTS)
        + " (chosen on: how run-on sentences are cut, semantic.DOUBT, and which"
        + " look-alike readings of the rules the semantic layer heeds)",
        load_parts(CHOICE_PARTS),
        misses=args.misses,
    )
    train = load_parts(TRAIN_PARTS)
    print_layers(
        "training parts " + ", ".join(TRAIN_PARTS) + " (the head learned from these)",
        train,
        misses=args.misses,
    )
    print_layers(
        "the rules' own sets " + ", ".join(RULE_SETS_FOR_TRAINING) + " (rules tuned, head trained)",
        load_parts(RULE_SETS_FOR_TRAINING),
    )
    print_layers(
        "heldout3 (rules never tuned on it, head never trained on it)", load_parts(("heldout3",))
    )
    print_speed(train, args.rounds)
    print(f"\nmemory added to the process after all of it {_rss_mb() - before:.0f} MB")


if __name__ == "__main__":
    main()
