"""The list of values is about thirty, each with a stable code and one plain line."""

from reclaim.toolkit.values.catalog import VALUES, get_value, name_of


def test_there_are_about_thirty_values_each_with_a_unique_code_and_a_one_line_description():
    assert 28 <= len(VALUES) <= 35
    codes = [value.code for value in VALUES]
    assert len(set(codes)) == len(codes)
    for value in VALUES:
        assert value.code == value.code.lower() and " " not in value.code
        assert value.name and value.description.endswith(".")
        assert "\n" not in value.description and len(value.description) <= 70


def test_the_values_the_brief_names_are_all_there():
    for code in ("honesty", "loyalty", "respect", "kindness", "self-respect", "trust"):
        assert get_value(code) is not None


def test_an_unknown_code_has_no_name():
    assert name_of("not-a-value") == "" and name_of(None) == ""
    assert name_of("meaningful-work") == "Work that matters"
