"""Who can reach the account pages: signed-in members only, each their own."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reclaim.accounts import actions
from reclaim.testing import html

PRIVATE = [
    reverse("accounts:welcome"),
    *[reverse("accounts:welcome_step", args=[step]) for step in ("about", "privacy")],
    reverse("accounts:welcome_step", args=["situation"]),
    reverse("accounts:welcome_step", args=["place"]),
    reverse("accounts:settings"),
    reverse("accounts:recovery_codes"),
]
SENSITIVE_TITLE_WORDS = ("betray", "affair", "trauma", "journal", "partner", "recovery")


@pytest.mark.parametrize("url", PRIVATE)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_anonymous_posts_change_nothing(client, member):
    client.post(reverse("accounts:settings"), {"timezone": "Asia/Tokyo"})
    client.post(reverse("accounts:recovery_codes"), {"password": "a long and quiet river"})
    member.refresh_from_db()
    assert member.timezone == "Europe/London"
    assert not member.recovery_codes.exists()


def test_the_recover_page_is_public(client, db):
    main = html.main(client.get(reverse("accounts:recover")))
    assert html.words(html.one(main, "h1")) == "Get back in with a recovery code"
    assert html.select(main, 'input[name="code"]')


@pytest.mark.parametrize("url", PRIVATE[:-1])
def test_private_pages_are_not_kept_and_have_plain_titles(member_client, url):
    response = member_client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    title = html.title(response).lower()
    for word in SENSITIVE_TITLE_WORDS:
        assert word not in title


def test_other_member_sees_none_of_members_situation(member_client, other_client):
    member_client.post(
        reverse("accounts:welcome_step", args=["situation"]),
        {"what": ["affair"], "discovered": "2024-02-29", "living_together": "yes"},
    )
    for url in (reverse("accounts:welcome_step", args=["situation"]), reverse("accounts:settings")):
        response = other_client.get(url)
        assert "2024-02-29" not in response.content.decode()
        assert html.select(response, "input[checked]") == []


def test_other_member_sees_none_of_members_settings(member_client, other_client):
    page = other_client.get(reverse("accounts:settings"))
    assert html.values(page, "display_name") == ["Alex"]
    assert "Robin" not in page.content.decode()


def test_other_members_recovery_codes_page_does_not_touch_members_codes(other_client, member):
    codes = actions.do_make_recovery_codes(member)
    content = other_client.get(reverse("accounts:recovery_codes")).content.decode()
    assert not any(code in content for code in codes)
    assert actions.do_use_recovery_code(member, codes[0])
