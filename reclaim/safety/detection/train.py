"""Train the semantic layer's head from the labelled corpus.

    uv run --group train python -m reclaim.safety.detection.train            # train, tune, print
    uv run --group train python -m reclaim.safety.detection.train --write    # ...and save
    uv run python -m reclaim.safety.detection.train --thresholds-only        # choose the saved
                                                   # head's thresholds again, on the tuning part

Needs scikit-learn (the `train` dependency group); the product itself only
reads the saved arrays. What each corpus part is for is fixed in
`evaluation.py`: the head learns from the training parts and the rules' own
sets, its thresholds are chosen on the tuning part, and the held-out parts
are never read here.

Each row is read in units exactly as at run time (sentences, and windows of
two, see `semantic.py`). A label says only that the risk is somewhere in a
row, so for rows of several units a first machine, trained on one-unit rows
and every unit of the look-alikes, picks the unit that sounds most like the
label, and a second machine learns from that unit too. A risk row of another
kind teaches a category's machine nothing, except when it is a single unit
(then it is a clear negative for that category).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from .encoder import Encoder, MiniLMEncoder
from .engine import CATEGORIES
from .evaluation import (
    CORPUS_DIR,
    LABELLED_DIR,
    RULE_SETS_FOR_TRAINING,
    TRAIN_PARTS,
    TUNE_PARTS,
    Example,
    load_parts,
)
from .lexicon_en import LEXICON
from .semantic import (
    ALARM,
    RISK,
    URGENT,
    Head,
    RiskModel,
    card_path,
    embed_units,
    sentences,
    unit_texts,
    write_card,
)
from .wording import BUCKETS, WEIGHT, Wording, features, weighted

OUTPUTS = (RISK, *CATEGORIES, URGENT)
# The machines' C: 6 from the eighth round, which scored parts p and q a little
# better than 3 on the development split and as well as 12 (docs/benchmarks.md).
C = 6.0
# The threshold on `Scores.alarm` ("risk" plus the strongest kind) is set on
# the tuning part where this share of its look-alikes fire (on "risk" alone
# until the nineteenth round). They were written to sound like risk, so
# everyday writing fires far less often; missing a person at risk costs more
# than a calm panel.
# It was 10% until the fourth round's head, which at 10% (and 8%) heard
# everyday tiredness in the tools' own tests as risk (docs/benchmarks.md).
# 4.5% from the sixth round; 4% from the eighth, whose head at 4.5% heard a
# calm journal entry in the tools' own tests ("By the river" / "I walked by the
# river and felt the ground hold me") as urgent.
TUNING_FALSE_POSITIVE_RATE = 0.04
# Once the layer fires, the strongest category always does, and any other whose
# margin is above this: on the tuning part, -0.4 named the right kinds more
# often than each machine's own boundary (0), without a single extra alarm.
CATEGORY_MARGIN = -0.4

# libsvm's kernel cache, in MB (200 by default). A larger one only saves
# working kernel columns out again: the machine found is the same. With it,
# and the outputs trained side by side, 21,121 rows took 15 minutes on two
# cores (thirteenth round); 17,685 took about 70 on one, with the default.
SVM_CACHE_MB = 3000

# A wording model's inverse-regularisation (scikit-learn's C for logistic regression).
WORDING_C = 0.5
# A hashed feature seen in fewer training units than this is left out.
WORDING_MIN_UNITS = 2


@dataclass(frozen=True)
class Row:
    """A labelled row read as at run time: its units' embeddings and texts."""

    example: Example
    units: np.ndarray
    texts: list[str]


Encoded = list[Row]


def encode(encoder: Encoder, examples: Sequence[Example]) -> Encoded:
    rows = []
    for e in examples:
        parts = sentences(LEXICON.normalise, e.text)
        rows.append(Row(e, embed_units(encoder, parts), unit_texts(parts)))
    return rows


def wanted(example: Example, output: str) -> bool:
    if output == RISK:
        return example.is_risk
    if output == URGENT:
        return example.level == "urgent"
    return output in example.categories


Labelled = list[tuple[Row, int, int]]  # (row, unit, label)


