from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from reclaim.assessments.actions import do_save_result
from reclaim.assessments.demo import seed_results
from reclaim.testing import html

from .conftest import count_queries, page_title


def url(code):
    return reverse("assessments:history", args=[code])


def test_it_lists_results_newest_first_with_changes(member_client, member):
    now = timezone.now()
    do_save_result(member, "phq9", [2] * 9, taken=now - timedelta(days=30))  # 18 (item 9 = 2)
    do_save_result(member, "phq9", [1] * 8 + [0], taken=now)  # 8
    page = member_client.get(url("phq9")).content.decode()
    assert page.index("8 out of 27") < page.index("18 out of 27")
    assert "a real improvement" in page
    assert "Some low mood" in page


def test_an_instrument_without_a_threshold_has_no_change_column(member_client, member):
    do_save_result(member, "rses", [2] * 10)
    table = html.one(html.main(member_client.get(url("rses"))), "table")
    columns = [html.words(cell) for cell in html.select(table, "thead th")]
    assert columns == ["Date", "Score", "What it suggests"]


def test_an_empty_history_invites_without_pressing(member_client):
    page = member_client.get(url("who5")).content.decode()
    assert "No results yet" in page


def test_unknown_and_switched_off_instruments_are_not_found(member_client):
    assert member_client.get(url("nope")).status_code == 404
    assert member_client.get(url("dar5")).status_code == 404


def test_the_title_is_neutral(member_client, member):
    do_save_result(member, "pcl5", [1] * 20)
    title = page_title(member_client.get(url("pcl5")))
    assert title.startswith("Past results")
    assert "PCL" not in title and "Stress" not in title


def test_a_pcl5_history_never_says_ptsd(member_client, member):
    do_save_result(member, "pcl5", [4] * 20)
    assert "ptsd" not in member_client.get(url("pcl5")).content.decode().lower()


def test_another_member_sees_none_of_the_results(other_client, member):
    do_save_result(member, "phq9", [1] * 9)
    page = other_client.get(url("phq9")).content.decode()
    assert "out of 27" not in page
    assert "No results yet" in page


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get(url("phq9"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_its_queries_do_not_grow_with_history(member_client, member):
    seed_results(member, {"pcl5": 2})
    few = count_queries(member_client, url("pcl5"))
    seed_results(member, {"pcl5": 24}, seed=8)
    many = count_queries(member_client, url("pcl5"))
    assert many == few
    # About seven are the session, the member and session tracking; two are ours.
    assert many <= 9
    assert member_client.get(url("pcl5")).content.decode().count("out of 80") == 26
