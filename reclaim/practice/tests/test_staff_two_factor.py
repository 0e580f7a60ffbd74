"""A new practitioner's two-step set-up reads as a step on their way, and ends with a way onward.

Practitioners must use two-step sign-in, so its pages tell them why instead
of calling it optional, offer no "Not now", and after the backup codes
lead on to the practice area. The account pages' "Back to settings" would
be a member page they cannot open; they are sent back to their own work.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD
from reclaim.testing import html
from reclaim.testing.totp import code_now

pytestmark = pytest.mark.django_db


def _app_code(secret: str) -> str:
    return code_now(secret)


@pytest.fixture
def newcomer(django_user_model) -> Client:
    """A practitioner just joined: signed in with a password, no second step yet."""
    django_user_model.objects.create_user(
        username="sam", password=PASSWORD, email="sam@example.org", role="practitioner"
    )
    client = Client()
    response = client.post(reverse("account_login"), {"login": "sam", "password": PASSWORD})
    assert response.status_code == 302
    # The password confirmed again, as allauth asks before a change to sign-in.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def _set_up(client):
    page = client.get(reverse("mfa_activate_totp"))
    secret = html.one(html.main(page), ".key code").get_text().strip()
    return client.post(reverse("mfa_activate_totp"), {"code": _app_code(secret)}, follow=True)


def test_it_tells_a_practitioner_why_the_step_is_needed_and_offers_no_not_now(newcomer):
    main = html.main(newcomer.get(reverse("mfa_activate_totp")))
    assert "before your work space opens" in html.words(main)
    assert "Not now" not in html.words(main)


def test_it_ends_on_the_backup_codes_with_a_way_on_to_the_practice_area(newcomer):
    codes = _set_up(newcomer)
    main = html.main(codes)
    assert html.words(html.one(main, "h1")) == "Your backup codes"
    assert ("Carry on", reverse("core:home")) in html.links(main)

    onward = newcomer.get(reverse("core:home"), follow=True)
    assert onward.redirect_chain[-1][0] == reverse("practice:index")
    assert onward.status_code == 200


def test_its_way_back_is_the_practitioners_own_work_never_a_member_page(newcomer):
    codes = html.main(_set_up(newcomer))
    assert reverse("accounts:settings") not in html.hrefs(codes)
    overview = html.main(newcomer.get(reverse("mfa_index")))
    assert reverse("accounts:settings") not in html.hrefs(overview)
    assert ("Back to your work", reverse("core:home")) in html.links(overview)


def test_the_overview_says_two_step_stays_on_for_a_practitioner(newcomer):
    _set_up(newcomer)
    main = html.main(newcomer.get(reverse("mfa_index")))
    assert "It's optional" not in html.words(main)
    assert "For your account it stays on" in html.words(main)


def test_a_member_still_reads_it_as_optional_and_goes_back_to_settings(member_client):
    main = html.main(member_client.get(reverse("mfa_index")))
    assert "It's optional" in html.words(main)
    assert ("Back to settings", reverse("accounts:settings")) in html.links(main)
