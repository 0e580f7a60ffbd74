"""`reclaim rotate-keys` stopped half way carries on when it is run again."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from reclaim.accounts.models import Situation
from reclaim.vault import crypto
from reclaim.vault.fields import create_sealed, open_row
from reclaim.vault.models import DataKey


class Stopped(Exception):
    """Stands for the process being killed between two members."""


@pytest.mark.django_db(transaction=True)
def test_a_rotation_stopped_half_way_finishes_when_run_again_and_everyone_opens(
    settings, monkeypatch, member, other_member, old_key, new_key
):
    settings.RECLAIM_MASTER_KEYS = old_key
    mine = create_sealed(Situation, owner=member, details={"note": "mine"})
    theirs = create_sealed(Situation, owner=other_member, details={"note": "theirs"})
    settings.RECLAIM_MASTER_KEYS = f"{new_key},{old_key}"

    real_wrap = crypto._wrap
    wrapped: list[int] = []

    def wrap_then_stop(owner_id, data_key, master):
        if wrapped:
            raise Stopped
        wrapped.append(owner_id)
        return real_wrap(owner_id, data_key, master)

    monkeypatch.setattr(crypto, "_wrap", wrap_then_stop)
    with pytest.raises(Stopped):
        call_command("rotate_keys", stdout=io.StringIO())
    # Half way: one member's key is under the new master key, one still under the old.
    assert sorted(DataKey.objects.values_list("master_key_id", flat=True)) == ["new", "old"]

    monkeypatch.setattr(crypto, "_wrap", real_wrap)
    out = io.StringIO()
    call_command("rotate_keys", stdout=out)
    assert "Re-wrapped 1 data keys" in out.getvalue()
    assert "Older keys can be removed now" in out.getvalue()

    settings.RECLAIM_MASTER_KEYS = new_key
    assert open_row(Situation.objects.get(pk=mine.pk)).details == {"note": "mine"}
    assert open_row(Situation.objects.get(pk=theirs.pk)).details == {"note": "theirs"}
