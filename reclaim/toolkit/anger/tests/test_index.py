"""The anger log's main page: a calm summary and the moments, newest first."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.toolkit.anger.models import Entry


def test_a_new_member_sees_a_gentle_empty_page_with_the_way_in(member_client):
    html = member_client.get(reverse("anger:index")).content.decode()
    assert "Nothing here yet." in html
    assert "Nothing logged in the last 30 days. That is fine too." in html
    assert f'href="{reverse("anger:new")}"' in html
    assert f'href="{reverse("anger:why")}"' in html
    assert f'href="{reverse("anger:cool_down")}"' in html


def test_moments_are_listed_newest_first_with_change_and_delete(member_client, member, log):
    older = log(member, 3, trigger="The first one.")
    Entry.objects.filter(pk=older.pk).update(created=timezone.now() - timedelta(hours=3))
    newer = log(member, 5, trigger="The second one.")
    html = member_client.get(reverse("anger:index")).content.decode()
    assert html.index("The second one.") < html.index("The first one.")
    for entry in (older, newer):
        assert f'href="{reverse("anger:edit", args=[entry.pk])}"' in html
        assert f'href="{reverse("anger:delete", args=[entry.pk])}"' in html


def test_the_summary_counts_averages_to_one_decimal_and_names_the_usual_place(
    member_client, member, log
):
    log(member, 7, places=["jaw", "chest"])
    log(member, 4, places=["jaw"])
    log(member, 4, places=["hands"], own_place="Back")
    html = member_client.get(reverse("anger:index")).content.decode()
    assert "<dt>Moments logged</dt><dd>3</dd>" in html
    assert "<dt>Average strength</dt><dd>5.0<" in html
    assert "Where you felt it most often: <strong>Jaw</strong>." in html


def test_the_summary_leaves_out_moments_older_than_30_days(member_client, member, log):
    old = log(member, 10)
    Entry.objects.filter(pk=old.pk).update(day=timezone.localdate() - timedelta(days=45))
    log(member, 2)
    html = member_client.get(reverse("anger:index")).content.decode()
    assert "<dt>Moments logged</dt><dd>1</dd>" in html
    assert "<dt>Average strength</dt><dd>2.0<" in html
    # The older moment is still in the log itself.
    assert html.count("Strength 10 of 10") == 1


def test_a_long_log_pages_twenty_at_a_time(member_client, member, log):
    for _ in range(21):
        log(member, 1)
    first = member_client.get(reverse("anger:index")).content.decode()
    assert first.count("Strength 1 of 10") == 20
    assert "Page 1 of 2" in first
    second = member_client.get(reverse("anger:index") + "?page=2").content.decode()
    assert second.count("Strength 1 of 10") == 1


def test_the_summary_uses_neutral_words(member_client, member, log):
    log(member, 9)
    html = member_client.get(reverse("anger:index")).content.decode().lower()
    for word in ("streak", "too angry", "bad", "warning"):
        assert word not in html
