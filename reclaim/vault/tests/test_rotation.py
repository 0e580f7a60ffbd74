"""Rotating master keys: re-wrap under the newest, then the old one can go."""

from __future__ import annotations

import io
import stat

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command

from reclaim.accounts.adapter import MFAAdapter
from reclaim.accounts.models import Situation
from reclaim.vault import crypto, keys
from reclaim.vault.fields import create_sealed, open_row
from reclaim.vault.models import DataKey

TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def _situations(member, other_member) -> list[Situation]:
    return [
        create_sealed(Situation, owner=member, details={"note": "mine"}),
        create_sealed(Situation, owner=other_member, details={"note": "theirs"}),
    ]


def _all_open(situations: list[Situation]) -> bool:
    return [open_row(Situation.objects.get(pk=s.pk)).details for s in situations] == [
        {"note": "mine"},
        {"note": "theirs"},
    ]


def test_rotation_rewraps_old_data_keys_and_the_old_key_can_then_go(
    settings, member, other_member, old_key, new_key
):
    settings.RECLAIM_MASTER_KEYS = old_key
    situations = _situations(member, other_member)
    assert set(DataKey.objects.values_list("master_key_id", flat=True)) == {"old"}

    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    keys.master_keys.cache_clear()
    assert _all_open(situations)
    done = crypto.rotate()
    assert done["data_keys"] == 2
    assert set(DataKey.objects.values_list("master_key_id", flat=True)) == {"new"}
    assert DataKey.objects.filter(rotated__isnull=True).count() == 0
    assert _all_open(situations)

    settings.RECLAIM_MASTER_KEYS = new_key
    keys.master_keys.cache_clear()
    assert _all_open(situations)


def test_rotation_does_not_change_the_data_keys_themselves(
    settings, member, other_member, old_key, new_key
):
    # Sealed fields are never rewritten: only the wrapping of each key changes.
    settings.RECLAIM_MASTER_KEYS = old_key
    situations = _situations(member, other_member)
    blobs = [bytes(Situation.objects.get(pk=s.pk).details_sealed) for s in situations]
    plain_before = crypto._unwrap(DataKey.objects.get(owner=member))
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    crypto.rotate()
    assert crypto._unwrap(DataKey.objects.get(owner=member)) == plain_before
    assert [bytes(Situation.objects.get(pk=s.pk).details_sealed) for s in situations] == blobs


def test_a_second_rotation_has_nothing_to_do(settings, member, other_member, old_key, new_key):
    settings.RECLAIM_MASTER_KEYS = old_key
    _situations(member, other_member)
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    crypto.rotate()
    assert crypto.rotate() == {"data_keys": 0, "system_secrets": 0}


def test_new_data_keys_are_wrapped_under_the_newest_key(settings, member, old_key, new_key):
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    create_sealed(Situation, owner=member, details={"note": "mine"})
    assert DataKey.objects.get(owner=member).master_key_id == "new"


def test_removing_the_old_key_before_rotating_is_refused_loudly(
    settings, member, other_member, old_key, new_key
):
    settings.RECLAIM_MASTER_KEYS = old_key
    situations = _situations(member, other_member)
    settings.RECLAIM_MASTER_KEYS = new_key
    with pytest.raises(ImproperlyConfigured, match="'old'"):
        open_row(Situation.objects.get(pk=situations[0].pk)).details  # noqa: B018


def test_two_factor_secrets_are_resealed_by_rotation(settings, member, old_key, new_key):
    settings.RECLAIM_MASTER_KEYS = old_key
    adapter = MFAAdapter()
    totp = Authenticator.objects.create(
        user=member,
        type=Authenticator.Type.TOTP,
        data={"secret": adapter.encrypt(TOTP_SECRET)},
    )
    codes = RecoveryCodes.activate(member)
    before_codes = codes.generate_codes()
    assert totp.data["secret"].startswith("v1:old:")

    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    done = crypto.rotate()
    assert done["system_secrets"] == 2
    totp.refresh_from_db()
    assert totp.data["secret"].startswith("v1:new:")
    assert TOTP_SECRET not in totp.data["secret"]

    settings.RECLAIM_MASTER_KEYS = new_key
    assert adapter.decrypt(Authenticator.objects.get(pk=totp.pk).data["secret"]) == TOTP_SECRET
    fresh_codes = RecoveryCodes(Authenticator.objects.get(pk=codes.instance.pk))
    assert fresh_codes.generate_codes() == before_codes


def test_the_command_rotates_and_reports(settings, member, other_member, old_key, new_key):
    settings.RECLAIM_MASTER_KEYS = old_key
    situations = _situations(member, other_member)
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)
    assert "Re-wrapped 2 data keys and 0 two-factor secrets under master key new" in out.getvalue()
    settings.RECLAIM_MASTER_KEYS = new_key
    assert _all_open(situations)


def test_the_command_adds_a_key_to_the_default_key_file(settings, tmp_path, member, other_member):
    path = tmp_path / "master.keys"
    settings.RECLAIM_MASTER_KEYS = ""
    settings.RECLAIM_MASTER_KEYS_FILE = str(path)
    situations = _situations(member, other_member)
    first = keys.newest_master_key().key_id
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    out = io.StringIO()
    call_command("rotate_keys", "--new", stdout=out)
    lines = path.read_text().split()
    assert len(lines) == 2
    added = lines[0].split(":")[0]
    assert added != first
    assert lines[1].startswith(f"{first}:")
    assert f"Added master key {added}." in out.getvalue()
    assert "Re-wrapped 2 data keys" in out.getvalue()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert set(DataKey.objects.values_list("master_key_id", flat=True)) == {added}

    # The operator removes the old line; everything still opens.
    path.write_text(lines[0] + "\n")
    keys.master_keys.cache_clear()
    assert _all_open(situations)


def test_the_command_explains_why_it_cannot_add_a_key_to_the_environment(settings, new_key):
    settings.RECLAIM_MASTER_KEYS = new_key
    with pytest.raises(CommandError, match="add the new key in front"):
        call_command("rotate_keys", "--new", stdout=io.StringIO())
