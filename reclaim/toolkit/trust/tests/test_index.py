"""The main page: who it is for, agreements with their counts, right now, the trend, the list."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.trust.models import Observation
from reclaim.vault.fields import open_row

URL = reverse("trust:index")


def test_it_says_first_that_it_is_only_for_those_who_choose_it_and_safety_comes_first(
    member_client,
):
    page = member_client.get(URL)
    # What a member reads before the first form, in page order.
    before = html.words_before(page, "#now-heading")
    assert "only for you if you choose to rebuild" in before
    assert "completely fine not to" in before
    links_before = [
        a["href"] for a in html.one(page, "#now-heading").find_all_previous("a", href=True)
    ]
    assert reverse("safety:home_safety") in links_before
    assert "Nothing here is ever shown to your partner, a practitioner or anyone else." in (
        html.words(html.main(page))
    )


def test_a_new_member_sees_calm_empty_states(member_client):
    main = html.main(member_client.get(URL))
    text = html.words(main)
    assert "No active agreements yet." in text
    assert "Nothing noted in this period." in text
    assert "Nothing noted yet." in text
    assert html.select(main, "svg") == []


def test_each_active_agreement_shows_its_kept_and_broken_counts_of_the_last_30_days_in_words(
    member_client, member, agreement, agree, notice, today
):
    quiet = agree(member, "Counselling every week.")
    for outcome in ("kept", "kept", "kept", "broken", "unsure"):
        notice(member, agreement, outcome)
    # Older than 30 days: not counted.
    notice(member, agreement, "broken", day=today - timedelta(days=30))
    main = html.main(member_client.get(URL))
    text = html.words(main)
    assert "In the last 30 days: kept 3 times, broken once, not sure once." in text
    assert "Nothing noted in the last 30 days." in text
    assert text.index(agreement.text) < text.index(quiet.text)
    assert any(href.endswith(f"?agreement={agreement.pk}") for href in html.hrefs(main))


def test_a_retired_agreement_moves_to_its_own_list(member_client, member, agreement, agree):
    agree(member, "Phone open when I ask.")
    member_client.post(reverse("trust:agreement_retire", args=[agreement.pk]), {"retire": "yes"})
    text = html.words(html.main(member_client.get(URL)))
    assert "Retired agreements (1)" in text
    assert text.index("Retired agreements") < text.index(agreement.text)


def test_how_much_i_trust_right_now_saves_in_one_tap_and_shows_on_the_chart(
    member_client, member, today
):
    now = html.one(html.main(member_client.get(URL)), "#now-heading").find_parent("section")
    assert html.values(now, "day") == [f"{today:%Y-%m-%d}"]
    response = member_client.post(
        reverse("trust:observation_new"), {"trust": "4", "day": f"{today:%Y-%m-%d}"}, follow=True
    )
    assert response.redirect_chain[-1][0] == URL
    one = open_row(Observation.objects.get(owner=member))
    assert (one.trust, one.agreement_id, one.outcome, one.note) == (4, None, None, "")
    text = html.words(html.main(response))
    assert "Saved." in text
    assert "Latest, on" in text and "4 out of 10." in text
    assert html.select(html.main(response), "svg")


def test_saving_right_now_without_a_number_asks_kindly(member_client, member, today):
    response = member_client.post(
        reverse("trust:observation_new"), {"day": f"{today:%Y-%m-%d}", "note": "Long day."}
    )
    assert response.status_code == 200
    assert "Choose how much you trust right now" in html.words(html.main(response))
    assert html.values(response, "note") == ["Long day."]
    assert not Observation.objects.filter(owner=member).exists()


def test_the_chart_table_lists_every_trust_level_noted_oldest_first(
    member_client, member, agreement, notice, today
):
    notice(member, trust=3, day=today - timedelta(days=20))
    notice(member, agreement, "kept", 5, day=today - timedelta(days=3))
    notice(member, agreement, "kept", day=today - timedelta(days=2))  # no level: not in the chart
    notice(member, trust=6, day=today)
    notice(member, trust=7, day=today)  # twice in a day: both rows stay
    table = html.one(html.main(member_client.get(URL)), "table")
    rows = [
        (html.words(row.th), html.words(row.td))
        for row in html.select(table, "tr")
        if row.th is not None and row.th.get("scope") == "row" and row.td is not None
    ]
    assert [level for _, level in rows] == ["3", "5", "6", "7"]
    assert rows[0][0].startswith(f"{(today - timedelta(days=20)):%a} ")
    assert "Trust (0 to 10)" in html.words(table)


def test_the_chart_period_can_be_changed_and_a_typo_falls_back_to_90_days(
    member_client, member, notice, today
):
    notice(member, trust=2, day=today - timedelta(days=200))
    notice(member, trust=8, day=today)
    assert "Average over these 90 days: 8.0 out of 10." in html.words(
        html.main(member_client.get(URL))
    )
    year = member_client.get(URL, {"days": "365"})
    assert "Average over these 365 days: 5.0 out of 10." in html.words(html.main(year))
    assert html.one(year, 'a[aria-current="true"]')["href"] == "?days=365#trend-heading"
    assert "90 days: 8" in html.words(html.main(member_client.get(URL, {"days": "banana"})))


def test_the_list_shows_the_latest_20_notes_and_how_many_there_are(
    member_client, member, agreement, notice, today
):
    for n in range(22):
        notice(member, agreement, "kept", note=f"note number {n}", day=today - timedelta(days=n))
    text = html.words(html.main(member_client.get(URL)))
    assert "note number 0" in text and "note number 19" in text
    assert "note number 20" not in text
    assert "Showing the latest 20 of 22." in text
