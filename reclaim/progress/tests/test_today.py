import re
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.checkins.models import SCALE_NAMES, CheckIn, local_day
from reclaim.journal.models import Entry
from reclaim.progress.today import greeting, mood_summary, today_picture
from reclaim.testing import html
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import create_sealed, open_row, seal

URL = reverse("progress:today")


def checkin(user, day, **values):
    # A value of None leaves that scale not rated, as the form does.
    scores = {
        name: value
        for name, value in (dict.fromkeys(SCALE_NAMES, 5) | values).items()
        if value is not None
    }
    moment = datetime.combine(day, time(12), tzinfo=user.zone)
    return create_sealed(CheckIn, owner=user, day=day, created=moment, scores=scores)


def entry(user, title, body="Some words.", day=None, minutes_ago=0):
    day = day or local_day(user)
    made = entry_made(user, title, body, day, minutes_ago)
    seal(made)
    made.save()
    return made


def entry_made(user, title, body, day, minutes_ago=0):
    made = Entry(
        owner=user,
        day=day,
        created=timezone.now() - timedelta(minutes=minutes_ago),
    )
    made.title = title
    made.body = body
    made.tags = []
    return made


def today_page(client):
    response = client.get(URL)
    assert response.status_code == 200
    return response


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_member_who_has_not_finished_welcome_is_still_sent_there_from_home(member_client, member):
    member.onboarded = None
    member.save()
    response = member_client.get(reverse("core:home"))
    assert response["Location"] == reverse("accounts:welcome")


def test_home_sends_a_member_here(member_client):
    assert member_client.get(reverse("core:home"))["Location"] == URL


def test_the_page_title_is_plain_and_the_nav_marks_today(member_client):
    response = today_page(member_client)
    assert html.title(response).startswith("Today ·")
    nav = html.one(response, 'nav[aria-label="Main"]')
    assert html.links(html.one(nav, 'a[aria-current="page"]').parent) == [("Today", URL)]


def test_it_greets_the_member_by_their_display_name(member_client):
    heading = html.words(html.one(today_page(member_client), "h1"))
    assert re.fullmatch(r"(Good morning|Good afternoon|Good evening|Hello), Robin\.", heading)


@pytest.mark.parametrize(
    "hour, words",
    [(7, "Good morning"), (12, "Good afternoon"), (19, "Good evening"), (2, "Hello")],
)
def test_the_greeting_follows_the_hour(hour, words):
    assert greeting("Robin", datetime(2026, 3, 1, hour, 30)) == f"{words}, Robin."


def test_without_a_check_in_today_it_asks_gently(member_client, member):
    checkin(member, local_day(member) - timedelta(days=1))
    response = today_page(member_client)
    words = html.words(html.main(response))
    assert "How are you today?" in words
    assert reverse("checkins:new") in html.hrefs(html.main(response))
    assert "You checked in today" not in words
    assert "streak" not in html.words(response).lower()


def test_after_a_check_in_it_shows_the_days_numbers(member_client, member):
    checkin(member, local_day(member), mood=7, anger=2, anxiety=3, sleep=6, self_worth=8)
    main = html.main(today_page(member_client))
    words = html.words(main)
    assert "You checked in today." in words
    assert "How are you today?" not in words
    numbers = html.terms(main)
    assert (numbers["Mood"], numbers["Anger"], numbers["Self-worth"]) == ("7", "2", "8")
    assert "Check in again" in [link_words for link_words, _ in html.links(main)]
    assert "the average of" not in words


def test_a_change_shows_at_once_though_the_picture_was_drawn_before(member_client, member):
    # The picture is kept between views (core.memory); a save, an edit or a
    # deletion must show on the very next one.
    from reclaim.checkins.actions import do_delete_checkin, do_update_checkin

    today = local_day(member)
    first = checkin(member, today, mood=3)
    assert html.terms(html.main(today_page(member_client)))["Mood"] == "3"
    kept = today_page(member_client)
    assert html.terms(html.main(kept))["Mood"] == "3"
    # The kept charts are still markup, not markup shown as text.
    page = kept.content.decode()
    assert page.count("<svg") == len(SCALE_NAMES)
    assert "&lt;svg" not in page

    with key_cache():
        do_update_checkin(open_row(first), {"mood": 8, "triggers": [], "note": ""})
    assert html.terms(html.main(today_page(member_client)))["Mood"] == "8"

    checkin(member, today, mood=4)
    main = html.main(today_page(member_client))
    assert html.terms(main)["Mood"] == "6"
    assert "the average of your 2 check-ins today" in html.words(main)

    for made in CheckIn.objects.filter(owner=member):
        do_delete_checkin(made)
    assert "How are you today?" in html.words(today_page(member_client))


