"""How often boundaries held, said calmly in words and numbers."""

from reclaim.toolkit.boundaries.held import overall, summary, tally


def _times(*outcomes):
    return [(f"2026-01-{i + 1:02d}T12:00", outcome) for i, outcome in enumerate(outcomes)]


def test_the_last_ten_times_are_counted_in_words():
    counts = tally(_times(*(["not"] * 5 + ["held"] * 7 + ["not"] * 3)))
    assert summary(counts).words() == "Held 7 of the last 10 times."
    assert (counts["held"], counts["not"]) == (7, 8)


def test_partly_held_is_named_beside_held():
    assert summary(tally(_times("held", "partly", "not"))).words() == (
        "Held 1 of the 3 times so far, and partly held 1 more."
    )


def test_one_time_and_no_time_read_gently():
    assert summary(tally([])).words() == "Not tested yet."
    assert summary(tally(_times("not"))).words() == (
        "Tested once so far, and it did not hold that time."
    )
    assert summary(None).total == 0


def test_across_boundaries_the_totals_add_up_and_the_last_ten_are_the_newest():
    first = tally([(f"2026-01-{d:02d}T09:00", "not") for d in range(1, 11)])
    second = tally([(f"2026-02-{d:02d}T09:00", "held") for d in range(1, 8)])
    both = overall([first, second, None])
    assert (both.held, both.not_held, both.total) == (7, 10, 17)
    assert both.words() == "Held 7 of the last 10 times."


def test_no_word_of_blame_or_failure_is_ever_used():
    for outcomes in (["not"] * 12, ["partly"] * 2, ["not"]):
        words = summary(tally(_times(*outcomes))).words().lower()
        assert not any(bad in words for bad in ("fail", "bad", "only", "again!", "broke"))
