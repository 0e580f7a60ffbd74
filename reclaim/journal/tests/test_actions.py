import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from reclaim.journal.actions import (
    do_create_entry,
    do_delete_entry,
    do_discard_draft,
    do_save_draft,
    do_update_entry,
)
from reclaim.journal.models import BODY_LIMIT, Draft, Entry
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import create_sealed, open_row


def _raw(entry_id) -> tuple[bytes, bytes, bytes]:
    # Straight from the database, past the model, as a thief would read it.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title_sealed, body_sealed, tags_sealed FROM journal_entry WHERE id = %s",
            [entry_id.hex],
        )
        return tuple(bytes(value) for value in cursor.fetchone())


def test_it_creates_an_entry_on_the_members_own_day(member):
    member.timezone = "Pacific/Auckland"
    member.save()
    entry = do_create_entry(member, {"title": " Morning ", "body": "Slept a little.", "tags": []})
    entry = open_row(Entry.objects.get(pk=entry.pk))
    assert entry.owner == member
    assert entry.title == "Morning"
    assert entry.body == "Slept a little."
    from django.utils import timezone

    assert entry.day == timezone.localdate(entry.created, member.zone)


def test_title_body_and_tags_are_stored_sealed(member):
    entry = do_create_entry(
        member,
        {"title": "Lighthouse", "body": "The harbour was grey.", "tags": ["seagulls"]},
    )
    for raw in _raw(entry.pk):
        assert b"Lighthouse" not in raw
        assert b"harbour" not in raw
        assert b"seagulls" not in raw
    again = open_row(Entry.objects.get(pk=entry.pk))
    assert (again.title, again.body, again.tags) == (
        "Lighthouse",
        "The harbour was grey.",
        ["seagulls"],
    )


def test_tags_are_tidied_and_not_repeated(member):
    entry = do_create_entry(member, {"body": "x", "tags": "#Sleep, sleep,  hard   day ,,"})
    assert entry.tags == ["Sleep", "hard day"]


def test_an_unknown_prompt_code_is_not_kept(member):
    entry = do_create_entry(member, {"body": "x", "prompt": "made-up-99"})
    assert entry.prompt == ""
    entry = do_create_entry(member, {"body": "x", "prompt": "worth-03"})
    assert entry.prompt == "worth-03"


def test_it_refuses_an_empty_or_over_long_entry(member):
    with pytest.raises(ValidationError):
        do_create_entry(member, {"body": "   "})
    with pytest.raises(ValidationError):
        do_create_entry(member, {"body": "a" * (BODY_LIMIT + 1)})
    assert not Entry.objects.exists()


def test_creating_an_entry_retires_the_draft_of_new_writing(member, entry):
    do_save_draft(member, {"body": "half a thought"})
    edit_draft = do_save_draft(member, {"body": "changed words"}, entry)
    do_create_entry(member, {"body": "the whole thought"})
    assert list(Draft.objects.all()) == [edit_draft]


def test_updating_an_entry_changes_its_words_and_retires_its_draft(member, entry):
    do_save_draft(member, {"body": "changed words"}, entry)
    new_draft = do_save_draft(member, {"body": "something new"})
    do_update_entry(entry, {"title": "Low tide", "body": "Changed.", "tags": ["sea"]})
    again = open_row(Entry.objects.get(pk=entry.pk))
    assert (again.body, again.tags) == ("Changed.", ["sea"])
    assert again.updated >= again.created
    assert list(Draft.objects.all()) == [new_draft]


def test_deleting_an_entry_takes_its_draft_with_it(member, entry):
    do_save_draft(member, {"body": "changed words"}, entry)
    do_delete_entry(entry)
    assert not Entry.objects.exists()
    assert not Draft.objects.exists()


def test_a_member_has_one_draft_of_new_writing(member):
    first = do_save_draft(member, {"title": "A", "body": "one"})
    second = do_save_draft(member, {"title": "A", "body": "one and two", "tags": "x"})
    assert first.pk == second.pk
    draft = open_row(Draft.objects.get())
    assert (draft.body, draft.tags) == ("one and two", ["x"])


def test_drafts_are_sealed(member):
    draft = do_save_draft(member, {"title": "Harbour", "body": "unsaved lighthouse"})
    raw = Draft.objects.filter(pk=draft.pk).values_list("title_sealed", "body_sealed").get()
    assert all(b"Harbour" not in bytes(v) and b"lighthouse" not in bytes(v) for v in raw)


def test_drafts_keep_as_much_as_one_entry_can_hold_and_say_so(member):
    words = "a" * (BODY_LIMIT + 50)
    draft = do_save_draft(member, {"body": words})
    assert draft.cut
    assert open_row(Draft.objects.get(pk=draft.pk)).body == words[:BODY_LIMIT]
    assert not do_save_draft(member, {"body": words[:BODY_LIMIT]}).cut


def test_the_database_allows_only_one_new_draft_per_member(member):
    from django.db import IntegrityError, transaction

    create_sealed(Draft, owner=member)
    with pytest.raises(IntegrityError), transaction.atomic():
        create_sealed(Draft, owner=member)


def test_an_edit_that_comes_back_to_the_saved_words_keeps_no_draft(member, entry):
    do_save_draft(member, {"title": "Low tide", "body": "changed"}, entry)
    same = {"title": "Low tide", "body": entry.body, "tags": "walks"}
    assert do_save_draft(member, same, entry) is None
    assert not Draft.objects.exists()


def test_a_draft_cannot_belong_to_someone_elses_entry(other_member, entry):
    with pytest.raises(ValueError):
        do_save_draft(other_member, {"body": "x"}, entry)


def test_discarding_a_draft_removes_it(member):
    with key_cache():
        draft = do_save_draft(member, {"body": "let it go"})
    do_discard_draft(draft)
    assert not Draft.objects.exists()


def test_the_lock_keeps_nothing_for_an_entry_that_is_not_the_members(other_member, entry):
    from django.http import QueryDict

    from reclaim.journal.actions import keep_draft_on_lock

    data = QueryDict(mutable=True)
    data.update({"entry": str(entry.pk), "body": "not mine"})
    assert keep_draft_on_lock(other_member, data) is False
    data["entry"] = "garbage"
    assert keep_draft_on_lock(other_member, data) is False
    assert not Draft.objects.exists()


def test_the_lock_keeps_nothing_when_nothing_was_typed(member):
    from django.http import QueryDict

    from reclaim.journal.actions import keep_draft_on_lock

    assert keep_draft_on_lock(member, QueryDict("title=&body=+&tags=sleep")) is False
    assert not Draft.objects.exists()
