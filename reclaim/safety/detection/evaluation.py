"""Measuring the detector against labelled sentences.

Shared by the tests and by `bench/detection.py`, so both count a catch, a
false alarm and a per-category score the same way.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .engine import CATEGORIES, NONE, RiskAssessment

LABELLED_DIR = Path(__file__).resolve().parent.parent / "tests" / "labelled"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    level: str
    categories: frozenset[str]
    kind: str
    # "sentence" or "passage" (three to eight sentences with the risk, if
    # any, somewhere among ordinary lines).
    form: str = "sentence"

    @property
    def is_risk(self) -> bool:
        return self.level != NONE


def load(name: str) -> list[Example]:
    """Read a labelled set by name: `dev`, `heldout`, or `corpus/part_a`..."""
    return load_path(LABELLED_DIR / f"{name}.tsv")


def load_path(path: Path) -> list[Example]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Example(
                text=row["text"],
                level=row["level"],
                categories=frozenset(c for c in row["categories"].split(",") if c),
                kind=row["kind"],
                form=row.get("form") or "sentence",
            )
            for row in rows
        ]


def caught(example: Example, result: RiskAssessment) -> bool:
    """A risk sentence is caught when any risk is found and the expected
    categories are all among those found."""
    return result.level != NONE and example.categories <= result.categories


@dataclass
class Report:
    risk_total: int = 0
    risk_caught: int = 0
    # Risk rows on which anything fired, right category or not.
    risk_fired: int = 0
    lookalike_total: int = 0
    lookalike_fired: int = 0
    lookalike_by_kind: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    urgent_total: int = 0
    urgent_right: int = 0
    true_pos: Counter[str] = field(default_factory=Counter)
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)
    # Look-alike rows on which a category fired, per category.
    lookalike_fired_by_category: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Example, RiskAssessment]] = field(default_factory=list)
    false_alarms: list[tuple[Example, RiskAssessment]] = field(default_factory=list)
    wrong_urgent: list[tuple[Example, RiskAssessment]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.risk_caught / self.risk_total if self.risk_total else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.lookalike_fired / self.lookalike_total if self.lookalike_total else 0.0

    @property
    def urgent_accuracy(self) -> float:
        return self.urgent_right / self.urgent_total if self.urgent_total else 1.0

    def category_precision(self, category: str) -> float:
        found = self.true_pos[category] + self.false_pos[category]
        return self.true_pos[category] / found if found else 1.0

    def category_recall(self, category: str) -> float:
        expected = self.true_pos[category] + self.false_neg[category]
        return self.true_pos[category] / expected if expected else 1.0

    def category_false_positive_rate(self, category: str) -> float:
        fired = self.lookalike_fired_by_category[category]
        return fired / self.lookalike_total if self.lookalike_total else 0.0

    def precision(self) -> float:
        """Of the rows where anything fired, the share that were risk rows."""
        fired = self.risk_fired + self.lookalike_fired
        return self.risk_fired / fired if fired else 1.0


def evaluate(examples: Iterable[Example], detect: Callable[[str], RiskAssessment]) -> Report:
    report = Report()
    for example in examples:
        result = detect(example.text)
        for category in CATEGORIES:
            expected = category in example.categories
            found = category in result.categories
            if expected and found:
                report.true_pos[category] += 1
            elif found:
                report.false_pos[category] += 1
            elif expected:
                report.false_neg[category] += 1
        if example.is_risk:
            report.risk_total += 1
            report.risk_fired += result.level != NONE
            if caught(example, result):
                report.risk_caught += 1
            else:
                report.misses.append((example, result))
            if example.level == "urgent":
                report.urgent_total += 1
                if result.level == "urgent":
                    report.urgent_right += 1
                else:
                    report.wrong_urgent.append((example, result))
        else:
            report.lookalike_total += 1
            counts = report.lookalike_by_kind[example.kind]
            counts[1] += 1
            if result.level != NONE:
                report.lookalike_fired += 1
                counts[0] += 1
                report.false_alarms.append((example, result))
                report.lookalike_fired_by_category.update(result.categories)
    return report


# --- the corpus the semantic layer learns from ---------------------------------------

CORPUS_DIR = LABELLED_DIR / "corpus"
#: What each part of the corpus is for, fixed before any part was read. Each
#: part was written by a different writer who saw neither the rules, nor the
#: code, nor the other parts (see tests/labelled/corpus/README.md).
#: Parts h-k were written after the held-out parts' first measurement, to
#: give the head more to learn from; they were never measured on their own.
TRAIN_PARTS = (
    "part_a",
    "part_b",
    "part_c",
    "part_d",
    "part_h",
    "part_i",
    "part_j",
    "part_k",
    "part_l",
    "part_m",
    "part_n",
    "part_f",
    "part_g",
    "part_o",
    # Held out in the fourth round (p, q) and the fifth (r, s), measured,
    # then learned from in the sixth.
    "part_p",
    "part_q",
    "part_r",
    "part_s",
    # Held out in the sixth round, measured once, then learned from in the eighth.
    "part_t",
    "part_u",
    # Written for the eighth round, to be learned from: eight more writers,
    # each with a voice of their own (tests/labelled/corpus/README.md).
    "part_x",
    "part_y",
    "part_z",
    "part_za",
    "part_zb",
    "part_zc",
    "part_zd",
    "part_ze",
    # Held out in the seventh and eighth rounds, measured with the eighth
    # round's model (v and w twice, zf and zg once), then learned from in the ninth.
    "part_v",
    "part_w",
    "part_zf",
    "part_zg",
    # Held out in the ninth round, measured once, then learned from in the tenth.
    "part_zh",
    "part_zi",
    # Written for the tenth round to be learned from, with a lean towards long
    # run-on check-ins (brief-round-10.md), which the ninth round's model read poorly.
    "part_zn",
    "part_zo",
    # Measured before (zj-zm, zu-zx as headlines; zq-zt also helped choose
    # `semantic.DOUBT`; zy-zzb measured twice), then learned from in the
    # fourteenth round.
    "part_zj",
    "part_zk",
    "part_zl",
    "part_zm",
    "part_zq",
    "part_zr",
    "part_zs",
    "part_zt",
    "part_zu",
    "part_zv",
    "part_zw",
    "part_zx",
    "part_zy",
    "part_zz",
    "part_zza",
    "part_zzb",
    # Held out in the thirteenth round, measured once with the fourteenth
    # round's head, then learned from in the fifteenth.
    "part_zzc",
    "part_zzd",
    "part_zze",
    "part_zzf",
)
TUNE_PARTS = ("part_e",)
#: Kept out of training and chosen on, so never a headline: zp (written with
#: zn and zo) chose how run-on sentences are cut into pieces, and with e
#: chose `semantic.DOUBT` for the fourteenth and fifteenth rounds' heads.
#: zzg-zzj (the fifteenth round's headline, measured twice) helped choose,
#: with e and zp, which of the rules' look-alike readings the semantic layer
#: heeds (`engine.Reading`; seventeenth round).
#: zzza, written for `RESERVED_PARTS`, had about seventy of its rows shown on
#: screen in the nineteenth round's last review (a diff that included it),
#: so it can no longer be a first measurement; it is kept out of training.
CHOICE_PARTS = ("part_zp", "part_zzg", "part_zzh", "part_zzi", "part_zzj", "part_zzza")
#: Written in the twentieth round by four writers who saw only the third
#: round's brief, never read, learned from or tuned on by the head members
#: have; measured once in the twenty-first round, with that head and with a
#: head learned from zzk-zzz, which was not shipped (docs/benchmarks.md).
HELDOUT_PARTS = ("part_zzze", "part_zzzf", "part_zzzg", "part_zzzh")
#: Written in the twenty-first round by four more writers who saw only the
#: third round's brief: kept for later models, never read, learned from or
#: measured.
RESERVED_PARTS = ("part_zzzi", "part_zzzj", "part_zzzk", "part_zzzl")
#: Parts held out before and measured since, reported apart from the
#: headline; never read, learned from or tuned on by the head members get.
#: zzk-zzn were the sixteenth round's headline, measured with a head learned
#: from zzg-zzj (not shipped) and with the fifteenth round's; zzo-zzr the
#: seventeenth round's; zzs-zzv the eighteenth's; zzw-zzz the nineteenth's;
#: zzzb-zzzd the twentieth's. The twentieth and twenty-first rounds' candidate
#: head learned from zzk-zzz; it was not shipped.
MEASURED_PARTS: tuple[str, ...] = (
    "part_zzk",
    "part_zzl",
    "part_zzm",
    "part_zzn",
    "part_zzo",
    "part_zzp",
    "part_zzq",
    "part_zzr",
    "part_zzs",
    "part_zzt",
    "part_zzu",
    "part_zzv",
    "part_zzw",
    "part_zzx",
    "part_zzy",
    "part_zzz",
    "part_zzzb",
    "part_zzzc",
    "part_zzzd",
)
#: The rules' own labelled sets: the rules were tuned on them, so they teach
#: the head too. heldout3 stays out of training and is reported.
RULE_SETS_FOR_TRAINING = ("dev", "heldout", "heldout2")


def load_parts(names: Iterable[str]) -> list[Example]:
    """Corpus parts (`part_a`...) or rule sets (`dev`...), in order."""
    examples: list[Example] = []
    for name in names:
        path = CORPUS_DIR / f"{name}.tsv"
        examples += load_path(path if path.exists() else LABELLED_DIR / f"{name}.tsv")
    return examples
