"""listen and record: hear risk before the write, keep it with the words, never get in the way."""

import logging
from dataclasses import dataclass, field

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.db import transaction
from django.test import RequestFactory

from reclaim.safety import actions, response
from reclaim.safety.models import RiskEvent
from reclaim.vault.fields import open_row, seal


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


def write(user, text, source="journal", item="entry-1"):
    """What every writing action does: listen first, then record inside its transaction.

    `item` stands for the row the words were saved in (one entry, saved again
    and again, unless a test says otherwise).
    """
    heard = response.listen(text, getattr(user, "language", "en"))
    with transaction.atomic():
        return response.record(user, heard, source, item=item)


def write_request(request, text, source="journal", item="entry-1"):
    """``write`` from a view: the moment is then marked for the next page."""
    event = write(request.user, text, source, item)
    if event is not None:
        response.mark_pending(request, event)
    return event


def flag(request, source="assessment", item="result-1"):
    """What finishing a PHQ-9 with the safety flag does."""
    with transaction.atomic():
        event = response.record(request.user, response.PHQ9_SAFETY_FLAG, source, item=item)
    if event is not None:
        response.mark_pending(request, event)
    return event


def request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    request.session = SessionStore()
    return request


# --- with the real detection engine --------------------------------------------------


def test_risk_words_keep_a_sealed_event_and_return_it(member):
    text = "honestly nobody would notice if i was gone"
    event = write(member, text, "journal")
    assert event is not None
    assert RiskEvent.objects.filter(owner=member).count() == 1
    stored = open_row(RiskEvent.objects.get(pk=event.pk))
    assert stored.level in ("elevated", "urgent")
    assert stored.source == "journal"
    assert "suicide" in stored.category_set
    assert stored.reasons
    sealed = bytes(stored.details_sealed)
    assert b"suicide" not in sealed
    assert b"gone" not in sealed


def test_an_idiom_keeps_nothing(member):
    assert write(member, "I'm dead tired", "journal") is None
    assert not RiskEvent.objects.exists()


# --- the response on its own --------------------------------------------------------


def test_a_failure_inside_detection_does_not_raise_or_log_the_words(member, monkeypatch, caplog):
    def broken(text, language):
        raise ValueError(f"could not read {text}")

    monkeypatch.setattr(response, "_detect", broken)
    with caplog.at_level(logging.ERROR, logger="reclaim.safety"):
        assert write(member, "a private sentence", "journal") is None
    assert not RiskEvent.objects.exists()
    assert caplog.records
    for record in caplog.records:
        assert "private sentence" not in record.getMessage()
        assert record.exc_info is None


def test_listening_to_nothing_hears_nothing_without_calling_detection(monkeypatch):
    def broken(text, language):
        raise AssertionError("detection should not run on empty text")

    monkeypatch.setattr(response, "_detect", broken)
    assert response.listen("", "en").level == "none"
    assert response.listen("   \n", "en").level == "none"


def test_nothing_heard_records_nothing_and_needs_no_transaction(member):
    assert response.record(member, response.NOTHING_HEARD, "journal") is None


def test_nothing_is_kept_for_ordinary_words_or_an_empty_text(member, fake_detect):
    assert write(member, "a long day", "checkin") is None
    assert write(member, "", "checkin") is None
    assert not RiskEvent.objects.exists()


def test_the_members_language_is_passed_to_detection(member, monkeypatch):
    seen = {}

    def detect(text, language):
        seen["language"] = language
        return FakeAssessment("none")

    monkeypatch.setattr(response, "_detect", detect)
    member.language = "es"
    write(member, "hola", "journal")
    assert seen["language"] == "es"


def test_nothing_is_sent_to_anyone(member, fake_detect):
    fake_detect["urgent words"] = FakeAssessment("urgent", frozenset({"suicide"}), ("plan",))
    assert write(member, "urgent words", "journal") is not None
    assert mail.outbox == []


def test_someone_signed_out_keeps_nothing(db, fake_detect):
    from django.contrib.auth.models import AnonymousUser

    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    assert write(AnonymousUser(), "heavy", "journal") is None


def test_a_source_that_is_not_a_short_code_is_not_stored_in_the_clear(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    event = write(member, "heavy", "I want to die tonight")
    assert event.source == "other"


def test_a_moment_written_from_a_page_is_marked_for_the_next_page(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"self_harm"}), ("cutting",))
    request = request_for(member)
    event = write_request(request, "heavy", "journal")
    assert request.session[response.SESSION_KEY] == str(event.pk)
    assert response.pending_event(request) == event


