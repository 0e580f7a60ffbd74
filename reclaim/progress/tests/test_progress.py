from datetime import timedelta

import pytest
from bs4 import Tag
from django.urls import reverse

from reclaim.assessments.demo import seed_results
from reclaim.checkins.demo import seed_checkins
from reclaim.journal.demo import seed_journal
from reclaim.testing import html
from reclaim.vault.crypto import key_cache

from .makers import PCL5_20, PCL5_40, PHQ9_8, PHQ9_20, WHO5_40, checkin, entry, result, today_of

URL = reverse("progress:progress")

# The same bound for a member with two years of data and for one with a few
# days: the page reads check-ins, results and journal days once each.
MAX_QUERIES = 16


def progress_page(client, query: str = "") -> Tag:
    """The page's main part, parsed."""
    response = client.get(URL + query)
    assert response.status_code == 200
    return html.main(response)


def section(page: Tag, heading_id: str) -> Tag:
    """The one section the heading with this id names."""
    return html.one(page, f'section[aria-labelledby="{heading_id}"]')


def instrument_section(page: Tag, code: str) -> Tag:
    return section(page, f"instrument-{code}")


def period_links(page: Tag) -> list[tuple[str, bool]]:
    """Each link of the period switch by where it goes, and whether it is the one shown."""
    switch = html.one(page, 'nav[aria-label="Period to show"]')
    return [(str(link["href"]), link.get("aria-current") == "true") for link in switch("a")]


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_title_is_plain_the_nav_marks_progress_and_nothing_is_cached(member_client):
    response = member_client.get(URL)
    assert html.title(response).startswith("Progress ·")
    nav = html.one(response, 'nav[aria-label="Main"]')
    assert [html.words(a) for a in nav.select('a[aria-current="page"]')] == ["Progress"]
    assert html.one(nav, 'a[aria-current="page"]')["href"] == URL
    assert "no-store" in response["Cache-Control"]


def test_the_main_nav_has_progress_between_the_learning_pages_and_settings(member_client):
    nav = html.one(member_client.get(reverse("progress:today")), 'nav[aria-label="Main"]')
    assert [words for words, _ in html.links(nav)] == [
        "Today",
        "Check in",
        "Journal",
        "Tools",
        "Learn",
        "Questionnaires",
        "Progress",
        "Settings",
    ]


def test_the_today_page_links_here(member_client):
    assert URL in html.hrefs(html.main(member_client.get(reverse("progress:today"))))


def test_a_new_member_sees_kind_empty_states_and_the_way_to_questionnaires(member_client):
    page = progress_page(member_client)
    words = html.words(page)
    assert "When you answer a questionnaire, your results will show here" in words
    assert "No check-ins in the last 30 days" in words
    assert "There isn't enough yet to compare" in words
    assert reverse("assessments:index") in html.hrefs(page)
    assert reverse("progress:summary") in html.hrefs(page)


def test_each_instrument_has_a_chart_with_its_bands_and_the_numbers_in_a_table(
    member_client, member
):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    result(member, "who5", WHO5_40, days_ago=5)
    page = progress_page(member_client)

    phq9 = instrument_section(page, "phq9")
    assert html.words(html.one(phq9, "h3")) == "Mood and energy"
    # One drawing, which scales to the screen.
    assert len(html.select(phq9, 'svg[role="img"]')) == 1
    # Five bands, shaded and named by their labels.
    assert len(html.select(phq9, "svg rect.band")) == 5
    band_names = [html.words(text) for text in html.select(phq9, "svg text")]
    for label in ("Few signs of low mood", "Some low mood", "You are carrying a lot"):
        assert label in band_names
    # Dots on the points, and the numbers in the table.
    assert len(html.select(phq9, "svg circle")) >= 2
    cells = [row[1:3] for row in html.rows(phq9)]
    assert ["20", "You are carrying a very heavy load"] in cells
    assert ["8", "Some low mood"] in cells

    who5 = instrument_section(page, "who5")
    assert len(html.select(who5, "svg rect.band")) == 3
    assert "40" in [row[1] for row in html.rows(who5)[1:]]
    assert "Plain" not in html.words(who5)


def test_the_plain_line_gives_the_latest_score_band_and_change_since_the_first(
    member_client, member
):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    result(member, "who5", WHO5_40, days_ago=5)
    page = progress_page(member_client)
    phq9 = html.words(instrument_section(page, "phq9"))
    assert "8 out of 27 (some low mood)." in phq9
    assert "(20 out of 27), that is a real improvement" in phq9
    who5 = html.words(instrument_section(page, "who5"))
    assert "40 out of 100 (low well-being)." in who5
    assert "This is your first one here" in who5


