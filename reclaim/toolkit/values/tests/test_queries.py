"""What other tools read: the member's current top five."""

from reclaim.toolkit.values.queries import current_top_five, plain_defaults


def test_the_current_top_five_is_the_latest_sort_with_names_and_words(member, make_sort):
    make_sort(member, ["fun"])
    make_sort(member, ["honesty", "meaningful-work"], {"honesty": "No more secrets."})
    assert current_top_five(member) == [
        ("honesty", "Honesty", "No more secrets."),
        ("meaningful-work", "Work that matters", ""),
    ]


def test_before_a_sort_there_is_no_top_five_and_other_members_do_not_count(
    member, other_member, make_sort
):
    make_sort(other_member, ["fun"])
    assert current_top_five(member) == []


def test_the_plain_defaults_are_a_few_known_values():
    defaults = plain_defaults()
    assert 3 <= len(defaults) <= 6
    assert all(code and name and words == "" for code, name, words in defaults)
