"""Each member's sealed search index, so a search does not open every entry.

What a search matches. A search splits what the member typed on whitespace
and casefolds each word; an entry matches when every such word appears
anywhere in its title, body or tags ("walk" finds "walking"). A searched
word never holds whitespace, and casefolding never turns a letter into
whitespace or back (checked for every Unicode character), so "the word is
somewhere in the text" is exactly "the word is inside one of the text's
whitespace-separated words". The index therefore keeps whole words: the
casefolded words of the title, body and tags of every entry. A search looks
for its words *inside* the words the member has written (a scan of their
vocabulary, thousands of words, not of every entry) and unites the entries
of every word that holds it. A tag filter is exact, so each tag is kept
whole too, under a key that starts with a space: no word can, so a tag key
never meets a word.

How it is kept. Per member, one head and up to `SHARDS` shards, each a
`SearchPart` row holding one sealed blob (the member's data key, through
the vault), padded to a multiple of `PAD` bytes:

- the head holds a random secret, the id and time of every indexed entry
  (entries are numbered inside the index), and every word, grouped by the
  shard it lives in;
- a shard holds, for each word or tag the secret's HMAC puts there, the
  numbers of the entries that have it.

A search opens the head and only the shards its words fall in, and hands
back the ids of every match, newest first; the page opens just the entries
it shows. Every write to an entry updates the index in the same
transaction (`entries_added`, `entry_changed`, `entry_removed`). Without
the data key every part is noise, and the rows go with the member.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import uuid
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import accumulate

from django.db import IntegrityError, transaction
from django.db.models import Count, Subquery

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_row, open_rows, seal

from .models import Entry, SearchPart

# A small fixed number: enough that a search for one word opens about a
# sixteenth of the postings, few enough that every shard holds many words
# and its size says little.
SHARDS = 16
HEAD = 0
VERSION = 1
# Every part is padded to a multiple of this, so its exact size is hidden.
PAD = 1024
# An entry number whose entry was deleted: never given out again, skipped by a search.
FREE = -(2**63)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICRO = timedelta(microseconds=1)
_LITTLE = sys.byteorder == "little"
if array("I").itemsize != 4:  # pragma: no cover - every platform Python supports today
    raise ImportError("The search index packs entry numbers as 4-byte integers.")


def words_of(text: str) -> list[str]:
    """The words of a search or of an entry's text: casefolded, split on whitespace."""
    return text.casefold().split()


def tag_key(tag: str) -> str:
    # A leading space: words never hold whitespace, so a tag never reads as a word.
    return " " + tag.casefold()


def keys_of(title: str, body: str, tags: Iterable[str]) -> set[str]:
    """Everything the index keeps of one entry: its words and its whole tags."""
    tags = list(tags)
    keys = {tag_key(tag) for tag in tags}
    for text in (title, body, *tags):
        keys.update(words_of(text))
    return keys


def entry_keys(entry: Entry) -> set[str]:
    """`keys_of` an entry, opening its words if they are not open yet."""
    open_row(entry, "title", "body", "tags")
    return keys_of(entry.title, entry.body, entry.tag_list)


# --- Packing -----------------------------------------------------------------


def _ints(typecode: str, raw: bytes | memoryview) -> array:
    numbers = array(typecode)
    numbers.frombytes(raw)
    if not _LITTLE:
        numbers.byteswap()
    return numbers


def _raw(numbers: array) -> bytes:
    # Stored little-endian, so a backup reads back on any machine.
    if not _LITTLE:
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


def _pack(*parts: bytes) -> bytes:
    sizes = array("Q", [len(part) for part in parts])
    blob = b"".join([bytes([VERSION, len(parts)]), _raw(sizes), *parts])
    return blob + bytes(-len(blob) % PAD)


def _unpack(blob: bytes) -> list[memoryview]:
    if not blob or blob[0] != VERSION:
        raise ValueError("A search index part of an unknown version.")
    count = blob[1]
    sizes = _ints("Q", blob[2 : 2 + 8 * count])
    view = memoryview(blob)
    at = 2 + 8 * count
    parts = []
    for size in sizes:
        parts.append(view[at : at + size])
        at += size
    return parts


def _micros(moment: datetime) -> int:
    return (moment - _EPOCH) // _MICRO


