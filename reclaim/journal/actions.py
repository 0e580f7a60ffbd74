"""Every write to the journal goes through here.

Views parse and call; these functions validate, seal and save, and keep
drafts in step with entries (saving an entry retires its draft).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from reclaim.safety import response as safety
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, seal

from . import index
from .forms import TAG_LIMIT, TAGS_PER_ENTRY, split_tags, tags_from, text_from
from .models import BODY_LIMIT, TITLE_LIMIT, Draft, Entry
from .prompts import get_prompt

if TYPE_CHECKING:
    from reclaim.accounts.models import User


def _entry_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The checked, tidied values of an entry, from a form's cleaned data."""
    title = str(data.get("title") or "").strip()
    body = str(data.get("body") or "").strip()
    raw_tags = data.get("tags") or []
    tags = split_tags(raw_tags if isinstance(raw_tags, list | tuple) else [raw_tags])
    prompt = get_prompt(data.get("prompt"))
    # The form gives the member kind messages first; these are the last
    # guard, for callers that skip the form.
    if not body:
        raise ValidationError("An entry needs some words.")
    if len(title) > TITLE_LIMIT or len(body) > BODY_LIMIT:
        raise ValidationError("An entry is longer than the journal can hold.")
    if len(tags) > TAGS_PER_ENTRY or any(len(tag) > TAG_LIMIT for tag in tags):
        raise ValidationError("An entry has too many or too long tags.")
    return {"title": title, "body": body, "tags": tags, "prompt": prompt.code if prompt else ""}


def _listened_text(fields: Mapping[str, Any]) -> str:
    """What the safety check listens to: the title and the body, as the member wrote them."""
    return f"{fields['title']}\n{fields['body']}"


def do_create_entry(user: User, data: Mapping[str, Any]) -> Entry:
    """Save a new entry and retire the draft of new writing it came from."""
    fields = _entry_fields(data)
    # Listen before the transaction (it is pure computation), then keep the words
    # and any moment of risk in the same transaction: both, or neither.
    heard = safety.listen(_listened_text(fields), user.language)
    now = timezone.now()
    with key_cache(), transaction.atomic():
        entry = Entry(
            owner=user,
            created=now,
            updated=now,
            day=timezone.localdate(now, user.zone),
            prompt=fields["prompt"],
        )
        entry.title = fields["title"]
        entry.body = fields["body"]
        entry.tags = fields["tags"]
        seal(entry)
        entry.save(force_insert=True)
        entry.risk_event = safety.record(user, heard, "journal", item=entry.pk)
        Draft.objects.filter(owner=user, entry__isnull=True).delete()
        index.entries_added(user.pk, [entry])
    # The view shows the panel if there is a moment of risk.
    return entry


def do_update_entry(entry: Entry, data: Mapping[str, Any]) -> Entry:
    """Change an entry's words and tags; its day and prompt stay as they were."""
    fields = _entry_fields(data)
    # As in do_create_entry: listen first, then words and risk in one transaction.
    heard = safety.listen(_listened_text(fields), entry.owner.language)
    with key_cache(), transaction.atomic():
        # What the index holds for the entry as it was, before the words change.
        before = index.entry_keys(entry)
        entry.title = fields["title"]
        entry.body = fields["body"]
        entry.tags = fields["tags"]
        entry.updated = timezone.now()
        seal(entry)
        entry.save(update_fields=["title_sealed", "body_sealed", "tags_sealed", "updated"])
        entry.risk_event = safety.record(entry.owner, heard, "journal", item=entry.pk)
        Draft.objects.filter(owner_id=entry.owner_id, entry=entry).delete()
        index.entry_changed(entry, before)
    return entry


def do_delete_entry(entry: Entry) -> None:
    # Its draft, if any, goes with it (the foreign key cascades); its words
    # leave the search index in the same transaction.
    with key_cache(), transaction.atomic():
        before = index.entry_keys(entry)
        entry_id = entry.pk
        entry.delete()
        index.entry_removed(entry.owner_id, entry_id, before)


