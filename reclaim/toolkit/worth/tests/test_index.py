from datetime import date, timedelta

from django.urls import reverse

from reclaim.toolkit.worth import queries
from reclaim.toolkit.writing import today_for

URL = reverse("worth:index")


def test_a_new_member_sees_gentle_starting_points(member_client):
    page = member_client.get(URL).content.decode()
    assert "Evidence that you are enough" in page
    assert "Something you got through" in page
    assert "Something someone thanked you for" in page
    assert reverse("worth:item_new", args=["accomplishments"]) + "?prompt=done-through" in page
    assert "A reminder from your evidence" not in page


def test_the_title_stays_neutral(member_client):
    page = member_client.get(URL).content.decode()
    assert "<title>Tools" in page
    assert member_client.get(URL)["Cache-Control"].find("no-store") >= 0


def test_strengths_accomplishments_and_evidence_are_shown(
    member_client, strength, accomplishment, piece
):
    page = member_client.get(URL).content.decode()
    assert "Patient with the kids" in page
    assert "Even on hard days." in page
    assert "Learned to swim at thirty" in page
    assert "I told my sister the truth today." in page


def test_evidence_is_newest_first(member_client, member, add_evidence):
    add_evidence(member, "An older true thing", date(2026, 1, 5))
    add_evidence(member, "A newer true thing", date(2026, 2, 5))
    page = member_client.get(URL).content.decode()
    listed = page.split('id="evidence"')[1]
    assert listed.index("A newer true thing") < listed.index("An older true thing")


def test_an_earlier_piece_comes_back_as_a_reminder_the_same_all_day(
    member_client, member, add_evidence
):
    today = today_for(member)
    for n in range(5):
        add_evidence(member, f"Earlier piece number {n}", today - timedelta(days=n + 1))
    add_evidence(member, "Written today", today)
    first = member_client.get(URL).content.decode()
    reminder = queries.reminder(member, today)
    assert reminder is not None and reminder.day < today
    shown = first.split("A reminder from your evidence")[1].split("</section>")[0]
    assert reminder.text in shown
    assert "Written today" not in shown
    again = member_client.get(URL).content.decode()
    assert again.split("A reminder from your evidence")[1].split("</section>")[0] == shown


def test_the_reminder_changes_from_day_to_day(member, add_evidence):
    today = today_for(member)
    for n in range(30):
        add_evidence(member, f"Piece {n}", today - timedelta(days=n + 1))
    picks = {queries.reminder(member, today - timedelta(days=d)).pk for d in range(10)}
    assert len(picks) > 1


def test_a_long_list_links_to_all_of_it(member_client, member, add_evidence):
    for n in range(queries.SHOWN + 1):
        add_evidence(member, f"Piece {n}", date(2026, 1, 1) + timedelta(days=n))
    page = member_client.get(URL).content.decode()
    assert f"See all {queries.SHOWN + 1} pieces" in page
    assert "Piece 0<" not in page  # the oldest waits on the full list


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))
