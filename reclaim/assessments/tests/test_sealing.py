"""Answers, scores and bands are sealed: the database holds only ciphertext."""

from django.db import connection

from reclaim.assessments import actions
from reclaim.assessments.models import InProgress, Result
from reclaim.vault.fields import open_row


def raw_row(table, pk):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT * FROM {table} WHERE id = %s",
            [pk.hex if connection.vendor == "sqlite" else pk],
        )
        return cursor.fetchone()


def row_bytes(row) -> bytes:
    return b"|".join(
        bytes(value) if isinstance(value, (bytes, memoryview)) else str(value).encode()
        for value in row
    )


def test_answers_and_summary_are_sealed_at_rest(member):
    result = actions.do_save_result(member, "phq9", [2, 2, 1, 1, 1, 1, 1, 2, 0])
    assert result.summary["band"] == "moderate"
    stored = row_bytes(raw_row("assessments_result", result.id))
    assert b'"band":"moderate"' not in stored
    assert b"moderate" not in stored
    assert b'"score":11' not in stored
    assert b"[2,2,1,1,1,1,1,2,0]" not in stored
    assert b"phq9" in stored  # The code alone is plain, for queries.


def test_a_result_opens_again_from_the_database(member):
    saved = actions.do_save_result(member, "who5", [5, 4, 3, 2, 1], note="A better week.")
    again = open_row(Result.objects.get(pk=saved.pk))
    assert again.answers == [5, 4, 3, 2, 1]
    assert again.summary == {
        "score": 60,
        "raw_sum": 15,
        "band": "good",
        "flags": ["item_low"],
        "cutpoint": None,
    }
    assert again.note == "A better week."
    assert again.to_score(with_answers=True).answers == (5, 4, 3, 2, 1)


def test_answers_in_progress_are_sealed_too(member):
    progress = actions.do_save_answers(member, "gad7", {1: 3, 2: 2}, note="Hard day")
    stored = row_bytes(raw_row("assessments_inprogress", progress.id))
    assert b'"1":3' not in stored
    assert b"Hard day" not in stored
    assert open_row(InProgress.objects.get(pk=progress.pk)).answer_map == {1: 3, 2: 2}


def test_the_pcl5_cutpoint_used_is_kept_with_the_result(member, settings):
    settings.RECLAIM_PCL5_CUTPOINT = 31
    result = actions.do_save_result(member, "pcl5", [2] * 16 + [0] * 4)  # 32
    settings.RECLAIM_PCL5_CUTPOINT = 33
    again = open_row(Result.objects.get(pk=result.pk)).to_score()
    assert again.cutpoint == 31
    assert again.band == "at_or_above_cutpoint"
