"""Sealing and opening bytes, the per-request key cache, and forgetting a key."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reclaim.accounts.models import Situation
from reclaim.vault import crypto
from reclaim.vault.crypto import VaultError
from reclaim.vault.fields import create_sealed, open_row, seal
from reclaim.vault.models import DataKey

from .conftest import raw_column


def _where(owner, row_id=None) -> dict:
    return {
        "label": "tests.note",
        "field": "body",
        "owner_id": owner.pk,
        "row_id": row_id or uuid.uuid4(),
    }


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text())
@example(text="")
@example(text="x" * 100_000)
@example(text="日本語のテキスト, ελληνικά, עברית, 🌧🌱" * 4_000)
@example(text="\x00 nul, tab\t, newline\n, and a lone combining mark \u0301")
def test_any_text_seals_and_opens_unchanged(member, text):
    where = _where(member)
    blob = crypto.seal(text.encode(), **where)
    assert crypto.open_sealed(blob, **where).decode() == text


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text())
@example(text="")
@example(text="ü" * 100_000)
def test_any_text_round_trips_inside_json_on_a_model(member, text):
    situation = Situation(owner=member)
    situation.details = {"note": text}
    seal(situation)
    again = Situation(id=situation.id, owner=member)
    again.details_sealed = situation.details_sealed
    assert open_row(again).details == {"note": text}


def test_the_first_seal_makes_one_data_key_per_member(member, other_member):
    assert not DataKey.objects.exists()
    crypto.seal(b"a", **_where(member))
    crypto.seal(b"b", **_where(member))
    crypto.seal(b"c", **_where(other_member))
    assert DataKey.objects.count() == 2
    assert set(DataKey.objects.values_list("owner_id", flat=True)) == {
        member.pk,
        other_member.pk,
    }


def test_a_data_key_is_stored_only_wrapped(member):
    crypto.seal(b"a", **_where(member))
    row = DataKey.objects.get(owner=member)
    unwrapped = crypto._unwrap(row)
    assert len(unwrapped) == 32
    assert unwrapped not in bytes(row.wrapped)


def test_opening_without_a_data_key_fails_instead_of_making_one(member):
    with pytest.raises(VaultError, match="no data key"):
        crypto.open_sealed(b"\x01" + b"\x00" * 40, **_where(member))
    assert not DataKey.objects.exists()


def test_a_row_needs_an_id_before_sealing(member):
    with pytest.raises(VaultError):
        crypto.seal(b"a", label="tests.note", field="body", owner_id=member.pk, row_id=None)


def test_the_key_cache_unwraps_each_members_key_once_per_request(member, django_assert_num_queries):
    where = _where(member)
    blob = crypto.seal(b"kept", **where)
    with crypto.key_cache(), django_assert_num_queries(1):
        for _ in range(5):
            assert crypto.open_sealed(blob, **where) == b"kept"
    # Outside a request nothing is kept: each open reads the key again.
    with django_assert_num_queries(2):
        crypto.open_sealed(blob, **where)
        crypto.open_sealed(blob, **where)


def test_the_key_cache_is_thrown_away_after_the_request(member):
    blob = crypto.seal(b"kept", **(where := _where(member)))
    with crypto.key_cache():
        crypto.open_sealed(blob, **where)
        assert crypto._key_cache.get()
    assert crypto._key_cache.get() is None


def test_forgetting_a_data_key_leaves_only_noise(member):
    phrase = "the night I found the messages"
    situation = create_sealed(Situation, owner=member, details={"note": phrase})
    crypto.forget_data_key(member.pk)
    assert not DataKey.objects.filter(owner=member).exists()
    raw = raw_column("accounts_situation", "details_sealed", situation.pk)
    assert raw
    assert phrase.encode() not in raw
    with pytest.raises(VaultError):
        open_row(Situation.objects.get(pk=situation.pk)).details  # noqa: B018


def test_forgetting_a_data_key_also_empties_the_request_cache(member):
    situation = create_sealed(Situation, owner=member, details={"note": "x"})
    with crypto.key_cache():
        assert open_row(Situation.objects.get(pk=situation.pk)).details == {"note": "x"}
        crypto.forget_data_key(member.pk)
        with pytest.raises(VaultError):
            open_row(Situation.objects.get(pk=situation.pk)).details  # noqa: B018


def test_a_new_key_after_forgetting_does_not_open_old_values(member):
    situation = create_sealed(Situation, owner=member, details={"note": "x"})
    crypto.forget_data_key(member.pk)
    crypto.seal(b"new", **_where(member))
    assert DataKey.objects.filter(owner=member).exists()
    with pytest.raises(VaultError):
        open_row(Situation.objects.get(pk=situation.pk)).details  # noqa: B018


def test_forgetting_one_members_key_leaves_the_other_readable(member, other_member):
    create_sealed(Situation, owner=member, details={"note": "mine"})
    theirs = create_sealed(Situation, owner=other_member, details={"note": "theirs"})
    crypto.forget_data_key(member.pk)
    assert open_row(Situation.objects.get(pk=theirs.pk)).details == {"note": "theirs"}


def test_a_system_secret_round_trips_and_hides_its_text(db):
    token = crypto.seal_system("JBSWY3DPEHPK3PXP", "mfa")
    assert "JBSWY3DPEHPK3PXP" not in token
    assert token.startswith("v1:")
    assert crypto.open_system(token, "mfa") == "JBSWY3DPEHPK3PXP"


def test_a_system_secret_opens_only_for_its_purpose(db):
    token = crypto.seal_system("JBSWY3DPEHPK3PXP", "mfa")
    with pytest.raises(VaultError):
        crypto.open_system(token, "something-else")


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: "JBSWY3DPEHPK3PXP",
        lambda t: "v2" + t[2:],
        lambda t: t[:-4] + ("AAAA" if not t.endswith("AAAA") else "BBBB"),
        lambda t: t.rsplit(":", 1)[0] + ":%%%not-base64%%%",
        lambda t: t.rsplit(":", 1)[0] + ":AAAA",
        lambda t: t.rsplit(":", 1)[0] + ":",
    ],
    ids=["plaintext", "version", "tampered", "not-base64", "too-short", "empty"],
)
def test_a_mangled_system_secret_fails_with_a_vault_error(db, mangle):
    token = crypto.seal_system("JBSWY3DPEHPK3PXP", "mfa")
    with pytest.raises(VaultError):
        crypto.open_system(mangle(token), "mfa")
