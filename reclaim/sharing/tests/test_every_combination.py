"""Every combination of switches, walked: the practitioner sees exactly what is on, nobody else anything.

Eight switches (PHQ-9 results, PHQ-9 answers, GAD-7 results, check-in
trends, the safety plan, risk alerts, one journal entry, one toolkit
entry) make 256 combinations. For each, the client page and the client
list show exactly the parts switched on (answers only with their
results), every look written names a part that is on, and a practitioner
the member never connected to, and another member, get a 404 on every
client URL. The PDF is read for the combinations that each switch one part
on alone, all on and all off, since it is drawn from the same shared part
of the page.
"""

from __future__ import annotations

import io
import itertools
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from conftest import _make_user, _with_totp
from reclaim.sharing import actions
from reclaim.sharing.models import Look, Part
from reclaim.testing.html import words
from reclaim.toolkit.boundaries.actions import do_create_boundary

from .makers import CHECKIN_NOTE, ENTRY_WORDS, OTHER_ENTRY_WORDS, PLAN_LINE, connect, member_data

BOUNDARY = "you open my post without asking"
SWITCHES = (
    "phq9",
    "phq9_answers",
    "gad7",
    "trends",
    "safety_plan",
    "risk_alerts",
    "entry",
    "tool_entry",
)
# What shows on the client page when a part is shared, and nowhere else.
SEEN_ON_PAGE = {
    "phq9": "PHQ-9",
    "phq9_answers": "Answers to each question",
    "gad7": "GAD-7",
    "trends": "Their phone",
    "safety_plan": PLAN_LINE,
    "risk_alerts": "Risk alerts",
    "entry": ENTRY_WORDS,
    "tool_entry": BOUNDARY,
}
# The client list names each shared questionnaire and draws the mood of trends.
SEEN_IN_LIST = {"phq9": "PHQ-9", "gad7": "GAD-7", "trends": "Mood, weekly average"}
# Never shared by any switch.
NEVER = (CHECKIN_NOTE, OTHER_ENTRY_WORDS)


@pytest.fixture
def world(member, practitioner, db, django_user_model):
    data = member_data(member)
    boundary, _ = do_create_boundary(member, {"behaviour": BOUNDARY, "need": "", "action": ""})
    stranger = _with_totp(
        _make_user(django_user_model, "stranger", role="practitioner", onboarded=None)
    )
    return {
        "connection": connect(member, practitioner),
        "entry": data["entry"],
        "tool_key": f"boundaries:{boundary.pk}",
        "stranger": stranger,
    }


def _set(world, on: frozenset[str]) -> None:
    connection = world["connection"]
    results = [code for code in ("phq9", "gad7") if code in on]
    actions.do_set_switches(
        connection,
        results=results,
        answers=["phq9"] if "phq9_answers" in on else [],
        trends="trends" in on,
        safety_plan="safety_plan" in on,
        risk_alerts="risk_alerts" in on,
    )
    if "entry" in on:
        actions.do_share_entry(connection, world["entry"].pk)
    else:
        actions.do_unshare_entry(connection, world["entry"].pk)
    if "tool_entry" in on:
        actions.do_share_tool_entry(connection, world["tool_key"])
    else:
        actions.do_unshare_tool_entry(connection, world["tool_key"])


def _expected(on: frozenset[str]) -> set[str]:
    # Answers are shared only together with their results.
    return {name for name in on if name != "phq9_answers" or "phq9" in on}


def _pdf_text(client: Client, connection) -> str:
    response = client.get(reverse("practice:client_pdf", args=[connection.pk]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def _client_urls(connection) -> list[str]:
    return [
        reverse("practice:client", args=[connection.pk]),
        reverse("practice:client_pdf", args=[connection.pk]),
    ]


def _all_combinations() -> list[frozenset[str]]:
    return [
        frozenset(name for name, bit in zip(SWITCHES, bits, strict=True) if bit)
        for bits in itertools.product((False, True), repeat=len(SWITCHES))
    ]


def test_every_combination_shows_exactly_what_is_on_and_nothing_to_anyone_else(
    world, practitioner_client, other_client
):
    connection = world["connection"]
    stranger = Client()
    stranger.force_login(world["stranger"])
    page_url = reverse("practice:client", args=[connection.pk])
    list_url = reverse("practice:clients")
    combinations = _all_combinations()
    assert len(combinations) == 256
    for on in combinations:
        _set(world, on)
        expected = _expected(on)
        before = set(Look.objects.values_list("pk", flat=True))
        page = practitioner_client.get(page_url)
        assert page.status_code == 200, sorted(on)
        text = words(page)
        for name, marker in SEEN_ON_PAGE.items():
            assert (marker in text) == (name in expected), (sorted(on), name)
        for never in NEVER:
            assert never not in text, sorted(on)
        listing = words(practitioner_client.get(list_url))
        for name, marker in SEEN_IN_LIST.items():
            assert (marker in listing) == (name in expected), (sorted(on), name)
        # Every look written names a part that is on now.
        looked = {
            look.part
            for look in Look.objects.exclude(pk__in=before)
            if look.connection_id == connection.pk
        }
        allowed = {
            Part.RESULTS: {"phq9", "gad7"},
            Part.ANSWERS: {"phq9_answers"},
            Part.TRENDS: {"trends"},
            Part.SAFETY_PLAN: {"safety_plan"},
            Part.ENTRY: {"entry"},
            Part.TOOL_ENTRY: {"tool_entry"},
        }
        for part in looked:
            assert allowed.get(part, set()) & expected, (sorted(on), part)
        # Nobody else: a practitioner never connected to, and another member.
        for url in [*_client_urls(connection), reverse("practice:client", args=[uuid.uuid4()])]:
            assert stranger.get(url).status_code == 404, (sorted(on), url)
            assert other_client.get(url).status_code == 404, (sorted(on), url)
        assert words(stranger.get(list_url)).count("R.") == 0


@pytest.mark.parametrize(
    "on",
    [frozenset(), frozenset(SWITCHES), *(frozenset({name}) for name in SWITCHES)],
    ids=lambda on: "+".join(sorted(on)) or "nothing",
)
def test_the_pdf_holds_exactly_what_is_on(world, practitioner_client, on):
    _set(world, on)
    text = _pdf_text(practitioner_client, world["connection"])
    expected = _expected(on)
    pdf_parts = {k: v for k, v in SEEN_ON_PAGE.items() if k != "risk_alerts"}
    for name, marker in pdf_parts.items():
        assert (marker in text) == (name in expected), name
    for never in NEVER:
        assert never not in text
