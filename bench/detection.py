"""Benchmark the risk detector: accuracy on the labelled sets, and speed.

    uv run python bench/detection.py            # every labelled set, plus speed
    uv run python bench/detection.py --misses   # also list the dev misses and false alarms

Runs without Django settings: the detector is plain Python. The held-out
sets are reported separately and their misses are never listed here, so
that tuning cannot lean on them by accident. heldout2 was read once after
its first measurement (see tests/labelled/README.md); heldout3 never was.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

# Make `reclaim` importable when the script is run by path from anywhere.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reclaim.safety import detect  # noqa: E402
from reclaim.safety.detection import CATEGORIES  # noqa: E402
from reclaim.safety.detection.evaluation import Example, Report, evaluate, load  # noqa: E402

LOOKALIKE_KINDS = ("idiom", "negation", "others", "past", "distress", "anger", "everyday")


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def print_accuracy(name: str, examples: list[Example], report: Report) -> None:
    print(
        f"\n== {name}: {len(examples)} sentences "
        f"({report.risk_total} risk, {report.lookalike_total} look-alikes)"
    )
    print(
        f"  recall on risk sentences   {_pct(report.recall)}  ({report.risk_caught}/{report.risk_total})"
    )
    print(
        f"  false-positive rate        {_pct(report.false_positive_rate)}  "
        f"({report.lookalike_fired}/{report.lookalike_total} look-alikes fired)"
    )
    print(
        f"  urgent rated urgent        {_pct(report.urgent_accuracy)}  "
        f"({report.urgent_right}/{report.urgent_total})"
    )
    print(f"  exact level                {_pct(report.level_exact / len(examples))}")
    print("  per category               precision   recall   (tp/fp/fn)")
    for category in CATEGORIES:
        tp, fp, fn = (
            report.true_pos[category],
            report.false_pos[category],
            report.false_neg[category],
        )
        print(
            f"    {category:23}  {_pct(report.category_precision(category))}   "
            f"{_pct(report.category_recall(category))}   ({tp}/{fp}/{fn})"
        )
    print("  false-positive rate by look-alike kind")
    for kind in LOOKALIKE_KINDS:
        fired, total = report.lookalike_by_kind.get(kind, [0, 0])
        rate = fired / total if total else 0.0
        print(f"    {kind:23}  {_pct(rate)}   ({fired}/{total})")


def print_cases(title: str, pairs: list) -> None:
    print(f"\n  {title}: {len(pairs)}")
    for example, result in pairs:
        print(
            f"    [{example.level} {','.join(sorted(example.categories)) or example.kind}] "
            f"{example.text}\n      -> {result.level} {sorted(result.categories)} {list(result.reasons)}"
        )


def time_texts(texts: list[str], rounds: int) -> list[float]:
    timings: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            detect(text)
            timings.append(time.perf_counter() - start)
    return timings


def time_one(text: str, rounds: int = 5) -> tuple[float, float]:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        detect(text)
        timings.append(time.perf_counter() - start)
    return min(timings), statistics.median(timings)


def print_speed(examples: list[Example], rounds: int) -> None:
    texts = [e.text for e in examples]
    detect("warm up")
    timings = time_texts(texts, rounds)
    mean = statistics.fmean(timings)
    p95 = statistics.quantiles(timings, n=100)[94]
    print(f"\n== speed ({len(texts)} sentences x {rounds} rounds)")
    print(
        f"  per text: mean {mean * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms, "
        f"max {max(timings) * 1000:.3f} ms"
    )
    joined = " ".join(texts)
    dense = (joined * (100_000 // len(joined) + 1))[:100_000]
    everyday = (
        "We went to the park after school and the kids played on the swings. "
        "I made pasta and we watched a film, then I read for a while. "
    ) * 800
    journal = (
        "I found more messages tonight and I cried for an hour. He says it meant nothing. "
        "I feel worthless and I can't sleep. I hate what he did to us. "
    ) * 700
    for label, text in (
        ("every labelled sentence, repeated", dense),
        ("an everyday diary", everyday[:100_000]),
        ("a distressed journal, no risk", journal[:100_000]),
        ("one word, no spaces", "a" * 100_000),
    ):
        best, median = time_one(text)
        print(
            f"  100,000 characters, {label:34} best {best * 1000:7.1f} ms, median {median * 1000:7.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true", help="list dev misses and false alarms")
    parser.add_argument("--rounds", type=int, default=20, help="timing rounds over the sentences")
    args = parser.parse_args()

    dev, heldout, heldout2, heldout3 = (
        load("dev"),
        load("heldout"),
        load("heldout2"),
        load("heldout3"),
    )
    dev_report = evaluate(dev, detect)
    print_accuracy("dev (tuned on)", dev, dev_report)
    if args.misses:
        print_cases("dev misses", dev_report.misses)
        print_cases("dev false alarms", dev_report.false_alarms)
        print_cases("dev urgent not rated urgent", dev_report.wrong_urgent)
    print_accuracy("held-out (never tuned on)", heldout, evaluate(heldout, detect))
    print_accuracy(
        "heldout2: preparation and veiled intent (misses read once, then tuned on)",
        heldout2,
        evaluate(heldout2, detect),
    )
    print_accuracy(
        "heldout3: preparation and veiled intent (never tuned on)",
        heldout3,
        evaluate(heldout3, detect),
    )
    print_speed(dev + heldout + heldout2 + heldout3, args.rounds)


if __name__ == "__main__":
    main()
