"""The way through a questionnaire's pages, without a request or a database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reclaim.assessments.instruments import get
from reclaim.assessments.paging import (
    MOST_PER_PAGE,
    Go,
    Move,
    Paging,
    Step,
    answers_from_post,
    page_ranges,
    worth_saving,
)

item_counts = st.integers(min_value=1, max_value=40)


@given(item_counts)
def test_every_question_is_on_exactly_one_page_in_order(item_count):
    pages = page_ranges(item_count)
    numbers = [number for page in pages for number in page]
    assert numbers == list(range(1, item_count + 1))


@given(item_counts)
def test_pages_are_as_few_as_allowed_short_and_even(item_count):
    sizes = [len(page) for page in page_ranges(item_count)]
    assert max(sizes) <= MOST_PER_PAGE
    assert len(sizes) == -(-item_count // MOST_PER_PAGE)
    assert max(sizes) - min(sizes) <= 1
    assert sizes == sorted(sizes, reverse=True)


def test_phq9_is_five_then_four_and_gad7_four_then_three():
    assert page_ranges(9) == [range(1, 6), range(6, 10)]
    assert page_ranges(7) == [range(1, 5), range(5, 8)]
    assert [len(page) for page in page_ranges(21)] == [5, 4, 4, 4, 4]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", 1), ("2", 2), ("3", None), ("0", None), ("-1", None), ("two", None), ("", None)],
)
def test_a_page_number_that_does_not_exist_names_no_page(raw, expected):
    assert Paging.for_items(9).page_from(raw) == expected
    assert Paging.for_items(9).page_from(None) is None


def test_coming_back_starts_at_the_first_page_with_a_question_left():
    paging = Paging.for_items(9)
    assert paging.first_open({}) == 1
    assert paging.first_open(dict.fromkeys(range(1, 6), 0)) == 2
    # An answer missing on page 1 wins over a complete page 2.
    assert paging.first_open(dict.fromkeys([1, 2, 3, 4, 6, 7, 8, 9], 1)) == 1
    # All answered: the last page, where the note and "Finish" are.
    assert paging.first_open(dict.fromkeys(range(1, 10), 1)) == 2


def test_each_question_is_found_on_its_page():
    paging = Paging.for_items(9)
    assert [paging.page_of(item) for item in range(1, 10)] == [1] * 5 + [2] * 4
    assert paging.page_of(99) == 1


@pytest.mark.parametrize(
    ("raw", "go"),
    [("next", Go.NEXT), ("back", Go.BACK), ("later", Go.LATER), ("keep", Go.KEEP)],
)
def test_the_buttons_are_read(raw, go):
    assert Go.parse(raw) is go


@pytest.mark.parametrize("raw", [None, "", "finish", "NEXT"])
def test_an_unknown_button_means_next(raw):
    assert Go.parse(raw) is Go.NEXT


def test_going_on_with_a_question_unanswered_shows_the_page_again_naming_it():
    step = Paging.for_items(9).after_post(1, Go.NEXT, {1: 0, 2: 1, 4: 3}, note_ok=True)
    assert step == Step(Move.SHOW, 1, (3, 5))


def test_going_back_or_leaving_never_asks_for_missing_answers():
    paging = Paging.for_items(9)
    assert paging.after_post(2, Go.BACK, {}, note_ok=True) == Step(Move.PAGE, 1)
    assert paging.after_post(2, Go.LATER, {}, note_ok=True) == Step(Move.LATER, 2)
    assert paging.after_post(1, Go.KEEP, {}, note_ok=True) == Step(Move.KEPT, 1)


def test_back_on_the_first_page_goes_on_like_next():
    paging = Paging.for_items(9)
    assert paging.after_post(1, Go.BACK, {}, note_ok=True) == Step(Move.SHOW, 1, (1, 2, 3, 4, 5))
    full = dict.fromkeys(range(1, 6), 2)
    assert paging.after_post(1, Go.BACK, full, note_ok=True) == Step(Move.PAGE, 2)


def test_a_note_that_cannot_be_kept_shows_the_page_again_whatever_was_asked():
    paging = Paging.for_items(9)
    full = dict.fromkeys(range(1, 10), 1)
    for go in (Go.NEXT, Go.BACK, Go.LATER):
        assert paging.after_post(2, go, full, note_ok=False) == Step(Move.SHOW, 2)
    # The answers on their way out are still kept without a page.
    assert paging.after_post(2, Go.KEEP, full, note_ok=False) == Step(Move.KEPT, 2)


def test_the_last_complete_page_finishes():
    full = dict.fromkeys(range(1, 10), 1)
    assert Paging.for_items(9).after_post(2, Go.NEXT, full, note_ok=True) == Step(Move.FINISH, 2)


def test_only_answers_on_the_scale_and_on_the_page_are_read():
    phq9 = get("phq9")
    data = {"q1": "2", "q2": " 3 ", "q3": "4", "q4": "x", "q6": "1"}
    assert answers_from_post(phq9, data, range(1, 6)) == {1: 2, 2: 3}


def test_an_empty_post_is_not_worth_saving_unless_it_clears_a_note():
    assert not worth_saving({}, None, started=True)
    assert not worth_saving({}, "", started=False)
    assert worth_saving({}, "", started=True)
    assert worth_saving({}, "slept badly", started=False)
    assert worth_saving({1: 0}, None, started=False)


# A member's moves: "next" or "back" on whatever page they are on, answering
# the page's questions (perhaps only some) before each press.
moves = st.lists(
    st.tuples(st.sampled_from([Go.NEXT, Go.BACK]), st.booleans(), st.integers(0, 3)),
    max_size=30,
)


@given(item_count=st.integers(1, 25), moves=moves)
def test_any_walk_of_next_and_back_ends_with_every_question_answered_once(
    item_count: int, moves: list[tuple[Go, bool, int]]
) -> None:
    paging = Paging.for_items(item_count)
    saved: dict[int, int] = {}
    answers_given: list[int] = []
    page = paging.first_open(saved)

    def post(go: Go, answer_all: bool, value: int) -> Step:
        nonlocal page
        numbers = paging.items_on(page)
        chosen = numbers if answer_all else numbers[: len(numbers) // 2]
        # A page shows earlier answers checked; only new ones are given again.
        for number in chosen:
            if number not in saved:
                answers_given.append(number)
            saved[number] = value
        step = paging.after_post(page, go, saved, note_ok=True)
        assert 1 <= step.page <= paging.count
        if step.move is Move.SHOW:
            assert step.page == page
            assert step.missing == tuple(n for n in numbers if n not in saved)
        if step.move is Move.PAGE:
            assert abs(step.page - page) == 1
            page = step.page
        return step

    for go, answer_all, value in moves:
        if post(go, answer_all, value).move is Move.FINISH:
            break
    else:
        # Then the member answers every page and presses "next" until done.
        for _ in range(paging.count):
            if post(Go.NEXT, True, 0).move is Move.FINISH:
                break
        else:
            pytest.fail("Pressing next on complete pages never finished.")

    assert sorted(answers_given) == list(range(1, item_count + 1))
    assert set(saved) == set(range(1, item_count + 1))