@dataclass
class Head:
    """The index's table of contents: its secret, its entries and its words."""

    secret: bytes
    # 16 bytes per entry number: the entry's id (zeros once it is deleted).
    ids: bytearray
    # The entry's time in microseconds, which orders results; FREE once deleted.
    created: array
    # Every word some entry holds, one list per shard (index 0 is shard 1).
    words: list[list[str]]

    @classmethod
    def new(cls) -> Head:
        return cls(os.urandom(32), bytearray(), array("q"), [[] for _ in range(SHARDS)])

    @classmethod
    def load(cls, blob: bytes) -> Head:
        secret, ids, created, words = _unpack(blob)
        return cls(bytes(secret), bytearray(ids), _ints("q", created), json.loads(bytes(words)))

    def dump(self) -> bytes:
        words = json.dumps(self.words, ensure_ascii=False, separators=(",", ":")).encode()
        return _pack(self.secret, bytes(self.ids), _raw(self.created), words)

    def shard(self, key: str) -> int:
        """Which shard keeps a word or tag: a keyed hash, so the database cannot tell."""
        return 1 + hmac.new(self.secret, key.encode(), hashlib.sha256).digest()[0] % SHARDS

    def live(self) -> int:
        return len(self.created) - self.created.count(FREE)

    def number_of(self, entry_id: uuid.UUID) -> int | None:
        needle = entry_id.bytes
        at = self.ids.find(needle)
        while at != -1 and at % 16:
            at = self.ids.find(needle, at + 1)
        return None if at == -1 else at // 16

    def take(self, entry_id: uuid.UUID, created: datetime) -> int:
        number = len(self.created)
        self.created.append(_micros(created))
        self.ids.extend(entry_id.bytes)
        return number

    def free(self, number: int) -> None:
        self.created[number] = FREE
        self.ids[16 * number : 16 * number + 16] = bytes(16)

    def entry_id(self, number: int) -> uuid.UUID:
        return uuid.UUID(bytes=bytes(self.ids[16 * number : 16 * number + 16]))


class Shard:
    """The entry numbers of each word and tag a keyed hash put in this shard."""

    def __init__(self, blob: bytes | None = None) -> None:
        self.keys: list[str] = []
        self._numbers = memoryview(b"")
        self._ends: list[int] = []
        self._position: dict[str, int] | None = None
        if blob:
            keys, sizes, numbers = _unpack(blob)
            self.keys = json.loads(bytes(keys))
            self._numbers = numbers
            self._ends = list(accumulate(_ints("I", sizes)))

    def get(self, key: str) -> array:
        if self._position is None:
            self._position = {key: at for at, key in enumerate(self.keys)}
        at = self._position.get(key)
        if at is None:
            return array("I")
        start = self._ends[at - 1] if at else 0
        return _ints("I", self._numbers[4 * start : 4 * self._ends[at]])

    def postings(self) -> dict[str, array]:
        return {key: self.get(key) for key in self.keys}

    @staticmethod
    def dump(postings: dict[str, array]) -> bytes:
        kept = [(key, numbers) for key, numbers in postings.items() if numbers]
        keys = json.dumps([key for key, _ in kept], ensure_ascii=False, separators=(",", ":"))
        sizes = array("I", [len(numbers) for _, numbers in kept])
        numbers = b"".join(_raw(numbers) for _, numbers in kept)
        return _pack(keys.encode(), _raw(sizes), numbers)


# --- Building and updating ----------------------------------------------------

# One change to one entry: its id, its time, the keys it held, the keys it holds now
# (None once it is deleted).
Change = tuple[uuid.UUID, datetime, set[str], set[str] | None]


Plan = dict[int, dict[str, set[int]]]


def _plan(head: Head, changes: Iterable[Change]) -> tuple[Plan, Plan]:
    """Number new entries and free deleted ones in the head; what to take out and put in, by shard."""
    removes: Plan = {}
    adds: Plan = {}
    for entry_id, created, before, after in changes:
        number = head.number_of(entry_id)
        if number is None:
            if after is None:
                continue
            number = head.take(entry_id, created)
            before = set()
        elif after is None:
            head.free(number)
        for key in before - (after or set()):
            removes.setdefault(head.shard(key), {}).setdefault(key, set()).add(number)
        for key in (after or set()) - before:
            adds.setdefault(head.shard(key), {}).setdefault(key, set()).add(number)
    return removes, adds


def _apply(head: Head, shards: dict[int, dict[str, array]], removes: Plan, adds: Plan) -> None:
    """Bring the opened shards (every one the plan touches) and the head's word lists in step."""
    for number in set(removes) | set(adds):
        postings = shards.setdefault(number, {})
        for key, gone in removes.get(number, {}).items():
            if key in postings:
                postings[key] = array("I", (n for n in postings[key] if n not in gone))
        for key, more in adds.get(number, {}).items():
            postings.setdefault(key, array("I")).extend(sorted(more))
        head.words[number - 1] = sorted(
            key for key, numbers in postings.items() if numbers and not key.startswith(" ")
        )


def build_parts(entries: Iterable[tuple[uuid.UUID, datetime, set[str]]]) -> dict[int, bytes]:
    """A whole index, unsealed: part number to plain bytes. The data migration uses it too."""
    head = Head.new()
    shards: dict[int, dict[str, array]] = {}
    _apply(head, shards, *_plan(head, ((i, at, set(), keys) for i, at, keys in entries)))
    parts = {number: Shard.dump(postings) for number, postings in shards.items()}
    parts[HEAD] = head.dump()
    return parts


