import re
from datetime import timedelta

import pytest
from django.urls import reverse

from reclaim.assessments.demo import seed_results
from reclaim.checkins.demo import seed_checkins
from reclaim.journal.demo import seed_journal
from reclaim.vault.crypto import key_cache

from .makers import PCL5_20, PCL5_40, PHQ9_8, PHQ9_20, WHO5_40, checkin, entry, result, today_of

URL = reverse("progress:progress")

# The same bound for a member with two years of data and for one with a few
# days: the page reads check-ins, results and journal days once each.
MAX_QUERIES = 16


def page(client, query: str = "") -> str:
    response = client.get(URL + query)
    assert response.status_code == 200
    return response.content.decode()


def instrument_section(html: str, code: str) -> str:
    match = re.search(rf'<section aria-labelledby="instrument-{code}">(.*?)</section>', html, re.S)
    assert match, f"no section for {code}"
    return match.group(1)


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_title_is_plain_the_nav_marks_progress_and_nothing_is_cached(member_client):
    response = member_client.get(URL)
    html = response.content.decode()
    assert re.search(r"<title>Progress ·", html)
    assert re.search(r'href="/today/progress/"\s+aria-current="page"', html)
    assert "no-store" in response["Cache-Control"]


def test_the_main_nav_has_progress_between_the_learning_pages_and_settings(member_client):
    html = member_client.get(reverse("progress:today")).content.decode()
    nav = re.search(r'<nav class="mainnav".*?</nav>', html, re.S).group(0)
    labels = re.findall(r">([^<>]+)</a>", nav)
    assert labels == [
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
    html = member_client.get(reverse("progress:today")).content.decode()
    assert f'href="{URL}"' in html


def test_a_new_member_sees_kind_empty_states_and_the_way_to_questionnaires(member_client):
    html = page(member_client)
    assert "When you answer a questionnaire, your results will show here" in html
    assert "No check-ins in the last 30 days" in html
    assert "There isn't enough yet to compare" in html
    assert f'href="{reverse("assessments:index")}"' in html
    assert f'href="{reverse("progress:summary")}"' in html


def test_each_instrument_has_a_chart_with_its_bands_and_the_numbers_in_a_table(
    member_client, member
):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    result(member, "who5", WHO5_40, days_ago=5)
    html = page(member_client)

    phq9 = instrument_section(html, "phq9")
    assert "<h3" in phq9 and ">Mood and energy</h3>" in phq9
    assert 'role="img"' in phq9
    # Five bands, shaded and named by their labels.
    assert phq9.count('<rect class="band') == 5 * 2  # the wide chart and the compact one
    for label in ("Few signs of low mood", "Some low mood", "You are carrying a lot"):
        assert label in phq9
    # Dots on the points, and the numbers in the table.
    assert 'class="dot' in phq9
    assert re.search(r"<td>20</td>\s*<td>You are carrying a very heavy load</td>", phq9)
    assert re.search(r"<td>8</td>\s*<td>Some low mood</td>", phq9)

    who5 = instrument_section(html, "who5")
    assert who5.count('<rect class="band') == 3 * 2
    assert "<td>40</td>" in who5
    assert "Plain" not in who5


def test_the_plain_line_gives_the_latest_score_band_and_change_since_the_first(
    member_client, member
):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    result(member, "who5", WHO5_40, days_ago=5)
    html = page(member_client)
    phq9 = instrument_section(html, "phq9")
    assert "8 out of 27 (some low mood)." in phq9
    assert "(20 out of 27), that is a real improvement" in phq9
    who5 = instrument_section(html, "who5")
    assert "40 out of 100 (low well-being)." in who5
    assert "This is your first one here" in who5


def test_a_reliable_change_is_marked_on_the_chart_and_named_in_the_table(member_client, member):
    result(member, "phq9", PHQ9_20, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    phq9 = instrument_section(page(member_client), "phq9")
    markers = re.findall(r'<g class="marker">.*?</g>', phq9, re.S)
    # One marker on each of the two drawings, labelled in words on the wide one.
    assert len(markers) == 2
    assert ">Better</text>" in markers[0]
    assert "<td>A real improvement</td>" in phq9
    assert "A ringed dot marks a real change" in phq9


def test_a_change_for_the_worse_is_marked_gently(member_client, member):
    result(member, "phq9", PHQ9_8, days_ago=60)
    result(member, "phq9", PHQ9_20, days_ago=10)
    phq9 = instrument_section(page(member_client), "phq9")
    assert ">Harder</text>" in phq9
    assert "<td>Harder than last time</td>" in phq9
    assert "this is harder. That can happen while healing" in phq9


def test_no_marker_where_the_change_is_within_everyday_ups_and_downs(member_client, member):
    result(member, "phq9", PHQ9_8, days_ago=60)
    result(member, "phq9", PHQ9_8, days_ago=10)
    phq9 = instrument_section(page(member_client), "phq9")
    assert 'class="marker"' not in phq9
    assert "<td>About the same as last time</td>" in phq9


def test_pcl5_is_never_called_ptsd(member_client, member):
    result(member, "pcl5", PCL5_40, days_ago=40)
    result(member, "pcl5", PCL5_20, days_ago=5)
    html = page(member_client)
    assert "Stress reactions" in instrument_section(html, "pcl5")
    assert "PTSD" not in html
    assert "DSM" not in html


def test_another_members_results_and_check_ins_never_show(member_client, member, other_member):
    today = today_of(member)
    result(other_member, "phq9", PHQ9_20, days_ago=3)
    for n in range(10):
        checkin(other_member, today - timedelta(days=n), mood=9)
        entry(other_member, f"Their entry {n}", day=today - timedelta(days=n))
    html = page(member_client)
    assert "instrument-phq9" not in html
    assert "No check-ins in the last 30 days" in html
    assert "There isn't enough yet to compare" in html


@pytest.mark.parametrize("query, days", [("", 30), ("?days=7", 7), ("?days=90", 90)])
def test_the_period_switch_shows_7_30_or_90_days(member_client, member, query, days):
    checkin(member, today_of(member))
    html = page(member_client, query)
    assert re.search(rf'href="\?days={days}"\s+aria-current="true"', html)
    assert html.count('aria-current="true"') == 1
    for other in {7, 30, 90} - {days}:
        assert f'href="?days={other}"' in html
    assert f"Averages out of 10 over the last {days} days" in html


@pytest.mark.parametrize("query", ["?days=12", "?days=", "?days=abc"])
def test_an_unknown_period_quietly_shows_30_days(member_client, member, query):
    checkin(member, today_of(member))
    html = page(member_client, query)
    assert re.search(r'href="\?days=30"\s+aria-current="true"', html)


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
    html = page(member_client, "?days=7")
    for name in ("mood", "anger", "anxiety", "sleep", "self_worth"):
        section = re.search(
            rf'<section aria-labelledby="scale-{name}">(.*?)</section>', html, re.S
        ).group(1)
        assert section.count('role="img"') == 2  # wide and compact
    assert "Average 6.0 out of 10, up from 4.0 in the period before." in html
    assert "Average 2.0 out of 10, about the same as 2.0 in the period before." in html
    assert re.search(r"<th scope=\"row\">Mood</th><td>6.0</td><td>4.0</td>", html)
    # The numbers of all five charts in one table, a row per day with check-ins.
    assert html.count("Your check-ins, day by day") == 1
    assert re.search(
        r"<th scope=\"row\">[A-Z][a-z]{2} \d+ [A-Z][a-z]{2}</th><td>6</td><td>2</td>"
        r"<td>5</td><td>5</td><td>5</td>",
        html,
    )


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
    html = page(member_client)
    section = re.search(r'<section aria-labelledby="helped-heading">(.*?)</section>', html, re.S)
    helped = section.group(1)
    assert "Days you wrote (6)" in helped
    assert "Days you didn't (6)" in helped
    assert re.search(r'<th scope="row">Mood</th><td>8.0</td><td>4.0</td>', helped)
    assert re.search(r'<th scope="row">Sleep</th><td>6.0</td><td>6.0</td>', helped)
    assert "This shows what went together, not what caused what." in helped


def test_what_helped_waits_for_five_days_in_each_group(member_client, member):
    today = today_of(member)
    for n in range(1, 5):
        checkin(member, today - timedelta(days=n), mood=8)
        entry(member, f"Written {n}", day=today - timedelta(days=n))
    for n in range(10, 20):
        checkin(member, today - timedelta(days=n), mood=4)
    helped = re.search(
        r'<section aria-labelledby="helped-heading">(.*?)</section>', page(member_client), re.S
    ).group(1)
    assert "There isn't enough yet to compare" in helped
    assert "So far: 4 and 10." in helped
    assert "<table" not in helped


@pytest.mark.parametrize("query", ["", "?days=7", "?days=90"])
def test_queries_stay_bounded_for_a_member_with_little_data(
    member_client, member, query, django_assert_max_num_queries
):
    today = today_of(member)
    checkin(member, today)
    entry(member, "One entry")
    result(member, "phq9", PHQ9_8)
    with django_assert_max_num_queries(MAX_QUERIES):
        page(member_client, query)


@pytest.mark.parametrize("query", ["", "?days=90"])
def test_queries_stay_bounded_for_a_member_with_two_years_of_data(
    member_client, member, query, django_assert_max_num_queries
):
    with key_cache():
        seed_checkins(member, 730)
        seed_results(member)
        seed_journal(member, 365, count=300)
    with django_assert_max_num_queries(MAX_QUERIES):
        html = page(member_client, query)
    for code in ("phq9", "gad7", "who5", "pcl5"):
        instrument_section(html, code)
    assert "Days you wrote" in html
