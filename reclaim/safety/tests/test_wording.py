"""The wording view: hashed words, word pairs and letter runs, weighted and scaled."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from reclaim.safety.detection.wording import BUCKETS, Wording, features, weighted


def test_spellings_of_one_word_share_most_of_their_letter_runs():
    pills, pillz, pancakes = features("pills"), features("pillz"), features("pancakes")
    shared = sum((pills & pillz).values())
    assert shared >= sum(pills.values()) / 2
    assert sum((pills & pancakes).values()) < shared


def test_case_and_spacing_do_not_change_what_a_unit_is():
    assert features("I have  the PILLS") == features("i have the pills")


def test_word_order_matters_through_word_pairs():
    assert features("he hit me") != features("me hit he")
    # ...but only through the pairs: the same words, the same letter runs.
    assert sum(features("he hit me").values()) == sum(features("me hit he").values())


@given(st.text(max_size=200))
def test_every_unit_is_scaled_to_length_one_or_nothing(text):
    idf = np.ones(BUCKETS, dtype=np.float32)
    slots, values = weighted(features(text), idf)
    assert len(slots) == len(set(slots.tolist()))
    assert (slots >= 0).all() and (slots < BUCKETS).all()
    if len(values):
        assert math.isclose(float(np.linalg.norm(values)), 1.0, rel_tol=1e-5)


def test_a_repeated_word_counts_less_than_twice():
    idf = np.ones(BUCKETS, dtype=np.float32)
    _, once = weighted(Counter({7: 1, 9: 1}), idf)
    _, many = weighted(Counter({7: 8, 9: 1}), idf)
    assert once[0] == once[1]
    assert 1 < many[0] / many[1] < 8  # damped: 1 + log 8, about 3


def test_scores_are_the_intercept_plus_the_weighted_features():
    idf = np.zeros(BUCKETS, dtype=np.float32)
    coef = np.zeros((BUCKETS, 2), dtype=np.float16)
    unit = "the pills"
    slots = list(features(unit))
    idf[slots] = 1.0
    coef[slots, 0] = 1.0
    model = Wording(idf, coef, np.array([-0.5, 0.25], dtype=np.float32))
    scores = model.scores([unit, ""])
    _, values = weighted(features(unit), idf)
    assert np.allclose(scores[0], [-0.5 + values.sum(), 0.25], atol=1e-3)
    assert np.allclose(scores[1], [-0.5, 0.25])  # nothing to read: the intercept alone
