"""The deletion ledger: written when a member is forgotten, replayed on restore."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from reclaim.vault import ledger
from reclaim.vault.crypto import VaultError, destroy_member_keys, open_sealed, seal
from reclaim.vault.models import DataKey


@pytest.fixture(autouse=True)
def _own_ledger(settings, tmp_path):
    settings.RECLAIM_DELETION_LEDGER = str(tmp_path / "deletions.ledger")


def _sealed_words(member) -> bytes:
    return seal(b"words", label="t", field="f", owner_id=member.pk, row_id=1)


def test_it_writes_one_private_line_with_only_the_id_and_the_time(
    member, other_member, django_capture_on_commit_callbacks
):
    _sealed_words(member)
    with django_capture_on_commit_callbacks(execute=True):
        destroy_member_keys(member.pk)

    path = ledger.ledger_path()
    assert path.stat().st_mode & 0o777 == 0o600
    (line,) = path.read_text().splitlines()
    owner, when = line.split(" ")
    assert owner == str(member.pk)
    assert abs(timezone.now() - timezone.datetime.fromisoformat(when)) < timedelta(minutes=1)
    assert "member" not in line


def test_the_words_of_a_destroyed_member_no_longer_open(member):
    blob = _sealed_words(member)
    destroy_member_keys(member.pk)
    with pytest.raises(VaultError):
        open_sealed(blob, label="t", field="f", owner_id=member.pk, row_id=1)


@pytest.mark.django_db(transaction=True)
def test_a_deletion_that_is_rolled_back_marks_nobody(member):
    _sealed_words(member)
    with pytest.raises(RuntimeError), transaction.atomic():
        destroy_member_keys(member.pk)
        raise RuntimeError("the account deletion failed half way")

    assert ledger.deletions() == []
    assert DataKey.objects.filter(owner_id=member.pk).exists()


def test_replaying_forgets_the_member_again_and_spares_everyone_else(
    member, other_member, django_capture_on_commit_callbacks
):
    _sealed_words(member)
    _sealed_words(other_member)
    key = DataKey.objects.get(owner_id=member.pk)
    with django_capture_on_commit_callbacks(execute=True):
        destroy_member_keys(member.pk)
    # A restored old backup brings the key and the account back.
    DataKey.objects.create(
        owner_id=member.pk, master_key_id=key.master_key_id, wrapped=bytes(key.wrapped)
    )
    DataKey.objects.filter(owner_id=member.pk).update(created=key.created)

    assert ledger.replay() == {member.pk}
    assert not DataKey.objects.filter(owner_id=member.pk).exists()
    assert not type(member).objects.filter(pk=member.pk).exists()
    assert DataKey.objects.filter(owner_id=other_member.pk).exists()


def test_a_newcomer_given_a_deleted_members_id_keeps_their_account(member):
    # An old backup rewinds the id counter: a later member may get the id of
    # someone deleted after it, but their key and account are newer than the line.
    ledger.record(member.pk)
    later = timezone.now() + timedelta(seconds=5)
    type(member).objects.filter(pk=member.pk).update(date_joined=later)
    _sealed_words(member)
    DataKey.objects.filter(owner_id=member.pk).update(created=later)

    assert ledger.replay() == set()
    assert DataKey.objects.filter(owner_id=member.pk).exists()


def test_a_damaged_ledger_is_reported_not_skipped(db):
    ledger.ledger_path().write_text("12 2026-01-01T00:00:00+00:00\nnot a line\n")
    with pytest.raises(ledger.LedgerError, match="Line 2"):
        ledger.replay()


def test_a_ledger_that_cannot_be_written_tells_the_operator_not_the_member(
    member, settings, tmp_path, caplog, django_capture_on_commit_callbacks
):
    _sealed_words(member)
    settings.RECLAIM_DELETION_LEDGER = str(tmp_path)  # a folder: it cannot be appended to
    with django_capture_on_commit_callbacks(execute=True):
        destroy_member_keys(member.pk)

    assert not DataKey.objects.filter(owner_id=member.pk).exists()
    assert f"add the line '{member.pk} " in caplog.text
