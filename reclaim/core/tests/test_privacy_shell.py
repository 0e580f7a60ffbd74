import time

import pytest
from django.test.utils import override_script_prefix
from django.urls import reverse

from reclaim.testing import html


def test_home_is_calm_and_public(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert b"Quick exit" in response.content
    assert b"Get help now" in response.content


def test_every_page_says_no_store(member_client):
    response = member_client.get(reverse("accounts:settings"))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_pages_carry_a_strict_content_security_policy(client, db):
    # The privacy page uses the member app's layout, whose script carries a nonce
    # (the public site's pages carry none, so they can be cached: see practice).
    policy = client.get(reverse("core:privacy"))["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy


def test_quick_exit_ends_the_session_and_leaves_for_a_neutral_site(member_client, settings):
    response = member_client.post(reverse("core:exit"))
    assert response.status_code == 303
    assert response["Location"] == settings.RECLAIM_EXIT_URL
    assert "cookies" in response["Clear-Site-Data"]
    again = member_client.get(reverse("accounts:settings"))
    assert again.status_code == 302
    assert reverse("account_login") in again["Location"]


def test_quick_exit_works_without_a_csrf_token(member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    response = client.post(reverse("core:exit") + "?beacon=1")
    assert response.status_code == 204
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_sign_out_clears_site_data(member_client):
    response = member_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "cookies" in response["Clear-Site-Data"]
    assert member_client.get(reverse("accounts:settings")).status_code == 302


def test_an_idle_session_is_locked_by_the_server(member_client, member):
    member.autolock_minutes = 1
    member.save()
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 120
    session.save()
    response = member_client.get(reverse("accounts:settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]
    assert member_client.get(reverse("accounts:settings")).status_code == 302


def test_an_active_session_is_not_locked(member_client, member):
    session = member_client.session
    session["reclaim_last_seen"] = int(time.time()) - 30
    session.save()
    response = member_client.get(reverse("accounts:settings"))
    assert html.words(html.one(html.main(response), "h1")) == "Settings"
    assert member_client.session["_auth_user_id"] == str(member.pk)


def test_health_reports_database_and_cache(client, db):
    response = client.get(reverse("core:health"))
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "worker": {
            "status": "not seen",
            "queued": 0,
            "seen_seconds_ago": None,
            "last_job_seconds_ago": None,
        },
    }


@pytest.mark.parametrize("discreet, expected", [(False, "Reclaim"), (True, "Notes")])
def test_discreet_mode_gives_the_app_a_neutral_name(member_client, member, discreet, expected):
    member.discreet_mode = discreet
    member.save()
    title = html.title(member_client.get(reverse("accounts:settings")))
    assert title.endswith(expected)


def test_a_forged_post_after_the_lock_is_not_kept_as_a_draft(member):
    from django.test import Client

    from reclaim.journal.models import Draft

    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    member.autolock_minutes = 1
    member.save()
    session = client.session
    session["reclaim_last_seen"] = int(time.time()) - 600
    session.save()
    response = client.post(reverse("journal:new"), {"title": "", "body": "words from elsewhere"})
    assert response.status_code == 302
    assert not Draft.objects.filter(owner=member).exists()


def test_the_frame_links_every_part_of_the_app_and_follows_the_address_prefix(member_client):
    # The frame's links are worked out once per address prefix, not per page
    # (core/context_processors.py): behind a prefix they must carry it, and
    # a request without one must not be given the prefixed ones.
    settings_page = reverse("accounts:settings")

    def frame() -> tuple[list[tuple[str, str]], str]:
        response = member_client.get(settings_page)
        assert response.status_code == 200
        body = html.one(response, "body")
        return html.links(html.one(body, 'nav[aria-label="Main"]')), str(body["data-exit-endpoint"])

    nav, exit_endpoint = frame()
    assert nav == [
        ("Today", reverse("progress:today")),
        ("Check in", reverse("checkins:new")),
        ("Journal", reverse("journal:list")),
        ("Tools", reverse("toolkit:index")),
        ("Learn", reverse("learn:index")),
        ("Questionnaires", reverse("assessments:index")),
        ("Progress", reverse("progress:progress")),
        ("Settings", reverse("accounts:settings")),
    ]
    assert exit_endpoint == reverse("core:exit")

    # What the web server sets for each request when the app is served under /reclaim/.
    with override_script_prefix("/reclaim/"):
        prefixed, prefixed_exit = frame()
    assert [href for _, href in prefixed] == ["/reclaim" + href for _, href in nav]
    assert prefixed_exit == "/reclaim" + reverse("core:exit")

    assert frame() == (nav, exit_endpoint)