def test_the_session_is_left_alone_without_risk(member, fake_detect):
    request = request_for(member)
    assert write_request(request, "fine", "journal") is None
    assert response.SESSION_KEY not in request.session


def test_a_lighter_moment_does_not_replace_an_urgent_one_still_waiting(member, fake_detect):
    fake_detect["urgent"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    request = request_for(member)
    first = write_request(request, "urgent", "journal")
    second = write_request(request, "heavy", "journal")
    assert second is not None
    assert response.pending_event(request) == first
    assert RiskEvent.objects.count() == 2


def test_a_more_serious_moment_replaces_a_lighter_one(member, fake_detect):
    fake_detect["urgent"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    request = request_for(member)
    write_request(request, "heavy", "journal")
    urgent = write_request(request, "urgent", "journal")
    assert response.pending_event(request) == urgent


def test_the_phq9_safety_flag_opens_the_urgent_path(member):
    request = request_for(member)
    event = flag(request)
    assert event.level == "urgent"
    assert event.source == "assessment"
    assert event.category_set == {"suicide"}
    assert event.reasons == ("PHQ-9 item 9",)
    assert response.pending_event(request) == event
    assert response.panel_kind(event) == "urgent"


def test_the_safety_flag_does_nothing_for_someone_signed_out(db):
    from django.contrib.auth.models import AnonymousUser

    request = request_for(AnonymousUser())
    assert flag(request) is None
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
    first = write(member, "heavy", "journal")
    again = write(member, "heavy", "journal")
    assert again == first
    assert RiskEvent.objects.count() == 1


def test_a_moment_already_answered_does_not_bring_the_panel_back(member, fake_detect):
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}), ("x",))
    request = request_for(member)
    first = write_request(request, "heavy", "journal")
    actions.do_acknowledge(first)
    response.clear_pending(request, first)
    write_request(request, "heavy", "journal")
    assert response.pending_event(request) is None


def test_different_risk_or_a_later_time_is_a_new_moment(member, fake_detect):
    from datetime import timedelta

    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}))
    fake_detect["worse"] = FakeAssessment("urgent", frozenset({"suicide"}))
    fake_detect["home"] = FakeAssessment("elevated", frozenset({"abuse"}))
    first = write(member, "heavy", "journal")
    assert write(member, "worse", "journal") != first
    assert write(member, "home", "journal") != first
    assert write(member, "heavy", "checkin") != first
    assert write(member, "heavy", "journal", item="entry-2") != first
    assert write(member, "heavy", "journal", item=None) != first
    first.details = {
        **first.details,
        "created": (first.created - timedelta(minutes=20)).isoformat(),
    }
    seal(first)
    first.save(update_fields=["details_sealed"])
    assert write(member, "heavy", "journal") != first
    assert RiskEvent.objects.count() == 7


def test_new_words_after_an_answered_moment_bring_the_panel_back(member, fake_detect):
    # The first entry was heard as urgent (perhaps wrongly) and the member
    # answered the panel. A different entry minutes later with the same kind
    # of risk is a new moment: folding it into the first would show nothing.
    fake_detect["river"] = FakeAssessment("urgent", frozenset({"suicide"}), ("x",))
    fake_detect["pills"] = FakeAssessment("urgent", frozenset({"suicide"}), ("y",))
    request = request_for(member)
    first = write_request(request, "river", "journal", item="entry-1")
    actions.do_acknowledge(first)
    response.clear_pending(request, first)
    second = write_request(request, "pills", "journal", item="entry-2")
    assert second != first
    assert response.pending_event(request) == second
    assert RiskEvent.objects.count() == 2


def test_the_safety_flag_twice_in_a_row_is_one_moment(member):
    request = request_for(member)
    first = flag(request)
    assert flag(request) == first
    assert RiskEvent.objects.count() == 1
    assert response.pending_event(request) == first


@pytest.mark.django_db(transaction=True)
def test_recording_outside_the_words_transaction_is_refused(member, fake_detect):
    # Outside a transaction the words could be kept and the moment lost again.
    fake_detect["heavy"] = FakeAssessment("elevated", frozenset({"suicide"}), ("x",))
    heard = response.listen("heavy", "en")
    with pytest.raises(RuntimeError, match="inside the transaction"):
        response.record(member, heard, "journal")
    assert not RiskEvent.objects.exists()
