"""A practitioner sees exactly what the member switched on, live, and every look is logged."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from reclaim.assessments.actions import do_save_result
from reclaim.sharing.models import Look
from reclaim.testing.html import one, rows, section, select, words

from .makers import (
    CHECKIN_NOTE,
    ENTRY_WORDS,
    OTHER_ENTRY_WORDS,
    PLAN_LINE,
    connect,
    member_data,
    switch,
)

CLIENTS = reverse("practice:clients")

# What each part shows on the client page, and nothing else does.
PHQ9_SEEN = "PHQ-9"
GAD7_SEEN = "GAD-7"
ANSWERS_SEEN = "Answers to each question"
TRENDS_SEEN = "Check-in trends"
TRIGGER_SEEN = "Their phone"


@pytest.fixture
def shared(member, practitioner):
    data = member_data(member)
    return {"connection": connect(member, practitioner), **data}


def _client_page(practitioner_client, connection):
    response = practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    assert response.status_code == 200
    return words(response)


# Each combination: the switches, and which of the parts above must show.
COMBINATIONS = [
    ({}, set()),
    ({"results": ["phq9"]}, {"phq9"}),
    ({"results": ["phq9"], "answers": ["phq9"]}, {"phq9", "answers"}),
    # Answers alone are never shared: they go only with their results.
    ({"answers": ["phq9"]}, set()),
    ({"results": ["gad7"], "trends": True}, {"gad7", "trends"}),
    ({"safety_plan": True}, {"plan"}),
    (
        {"results": ["phq9", "gad7"], "answers": ["gad7"], "trends": True, "safety_plan": True},
        {"phq9", "gad7", "answers", "trends", "plan"},
    ),
]


@pytest.mark.parametrize(("switches", "seen"), COMBINATIONS)
def test_the_practitioner_sees_exactly_what_is_switched_on(
    shared, practitioner_client, switches, seen
):
    switch(shared["connection"], **switches)
    text = _client_page(practitioner_client, shared["connection"])
    assert (PHQ9_SEEN in text) == ("phq9" in seen)
    assert (GAD7_SEEN in text) == ("gad7" in seen)
    assert (ANSWERS_SEEN in text) == ("answers" in seen)
    assert (TRENDS_SEEN in text) == ("trends" in seen)
    assert (TRIGGER_SEEN in text) == ("trends" in seen)
    assert (PLAN_LINE in text) == ("plan" in seen)
    # Never shared by any switch: check-in notes and entries not chosen.
    assert CHECKIN_NOTE not in text
    assert ENTRY_WORDS not in text
    assert OTHER_ENTRY_WORDS not in text
    if not seen:
        assert "Nothing is shared yet." in text


def test_results_show_the_latest_score_band_and_change_since_the_baseline(
    shared, practitioner_client
):
    switch(shared["connection"], results=["phq9"])
    text = _client_page(practitioner_client, shared["connection"])
    assert "Latest: 8 out of 27" in text
    assert "Since the first result (20 out of 27" in text
    assert "Reliable improvement" in text
    listing = words(practitioner_client.get(CLIENTS))
    assert "8 out of 27" in listing and "Reliable improvement" in listing


def test_a_change_across_the_cut_off_is_marked_clinically_significant_and_explained(
    shared, practitioner_client
):
    # PHQ-9 from 20 to 8: a reliable drop that leaves the clinical range (10 or more).
    switch(shared["connection"], results=["phq9"])
    text = _client_page(practitioner_client, shared["connection"])
    assert "clinically significant improvement" in text
    assert "Clinical range: 10 or more." in text
    assert "Jacobson and Truax" in text
    listing = words(practitioner_client.get(CLIENTS))
    assert "Clinically significant improvement" in listing
    assert "Jacobson and Truax" in listing


def test_a_questionnaire_without_a_published_cut_off_says_so_instead_of_guessing(
    member, practitioner, practitioner_client
):
    now = timezone.now()
    do_save_result(member, "rses", [0] * 10, taken=now - timedelta(days=40))
    do_save_result(member, "rses", [3] * 10, taken=now - timedelta(days=1))
    connection = connect(member, practitioner)
    switch(connection, results=["rses"])
    text = _client_page(practitioner_client, connection)
    assert "No published cut-off between a clinical and a non-clinical range." in text
    assert "cannot tell: no published cut-off" in text
    assert "Clinically significant improvement" not in text
    assert "Cannot tell: no published cut-off" in words(practitioner_client.get(CLIENTS))


def test_the_check_in_trends_are_drawn_as_charts_beside_the_week_table(shared, practitioner_client):
    connection = shared["connection"]
    switch(connection, trends=True)
    response = practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    pictures = select(response, "svg[role=img]")
    titles = [words(one(picture, "title")) for picture in pictures]
    # The client rated mood and sleep only: no empty frame for the other scales.
    assert titles == ["Mood, weekly average", "Sleep, weekly average"]
    assert "The client's weekly average mood" in words(one(pictures[0], "desc"))
    # The week table stays, as the same numbers in words: mood 4 in the latest week.
    table = section(response, "Check-in trends")
    assert "The weekly averages, week by week" in words(table)
    assert rows(table)[-1][2] == "4.0"
    switch(connection)
    assert not select(
        practitioner_client.get(reverse("practice:client", args=[connection.pk])), "svg"
    )


def test_the_client_list_draws_a_small_mood_chart_for_a_client_who_shares_trends(
    shared, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9"])
    assert not select(practitioner_client.get(CLIENTS), "svg")
    switch(connection, results=["phq9"], trends=True)
    listing = practitioner_client.get(CLIENTS)
    (picture,) = select(listing, "svg[role=img]")
    assert words(one(picture, "title")) == "Mood, weekly average"
    assert "Mood, weekly average, last eight weeks" in words(listing)
    # Showing it is a look at the trends, which the member sees.
    assert Look.objects.filter(connection=connection, part="trends").count() == 1


def test_turning_a_switch_off_hides_it_on_the_next_request(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9"], trends=True, safety_plan=True)
    before = _client_page(practitioner_client, connection)
    assert PHQ9_SEEN in before and TRENDS_SEEN in before and PLAN_LINE in before
    # The member unticks everything but the trends, on their own page.
    response = member_client.post(
        reverse("sharing:connection", args=[connection.pk]), {"trends": "on"}
    )
    assert response.status_code == 302
    after = _client_page(practitioner_client, connection)
    assert PHQ9_SEEN not in after and PLAN_LINE not in after
    assert TRENDS_SEEN in after
    assert "8 out of 27" not in words(practitioner_client.get(CLIENTS))


def test_a_journal_entry_is_shared_one_by_one_and_unsharing_hides_it_at_once(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    entry_page = reverse("sharing:entry", args=[shared["entry"].pk])
    assert "Share with practitioner" in words(member_client.get(entry_page))
    member_client.post(entry_page, {"connection": str(connection.pk), "share": "on"})
    text = _client_page(practitioner_client, connection)
    assert ENTRY_WORDS in text
    assert OTHER_ENTRY_WORDS not in text
    member_client.post(entry_page, {"connection": str(connection.pk), "share": "off"})
    assert ENTRY_WORDS not in _client_page(practitioner_client, connection)


def test_the_journal_entry_offers_sharing(shared, member_client):
    page = member_client.get(reverse("journal:detail", args=[shared["entry"].pk]))
    assert reverse("sharing:entry", args=[shared["entry"].pk]) in page.content.decode()


def test_every_look_is_in_the_members_access_log_with_when_and_which_part_never_content(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9"], answers=["phq9"], safety_plan=True)
    member_client.post(
        reverse("sharing:entry", args=[shared["entry"].pk]),
        {"connection": str(connection.pk), "share": "on"},
    )
    _client_page(practitioner_client, connection)
    _client_page(practitioner_client, connection)
    practitioner_client.get(CLIENTS)
    looks = list(Look.objects.filter(connection=connection).values_list("part", "key"))
    assert looks.count(("results", "phq9")) == 3  # two client pages and the list
    assert looks.count(("answers", "phq9")) == 2
    assert looks.count(("safety_plan", "")) == 2
    assert looks.count(("entry", str(shared["entry"].pk))) == 2
    log = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert log.count("Results of PHQ-9") == 3
    assert log.count("Answers to PHQ-9") == 2
    assert log.count("Safety plan") >= 2
    assert log.count("Journal entry: By the river") == 2
    assert PLAN_LINE not in log and ENTRY_WORDS not in log


def test_a_switch_that_is_off_is_never_logged_as_a_look(shared, practitioner_client):
    _client_page(practitioner_client, shared["connection"])
    practitioner_client.get(CLIENTS)
    assert not Look.objects.exists()


def test_a_disconnected_members_data_is_gone_and_their_switches_with_it(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9"], trends=True)
    member_client.post(reverse("sharing:disconnect", args=[connection.pk]))
    assert not connection.grants.exists()
    page = practitioner_client.get(reverse("practice:client", args=[connection.pk]))
    assert page.status_code == 404
    assert "8 out of 27" not in words(practitioner_client.get(CLIENTS))


def _list_queries(practitioner_client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    practitioner_client.get(CLIENTS)  # Warm the per-process caches first.
    with CaptureQueriesContext(connection) as queries:
        assert practitioner_client.get(CLIENTS).status_code == 200
    return len(queries)


def test_the_client_list_costs_the_same_queries_with_one_client_or_four(
    member, practitioner, practitioner_client, django_user_model
):
    from conftest import _make_user

    def add_client(user):
        member_data(user)
        switch(connect(user, practitioner), results=["phq9", "gad7"], trends=True)

    add_client(member)
    with_one = _list_queries(practitioner_client)
    for number in range(3):
        add_client(_make_user(django_user_model, f"client{number}"))
    with_four = _list_queries(practitioner_client)
    assert with_four == with_one
    assert words(practitioner_client.get(CLIENTS)).count("8 out of 27") == 4


def test_the_members_sharing_page_says_what_each_practitioner_can_see(shared, member_client):
    index = reverse("sharing:index")
    assert "Nothing shared yet." in words(member_client.get(index))
    connection = shared["connection"]
    switch(connection, results=["phq9"], trends=True)
    member_client.post(
        reverse("sharing:entry", args=[shared["entry"].pk]),
        {"connection": str(connection.pk), "share": "on"},
    )
    assert "They can see: PHQ-9 results, check-in trends, 1 journal entry." in words(
        member_client.get(index)
    )
    page = member_client.get(reverse("sharing:connection", args=[connection.pk]))
    form = page.context["form"]
    assert form.initial["results"] == ["phq9"] and form.initial["trends"] is True
    assert "By the river" in words(page)


def test_the_access_log_reads_in_the_members_own_time_zone(shared, member, member_client):
    from datetime import UTC, datetime

    member.timezone = "Pacific/Auckland"
    member.save(update_fields=["timezone"])
    Look.objects.create(
        connection=shared["connection"], part="trends", at=datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    )
    log = words(member_client.get(reverse("sharing:connection", args=[shared["connection"].pk])))
    assert "2 June 2026, 00:00" in log


def test_a_client_sharing_trends_without_check_ins_gets_a_sentence_not_an_empty_chart(
    practitioner, practitioner_client, other_member
):
    connection = connect(other_member, practitioner, "K.")
    switch(connection, trends=True)
    listing = practitioner_client.get(CLIENTS)
    assert not select(listing, "svg[role=img]")
    assert "no mood rated in the last eight weeks" in words(listing)


def test_the_access_log_keeps_every_look_a_page_at_a_time(shared, member_client):
    from reclaim.sharing.actions import do_record_looks
    from reclaim.sharing.queries import LOOKS_SHOWN

    connection = shared["connection"]
    for _ in range(LOOKS_SHOWN + 5):
        do_record_looks(connection, [("trends", "")])
    url = reverse("sharing:connection", args=[connection.pk])
    first = member_client.get(url)
    assert f"{LOOKS_SHOWN + 5} looks in all" in words(first)
    assert len(rows(section(first, "Every time they looked"))) == LOOKS_SHOWN + 1  # and the header
    older = member_client.get(url, {"page": "2"})
    assert len(rows(section(older, "Every time they looked"))) == 5 + 1
    assert "Newer looks" in words(older) and "Older looks" not in words(older)
    # Anything that is not a page number shows a page, never an error.
    assert member_client.get(url, {"page": "lots"}).status_code == 200


def test_bands_are_named_as_practitioners_name_them_with_the_clients_words_beside(
    shared, practitioner_client
):
    switch(shared["connection"], results=["phq9"])
    text = _client_page(practitioner_client, shared["connection"])
    assert "Severe, 20–27 (the client read “You are carrying a very heavy load”)" in text
    assert "Mild, 5–9 (the client read “Some low mood”)" in text
    assert "Mild, 5–9" in words(practitioner_client.get(CLIENTS))


def test_one_look_at_the_client_list_names_every_questionnaire_its_row_showed(
    shared, member_client, practitioner_client
):
    connection = shared["connection"]
    switch(connection, results=["phq9", "gad7"])
    practitioner_client.get(CLIENTS)
    assert list(Look.objects.filter(connection=connection).values_list("part", "key")) == [
        ("results", "gad7,phq9")
    ]
    log = words(member_client.get(reverse("sharing:connection", args=[connection.pk])))
    assert "Results of GAD-7 and PHQ-9" in log
