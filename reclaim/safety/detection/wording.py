"""The semantic layer's second view: the words and letters a unit is written in.

The encoder (`encoder.py`) hears what a sentence means, but it squeezes a
sentence into 384 numbers and loses small, telling things: a quantity
("forty of them"), a day, a word misspelt the same way every time, the
difference between "my" and "his". This view keeps them. A unit (a
sentence or a window of two, as in `semantic.py`) is turned into counts of
its words, its pairs of neighbouring words, and the runs of two to five
letters inside each word (so "pils", "pillz" and "pills" share most of
theirs); each count is damped (1 + log), weighted by how rare it was in the
training corpus, and the whole scaled to length one. A linear model per
output, trained with the support-vector machines (`train.py`), scores it;
the layer adds `WEIGHT` times that score to each machine's margin.

Features are not kept by name but hashed into `BUCKETS` slots (CRC-32), so
the stored model is a few arrays and no vocabulary: nothing to look up, and
the words of the corpus are not shipped. Two features may share a slot;
with this many slots that is rare and costs little.

On the tuning part e and on parts p and q (before they were learned from),
the two views together separated risk from look-alikes better than either
alone (docs/benchmarks.md).
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

BUCKETS = 1 << 19
# How much the wording's score counts beside the machines' margins. In the
# eighth round 0.2 scored a development split a little better (docs/benchmarks.md)
# but heard a boundary's composed script ("If it happens again, I will leave
# the room and come back later.") as harm; 0.1 does not.
WEIGHT = 0.1
# Runs of letters inside a word, padded with a space at each end.
LETTERS = range(2, 6)
_WORD = re.compile(r"\w\w+")
_SPACE = re.compile(r"\s+")


def features(unit: str) -> Counter[int]:
    """Counts of the unit's hashed features (words, word pairs, letter runs)."""
    text = _SPACE.sub(" ", unit.lower()).strip()
    words = _WORD.findall(text)
    grams = [f"w {w}" for w in words]
    grams += [f"p {a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for word in text.split(" "):
        padded = f" {word} "
        for n in LETTERS:
            if len(padded) <= n:
                grams.append(f"c {padded}")
                break
            grams += [f"c {padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return Counter(zlib.crc32(g.encode("utf-8")) % BUCKETS for g in grams)


def weighted(counts: Counter[int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The unit's slots and their damped, rarity-weighted values, of length one."""
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    slots = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), np.float32, len(counts))
    values = tf * idf[slots]
    norm = float(np.linalg.norm(values))
    return slots, values / norm if norm > 0 else values


@dataclass(frozen=True)
class Wording:
    """Linear models over hashed features, one column per output of the head."""

    idf: np.ndarray  # (BUCKETS,)
    coef: np.ndarray  # (BUCKETS, outputs)
    intercept: np.ndarray  # (outputs,)

    def scores(self, units: Sequence[str]) -> np.ndarray:
        """(units, outputs): each output's linear score for each unit.

        A unit said twice (a pasted list, a repeated line) is read once, as
        the encoder reads it once.
        """
        distinct = list(dict.fromkeys(units))
        found = np.tile(self.intercept, (len(distinct), 1)).astype(np.float32)
        for i, unit in enumerate(distinct):
            slots, values = weighted(features(unit), self.idf)
            if len(slots):
                found[i] += values @ self.coef[slots]
        row = {unit: i for i, unit in enumerate(distinct)}
        return found[[row[unit] for unit in units]].reshape(len(units), len(self.intercept))
