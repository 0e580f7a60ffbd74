"""Take your words with you: a copy of everything, made in the background, downloaded once."""

from __future__ import annotations

import io
import json
import logging
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from reclaim.accounts import actions, exports
from reclaim.accounts.models import Export
from reclaim.assessments import actions as assessment_actions
from reclaim.checkins import actions as checkin_actions
from reclaim.core import export as core_export
from reclaim.core.demo import demo_seeders
from reclaim.core.hooks import export_parts
from reclaim.core.management.commands.export_schema import schema_text
from reclaim.journal import actions as journal_actions
from reclaim.safety import actions as safety_actions
from reclaim.sharing import actions as sharing_actions
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows, sealed_fields

PAGE = reverse("accounts:export")
START = reverse("accounts:export_start")
REAUTH = reverse("account_reauthenticate")
SCHEMA_FILE = Path(settings.BASE_DIR) / "docs" / "export.schema.json"

# Models that name a member but are not in the copy, and why.
LEFT_OUT = {
    "accounts.RecoveryCode": "only hashes of one-time codes: worthless to the member, a risk to hand out",
    "accounts.Notice": "notices of sign-ins and changes, shown once and gone",
    "accounts.Export": "the copy itself",
    "vault.DataKey": "the member's wrapped key: the app's secret, not their words",
    "mfa.Authenticator": "two-step and passkey secrets",
    "usersessions.UserSession": "where they are signed in right now, cleared as sessions end",
    "account.EmailConfirmation": "a link to confirm an address, short-lived",
    "journal.SearchPart": "the search index, made from the entries (which are in the copy)",
}
# A practitioner's or the operator's own work: these name staff accounts,
# which have no member pages and so no copy to take.
STAFF_ONLY = {
    "practice.Image",
    "practice.Practitioner",
    "practice.AuditEntry",
    "practice.AvailabilityException",
    "practice.AvailabilityRule",
    "practice.ConsultationSettings",
    "practice.Booking",
    "practice.Invitation",
    "practice.Registration",
    "sharing.ClientInvitation",
    "sharing.PrivateNote",
}


def _owned_models() -> set[str]:
    """Every model with a column pointing at the member."""
    found = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            related = getattr(field, "related_model", None)
            if related is not None and related._meta.label == settings.AUTH_USER_MODEL:
                found.add(model._meta.label)
    return found


def _connect(user, practitioner) -> None:
    """Connected to a practitioner, switches on, a look at one, and a risk alert."""
    code = sharing_actions.do_invite_client(practitioner).code
    connection = sharing_actions.do_connect(user, code, f"{user.username} to them")
    sharing_actions.do_set_switches(
        connection, results=["phq9"], answers=[], trends=True, safety_plan=False, risk_alerts=True
    )
    sharing_actions.do_record_looks(connection, [("trends", "")])
    sharing_actions.do_raise_risk_alerts(user, timezone.now())
    sharing_actions.do_suggest(practitioner, connection, "tool", "calm")


def _seed_everything(user, days: int = 14) -> None:
    """History in every part of the product, including the bits the demo leaves out."""
    today = timezone.localdate()
    with key_cache():
        for _name, seed in demo_seeders():
            seed(user, days, today)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    actions.do_save_situation(user, {"what": ["affair"], "when": "this_year"})
    checkin_actions.do_create_checkin(user, {"mood": 4, "triggers": ["the blue car on our street"]})
    journal_actions.do_save_draft(
        user, {"title": "half a thought", "body": "I wanted to say", "tags": ""}
    )
    assessment_actions.do_save_answers(user, "phq9", {1: 1}, "not finished")
    assessment_actions.do_set_reminder_preference(user, in_app=True, by_email=False)
    # A year from now every latest result is due again: a reminder for each.
    assessment_actions.do_make_due_reminders(now=timezone.now() + timedelta(days=365))
    safety_actions.do_save_safety_plan(
        user, {"warning_signs": ["I stop eating", "I stop answering"]}
    )
    safety_actions.do_record_risk(
        user, source="journal", level="urgent", categories=["self_harm"], reasons=["a phrase"]
    )


