"""Recovery codes: shown once, each works once, and guessing is slowed down."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.accounts import actions
from reclaim.accounts.models import RecoveryCode, User
from reclaim.testing import html

NEW_PASSWORD = "copper kettles hum beside the lake"


@pytest.fixture
def quiet(db, django_user_model) -> User:
    """A member who signed up with a username only."""
    return django_user_model.objects.create_user(
        username="quietfern", password=PASSWORD, onboarded="2026-01-01T00:00:00Z"
    )


@pytest.fixture
def codes(quiet) -> list[str]:
    return actions.do_make_recovery_codes(quiet)


def _recover(client: Client, code: str, username: str = "quietfern", password=NEW_PASSWORD):
    return client.post(
        reverse("accounts:recover"),
        {"username": username, "code": code, "password1": password, "password2": password},
    )


def _can_sign_in(username: str, password: str) -> bool:
    return Client().login(username=username, password=password)


def test_ten_codes_are_made_and_only_their_hashes_kept(quiet, codes):
    assert len(codes) == 10
    assert all(re.fullmatch(r"[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}", code) for code in codes)
    stored = list(RecoveryCode.objects.filter(owner=quiet).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert not any(code in stored or code.replace("-", "") in stored for code in codes)


def test_making_new_codes_replaces_the_old_ones(quiet, codes):
    fresh = actions.do_make_recovery_codes(quiet)
    assert not set(fresh) & set(codes)
    assert RecoveryCode.objects.filter(owner=quiet).count() == 10
    assert not actions.do_use_recovery_code(quiet, codes[0])


def test_the_recover_page_is_open_to_anyone(client, db):
    response = client.get(reverse("accounts:recover"))
    assert response.status_code == 200
    assert html.values(response, "code") == [""]


def test_a_code_sets_a_new_password(client, quiet, codes):
    response = _recover(client, codes[3])
    assert response.status_code == 302
    assert response["Location"] == reverse("account_login")
    assert _can_sign_in("quietfern", NEW_PASSWORD)
    assert not _can_sign_in("quietfern", PASSWORD)
    assert RecoveryCode.objects.filter(owner=quiet, used__isnull=False).count() == 1


def test_a_code_may_be_typed_loosely(client, quiet, codes):
    response = _recover(client, "  " + codes[0].upper().replace("-", " ") + " ", "QuietFern")
    assert response.status_code == 302


def test_each_code_works_only_once(client, quiet, codes):
    assert _recover(client, codes[0]).status_code == 302
    again = _recover(client, codes[0], password="a different long calm passphrase")
    assert again.status_code == 200
    assert b"Each code works once." in again.content
    assert _can_sign_in("quietfern", NEW_PASSWORD)
    assert (
        _recover(client, codes[1], password="a different long calm passphrase").status_code == 302
    )


def test_a_wrong_code_gets_a_kind_message_and_keeps_the_username(client, quiet, codes):
    response = _recover(client, "aaaa-bbbb-cccc")
    assert response.status_code == 200
    assert b"That username and code do not match." in response.content
    assert html.values(response, "username") == ["quietfern"]
    assert _can_sign_in("quietfern", PASSWORD)


def test_an_unknown_username_gets_the_same_message(client, quiet, codes):
    response = _recover(client, codes[0], username="nobody-here")
    assert b"That username and code do not match." in response.content


def test_another_members_code_does_not_work(client, quiet, codes, member):
    mine = actions.do_make_recovery_codes(member)
    response = _recover(client, mine[0])
    assert response.status_code == 200
    assert _can_sign_in("quietfern", PASSWORD)


def test_a_weak_new_password_does_not_use_up_the_code(client, quiet, codes):
    response = _recover(client, codes[0], password="reclaim2026")
    assert response.status_code == 200
    assert b"close to a word people often try here" in response.content
    assert not RecoveryCode.objects.filter(used__isnull=False).exists()
    assert _recover(client, codes[0]).status_code == 302


def test_mismatched_new_passwords_are_explained(client, quiet, codes):
    response = client.post(
        reverse("accounts:recover"),
        {"username": "quietfern", "code": codes[0], "password1": NEW_PASSWORD, "password2": "x"},
    )
    assert b"The two passwords are not the same." in response.content
    assert not RecoveryCode.objects.filter(used__isnull=False).exists()


def test_guessing_is_slowed_after_five_tries_per_username(client, quiet, codes):
    for _ in range(5):
        assert b"do not match" in _recover(client, "aaaa-bbbb-cccc").content
    blocked = _recover(client, codes[0])
    assert b"Too many tries for now." in blocked.content
    assert _can_sign_in("quietfern", PASSWORD)
    # The limit follows the username, not the address.
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    assert b"Too many tries for now." in _recover(elsewhere, codes[0]).content
    assert not RecoveryCode.objects.filter(used__isnull=False).exists()


def test_the_limit_for_one_username_leaves_others_alone(client, quiet, codes, member):
    for _ in range(5):
        _recover(client, "aaaa-bbbb-cccc")
    mine = actions.do_make_recovery_codes(member)
    other = Client(REMOTE_ADDR="203.0.113.10")
    assert _recover(other, mine[0], username="member").status_code == 302


# --- The page that shows them -------------------------------------------------


def test_the_first_visit_shows_ten_codes(client, quiet):
    client.force_login(quiet)
    main = html.main(client.get(reverse("accounts:recovery_codes")))
    shown = [html.words(code) for code in html.select(main, "li code")]
    assert len(set(shown)) == 10


def test_the_second_visit_shows_none_and_asks_for_the_password(client, quiet, codes):
    client.force_login(quiet)
    main = html.main(client.get(reverse("accounts:recovery_codes")))
    assert not html.select(main, "code")
    assert not any(code in html.words(main) for code in codes)
    assert "You have 10 unused codes" in html.words(main)
    assert html.one(main, 'input[type="password"]')


def test_new_codes_need_the_password(client, quiet, codes):
    client.force_login(quiet)
    wrong = client.post(reverse("accounts:recovery_codes"), {"password": "not it at all"})
    assert b"That password does not match." in wrong.content
    assert not html.select(html.main(wrong), "code")
    assert actions.do_use_recovery_code(quiet, codes[0])

    right = client.post(reverse("accounts:recovery_codes"), {"password": PASSWORD})
    fresh = [html.words(code) for code in html.select(html.main(right), "li code")]
    assert len(fresh) == 10
    assert not actions.do_use_recovery_code(quiet, codes[1])
    assert actions.do_use_recovery_code(quiet, fresh[0])


def test_the_settings_page_counts_the_codes_left(client, quiet, codes):
    actions.do_use_recovery_code(quiet, codes[0])
    client.force_login(quiet)
    assert b"(9 left)" in client.get(reverse("accounts:settings")).content