def test_two_check_ins_today_show_their_average(member_client, member):
    today = local_day(member)
    checkin(member, today, mood=4)
    checkin(member, today, mood=7)
    main = html.main(today_page(member_client))
    assert html.terms(main)["Mood"] == "5.5"
    assert "the average of your 2 check-ins today" in html.words(main)


def test_today_is_the_members_own_day_not_the_servers(member):
    member.timezone = "Pacific/Auckland"
    member.save()
    moment = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # already 2 March in Auckland
    checkin(member, date(2026, 3, 2), mood=8)
    picture = today_picture(member, moment)
    assert picture.today == date(2026, 3, 2)
    assert picture.checked_in
    assert greeting("Robin", moment.astimezone(member.zone)) == "Good morning, Robin."


def test_the_chart_and_its_table_show_the_members_values(member_client, member):
    today = local_day(member)
    checkin(member, today - timedelta(days=3), mood=3, sleep=9)
    checkin(member, today - timedelta(days=1), mood=6, sleep=4)
    main = html.main(today_page(member_client))
    # One small chart per scale, as on the Progress page, drawn once for every width.
    for name in SCALE_NAMES:
        section = html.one(main, f'section[aria-labelledby="scale-{name}"]')
        assert len(html.select(section, 'svg[role="img"]')) == 1
        assert len(html.select(section, "svg g.series")) == 1  # one line, not five
    assert len(html.select(main, 'svg[role="img"]')) == len(SCALE_NAMES)
    assert "Show the numbers" in [html.words(summary) for summary in main("summary")]
    day = today - timedelta(days=3)
    rows = html.rows(main)
    day_rows = [
        row[1:]
        for row in rows
        if re.fullmatch(rf"{day:%a} {day.day} {day:%b}( {day.year})?", row[0])
    ]
    assert day_rows == [["3", "5", "5", "9", "5"]]
    headings = [row for row in rows if "Mood" in row and "Anxiety" in row]
    assert headings, "no table names its columns Mood and Anxiety"


def test_check_ins_older_than_thirty_days_are_not_in_the_table(member_client, member):
    old = local_day(member) - timedelta(days=40)
    checkin(member, old, mood=1)
    checkin(member, local_day(member) - timedelta(days=2), mood=6)
    assert f"{old:%a} {old.day} {old:%b}" not in html.words(today_page(member_client))


def test_the_summary_compares_with_the_thirty_days_before(member_client, member):
    today = local_day(member)
    checkin(member, today - timedelta(days=2), mood=5)
    checkin(member, today - timedelta(days=5), mood=4)
    checkin(member, today - timedelta(days=35), mood=3)
    assert (
        "Over the last 30 days your mood averaged 4.5 out of 10, up from 3.0 in the 30 days before."
        in html.words(today_page(member_client))
    )


def test_a_scale_not_rated_reads_not_rated_and_counts_nowhere(member_client, member):
    today = local_day(member)
    checkin(member, today, mood=None, anger=None)
    checkin(member, today - timedelta(days=1), mood=3)
    picture = today_picture(member, timezone.now())
    shown = {number.label: number.value for number in picture.todays_numbers}
    assert (shown["Mood"], shown["Anger"], shown["Sleep"]) == ("not rated", "not rated", "5")
    # Mood's average is yesterday's 3 alone, not (3 + a made-up 5) / 2.
    assert picture.summary == "Over the last 30 days your mood averaged 3.0 out of 10."
    mood = picture.trends[0]
    assert (mood.average, mood.days_recorded) == (3.0, 1)
    assert [row[1] for row in mood.chart.rows] == ["3"]
    assert picture.trend_rows[-1][1:] == ["–", "–", "5", "5", "5"]
    assert html.terms(html.main(today_page(member_client)))["Mood"] == "not rated"


def test_a_day_with_many_check_ins_counts_once_in_the_average(member):
    today = local_day(member)
    for _ in range(3):
        checkin(member, today, mood=9)
    checkin(member, today - timedelta(days=1), mood=3)
    picture = today_picture(member, timezone.now())
    assert picture.summary == "Over the last 30 days your mood averaged 6.0 out of 10."


@pytest.mark.parametrize(
    "now, before, words",
    [(4.2, 5.0, "down from 5.0"), (4.24, 4.21, "about the same as 4.2"), (6.0, 4.0, "up from 4.0")],
)
def test_the_summary_says_which_way_as_the_numbers_read(now, before, words):
    today = date(2026, 3, 31)
    means = {
        today: {"mood": now},
        today - timedelta(days=31): {"mood": before},
    }
    assert words in mood_summary(means, today)