def units_and_labels(
    rows: Encoded, output: str, score: Callable[[np.ndarray], np.ndarray] | None
) -> Labelled:
    """The units an output learns from, each with its label."""
    chosen: Labelled = []
    for row in rows:
        example, units = row.example, row.units
        if len(units) == 0:
            continue
        if not wanted(example, output):
            if example.is_risk and len(units) > 1:
                continue  # the risk unit of another kind is somewhere in here
            chosen += [(row, i, 0) for i in range(len(units))]
        elif len(units) == 1:
            chosen.append((row, 0, 1))
        elif score is not None:
            chosen.append((row, int(score(units).argmax()), 1))
    return chosen


def vectors_of(chosen: Labelled) -> tuple[np.ndarray, np.ndarray]:
    return np.vstack([row.units[i] for row, i, _ in chosen]), np.array([y for *_, y in chosen])


def kernel_width(rows: Encoded) -> float:
    """scikit-learn's "scale" gamma, worked out once so every output shares it."""
    units = np.vstack([row.units for row in rows if len(row.units)])
    return round(float(1.0 / (units.shape[1] * units.var())), 6)


# scikit-learn (the train group) ships no types: a fitted machine is Any.
def fit(rows: Encoded, output: str, gamma: float) -> tuple[Any, Labelled]:
    """An output's machine, and the units it learned from."""
    from sklearn.svm import SVC

    def machine(x: np.ndarray, y: np.ndarray) -> Any:
        return SVC(
            C=C, kernel="rbf", gamma=gamma, class_weight="balanced", cache_size=SVM_CACHE_MB
        ).fit(x, y)

    first = machine(*vectors_of(units_and_labels(rows, output, None)))
    chosen = units_and_labels(rows, output, first.decision_function)
    return machine(*vectors_of(chosen)), chosen


def rarity(rows: Encoded) -> np.ndarray:
    """Each hashed feature's inverse document frequency over the training units.

    Features in fewer than `WORDING_MIN_UNITS` units weigh nothing.
    """
    seen = np.zeros(BUCKETS, dtype=np.int64)
    total = 0
    for row in rows:
        for text in row.texts:
            seen[list(features(text))] += 1
            total += 1
    idf = (np.log((1 + total) / (1 + seen)) + 1).astype(np.float32)
    idf[seen < WORDING_MIN_UNITS] = 0.0
    return idf


def fit_wording(learned: dict[str, Labelled], idf: np.ndarray) -> Wording:
    """A logistic regression per output, over the units its machine learned from."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    coef = np.zeros((BUCKETS, len(OUTPUTS)), dtype=np.float32)
    intercept = np.zeros(len(OUTPUTS), dtype=np.float32)
    for k, name in enumerate(OUTPUTS):
        chosen = learned[name]
        indptr, indices, data = [0], [], []
        for row, i, _ in chosen:
            slots, values = weighted(features(row.texts[i]), idf)
            indices += slots.tolist()
            data += values.tolist()
            indptr.append(len(indices))
        x = csr_matrix((data, indices, indptr), shape=(len(chosen), BUCKETS))
        y = np.array([label for *_, label in chosen])
        model = LogisticRegression(C=WORDING_C, max_iter=3000, class_weight="balanced")
        model.fit(x, y)
        coef[:, k] = model.coef_[0]
        intercept[k] = model.intercept_[0]
    return Wording(idf, coef, intercept)


def as_head(machines: dict[str, Any], gamma: float, card: dict[str, Any]) -> Head:
    """One head from the per-output machines, over the union of their support vectors.

    The machines learned from the same units, so many support vectors are
    shared; each is kept once. They are stored in half precision, and the
    head is built from exactly what is stored, so the thresholds chosen next
    are the ones that hold at run time.
    """
    index: dict[bytes, int] = {}
    vectors: list[np.ndarray] = []
    entries: list[tuple[int, int, float]] = []
    intercept = np.zeros(len(OUTPUTS), dtype=np.float32)
    for k, name in enumerate(OUTPUTS):
        m = machines[name]
        # scikit-learn's decision function is positive for the second class (1).
        for vector, weight in zip(m.support_vectors_, m.dual_coef_[0], strict=True):
            stored = vector.astype(np.float16)
            key = stored.tobytes()
            if key not in index:
                index[key] = len(vectors)
                vectors.append(stored)
            entries.append((index[key], k, float(weight)))
        intercept[k] = m.intercept_[0]
    coef = np.zeros((len(vectors), len(OUTPUTS)), dtype=np.float32)
    for row, k, weight in entries:
        coef[row, k] += weight
    support = np.vstack(vectors).astype(np.float32)
    return Head(OUTPUTS, support, coef, intercept, gamma, {}, card)


def alarm(model: RiskModel, row: Row) -> float:
    """The row's `Scores.alarm`, worked out as at run time."""
    if not len(row.units):
        return float("-inf")
    return model.scores(row.units, row.texts).alarm


