"""Notices of a new sign-in and of changed credentials: shown once, in the
member's other sessions and at their next sign-in, in neutral words; by
e-mail only when the member asked for it."""

from __future__ import annotations

from unittest import mock

import pytest
from allauth.mfa import signals
from allauth.mfa.models import Authenticator
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD
from reclaim.accounts.models import Notice, User
from reclaim.accounts.tasks import send_notice
from reclaim.testing import html

PHONE = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
DESK = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _sign_in(user_agent: str = PHONE) -> Client:
    client = Client(HTTP_USER_AGENT=user_agent)
    response = client.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    assert response.status_code == 302
    return client


def _desk_and_confirmed_phone() -> tuple[Client, Client]:
    """Signed in on two browsers; on the phone the password was just confirmed."""
    desk = _sign_in(DESK)
    phone = _sign_in()
    phone.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return desk, phone


def _notices_on(client):
    main = html.main(client.get(reverse("accounts:settings")))
    return [html.words(p) for p in html.select(main, '[role="status"] p')]


def test_a_sign_in_on_a_new_browser_is_told_in_the_other_session(member):
    desk = _sign_in(DESK)
    _sign_in(PHONE)
    told = _notices_on(desk)
    assert any("A new sign-in to your account: Firefox on Android." in words for words in told)
    # Once only.
    assert not any("A new sign-in" in words for words in _notices_on(desk))


def test_the_browser_that_signed_in_is_not_told_about_itself(member):
    phone = _sign_in()
    assert not any("A new sign-in" in words for words in _notices_on(phone))


def test_a_browser_that_signed_in_before_leaves_no_notice(member):
    phone = _sign_in()
    phone.post(reverse("account_logout"))
    Notice.objects.all().delete()
    # The same browser (it keeps its signed cookie) signs in again.
    phone.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    assert not Notice.objects.exists()


def test_what_happened_while_signed_out_shows_at_the_next_sign_in(member):
    phone = _sign_in()
    phone.post(reverse("account_logout"))
    _sign_in(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"
    )
    laptop_again = Client(HTTP_USER_AGENT=PHONE)
    laptop_again.cookies = phone.cookies
    laptop_again.post(reverse("account_login"), {"login": "member", "password": PASSWORD})
    told = _notices_on(laptop_again)
    assert any("A new sign-in to your account: Chrome on Windows." in words for words in told)


def test_changing_the_password_is_told_and_ends_every_other_session(member):
    desk, phone = _desk_and_confirmed_phone()
    response = phone.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "a new and quiet harbour",
            "password2": "a new and quiet harbour",
        },
    )
    assert response.status_code == 302
    # The other browser is signed out; this one stays in.
    assert desk.get(reverse("accounts:settings")).status_code == 302
    assert phone.get(reverse("accounts:settings")).status_code == 200
    again = Client()
    again.post(reverse("account_login"), {"login": "member", "password": "a new and quiet harbour"})
    told = _notices_on(again)
    assert any("Your password was changed." in words for words in told)


def test_changing_two_step_sign_in_ends_every_other_session(member):
    desk, phone = _desk_and_confirmed_phone()

    # What allauth sends when an authenticator is added, from the phone's request.
    request = phone.get(reverse("accounts:settings")).wsgi_request
    authenticator = Authenticator.objects.create(
        user=member, type=Authenticator.Type.TOTP, data={"secret": "x"}
    )
    signals.authenticator_added.send(
        sender=Authenticator, request=request, user=member, authenticator=authenticator
    )
    assert desk.get(reverse("accounts:settings")).status_code == 302
    assert Notice.objects.filter(owner=member, kind=Notice.Kind.TWO_STEP).exists()


def test_no_email_unless_the_member_asked(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _sign_in()
    assert mail.outbox == []


def test_with_email_on_the_message_is_neutral(member, django_capture_on_commit_callbacks):
    member.notices_by_email = True
    member.save(update_fields=["notices_by_email"])
    with django_capture_on_commit_callbacks(execute=True):
        _sign_in()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["member@example.org"]
    assert message.subject.endswith("A note about your account")
    for word in ("sign-in", "password", "Firefox", "Android", "Reclaim"):
        assert word not in message.subject + message.body


def test_the_email_goes_from_the_job_worker_with_only_the_members_id(
    member, django_capture_on_commit_callbacks
):
    member.notices_by_email = True
    member.save(update_fields=["notices_by_email"])
    with (
        mock.patch("reclaim.accounts.tasks.send_notice") as queued,
        django_capture_on_commit_callbacks(execute=True),
    ):
        _sign_in()
    queued.assert_called_once_with(str(member.pk))
    assert mail.outbox == []  # nothing was sent while the page waited


def test_a_member_who_turned_email_off_before_the_job_ran_gets_none(member):
    member.notices_by_email = True
    member.save(update_fields=["notices_by_email"])
    User.objects.filter(pk=member.pk).update(notices_by_email=False)
    assert send_notice.call_local(str(member.pk)) is False
    assert mail.outbox == []


def test_a_mail_server_that_is_down_does_not_fail_the_sign_in(
    member, django_capture_on_commit_callbacks
):
    member.notices_by_email = True
    member.save(update_fields=["notices_by_email"])
    with (
        mock.patch("reclaim.accounts.notices.send_mail", side_effect=ConnectionRefusedError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client = _sign_in()
    assert client.get(reverse("core:home")).status_code in (200, 302)


def test_the_settings_page_offers_email_notices_off_by_default(member_client):
    main = html.main(member_client.get(reverse("accounts:settings")))
    box = html.one(main, 'input[name="notices_by_email"]')
    assert not box.has_attr("checked")
    assert html.label_for(main, "notices_by_email") == "Also tell me by e-mail"


def test_an_ordinary_page_does_not_look_for_notices(member):
    phone = _sign_in()
    phone.get(reverse("accounts:settings"))
    with CaptureQueriesContext(connection) as queries:
        phone.get(reverse("accounts:settings"))
    assert not [q for q in queries.captured_queries if "accounts_notice" in q["sql"]]


def test_staff_sign_ins_leave_no_member_notice(practitioner):
    Client().force_login(practitioner)
    assert not Notice.objects.exists()


@pytest.mark.parametrize("kind", list(Notice.Kind))
def test_every_kind_has_words(kind, member):
    from reclaim.accounts.notices import words_for

    assert words_for(Notice(owner=member, kind=kind, device="Firefox on Android"))


def test_a_notice_keeps_no_session_key(member):
    phone = _sign_in()
    key = phone.session.session_key
    assert not Notice.objects.filter(from_session=key).exists()
    assert Authenticator.objects.count() == 0


def test_notices_nobody_picked_up_go_after_a_month(member):
    from datetime import timedelta

    from django.utils import timezone

    from reclaim.accounts.actions import NOTICE_KEPT_DAYS
    from reclaim.accounts.tasks import forget_old_notices

    _sign_in()
    fresh = Notice.objects.get()
    old = Notice.objects.create(owner=member, kind=Notice.Kind.PASSWORD)
    Notice.objects.filter(pk=old.pk).update(
        created=timezone.now() - timedelta(days=NOTICE_KEPT_DAYS + 1)
    )
    assert forget_old_notices.call_local() == 1
    assert list(Notice.objects.all()) == [fresh]