def _make_copy(client, django_capture_on_commit_callbacks) -> None:
    """Press "Make my copy", prove it is you; allauth replays the press and the job runs."""
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(START)
        assert first.status_code == 302 and first["Location"].startswith(REAUTH)
        client.post(first["Location"], {"password": PASSWORD})


def _download(client):
    export = Export.objects.get()
    return client.post(reverse("accounts:export_download", args=[export.pk]))


def _unzipped(response) -> tuple[dict, str]:
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted([exports.JSON_NAME, exports.PAGE_NAME])
    return json.loads(archive.read(exports.JSON_NAME)), archive.read(exports.PAGE_NAME).decode()


def test_every_model_naming_a_member_is_in_the_copy_or_left_out_for_a_reason():
    exported = {
        export_list.model._meta.label
        for _key, _title, lists in export_parts()
        for export_list in lists
    }
    missing = _owned_models() - exported - set(LEFT_OUT) - STAFF_ONLY
    assert missing == set(), f"add these to an app's export part, or to LEFT_OUT: {missing}"
    # And nothing is both.
    assert exported & set(LEFT_OUT) == set()


def test_the_published_schema_is_the_one_the_code_checks_against():
    assert SCHEMA_FILE.read_text() == schema_text(), (
        "docs/export.schema.json is out of date: run `reclaim manage export_schema > docs/export.schema.json`"
    )


def test_every_item_of_the_member_comes_back_in_the_copy_and_nothing_of_anyone_else(
    member, other_member, practitioner, client, django_capture_on_commit_callbacks
):
    _seed_everything(member)
    _seed_everything(other_member, days=3)
    _connect(member, practitioner)
    _connect(other_member, practitioner)
    client.login(username="member", password=PASSWORD)
    _make_copy(client, django_capture_on_commit_callbacks)
    response = _download(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="my-copy-')
    document, page = _unzipped(response)

    assert core_export.problems(document) == []
    assert document["format"] == "reclaim-export" and document["version"] == 1
    text = json.dumps(document, ensure_ascii=False)
    for _key, _title, lists in export_parts():
        for export_list in lists:
            rows = open_rows(list(export_list.rows(member)))
            assert rows, f"the test seeds nothing for {export_list.model._meta.label}"
            part = next(p for p in document["parts"].values() if export_list.name in p)
            shown = {str(row["id"]): row for row in part[export_list.name]}
            for row in rows:
                assert str(row.pk) in shown, f"{export_list.model._meta.label} {row.pk} is missing"
                for name in sealed_fields(export_list.model):
                    if name not in export_list.leave_out:
                        assert shown[str(row.pk)][name] == json.loads(
                            json.dumps(getattr(row, name))
                        )
            others = {str(row.pk) for row in export_list.rows(other_member)}
            assert others.isdisjoint(shown)
    assert "other_member" not in text
    # The readable page holds the same words, escaped and in order.
    assert "the blue car on our street" in page
    assert "I stop eating" in page
    assert "<script" not in page


def test_the_copy_can_be_downloaded_once_and_is_then_gone_from_the_server(
    member, client, django_capture_on_commit_callbacks
):
    client.login(username="member", password=PASSWORD)
    _make_copy(client, django_capture_on_commit_callbacks)
    export = Export.objects.get()
    url = reverse("accounts:export_download", args=[export.pk])
    assert client.post(url).status_code == 200
    assert not Export.objects.exists()
    assert client.post(url).status_code == 404
    assert b"Make my copy" in client.get(PAGE).content


def test_asking_for_a_copy_needs_the_password_again(member_client):
    response = member_client.post(START)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTH)
    assert not Export.objects.exists()