def test_a_reliable_change_is_marked_on_the_chart_and_named_in_the_table(member_client, member):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    phq9 = instrument_section(progress_page(member_client), "phq9")
    markers = html.select(phq9, "svg g.marker")
    # One marker, labelled in words.
    assert [html.words(marker) for marker in markers] == ["Better"]
    assert "A real improvement" in [row[-1] for row in html.rows(phq9)]
    assert "A ringed dot marks a real change" in html.words(phq9)


def test_a_change_for_the_worse_is_marked_gently(member_client, member):
    result(member, "phq9", PHQ9_8, days_ago=60)
    result(member, "phq9", PHQ9_20, days_ago=10)
    phq9 = instrument_section(progress_page(member_client), "phq9")
    assert [html.words(marker) for marker in html.select(phq9, "svg g.marker")][0] == "Harder"
    assert "Harder than last time" in [row[-1] for row in html.rows(phq9)]
    assert "this is harder. That can happen while healing" in html.words(phq9)


def test_no_marker_where_the_change_is_within_everyday_ups_and_downs(member_client, member):
    result(member, "phq9", PHQ9_8, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    phq9 = instrument_section(progress_page(member_client), "phq9")
    assert html.select(phq9, "svg g.marker") == []
    assert "About the same as last time" in [row[-1] for row in html.rows(phq9)]


def test_pcl5_is_never_called_ptsd(member_client, member):
    result(member, "pcl5", PCL5_40, days_ago=40)
    result(member, "pcl5", PCL5_20, days_ago=5)
    page = member_client.get(URL)
    assert "Stress reactions" in html.words(instrument_section(html.main(page), "pcl5"))
    assert "PTSD" not in html.words(page)
    assert "DSM" not in html.words(page)


def test_another_members_results_and_check_ins_never_show(member_client, member, other_member):
    today = today_of(member)
    result(other_member, "phq9", PHQ9_20, days_ago=3)
    for n in range(10):
        checkin(other_member, today - timedelta(days=n), mood=9)
        entry(other_member, f"Their entry {n}", day=today - timedelta(days=n))
    page = progress_page(member_client)
    assert html.select(page, 'section[aria-labelledby^="instrument-"]') == []
    assert "No check-ins in the last 30 days" in html.words(page)
    assert "There isn't enough yet to compare" in html.words(page)


@pytest.mark.parametrize("query, days", [("", 30), ("?days=7", 7), ("?days=90", 90)])
def test_the_period_switch_shows_7_30_or_90_days(member_client, member, query, days):
    checkin(member, today_of(member))
    page = progress_page(member_client, query)
    assert sorted(period_links(page)) == sorted(
        (f"?days={period}", period == days) for period in (7, 30, 90)
    )
    assert len(html.select(page, '[aria-current="true"]')) == 1
    assert f"Averages out of 10 over the last {days} days" in html.words(page)


@pytest.mark.parametrize("query", ["?days=12", "?days=", "?days=abc"])
def test_an_unknown_period_quietly_shows_30_days(member_client, member, query):
    checkin(member, today_of(member))
    assert ("?days=30", True) in period_links(progress_page(member_client, query))


def test_each_scale_has_its_own_small_chart_and_its_average_against_the_period_before(
    member_client, member
):
    today = today_of(member)
    for n in range(3):
        checkin(member, today - timedelta(days=n), mood=6, anger=2)
    for n in range(7, 9):
        checkin(member, today - timedelta(days=n), mood=4, anger=2)
    # Outside both weeks: not counted.
    checkin(member, today - timedelta(days=20), mood=0)
    page = progress_page(member_client, "?days=7")
    for name in ("mood", "anger", "anxiety", "sleep", "self_worth"):
        scale = section(page, f"scale-{name}")
        assert len(html.select(scale, 'svg[role="img"]')) == 1  # drawn once, for every width
    words = html.words(page)
    assert "Average 6.0 out of 10, up from 4.0 in the period before." in words
    assert "Average 2.0 out of 10, about the same as 2.0 in the period before." in words
    rows = html.rows(page)
    assert ["Mood", "6.0", "4.0"] in rows
    # The numbers of all five charts in one table, a row per day with check-ins.
    assert words.count("Your check-ins, day by day") == 1
    day_by_day = [row[1:] for row in rows if len(row) == 6]
    assert ["6", "2", "5", "5", "5"] in day_by_day


def test_what_helped_compares_days_with_and_without_writing(member_client, member):
    today = today_of(member)
    for n in range(1, 7):
        day = today - timedelta(days=n)
        checkin(member, day, mood=8, sleep=6)
        entry(member, f"Written {n}", day=day)
    for n in range(10, 16):
        checkin(member, today - timedelta(days=n), mood=4, sleep=6)
    # A day of writing without a check-in, and days beyond the 90, do not count.
    entry(member, "No check-in that day", day=today - timedelta(days=30))
    checkin(member, today - timedelta(days=95), mood=0)
    entry(member, "Long ago", day=today - timedelta(days=95))
    helped = section(progress_page(member_client), "helped-heading")
    rows = html.rows(helped)
    assert rows[0][1:] == ["Days you wrote (6)", "Days you didn't (6)"]
    assert ["Mood", "8.0", "4.0"] in rows
    assert ["Sleep", "6.0", "6.0"] in rows
    assert "This shows what went together, not what caused what." in html.words(helped)


def test_what_helped_waits_for_five_days_in_each_group(member_client, member):
    today = today_of(member)
    for n in range(1, 5):
        checkin(member, today - timedelta(days=n), mood=8)
        entry(member, f"Written {n}", day=today - timedelta(days=n))
    for n in range(10, 20):
        checkin(member, today - timedelta(days=n), mood=4)
    helped = section(progress_page(member_client), "helped-heading")
    assert "There isn't enough yet to compare" in html.words(helped)
    assert "So far: 4 and 10." in html.words(helped)
    assert html.select(helped, "table") == []


@pytest.mark.parametrize("query", ["", "?days=7", "?days=90"])
def test_queries_stay_bounded_for_a_member_with_little_data(
    member_client, member, query, django_assert_max_num_queries
):
    today = today_of(member)
    checkin(member, today)
    entry(member, "One entry")
    result(member, "phq9", PHQ9_8)
    with django_assert_max_num_queries(MAX_QUERIES):
        progress_page(member_client, query)


@pytest.mark.parametrize("query", ["", "?days=90"])
def test_queries_stay_bounded_for_a_member_with_two_years_of_data(
    member_client, member, query, django_assert_max_num_queries
):
    with key_cache():
        seed_checkins(member, 730)
        seed_results(member)
        seed_journal(member, 365, count=300)
    with django_assert_max_num_queries(MAX_QUERIES):
        page = progress_page(member_client, query)
    for code in ("phq9", "gad7", "who5", "pcl5"):
        instrument_section(page, code)
    assert "Days you wrote" in html.words(page)


def test_a_change_shows_at_once_though_the_page_was_drawn_before(member_client, member):
    # The page's body is kept between views (core.memory): a check-in, a
    # questionnaire, a journal day or a deletion must show on the very next.
    from reclaim.assessments.models import Result
    from reclaim.checkins.actions import do_delete_checkin

    today = today_of(member)
    first = checkin(member, today, mood=3)
    assert ["Mood", "3.0", "–"] in html.rows(progress_page(member_client))
    kept = progress_page(member_client)
    assert ["Mood", "3.0", "–"] in html.rows(kept)
    # The kept charts are still markup, not markup shown as text.
    assert len(html.select(kept, 'svg[role="img"]')) == 5

    checkin(member, today, mood=5)
    assert ["Mood", "4.0", "–"] in html.rows(progress_page(member_client))

    result(member, "phq9", PHQ9_20, days_ago=3)
    assert "20 out of 27" in html.words(instrument_section(progress_page(member_client), "phq9"))
    Result.objects.filter(owner=member).delete()
    assert not html.select(
        progress_page(member_client), 'section[aria-labelledby="instrument-phq9"]'
    )

    # Five days with writing and five without: "what helped" appears.
    for n in range(1, 11):
        checkin(member, today - timedelta(days=n), mood=6)
    for n in range(1, 5):
        entry(member, f"Written {n}", day=today - timedelta(days=n))
    assert "There isn't enough yet to compare" in html.words(progress_page(member_client))
    entry(member, "The fifth", day=today - timedelta(days=5))
    page = progress_page(member_client)
    assert "Days you wrote (5)" in html.words(page)
    # Eleven days: ten at 6, and today's two check-ins at 3 and 5 (4 that day).
    assert ["Mood", "5.8", "–"] in html.rows(page)

    do_delete_checkin(first)
    assert ["Mood", "5.9", "–"] in html.rows(progress_page(member_client))