def has_words(data: Mapping[str, Any]) -> bool:
    return bool(text_from(data, "title").strip() or text_from(data, "body").strip())


def over_entry_limits(data: Mapping[str, Any]) -> bool:
    """Whether posted writing is more than one entry can hold (and a draft keeps)."""
    tags = tags_from(data)
    return (
        len(text_from(data, "title")) > TITLE_LIMIT
        or len(text_from(data, "body")) > BODY_LIMIT
        or len(tags) > TAGS_PER_ENTRY
        or any(len(tag) > TAG_LIMIT for tag in tags)
    )


def _fill_draft(draft: Draft, data: Mapping[str, Any]) -> None:
    # A draft keeps what was typed up to what one entry can hold: enough that
    # a lock or a closed tab loses nothing that could be saved, and no more,
    # so a pasted book is not sealed and kept on every keystroke. The page
    # still shows all of it, with a message saying what is kept (`draft.cut`).
    draft.cut = over_entry_limits(data)
    draft.title = text_from(data, "title")[:TITLE_LIMIT]
    draft.body = text_from(data, "body")[:BODY_LIMIT]
    draft.tags = [tag[:TAG_LIMIT] for tag in tags_from(data)[:TAGS_PER_ENTRY]]
    prompt = get_prompt(text_from(data, "prompt"))
    draft.prompt = prompt.code if prompt else ""
    draft.updated = timezone.now()
    seal(draft)


def _same_as_entry(entry: Entry, data: Mapping[str, Any]) -> bool:
    open_row(entry, "title", "body", "tags")
    return (
        text_from(data, "title").strip() == entry.title
        and text_from(data, "body").strip() == entry.body
        and [t.casefold() for t in tags_from(data)] == [t.casefold() for t in entry.tag_list]
    )


def do_save_draft(user: User, data: Mapping[str, Any], entry: Entry | None = None) -> Draft | None:
    """Keep unsaved writing (sealed), one draft per new piece or per entry.

    `data` is what the form holds: title, body, tags (text or a list),
    tag_choice and prompt. Returns None, and keeps no draft, when an edit
    has come back to exactly the saved entry.
    """
    if entry is not None and entry.owner_id != user.pk:
        raise ValueError("A draft can only belong to the entry's owner.")
    with key_cache():
        if entry is not None and _same_as_entry(entry, data):
            Draft.objects.filter(owner=user, entry=entry).delete()
            return None
        draft = Draft.objects.filter(owner=user, entry=entry).first()
        if draft is None:
            draft = Draft(owner=user, entry=entry)
        _fill_draft(draft, data)
        try:
            with transaction.atomic():
                draft.save()
        except IntegrityError:
            # Two saves raced (a timer and a page leaving at the same time):
            # the other one made the row, so write into that one. Sealed
            # values are bound to their row, so they are sealed again.
            draft = Draft.objects.get(owner=user, entry=entry)
            _fill_draft(draft, data)
            draft.save()
    return draft


def do_discard_draft(draft: Draft) -> None:
    draft.delete()


def do_autosave(user: User, data: Mapping[str, Any], entry: Entry | None = None) -> Draft | None:
    """What the page sends while the member writes: keep it, or forget an emptied draft."""
    if has_words(data):
        return do_save_draft(user, data, entry)
    Draft.objects.filter(owner=user, entry=entry).delete()
    return None


def keep_draft_on_lock(user: User, data: QueryDict) -> bool:
    """The auto-lock's draft saver (registered in apps.py) for the journal's forms.

    The edit form carries its entry's id in a hidden field, because the
    saver is given the posted data only.
    """
    if not has_words(data):
        return False
    entry = None
    entry_id = text_from(data, "entry")
    if entry_id:
        try:
            entry = Entry.objects.filter(owner=user, pk=uuid.UUID(entry_id)).first()
        except ValueError:
            entry = None
        if entry is None:
            return False
    return do_save_draft(user, data, entry) is not None