def _build(owner_id: int) -> None:
    """Index every entry the member has, replacing whatever index there was."""
    rows = Entry.objects.filter(owner_id=owner_id).only(
        "id", "owner_id", "created", "title_sealed", "body_sealed", "tags_sealed"
    )
    entries = [(e.pk, e.created, entry_keys(e)) for e in open_rows(rows, "title", "body", "tags")]
    parts = []
    for number, plain in build_parts(entries).items():
        part = SearchPart(owner_id=owner_id, number=number)
        part.words = plain
        parts.append(part)
    seal(*parts)
    SearchPart.objects.filter(owner_id=owner_id).delete()
    SearchPart.objects.bulk_create(parts)


def _update(owner_id: int, changes: Sequence[Change]) -> None:
    # Inside the caller's transaction, after the entries were written. The
    # head is locked first, so two saves at once cannot lose each other's words.
    heads = SearchPart.objects.select_for_update().filter(owner_id=owner_id, number=HEAD)
    head_row = heads.first()
    if head_row is None:
        # No index yet (a new member, or one the migration could not open):
        # build it from what is in the database now, which includes this change.
        try:
            with transaction.atomic():
                _build(owner_id)
            return
        except IntegrityError:
            # Another save built it a moment ago; add this change to theirs.
            head_row = heads.get()
    head = Head.load(open_row(head_row).words)
    removes, adds = _plan(head, changes)
    # Only the shards a change touches are opened and written again.
    touched = set(removes) | set(adds)
    found = SearchPart.objects.filter(owner_id=owner_id, number__in=touched)
    rows = {row.number: row for row in open_rows(found)}
    shards = {number: Shard(row.words).postings() for number, row in rows.items()}
    _apply(head, shards, removes, adds)
    written = []
    for number in touched:
        part = rows.get(number) or SearchPart(owner_id=owner_id, number=number)
        part.words = Shard.dump(shards[number])
        written.append(part)
    head_row.words = head.dump()
    seal(head_row, *written)
    head_row.save(update_fields=["words_sealed"])
    for part in written:
        if part.number in rows:
            part.save(update_fields=["words_sealed"])
        else:
            part.save(force_insert=True)


def entries_added(owner_id: int, entries: Sequence[Entry]) -> None:
    """Index entries just saved (one, or a batch from the demo)."""
    with key_cache(), transaction.atomic():
        _update(owner_id, [(e.pk, e.created, set(), entry_keys(e)) for e in entries])


def entry_changed(entry: Entry, before: set[str]) -> None:
    """Re-index an edited entry; `before` is `entry_keys` of it as it was."""
    with key_cache(), transaction.atomic():
        _update(entry.owner_id, [(entry.pk, entry.created, before, entry_keys(entry))])


def entry_removed(owner_id: int, entry_id: uuid.UUID, before: set[str]) -> None:
    """Take a deleted entry, and every word only it held, out of the index."""
    with key_cache(), transaction.atomic():
        _update(owner_id, [(entry_id, _EPOCH, before, None)])


# --- Searching ------------------------------------------------------------------


def find(owner_id: int, terms: Sequence[str], tag: str | None) -> list[uuid.UUID] | None:
    """Ids of the member's entries holding every term (inside a word) and the tag, newest first.

    None when the member has no index, or it does not count the entries
    they have: the caller then searches the slow way, and nothing is written.
    """
    # How many entries the member has comes in the same query as the head.
    entries = (
        Entry.objects.filter(owner_id=owner_id)
        .order_by()
        .values("owner_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    heads = SearchPart.objects.filter(owner_id=owner_id, number=HEAD)
    head_row = heads.annotate(entries=Subquery(entries)).first()
    if head_row is None:
        return None
    with key_cache():
        head = Head.load(open_row(head_row).words)
        if head.live() != (head_row.entries or 0):
            return None
        # Per condition, the keys any one of which meets it, by shard.
        wanted: list[dict[int, list[str]]] = []
        if tag:
            key = tag_key(tag)
            wanted.append({head.shard(key): [key]})
        for term in terms:
            holding = {
                n + 1: found
                for n, words in enumerate(head.words)
                if (found := [word for word in words if term in word])
            }
            if not holding:
                return []
            wanted.append(holding)
        numbers = {n for condition in wanted for n in condition}
        rows = SearchPart.objects.filter(owner_id=owner_id, number__in=numbers)
        shards = {row.number: Shard(row.words) for row in open_rows(rows)}
    matched: set[int] | None = None
    for condition in wanted:
        hits: set[int] = set()
        for n, keys in condition.items():
            shard = shards.get(n) or Shard()
            for key in keys:
                hits.update(shard.get(key))
        matched = hits if matched is None else matched & hits
        if not matched:
            return []
    created = head.created
    ordered = sorted((n for n in matched or () if created[n] != FREE), key=created.__getitem__)
    return [head.entry_id(n) for n in reversed(ordered)]
