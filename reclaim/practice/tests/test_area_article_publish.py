"""Publishing an article now, scheduling it, and taking it down again."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from reclaim.practice.models import Article, AuditEntry
from reclaim.testing import html

from .area_makers import article

NEW = reverse("practice:article_new")
# The fixed practitioner's clock (conftest).
LONDON = ZoneInfo("Europe/London")


def _form(**fields) -> dict:
    data = {"title": "Boundaries", "slug": "", "summary": "", "body": "Small ones first."}
    data.update(fields)
    return data


def test_publish_now_puts_it_live(practitioner_client):
    response = practitioner_client.post(NEW, _form(intent="publish"), follow=True)
    saved = Article.objects.get()
    assert saved.is_live()
    assert list(Article.objects.live()) == [saved]
    assert "Published. It is on the public site now." in html.words(response)
    assert "Unpublish" in html.buttons(html.main(response))
    assert AuditEntry.objects.filter(action="article.publish").exists()


def test_a_scheduled_article_is_not_live_and_the_page_says_when_in_the_practitioners_time(
    practitioner_client,
):
    # The time is typed as the practitioner reads their own clock.
    when = timezone.localtime(timezone.now() + timedelta(days=3), LONDON)
    typed = when.strftime("%Y-%m-%dT%H:%M")
    response = practitioner_client.post(
        NEW, _form(intent="schedule", publish_at=typed), follow=True
    )
    saved = Article.objects.get()
    assert not saved.is_live()
    assert list(Article.objects.live()) == []
    assert timezone.localtime(saved.publish_at, LONDON).strftime("%Y-%m-%dT%H:%M") == typed
    words = html.words(html.main(response))
    day = when.strftime("%A")
    assert f"Scheduled. It goes live on {day}" in words
    assert f"at {when:%H:%M}" in words
    assert "London time (Europe/London)" in words
    assert "Until then visitors cannot see it." in words
    assert AuditEntry.objects.filter(action="article.schedule").exists()


def test_a_time_that_has_passed_cannot_be_scheduled_and_nothing_typed_is_lost(
    practitioner_client,
):
    response = practitioner_client.post(
        NEW, _form(intent="schedule", publish_at="2020-01-01T09:00")
    )
    assert response.status_code == 400
    assert "That time has already passed" in html.words(response)
    assert html.values(response, "body") == ["Small ones first."]
    assert html.values(response, "publish_at") == ["2020-01-01T09:00"]
    assert not Article.objects.exists()


def test_scheduling_needs_a_time(practitioner_client):
    response = practitioner_client.post(NEW, _form(intent="schedule"))
    assert "Please choose when the article should go live." in html.words(response)


def test_publishing_again_keeps_the_date_it_first_went_live(practitioner, practitioner_client):
    live = article(practitioner, publish=True)
    first = live.publish_at
    practitioner_client.post(
        reverse("practice:article_edit", args=[live.pk]),
        _form(title=live.title, intent="publish"),
    )
    live.refresh_from_db()
    assert live.publish_at == first


def test_unpublish_makes_it_a_draft_that_visitors_cannot_read(practitioner, practitioner_client):
    live = article(practitioner, publish=True)
    response = practitioner_client.post(
        reverse("practice:article_unpublish", args=[live.pk]), follow=True
    )
    live.refresh_from_db()
    assert live.status == Article.Status.DRAFT and not live.is_live()
    assert "It is a draft again" in html.words(response)
    assert AuditEntry.objects.filter(action="article.unpublish").exists()


def test_unpublish_does_not_answer_a_get(practitioner, practitioner_client):
    live = article(practitioner, publish=True)
    url = reverse("practice:article_unpublish", args=[live.pk])
    assert practitioner_client.get(url).status_code == 405
    live.refresh_from_db()
    assert live.is_live()
