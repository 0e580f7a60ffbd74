"""after_writing and friends: listen for risk after saving, keep it privately, never get in the way."""

import logging
from dataclasses import dataclass, field

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.test import RequestFactory

from reclaim.safety import actions, response
from reclaim.safety.models import RiskEvent


@dataclass(frozen=True)
class FakeAssessment:
    level: str
    categories: frozenset = field(default_factory=frozenset)
    reasons: tuple = ()


@pytest.fixture
def fake_detect(monkeypatch):
    """Make detection answer what a test says, to test the response on its own."""
    answers = {}

    def detect(text, language):
        return answers.get(text, FakeAssessment("none"))

    monkeypatch.setattr(response, "_detect", detect)
    return answers


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    return request


# --- with the real detection engine --------------------------------------------------


def test_risk_words_keep_a_sealed_event_and_return_it(member):
    text = "honestly nobody would notice if i was gone"
    event = response.after_writing(member, text, "journal")
    assert event is not None
    assert RiskEvent.objects.filter(owner=member).count() == 1
    stored = RiskEvent.objects.get(pk=event.pk)
    assert stored.level in ("elevated", "urgent")
    assert stored.source == "journal"
    assert "suicide" in stored.category_set
    assert stored.reasons
    sealed = bytes(stored.categories_sealed)
    assert b"suicide" not in sealed
    assert b"gone" not in sealed


def test_an_idiom_keeps_nothing(member):
    assert response.after_writing(member, "I'm dead tired", "journal") is None
    assert not RiskEvent.objects.exists()


# --- the response on its own --------------------------------------------------------


def test_a_failure_inside_detection_does_not_raise_or_log_the_words(member, monkeypatch, caplog):
    def broken(text, language):
        raise ValueError(f"could not read {text}")

    monkeypatch.setattr(response, "_detect", broken)
    with caplog.at_level(logging.ERROR, logger="reclaim.safety"):
        assert response.after_writing(member, "a private sentence", "journal") is None
    assert not RiskEvent.objects.exists()
    assert caplog.records
    for record in caplog.records:
        assert "private sentence" not in record.getMessage()
        assert record.exc_info is None


def test_a_failure_while_keeping_the_event_does_not_raise(member, fake_detect, monkeypatch):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}), ("x",))

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(actions, "do_record_risk", broken)
    assert response.after_writing(member, "heavy", "journal") is None


def test_nothing_is_kept_for_ordinary_words_or_an_empty_text(member, fake_detect):
    assert response.after_writing(member, "a long day", "checkin") is None
    assert response.after_writing(member, "", "checkin") is None
    assert not RiskEvent.objects.exists()


def test_the_members_language_is_passed_to_detection(member, monkeypatch):
    seen = {}

    def detect(text, language):
        seen["language"] = language
        return FakeAssessment("none")

    monkeypatch.setattr(response, "_detect", detect)
    member.language = "es"
    response.after_writing(member, "hola", "journal")
    assert seen["language"] == "es"


def test_nothing_is_sent_to_anyone(member, fake_detect):
    fake_detect["urgent words"] = FakeAssessment("urgent", frozenset({"suicide"}), ("plan",))
    assert response.after_writing(member, "urgent words", "journal") is not None
    assert mail.outbox == []


def test_someone_signed_out_keeps_nothing(fake_detect):
    from django.contrib.auth.models import AnonymousUser

    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    assert response.after_writing(AnonymousUser(), "heavy", "journal") is None


def test_a_source_that_is_not_a_short_code_is_not_stored_in_the_clear(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    event = response.after_writing(member, "heavy", "I want to die tonight")
    assert event.source == "other"


def test_after_writing_request_marks_the_moment_for_the_next_page(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"self_harm"}), ("cutting",))
    request = request_for(member)
    event = response.after_writing_request(request, "heavy", "journal")
    assert request.session[response.SESSION_KEY] == str(event.pk)
    assert response.pending_event(request) == event


def test_after_writing_request_leaves_the_session_alone_without_risk(member, fake_detect):
    request = request_for(member)
    assert response.after_writing_request(request, "fine", "journal") is None
    assert response.SESSION_KEY not in request.session