def test_downloading_needs_the_password_again(member, member_client):
    export = Export.objects.create(
        owner=member, created=timezone.now(), expires=timezone.now() + timedelta(hours=1)
    )
    Export.objects.filter(pk=export.pk).update(state=Export.State.READY)
    response = member_client.post(reverse("accounts:export_download", args=[export.pk]))
    assert response.status_code == 302 and response["Location"].startswith(REAUTH)
    assert Export.objects.filter(pk=export.pk).exists()


def test_a_copy_past_its_hours_is_deleted_and_cannot_be_downloaded(
    member, client, django_capture_on_commit_callbacks
):
    client.login(username="member", password=PASSWORD)
    _make_copy(client, django_capture_on_commit_callbacks)
    Export.objects.update(expires=timezone.now() - timedelta(seconds=1))
    assert _download(client).status_code == 404
    assert actions.do_forget_expired_exports() == 1
    assert not Export.objects.exists()


def test_another_member_cannot_download_the_copy_or_see_it(
    member, other_member, client, django_capture_on_commit_callbacks
):
    _seed_everything(member, days=2)
    client.login(username="member", password=PASSWORD)
    _make_copy(client, django_capture_on_commit_callbacks)
    export = Export.objects.get()
    client.logout()
    client.login(username="other_member", password=PASSWORD)
    client.post(REAUTH, {"password": PASSWORD})
    response = client.post(reverse("accounts:export_download", args=[export.pk]))
    assert response.status_code == 404
    assert Export.objects.filter(pk=export.pk).exists()
    page = client.get(PAGE)
    assert b"Download my copy" not in page.content
    assert b"Make my copy" in page.content


def test_the_page_counts_the_parts_while_the_copy_is_being_made(member, member_client):
    export = Export.objects.create(
        owner=member, created=timezone.now(), expires=timezone.now() + timedelta(hours=24)
    )
    Export.objects.filter(pk=export.pk).update(
        state=Export.State.MAKING, parts_done=3, parts_total=16
    )
    response = member_client.get(PAGE)
    assert b"3 of 16 parts done" in response.content
    assert b'http-equiv="refresh"' in response.content
    # No button to start another while one is on its way.
    assert START.encode() not in response.content


def test_asking_twice_while_one_is_on_its_way_makes_no_second_copy(member):
    first = Export.objects.create(
        owner=member, created=timezone.now(), expires=timezone.now() + timedelta(hours=24)
    )
    assert actions.do_ask_for_export(member).pk == first.pk
    assert Export.objects.count() == 1


def test_the_waiting_file_is_sealed_with_the_members_key(
    member, client, django_capture_on_commit_callbacks
):
    journal_actions.do_create_entry(
        member, {"title": "", "body": "the lighthouse at dusk", "tags": ""}
    )
    client.login(username="member", password=PASSWORD)
    _make_copy(client, django_capture_on_commit_callbacks)
    blob = bytes(Export.objects.values_list("file_sealed", flat=True).get())
    assert b"lighthouse" not in blob
    assert b"PK" not in blob[:16]  # not a bare zip either


def test_a_copy_that_does_not_meet_the_schema_is_never_offered_and_the_log_keeps_no_words(
    member, client, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    journal_actions.do_create_entry(
        member, {"title": "", "body": "the lighthouse at dusk", "tags": ""}
    )
    monkeypatch.setattr(core_export, "problems", lambda built: ["parts/journal (type)"])
    client.login(username="member", password=PASSWORD)
    with caplog.at_level(logging.ERROR):
        _make_copy(client, django_capture_on_commit_callbacks)
    assert Export.objects.get().state == Export.State.FAILED
    page = client.get(PAGE).content.decode()
    assert "could not be made" in page
    assert "Make a new copy" in page
    assert "lighthouse" not in caplog.text


def test_settings_and_the_delete_page_lead_to_the_copy(member_client):
    assert PAGE.encode() in member_client.get(reverse("accounts:settings")).content
    assert PAGE.encode() in member_client.get(reverse("accounts:delete_account")).content


@pytest.mark.parametrize("url", [PAGE, START])
def test_a_signed_out_visitor_is_sent_to_sign_in(client, url):
    response = client.get(url) if url == PAGE else client.post(url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