def choose_thresholds(model: RiskModel, tune: Encoded) -> dict[str, float]:
    lookalikes = [alarm(model, row) for row in tune if not row.example.is_risk]
    cut = float(np.quantile(lookalikes, 1 - TUNING_FALSE_POSITIVE_RATE))
    thresholds = {name: CATEGORY_MARGIN for name in CATEGORIES}
    thresholds[ALARM] = round(cut, 4)
    thresholds[URGENT] = 0.0
    return thresholds


def rethreshold() -> None:
    """Choose the saved English head's thresholds again on the tuning part.

    Only the card changes: the arrays, and so their SHA-256, stay as saved.
    """
    model = RiskModel.load("en")
    tune = encode(model.encoder, load_parts(TUNE_PARTS))
    card = json.loads(card_path("en").read_text(encoding="utf-8"))
    card["thresholds"] = choose_thresholds(model, tune)
    card["tuned_on"] = {name: file_digest(name) for name in TUNE_PARTS}
    write_card(card, "en")
    print("thresholds", card["thresholds"], "written to", card_path("en"))


def file_digest(name: str) -> str:
    path = CORPUS_DIR / f"{name}.tsv"
    if not path.exists():
        path = LABELLED_DIR / f"{name}.tsv"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train(write: bool) -> RiskModel:
    encoder = MiniLMEncoder.load()
    train_names = (*TRAIN_PARTS, *RULE_SETS_FOR_TRAINING)
    rows = encode(encoder, load_parts(train_names))
    tune = encode(encoder, load_parts(TUNE_PARTS))
    print(f"learning from {len(rows)} rows; thresholds from {len(tune)}")
    gamma = kernel_width(rows)
    # Each output's machine learns on its own: they are trained side by side.
    with ProcessPoolExecutor(max_workers=min(len(OUTPUTS), os.cpu_count() or 1)) as pool:
        futures = {name: pool.submit(fit, rows, name, gamma) for name in OUTPUTS}
        fitted = {name: future.result() for name, future in futures.items()}
    machines = {name: machine for name, (machine, _) in fitted.items()}
    wording = fit_wording({name: chosen for name, (_, chosen) in fitted.items()}, rarity(rows))
    card = {
        "trained_on": {name: file_digest(name) for name in train_names},
        "tuned_on": {name: file_digest(name) for name in TUNE_PARTS},
        "tuning_false_positive_rate": TUNING_FALSE_POSITIVE_RATE,
        "C": C,
        "support_vectors": {name: len(m.support_) for name, m in machines.items()},
        "wording": {"C": WORDING_C, "min_units": WORDING_MIN_UNITS, "weight": WEIGHT},
    }
    head = as_head(machines, gamma, card)
    thresholds = choose_thresholds(RiskModel(encoder, head, wording), tune)
    head = Head(
        head.outputs, head.support, head.coef, head.intercept, head.gamma, thresholds, card,
    )  # fmt: skip
    print("thresholds", head.thresholds, "support vectors", len(head.support))
    model = RiskModel(encoder, head, wording)
    if write:
        model.save("en")
        print("saved to reclaim/safety/detection/models/")
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="save the head")
    parser.add_argument(
        "--thresholds-only", action="store_true", help="only choose the saved head's thresholds"
    )
    args = parser.parse_args()
    if args.thresholds_only:
        rethreshold()
    else:
        train(args.write)


if __name__ == "__main__":
    main()
