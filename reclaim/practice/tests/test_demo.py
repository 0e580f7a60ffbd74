"""`reclaim demo` seeds a practice someone can sign in to and a visitor can read."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from reclaim.core.demo import make_demo_member
from reclaim.practice import demo
from reclaim.practice.access import has_second_factor
from reclaim.practice.models import Article, AuditEntry, Category, Practitioner, Webinar
from reclaim.testing.totp import code_now


def _code_now() -> str:
    return code_now(demo.TOTP_SECRET)


def _sign_in(code: str) -> Client:
    browser = Client()
    first = browser.post(
        reverse("account_login"), {"login": demo.USERNAME, "password": demo.PASSWORD}
    )
    assert first["Location"] == reverse("mfa_authenticate")
    done = browser.post(reverse("mfa_authenticate"), {"code": code})
    assert done.status_code == 302
    return browser


@pytest.fixture
def sign_in(db) -> demo.SignIn:
    return demo.make_demo_practice()


def test_it_makes_a_practitioner_who_signs_in_with_the_printed_password_and_key(sign_in):
    assert sign_in.lines()[0].endswith(f"{demo.USERNAME!r} with the password {demo.PASSWORD!r}.")
    assert demo.TOTP_SECRET in sign_in.lines()[1]
    account = get_user_model().objects.get(username=demo.USERNAME)
    assert account.is_practitioner and has_second_factor(account)

    browser = _sign_in(_code_now())
    assert browser.session["_auth_user_id"] == str(account.pk)


def test_each_printed_backup_code_signs_in_once(sign_in):
    code = sign_in.recovery_codes[0]
    assert code in sign_in.lines()[2]
    _sign_in(code)
    again = demo.make_demo_practice()
    assert code not in again.recovery_codes
    assert len(again.recovery_codes) == len(sign_in.recovery_codes) - 1


def test_the_printed_details_are_the_same_on_every_installation(sign_in, django_user_model):
    # A new data folder makes the account afresh, with the same key and codes.
    Article.objects.all().delete()
    Category.objects.all().delete()
    Webinar.objects.all().delete()
    django_user_model.objects.filter(username=demo.USERNAME).delete()
    assert demo.make_demo_practice() == sign_in


def test_it_says_how_to_make_an_operator(sign_in):
    assert "reclaim make-operator USERNAME" in sign_in.lines()[-1]


def test_running_it_twice_keeps_one_practitioner_and_one_copy_of_everything(sign_in):
    demo.make_demo_practice()
    assert get_user_model().objects.filter(username=demo.USERNAME).count() == 1
    assert Practitioner.objects.count() == 1
    assert Article.objects.count() == len(demo.demo_articles())
    assert Category.objects.count() == len(demo.demo_practice().topics)


def test_the_profile_is_on_the_public_site_with_its_areas(sign_in):
    profile = Practitioner.objects.get(user__username=demo.USERNAME)
    expected = demo.demo_practice().profile
    assert profile.listed
    assert (profile.name, profile.slug) == (expected.name, expected.slug)
    assert profile.area_list == list(expected.areas)


def test_the_articles_went_live_over_the_past_weeks_with_one_draft_and_one_scheduled(sign_in):
    now = timezone.now()
    live = list(Article.objects.live(now))
    assert {a.slug for a in live} == {a.slug for a in demo.demo_articles()} - {
        demo.DRAFT,
        demo.SCHEDULED,
    }
    dates = sorted(a.publish_at for a in live if a.publish_at)
    assert len(set(dates)) == len(live)
    assert dates[-1] - dates[0] >= timedelta(weeks=4)

    draft = Article.objects.get(slug=demo.DRAFT)
    assert draft.status == Article.Status.DRAFT and not draft.is_live(now)
    scheduled = Article.objects.get(slug=demo.SCHEDULED)
    assert scheduled.status == Article.Status.PUBLISHED
    assert scheduled.publish_at and scheduled.publish_at > now


def test_each_article_carries_its_topics(sign_in):
    for written in demo.demo_articles():
        article = Article.objects.get(slug=written.slug)
        assert {c.slug for c in article.categories.all()} == set(written.topics)
        assert article.summary == written.summary


def test_every_write_is_in_the_audit_log_under_the_practitioners_name(sign_in):
    entries = AuditEntry.objects.all()
    assert entries.count() >= len(demo.demo_articles()) + len(demo.demo_practice().topics) + 1
    assert {entry.actor_name for entry in entries} == {demo.USERNAME}


def test_the_demo_member_brings_the_practice_along(db):
    make_demo_member(days=3)
    assert Article.objects.live().exists()
    assert get_user_model().objects.get(username=demo.USERNAME).is_practitioner


def test_without_backup_codes_it_still_says_how_to_sign_in(sign_in):
    Authenticator.objects.filter(type=Authenticator.Type.RECOVERY_CODES).delete()
    lines = demo.make_demo_practice().lines()
    assert demo.TOTP_SECRET in lines[1]
    assert not any("backup codes" in line for line in lines)


def test_it_seeds_an_upcoming_webinar_with_a_few_confirmed_places(sign_in):
    from reclaim.practice.models import Registration

    webinar = Webinar.objects.get()
    assert webinar.status == Webinar.Status.PUBLISHED
    assert webinar.registrations.filter(state=Registration.State.CONFIRMED).count() == len(
        demo.WEBINAR_GUESTS
    )
