"""The rules that put a boundary's parts into words."""

from reclaim.toolkit.boundaries.script import compose


def test_all_four_parts_make_three_plain_first_person_sentences():
    assert compose(
        "you raise your voice at me",
        "Respect",
        "to be spoken to calmly",
        "leave the room and come back later",
    ) == (
        "When you raise your voice at me, that is not OK with me, because I value respect. "
        "I need to be spoken to calmly. "
        "If it happens again, I will leave the room and come back later."
    )


def test_words_the_sentence_already_has_are_not_repeated():
    script = compose("When you shout.", "", "I need quiet!", "If it happens again, I will go out")
    assert (
        script
        == "When you shout, that is not OK with me. I need quiet. If it happens again, I will go out."
    )


def test_a_capital_is_dropped_only_where_it_reads_better():
    assert compose("You check my phone", "", "", "").startswith("When you check my phone,")
    # A name keeps its capital, and so does "I".
    assert compose("Sam calls me names", "", "", "").startswith("When Sam calls me names,")
    assert compose("I am blamed for it", "", "", "").startswith("When I am blamed for it,")


def test_a_blank_part_is_left_out_and_all_blank_gives_nothing():
    assert compose("", "", "time to think", "") == "I need time to think."
    assert compose("", "Honesty", "", "") == "Honesty matters to me."
    assert compose(" ", "", "\n", "") == ""


def test_a_value_with_a_long_name_reads_naturally():
    assert "because I value work that matters." in compose(
        "I am kept late", "Work that matters", "", ""
    )


def test_extra_spaces_and_line_breaks_are_tidied():
    assert compose("you   raise\nyour voice", "", "", "") == (
        "When you raise your voice, that is not OK with me."
    )