def test_the_summary_is_left_out_without_recent_check_ins():
    today = date(2026, 3, 31)
    assert mood_summary({today - timedelta(days=45): {"mood": 5.0}}, today) is None


def test_with_nothing_yet_the_page_is_gentle(member_client):
    main = html.main(today_page(member_client))
    assert "Nothing here yet. Whenever you are ready" in html.words(main)
    assert html.select(main, "svg") == []
    assert "averaged" not in html.words(main)


def test_recent_journal_titles_appear_newest_first_five_at_most(member_client, member):
    for number in range(7):
        entry(member, f"Entry number {number}", minutes_ago=100 - number)
    links = html.links(html.main(today_page(member_client)))
    shown = [words for words, _ in links if words.startswith("Entry number")]
    assert shown == [f"Entry number {n}" for n in (6, 5, 4, 3, 2)]
    newest = open_row(Entry.objects.filter(owner=member).order_by("-created").first())
    assert ("Entry number 6", reverse("journal:detail", args=[newest.pk])) in links


def test_an_entry_without_a_title_shows_its_day_not_its_words(member_client, member):
    entry(member, "", body="The garden was quiet this morning and I sat there for a long while")
    response = today_page(member_client)
    journal = [
        words for words, href in html.links(html.main(response)) if href.startswith("/journal/")
    ]
    assert any(re.fullmatch(r"Entry from \d{1,2} \w+ \d{4}", words) for words in journal)
    assert "The garden was quiet" not in html.words(response)


def test_one_tap_to_write_and_to_check_in(member_client):
    hrefs = html.hrefs(html.main(today_page(member_client)))
    assert reverse("journal:new") in hrefs
    assert reverse("checkins:new") in hrefs


def test_another_members_writing_and_numbers_never_appear(member_client, member, other_member):
    today = local_day(other_member)
    checkin(other_member, today, mood=1, anger=10)
    entry(other_member, "Alex private title")
    entry(member, "Robin's own words")
    response = today_page(member_client)
    words = html.words(response)
    assert "Alex private title" not in words
    assert "Robin's own words" in words
    assert "How are you today?" in words
    assert html.select(response, "svg") == []


def test_titles_are_escaped(member_client, member):
    entry(member, "<script>alert(1)</script>")
    response = today_page(member_client)
    # Shown as the words typed, never run as a script.
    assert "<script>alert(1)</script>" in html.words(html.main(response))
    assert not [script for script in html.select(response, "script") if "alert" in script.text]


def bulk_history(user, days, entries):
    today = local_day(user)
    checkins = [
        CheckIn(
            owner=user,
            day=today - timedelta(days=i),
            created=datetime.combine(today - timedelta(days=i), time(9), tzinfo=user.zone),
            scores={name: (i + k) % 11 for k, name in enumerate(SCALE_NAMES)},
        )
        for i in range(days)
    ]
    entries_made = [
        entry_made(user, f"Title {i}", "Body " * 50, today - timedelta(days=i % 365), i)
        for i in range(entries)
    ]
    with key_cache():
        seal(*checkins, *entries_made)
    CheckIn.objects.bulk_create(checkins)
    Entry.objects.bulk_create(entries_made)


@pytest.mark.parametrize("days, entries", [(1, 1), (365, 300)])
def test_the_page_needs_a_few_queries_however_much_there_is(
    member_client, member, django_assert_max_num_queries, days, entries
):
    bulk_history(member, days, entries)
    # The first request after signing in records the session for the
    # member's list of devices; the page itself is what is measured.
    today_page(member_client)
    # Two of these belong to every signed-in page (session and user; the
    # device list's activity is recorded only every few minutes, and not
    # here); the page itself needs five: the
    # check-ins of the last 60 days (means and today's count from one read),
    # the lesson to offer, whether a parked thought is due, the recent
    # entries and the member's data key.
    with django_assert_max_num_queries(7):
        response = today_page(member_client)
    assert "You checked in today." in html.words(response)
    assert "Title 0" in html.words(response)


def test_a_year_of_history_costs_no_more_queries_than_a_day(member_client, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bulk_history(member, 1, 1)
    today_page(member_client)
    with CaptureQueriesContext(connection) as small:
        today_page(member_client)
    Entry.objects.all().delete()
    CheckIn.objects.all().delete()
    bulk_history(member, 365, 300)
    with CaptureQueriesContext(connection) as large:
        today_page(member_client)
    assert len(large) == len(small)
    shared = re.compile(r"django_session|usersessions|accounts_user|SAVEPOINT")
    own = [q["sql"] for q in large.captured_queries if not shared.search(q["sql"])]
    assert len(own) <= 5
