"""Password rules: long and uncommon, no composition rules."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from reclaim.accounts.models import User
from reclaim.testing import html


def _codes(password: str, user: User | None = None) -> set[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return {str(e.code) for e in error.error_list}
    return set()


@pytest.fixture
def robin() -> User:
    return User(username="robinhart", email="robin.h@example.org", display_name="Robin")


def test_nine_characters_are_too_few(robin):
    assert "password_too_short" in _codes("qzvtkmwpl", robin)


def test_ten_uncommon_characters_are_enough(robin):
    assert _codes("qzvtkmwplx", robin) == set()


@pytest.mark.parametrize("password", ["password123", "qwertyuiop", "1234567890", "iloveyou12"])
def test_common_passwords_are_rejected(robin, password):
    assert "password_too_common" in _codes(password, robin)


@pytest.mark.parametrize("password", ["robinhart1!", "Robinhart2026", "robinhart_x", "robinhart"])
def test_a_password_built_on_the_username_is_rejected(robin, password):
    assert _codes(password, robin) & {"password_too_similar", "password_personal"}


def test_a_short_username_with_digits_is_rejected(db):
    sam = User(username="sam")
    assert "password_personal" in _codes("sam12345678", sam)


def test_a_password_built_on_the_email_address_is_rejected(robin):
    assert _codes("robin.h.2026!", robin) & {"password_too_similar", "password_personal"}


def test_a_long_passphrase_that_happens_to_hold_the_username_is_fine(robin):
    assert _codes("robinhart walks the quiet shore at dawn", robin) == set()


@pytest.mark.parametrize(
    "password", ["reclaim2026", "Reclaim!2026", "healing2026!", "my-notes-123"]
)
def test_the_apps_own_words_are_rejected(robin, password):
    assert "password_context" in _codes(password, robin)


def test_a_long_passphrase_is_accepted(robin):
    assert _codes("Copper kettles hum beside the winter lake", robin) == set()


def test_there_are_no_composition_rules(robin):
    # All lower case, no digits, no symbols: length is what makes it strong.
    assert _codes("copper kettles hum beside the lake", robin) == set()


def test_the_context_check_still_allows_a_passphrase_with_the_word_inside(robin):
    assert _codes("reclaim the garden after the long rain", robin) == set()


def test_sign_up_explains_a_weak_password_and_keeps_the_username(client, db):
    response = client.post(
        "/account/signup/",
        {"username": "quietfern", "password1": "reclaim2026", "password2": "reclaim2026"},
    )
    assert response.status_code == 200
    assert b"close to a word people often try here" in response.content
    assert html.values(response, "username") == ["quietfern"]
    assert not User.objects.filter(username="quietfern").exists()
