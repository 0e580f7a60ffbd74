from datetime import date, timedelta

from django.urls import reverse

from reclaim.testing import html
from reclaim.toolkit.worth import queries
from reclaim.toolkit.writing import today_for

URL = reverse("worth:index")


def test_a_new_member_sees_gentle_starting_points(member_client):
    main = html.main(member_client.get(URL))
    html.section(main, "Evidence that you are enough")
    done = html.section(main, "What you have done")
    assert (
        "Something you got through",
        reverse("worth:item_new", args=["accomplishments"]) + "?prompt=done-through",
    ) in html.links(done)
    assert "Something someone thanked you for" in html.words(main)
    assert "A reminder from your evidence" not in html.words(main)


def test_the_title_stays_neutral(member_client):
    assert html.title(member_client.get(URL)).startswith("Tools")
    assert member_client.get(URL)["Cache-Control"].find("no-store") >= 0


def test_strengths_accomplishments_and_evidence_are_shown(
    member_client, strength, accomplishment, piece
):
    main = html.main(member_client.get(URL))
    assert "Patient with the kids Even on hard days." in html.words(
        html.section(main, "Your strengths")
    )
    assert "Learned to swim at thirty" in html.words(html.section(main, "What you have done"))
    evidence = html.words(html.section(main, "Evidence that you are enough"))
    assert "I told my sister the truth today." in evidence


def test_evidence_is_newest_first(member_client, member, add_evidence):
    add_evidence(member, "An older true thing", date(2026, 1, 5))
    add_evidence(member, "A newer true thing", date(2026, 2, 5))
    evidence = html.section(member_client.get(URL), "Evidence that you are enough")
    listed = html.words(evidence)
    assert listed.index("A newer true thing") < listed.index("An older true thing")


def test_an_earlier_piece_comes_back_as_a_reminder_the_same_all_day(
    member_client, member, add_evidence
):
    today = today_for(member)
    for n in range(5):
        add_evidence(member, f"Earlier piece number {n}", today - timedelta(days=n + 1))
    add_evidence(member, "Written today", today)
    heading = "A reminder from your evidence"
    shown = html.words(html.section(member_client.get(URL), heading))
    reminder = queries.reminder(member, today)
    assert reminder is not None and reminder.day < today
    assert f"“{reminder.text}”" in shown
    assert "Written today" not in shown
    assert html.words(html.section(member_client.get(URL), heading)) == shown


def test_the_reminder_changes_from_day_to_day(member, add_evidence):
    today = today_for(member)
    for n in range(30):
        add_evidence(member, f"Piece {n}", today - timedelta(days=n + 1))
    picks = {queries.reminder(member, today - timedelta(days=d)).pk for d in range(10)}
    assert len(picks) > 1


def test_a_long_list_links_to_all_of_it(member_client, member, add_evidence):
    for n in range(queries.SHOWN + 1):
        add_evidence(member, f"Piece {n}", date(2026, 1, 1) + timedelta(days=n))
    evidence = html.section(member_client.get(URL), "Evidence that you are enough")
    assert (f"See all {queries.SHOWN + 1} pieces", reverse("worth:evidence_list")) in html.links(
        evidence
    )
    pieces = [html.words(item.find("p")) for item in html.select(evidence, "ul.entries > li")]
    assert len(pieces) == queries.SHOWN
    assert "Piece 0" not in pieces  # the oldest waits on the full list


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get(URL)["Location"].startswith(reverse("account_login"))
