"""The anger log's main page: a calm summary and the moments, newest first."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.testing import html
from reclaim.toolkit.anger.models import Entry


def test_a_new_member_sees_a_gentle_empty_page_with_the_way_in(member_client):
    main = html.main(member_client.get(reverse("anger:index")))
    assert "Nothing here yet." in html.words(main)
    assert "Nothing logged in the last 30 days. That is fine too." in html.words(main)
    for name in ("anger:new", "anger:why", "anger:cool_down"):
        assert reverse(name) in html.hrefs(main), name


def test_moments_are_listed_newest_first_each_opening_its_page_with_change_and_delete(
    member_client, member, log
):
    older = log(member, 3, trigger="The first one.")
    Entry.objects.filter(pk=older.pk).update(created=timezone.now() - timedelta(hours=3))
    newer = log(member, 5, trigger="The second one.")
    main = html.main(member_client.get(reverse("anger:index")))
    text = html.words(main)
    assert text.index("The second one.") < text.index("The first one.")
    for entry in (older, newer):
        # Its own page, where a member who is connected can share it.
        assert reverse("anger:saved", args=[entry.pk]) in html.hrefs(main)
        assert reverse("anger:edit", args=[entry.pk]) in html.hrefs(main)
        assert reverse("anger:delete", args=[entry.pk]) in html.hrefs(main)


def test_the_summary_counts_averages_to_one_decimal_and_names_the_usual_place(
    member_client, member, log
):
    log(member, 7, places=["jaw", "chest"])
    log(member, 4, places=["jaw"])
    log(member, 4, places=["hands"], own_place="Back")
    main = html.main(member_client.get(reverse("anger:index")))
    summary = html.terms(main)
    assert summary["Moments logged"] == "3"
    assert summary["Average strength"].startswith("5.0")
    assert "Where you felt it most often: Jaw." in html.words(main)


def test_the_summary_leaves_out_moments_older_than_30_days(member_client, member, log):
    old = log(member, 10)
    Entry.objects.filter(pk=old.pk).update(day=timezone.localdate() - timedelta(days=45))
    log(member, 2)
    main = html.main(member_client.get(reverse("anger:index")))
    summary = html.terms(main)
    assert summary["Moments logged"] == "1"
    assert summary["Average strength"].startswith("2.0")
    # The older moment is still in the log itself.
    assert html.words(main).count("Strength 10 of 10") == 1


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
    text = html.words(html.main(member_client.get(reverse("anger:index")))).lower()
    for word in ("streak", "too angry", "bad", "warning"):
        assert word not in text
