"""Signed links for visitors: only the link that was sent works, for its purpose, for a while."""

from __future__ import annotations

import time
from datetime import timedelta

from django.core import signing
from django.test import override_settings

from reclaim.practice.signed_links import make_link_token, read_link_token

A_MONTH = timedelta(days=30)


def test_a_fresh_link_gives_back_its_row_and_version():
    token = make_link_token("cancel", "42", 3)
    assert read_link_token("cancel", token, A_MONTH) == ("42", 3)


def test_a_link_can_be_put_in_an_address_as_it_is():
    token = make_link_token("reschedule", "booking-9f2c", 0)
    assert "/" not in token
    assert " " not in token


def test_a_changed_link_is_refused():
    token = make_link_token("cancel", "42", 3)
    # Claim another row with the same signature, or change one letter of it.
    other = make_link_token("cancel", "43", 3)
    forged = other.split(":", 1)[0] + ":" + token.split(":", 1)[1]
    assert read_link_token("cancel", forged, A_MONTH) is None
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert read_link_token("cancel", flipped, A_MONTH) is None
    assert read_link_token("cancel", "", A_MONTH) is None
    assert read_link_token("cancel", "not a token at all", A_MONTH) is None


def test_a_link_for_one_purpose_does_not_open_another():
    token = make_link_token("cancel", "42", 3)
    assert read_link_token("reschedule", token, A_MONTH) is None
    assert read_link_token("confirm", token, A_MONTH) is None


def test_an_expired_link_is_refused(monkeypatch):
    token = make_link_token("confirm", "42", 0)
    later = time.time() + timedelta(days=2, seconds=1).total_seconds()
    monkeypatch.setattr(signing.time, "time", lambda: later)
    assert read_link_token("confirm", token, timedelta(days=2)) is None
    assert read_link_token("confirm", token, timedelta(days=3)) == ("42", 0)


def test_a_used_link_no_longer_matches_once_the_row_moves_on():
    # The caller raises the row's version when a link is used; the old token
    # still reads, but names the old version, so the caller refuses it.
    used = make_link_token("cancel", "42", 3)
    row_version = 4
    assert read_link_token("cancel", used, A_MONTH) == ("42", 3)
    assert read_link_token("cancel", used, A_MONTH) != ("42", row_version)
    assert read_link_token("cancel", make_link_token("cancel", "42", 4), A_MONTH) == ("42", 4)


def test_a_link_carries_no_more_than_the_row_and_version():
    token = make_link_token("cancel", "42", 3)
    assert signing.loads(token, salt="reclaim.practice.link.cancel") == ["42", 3]


def test_a_link_signed_with_another_secret_is_refused():
    with override_settings(SECRET_KEY="another installation's secret, long enough to be one"):
        token = make_link_token("cancel", "42", 3)
    assert read_link_token("cancel", token, A_MONTH) is None


def test_a_well_signed_value_of_another_shape_is_refused():
    for odd in (["42"], ["42", "3"], [42, 3], ["42", True], {"id": "42"}, ["42", 3, "x"]):
        token = signing.dumps(odd, salt="reclaim.practice.link.cancel")
        assert read_link_token("cancel", token, A_MONTH) is None
