"""`Sealed` on a real model: values round-trip, a sealed value opens only in
the row, field and member it was written for, and sealing and opening happen
only when asked for."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from django.db import connection

from reclaim.accounts.models import Situation, User
from reclaim.vault import crypto
from reclaim.vault.crypto import VaultError
from reclaim.vault.fields import (
    NotOpened,
    NotSealed,
    Sealed,
    create_sealed,
    open_row,
    open_rows,
    seal,
)

from .conftest import raw_column

DETAILS = {
    "what": ["affair", "emotional"],
    "discovered": "2025-11-03",
    "living_together": "yes",
    "children": "",
    "note": "Ich wünschte, ich hätte es früher gewusst 🌧",
}


def _saved(owner, details=DETAILS) -> Situation:
    situation = Situation(owner=owner)
    situation.details = details
    seal(situation)
    situation.save()
    return situation


def _fresh(situation: Situation) -> Situation:
    return open_row(Situation.objects.get(pk=situation.pk))


def test_json_round_trips_through_the_database(member):
    situation = _saved(member)
    assert _fresh(situation).details == DETAILS


def test_it_accepts_the_value_as_a_keyword_argument(member):
    situation = Situation(owner=member, details={"children": "no"})
    seal(situation)
    situation.save()
    assert _fresh(situation).details == {"children": "no"}


def test_none_is_stored_as_null_and_reads_back_as_none(member):
    situation = Situation(owner=member, details=None)
    seal(situation)
    situation.save()
    assert situation.details_sealed is None
    assert _fresh(situation).details is None


def test_the_column_holds_no_plaintext(member):
    situation = _saved(member)
    raw = raw_column("accounts_situation", "details_sealed", situation.pk)
    assert raw[0] == crypto.VERSION
    for secret in (b"affair", b"2025-11-03", "wünschte".encode()):
        assert secret not in raw


def test_sealing_twice_gives_different_bytes(member):
    first = _saved(member)
    blob = bytes(first.details_sealed)
    first.details = DETAILS
    seal(first)
    assert bytes(first.details_sealed) != blob


def test_a_tampered_byte_anywhere_fails(member):
    situation = _saved(member)
    blob = bytes(_fresh(situation).details_sealed)
    for position in range(len(blob)):
        tampered = bytearray(blob)
        tampered[position] ^= 0x01
        Situation.objects.filter(pk=situation.pk).update(details_sealed=bytes(tampered))
        with pytest.raises(VaultError):
            _fresh(situation)


def test_a_truncated_value_fails(member):
    situation = _saved(member)
    blob = bytes(situation.details_sealed)
    for cut in (0, 1, 20, len(blob) - 1):
        Situation.objects.filter(pk=situation.pk).update(details_sealed=blob[:cut])
        with pytest.raises(VaultError):
            _fresh(situation)


def test_a_wrong_version_byte_fails(member):
    situation = _saved(member)
    blob = bytes(situation.details_sealed)
    Situation.objects.filter(pk=situation.pk).update(details_sealed=bytes([2]) + blob[1:])
    with pytest.raises(VaultError, match="known version"):
        _fresh(situation)


def test_it_rejects_a_value_copied_to_another_row_of_the_same_member(member):
    situation = _saved(member)
    # A member has one situation, so the other row is a second instance with
    # its own id: exactly what a copied ciphertext would meet.
    elsewhere = Situation(id=uuid.uuid4(), owner=member)
    elsewhere.details_sealed = situation.details_sealed
    with pytest.raises(VaultError):
        open_row(elsewhere)


def test_it_rejects_a_value_copied_to_another_members_row(member, other_member):
    mine = _saved(member)
    theirs = _saved(other_member, {"children": "no"})
    Situation.objects.filter(pk=theirs.pk).update(details_sealed=mine.details_sealed)
    with pytest.raises(VaultError):
        _fresh(theirs)


def test_it_rejects_a_copied_value_even_with_the_key_id_rewritten(member, other_member):
    mine = _saved(member)
    theirs = _saved(other_member, {"children": "no"})
    blob = bytes(mine.details_sealed)
    their_key_id = bytes(theirs.details_sealed)[1:9]
    forged = blob[:1] + their_key_id + blob[9:]
    Situation.objects.filter(pk=theirs.pk).update(details_sealed=forged)
    with pytest.raises(VaultError):
        _fresh(theirs)


def test_it_rejects_a_value_copied_to_another_field(member):
    situation = _saved(member)
    where = {"label": "accounts.situation", "owner_id": member.pk, "row_id": situation.pk}
    assert crypto.open_sealed(situation.details_sealed, field="details", **where)
    with pytest.raises(VaultError):
        crypto.open_sealed(situation.details_sealed, field="notes", **where)


def test_it_rejects_a_value_copied_to_another_model(member):
    situation = _saved(member)
    with pytest.raises(VaultError):
        crypto.open_sealed(
            situation.details_sealed,
            label="journal.entry",
            field="details",
            owner_id=member.pk,
            row_id=situation.pk,
        )


def test_it_needs_an_owner_before_a_value_is_sealed():
    situation = Situation()
    situation.details = {"children": "no"}
    with pytest.raises(VaultError, match="owner"):
        seal(situation)


# --- Explicit: assignment is assignment, opening and sealing are calls ------


def test_assigning_a_value_does_no_cryptography_and_no_query(member, django_assert_num_queries):
    situation = Situation(owner=member)
    with django_assert_num_queries(0):
        situation.details = DETAILS
    # The column holds no ciphertext yet, and its stand-in never shows the words.
    assert not isinstance(situation.details_sealed, bytes)
    assert "affair" not in repr(situation.details_sealed)
    # What this instance was given can be read back: it is plaintext already.
    assert situation.details == DETAILS


def test_saving_a_value_that_was_not_sealed_fails_and_writes_nothing(member):
    situation = Situation(owner=member)
    situation.details = DETAILS
    with pytest.raises(NotSealed, match=r"accounts\.situation\.details .*seal"):
        situation.save()
    assert not Situation.objects.filter(owner=member).exists()


def test_reading_a_loaded_value_that_was_not_opened_names_the_fix(member):
    situation = _saved(member)
    loaded = Situation.objects.get(pk=situation.pk)
    with pytest.raises(NotOpened, match=r'open_rows\(rows, "details"\)'):
        loaded.details  # noqa: B018


def test_a_template_shows_the_error_rather_than_nothing(member):
    from django.template import Context, Template

    loaded = Situation.objects.get(pk=_saved(member).pk)
    with pytest.raises(NotOpened):
        Template("{{ situation.details }}").render(Context({"situation": loaded}))


def test_opening_a_batch_costs_one_key_read_and_no_query_per_row(member, django_assert_num_queries):
    from reclaim.journal.models import Entry

    for n in range(3):
        create_sealed(Entry, owner=member, day=date(2026, 1, 1), title=f"Day {n}", body="")
    rows = list(Entry.objects.filter(owner=member))
    with crypto.key_cache(), django_assert_num_queries(1):
        open_rows(rows, "title", "body")
    assert sorted((row.title, row.body) for row in rows) == [
        ("Day 0", ""),
        ("Day 1", ""),
        ("Day 2", ""),
    ]


def test_refresh_from_db_forgets_what_was_opened(member):
    situation = _fresh(_saved(member))
    # Another request seals a new value into this row.
    elsewhere = Situation(id=situation.id, owner=member, details={"children": "yes"})
    seal(elsewhere)
    Situation.objects.filter(pk=situation.pk).update(details_sealed=elsewhere.details_sealed)
    situation.refresh_from_db()
    with pytest.raises(NotOpened):
        situation.details  # noqa: B018


def test_refresh_from_db_forgets_an_assigned_value_that_was_not_saved(member):
    situation = _fresh(_saved(member))
    situation.details = {"children": "yes"}
    situation.refresh_from_db()
    assert open_row(situation).details == DETAILS


def test_the_display_name_is_sealed_and_opened_the_same_way(member):
    from reclaim.accounts.actions import do_set_display_name

    do_set_display_name(member, "Robin")
    loaded = User.objects.get(pk=member.pk)
    with pytest.raises(NotOpened):
        loaded.display_name  # noqa: B018
    assert open_row(loaded, "display_name").display_name == "Robin"


def test_opening_a_name_the_model_does_not_have_is_a_mistake(member):
    with pytest.raises(ValueError, match="no sealed"):
        open_rows([_saved(member)], "detail")


class _Meta:
    label_lower = "tests.note"


class _Note:
    """The smallest thing `Sealed` can sit on, to exercise the text kind."""

    _meta = _Meta()
    body = Sealed()

    def __init__(self, owner_id: int) -> None:
        self.owner_id = owner_id
        self.pk = uuid.uuid4()
        self.body_sealed = None


def test_text_round_trips_and_an_empty_column_reads_as_empty_text(member):
    note = _Note(member.pk)
    assert open_row(note).body == ""
    note.body = "Heute war ein schwerer Tag."
    seal(note)
    copy = _Note(member.pk)
    copy.pk, copy.body_sealed = note.pk, note.body_sealed
    assert open_row(copy).body == "Heute war ein schwerer Tag."


def test_text_refuses_anything_but_text(member):
    with pytest.raises(TypeError):
        _Note(member.pk).body = 7


class _Packed:
    """A stand-in for a model that packs its own bytes, as the journal's search index does."""

    _meta = type("Meta", (), {"label_lower": "tests.packed"})()
    data = Sealed("bytes")

    def __init__(self, owner_id: int) -> None:
        self.owner_id = owner_id
        self.pk = uuid.uuid4()
        self.data_sealed = None


