import pytest

from reclaim.assessments import actions
from reclaim.assessments.instruments import AnswerError
from reclaim.assessments.models import InProgress, Result
from reclaim.vault.fields import open_row


def test_saving_answers_merges_with_earlier_ones(member):
    actions.do_save_answers(member, "phq9", {1: 1, 2: 2})
    progress = actions.do_save_answers(member, "phq9", {2: 3, 3: 0})
    assert progress.answer_map == {1: 1, 2: 3, 3: 0}
    assert InProgress.objects.filter(owner=member).count() == 1


def test_a_value_outside_the_scale_is_refused_naming_the_item(member):
    with pytest.raises(AnswerError) as caught:
        actions.do_save_answers(member, "phq9", {4: 7})
    assert caught.value.item == 4


def test_an_item_that_does_not_exist_is_refused(member):
    with pytest.raises(AnswerError):
        actions.do_save_answers(member, "gad7", {8: 1})


def test_finishing_an_incomplete_questionnaire_names_the_first_missing_item(member):
    actions.do_save_answers(member, "gad7", {1: 1, 2: 1, 4: 1})
    with pytest.raises(AnswerError) as caught:
        actions.do_finish(member, "gad7")
    assert caught.value.item == 3
    assert InProgress.objects.filter(owner=member).exists()
    assert not Result.objects.exists()


def test_finishing_saves_the_result_with_the_note_and_clears_the_progress(member):
    actions.do_save_answers(member, "gad7", {n: 2 for n in range(1, 8)}, note="Noted.")
    result = actions.do_finish(member, "gad7")
    assert result.summary["score"] == 14
    assert result.summary["band"] == "moderate"
    assert result.note == "Noted."
    assert not InProgress.objects.filter(owner=member).exists()


def test_a_result_is_never_prorated(member):
    with pytest.raises(AnswerError) as caught:
        actions.do_save_result(member, "phq9", [1, 1, 1, 1, 1, 1, 1, 1, None])
    assert caught.value.item == 9
    assert not Result.objects.exists()


def test_answers_posted_after_the_auto_lock_are_kept(member):
    from django.http import QueryDict

    data = QueryDict("code=phq9&page=1&q1=2&q2=1")
    assert actions.keep_answers_on_lock(member, data) is True
    assert open_row(InProgress.objects.get(owner=member, code="phq9")).answer_map == {1: 2, 2: 1}


def test_nothing_is_kept_on_lock_for_a_switched_off_questionnaire(member):
    from django.http import QueryDict

    assert actions.keep_answers_on_lock(member, QueryDict("code=dar5&q1=2")) is False