def test_a_lighter_moment_does_not_replace_an_urgent_one_still_waiting(member, fake_detect):
    fake_detect["urgent"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    request = request_for(member)
    first = response.after_writing_request(request, "urgent", "journal")
    second = response.after_writing_request(request, "heavy", "journal")
    assert second is not None
    assert response.pending_event(request) == first
    assert RiskEvent.objects.count() == 2


def test_a_more_serious_moment_replaces_a_lighter_one(member, fake_detect):
    fake_detect["urgent"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    request = request_for(member)
    response.after_writing_request(request, "heavy", "journal")
    urgent = response.after_writing_request(request, "urgent", "journal")
    assert response.pending_event(request) == urgent


def test_the_phq9_safety_flag_opens_the_urgent_path(member):
    request = request_for(member)
    event = response.after_safety_flag(request)
    assert event.level == "urgent"
    assert event.source == "assessment"
    assert event.category_set == {"suicide"}
    assert event.reasons == ("PHQ-9 item 9",)
    assert response.pending_event(request) == event
    assert response.panel_kind(event) == "urgent"


def test_the_safety_flag_does_nothing_for_someone_signed_out(db):
    from django.contrib.auth.models import AnonymousUser

    request = request_for(AnonymousUser())
    assert response.after_safety_flag(request) is None
    assert not RiskEvent.objects.exists()


def test_a_pending_id_that_is_not_the_members_is_forgotten(member, other_member):
    theirs = actions.do_record_risk(
        other_member, source="journal", level="urgent", categories={"suicide"}, reasons=()
    )
    request = request_for(member)
    request.session[response.SESSION_KEY] = str(theirs.pk)
    assert response.pending_event(request) is None
    assert response.SESSION_KEY not in request.session


def test_a_seen_moment_is_no_longer_pending(member):
    event = actions.do_record_risk(
        member, source="journal", level="elevated", categories={"suicide"}, reasons=()
    )
    request = request_for(member)
    request.session[response.SESSION_KEY] = str(event.pk)
    actions.do_acknowledge(event)
    assert response.pending_event(request) is None


# --- choosing what to show ------------------------------------------------------------


@pytest.mark.parametrize(
    "level, categories, kind",
    [
        ("elevated", {"suicide"}, "elevated"),
        ("urgent", {"suicide"}, "urgent"),
        ("urgent", {"self_harm"}, "urgent"),
        ("urgent", {"suicide", "abuse"}, "urgent"),
        ("elevated", {"abuse"}, "abuse"),
        ("urgent", {"abuse"}, "abuse"),
        ("elevated", {"harm_to_others"}, "anger"),
        ("urgent", {"harm_to_others", "abuse"}, "abuse"),
        ("elevated", set(), "elevated"),
    ],
)
def test_the_panel_fits_the_moment(member, level, categories, kind):
    event = actions.do_record_risk(
        member, source="journal", level=level, categories=categories, reasons=()
    )
    assert response.panel_kind(event) == kind


@pytest.mark.parametrize(
    "thinking, safe, outcome",
    [
        ("yes", "yes", "now"),
        ("yes", "", "now"),
        ("no", "no", "now"),
        ("", "no", "now"),
        ("unsure", "yes", "talk"),
        ("", "", "talk"),
        ("no", "yes", "steady"),
        ("no", "", "steady"),
    ],
)
def test_the_safety_check_answers_decide_what_comes_next(thinking, safe, outcome):
    assert response.check_outcome(thinking, safe) == outcome


@pytest.mark.parametrize(
    "item, hrefs",
    [
        ("Sam 07700 900123", ["tel:07700900123"]),
        ("Mum +44 20 7946 0000", ["tel:+442079460000"]),
        ("Lifeline: 988, text 988", ["tel:988", "sms:988"]),
        ("My neighbour Jo", []),
        ("Ring 12 times", []),
    ],
)
def test_numbers_in_the_plan_become_one_tap_links(item, hrefs):
    assert [reach.href for reach in response.reach_links(item)] == hrefs


def test_saving_the_same_risk_again_soon_is_the_same_moment(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}), ("x",))
    first = response.after_writing(member, "heavy", "journal")
    again = response.after_writing(member, "heavy", "journal")
    assert again == first
    assert RiskEvent.objects.count() == 1


def test_a_moment_already_answered_does_not_bring_the_panel_back(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}), ("x",))
    request = request_for(member)
    first = response.after_writing_request(request, "heavy", "journal")
    actions.do_acknowledge(first)
    response.clear_pending(request, first)
    response.after_writing_request(request, "heavy", "journal")
    assert response.pending_event(request) is None


def test_different_risk_or_a_later_time_is_a_new_moment(member, fake_detect):
    from datetime import timedelta

    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    fake_detect["worse"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["home"] = FakeAssessment("elevated", frozenset({"abuse"}))
    first = response.after_writing(member, "heavy", "journal")
    assert response.after_writing(member, "worse", "journal") != first
    assert response.after_writing(member, "home", "journal") != first
    assert response.after_writing(member, "heavy", "checkin") != first
    RiskEvent.objects.filter(pk=first.pk).update(created=first.created - timedelta(minutes=20))
    assert response.after_writing(member, "heavy", "journal") != first
    assert RiskEvent.objects.count() == 5


def test_the_safety_flag_twice_in_a_row_is_one_moment(member):
    request = request_for(member)
    first = response.after_safety_flag(request)
    assert response.after_safety_flag(request) == first
    assert RiskEvent.objects.count() == 1
    assert response.pending_event(request) == first