def test_bytes_round_trip_exactly_and_refuse_text(member):
    packed = _Packed(member.pk)
    packed.data = bytes(range(256)) * 3
    seal(packed)
    assert b"\x00\x01\x02\x03" not in packed.data_sealed
    copy = _Packed(member.pk)
    copy.pk, copy.data_sealed = packed.pk, packed.data_sealed
    assert open_row(copy).data == bytes(range(256)) * 3
    with pytest.raises(TypeError):
        copy.data = "words"


def test_sealed_only_accepts_text_json_or_bytes():
    with pytest.raises(ValueError):
        Sealed("pickle")


def _database_bytes() -> bytes:
    path = Path(connection.settings_dict["NAME"])
    found = b""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-journal")):
        if candidate.exists():
            found += candidate.read_bytes()
    return found


@pytest.mark.django_db(transaction=True)
def test_a_saved_phrase_never_reaches_the_database_on_disk(member):
    phrase = f"marigold-lantern-{uuid.uuid4().hex}"
    situation = _saved(member, {"note": phrase})
    assert _fresh(situation).details == {"note": phrase}
    if connection.vendor == "sqlite":
        on_disk = _database_bytes()
        assert len(on_disk) > 0
        assert phrase.encode() not in on_disk
        # The check would see a plaintext column: the member's name is on disk.
        assert b"member@example.org" in on_disk
    else:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM accounts_situation "
                "WHERE encode(details_sealed, 'escape') LIKE %s",
                [f"%{phrase}%"],
            )
            assert cursor.fetchone()[0] == 0
            cursor.execute("SELECT count(*) FROM accounts_situation")
            assert cursor.fetchone()[0] == 1


def test_only_json_can_be_padded_because_spaces_would_change_text():
    with pytest.raises(ValueError):
        Sealed("text", pad_to=32)
    assert Sealed("json", pad_to=32).pad_to == 32
