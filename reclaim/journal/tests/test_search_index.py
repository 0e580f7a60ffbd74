"""The sealed search index finds exactly what opening every entry finds, and keeps nothing readable.

The oracle below is the search as it was before the index: open every entry
of the member and look for each word in its title, tags and body.
"""

from __future__ import annotations

import importlib
import sys

import pytest
from django.apps import apps
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reclaim.accounts.actions import do_delete_account
from reclaim.journal import index
from reclaim.journal.actions import do_create_entry, do_delete_entry, do_update_entry
from reclaim.journal.demo import seed_journal
from reclaim.journal.models import Entry, SearchPart
from reclaim.journal.queries import entries_page, search
from reclaim.vault import crypto
from reclaim.vault.crypto import VaultError, forget_data_key, key_cache
from reclaim.vault.fields import open_row, open_rows


def _old_search(user, text: str, tag: str | None) -> list:
    """The linear scan the index replaced, kept word for word as the oracle.

    Entries written in the same microsecond (the demo writes to the minute)
    come by id, as the index orders them; the old scan left that to the database.
    """
    terms = [word.casefold() for word in (text or "").split() if word.strip()]
    tag = (tag or "").strip().lstrip("#") or None
    if not terms and not tag:
        return []
    found = []
    with key_cache():
        for entry in open_rows(Entry.objects.filter(owner=user).order_by("-created", "-id")):
            tags = [t.casefold() for t in entry.tag_list]
            if tag and tag.casefold() not in tags:
                continue
            short = "\n".join([entry.title, *tags]).casefold()
            body = entry.body.casefold()
            if all(t in short or t in body for t in terms):
                found.append(entry.pk)
    return found


def _found(user, terms: list[str], tag: str | None) -> list:
    """What the index alone answers (None would mean the slow scan answered instead)."""
    found = index.find(user.pk, terms, tag)
    assert found is not None
    return list(found)


def _head(user) -> index.Head:
    with key_cache():
        return index.Head(open_row(SearchPart.objects.get(owner=user, number=0)).words)


def _indexed_words(user) -> set[str]:
    head = _head(user)
    return {word for n in range(1, index.SHARDS + 1) for word in head.words(n)}


# Few letters, so words often sit inside other words; "ß" and "İ" change
# length when casefolded, which is where a careless index would differ.
LETTERS = "abeßİS"
text = st.text(alphabet=LETTERS + "  ,\n#", max_size=14)
body = text.filter(str.strip)
tags = st.lists(st.text(alphabet=LETTERS + " ", min_size=1, max_size=5), max_size=3)
writing = st.fixed_dictionaries({"title": text, "body": body, "tags": tags})
step = st.one_of(
    st.tuples(st.just("add"), writing),
    st.tuples(st.just("edit"), st.integers(0, 20), writing),
    st.tuples(st.just("delete"), st.integers(0, 20)),
)
query = st.tuples(
    st.text(alphabet=LETTERS + " ", max_size=5), st.one_of(st.none(), st.sampled_from(LETTERS))
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(step, min_size=1, max_size=8), queries=st.lists(query, min_size=1, max_size=5)
)
def test_indexed_search_finds_exactly_what_opening_every_entry_finds(member, steps, queries):
    Entry.objects.filter(owner=member).delete()
    SearchPart.objects.filter(owner=member).delete()
    with key_cache():
        for action, *args in steps:
            kept = list(Entry.objects.filter(owner=member).order_by("created"))
            if action == "add":
                do_create_entry(member, {**args[0], "prompt": ""})
            elif kept and action == "edit":
                do_update_entry(open_row(kept[args[0] % len(kept)]), {**args[1], "prompt": ""})
            elif kept:
                do_delete_entry(kept[args[0] % len(kept)])
            for words, tag in queries:
                expected = _old_search(member, words, tag)
                terms, wanted = index.words_of(words), (tag or "").strip() or None
                if (terms or wanted) and SearchPart.objects.filter(owner=member).exists():
                    # The index answers itself; it never falls back to the scan here.
                    found = index.find(member.pk, terms, wanted)
                    assert found is not None
                    assert list(found) == expected
                assert [e.pk for e in search(member, words, tag)] == expected


def test_casefolding_never_makes_or_unmakes_whitespace():
    # Why whole words can be indexed: a searched word found anywhere in the
    # text is always inside one whitespace-separated word of it.
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        folded = char.casefold()
        if char.isspace():
            assert folded == char
        else:
            assert not any(c.isspace() for c in folded)


def test_words_of_a_changed_or_deleted_entry_leave_the_index(member, write):
    kept = write(member, "Breakfast with my sister.", title="Morning", tags=["family"])
    edited = write(member, "The quarrel about the marigolds.", tags=["garden"])
    gone = write(member, "Nobody knows about the lighthouse.", tags=["secret"])
    with key_cache():
        do_update_entry(edited, {"title": "", "body": "A calm walk.", "tags": [], "prompt": ""})
        do_delete_entry(gone)

    assert list(search(member, "marigolds")) == []
    assert list(search(member, "lighthouse")) == []
    assert list(search(member, "", tag="secret")) == []
    assert list(search(member, "calm")) == [edited]
    assert list(search(member, "sister", tag="family")) == [kept]
    words = _indexed_words(member)
    assert {"marigolds", "quarrel", "lighthouse", "nobody"}.isdisjoint(words)
    # Words are kept as written, punctuation and all ("walk." holds "walk").
    assert {"breakfast", "calm", "walk."} <= words


def test_a_page_of_results_opens_only_the_entries_it_shows(member, monkeypatch):
    seed_journal(member, days=200, count=120)
    found = search(member, "the")
    assert len(found) > 40
    # Most entries match, so the index walks its newest-first order lazily; all still come.
    assert [entry.pk for entry in found] == _old_search(member, "the", None)
    opened: list[object] = []
    real_open_many = crypto.open_many

    def counting(items, *, label, field, owner_id):
        items = list(items)
        if label == "journal.entry":
            opened.extend(row_id for row_id, _ in items)
        return real_open_many(items, label=label, field=field, owner_id=owner_id)

    monkeypatch.setattr(crypto, "open_many", counting)
    page = entries_page(found, 2, 20)

    assert [entry.pk for entry in page.object_list] == [entry.pk for entry in found[20:40]]
    assert {entry.title for entry in page.object_list}  # readable on the page
    assert set(opened) == {entry.pk for entry in page.object_list}
    assert page.paginator.count == len(found)


def test_a_member_with_entries_but_no_index_still_finds_everything_and_a_save_builds_it(
    member, write
):
    seed_journal(member, days=100, count=30)
    first = write(member, "Kites over the harbour.")
    SearchPart.objects.filter(owner=member).delete()

    assert list(search(member, "kites")) == [first]
    assert not SearchPart.objects.filter(owner=member).exists()  # a search writes nothing

    second = write(member, "More kites today.")
    assert SearchPart.objects.filter(owner=member, number=0).exists()
    assert _found(member, ["kites"], None) == [second.pk, first.pk]
    assert _head(member).live() == Entry.objects.filter(owner=member).count()


def test_the_migration_builds_the_index_for_members_who_already_wrote(member, other_member, write):
    mine = write(member, "The allotment flooded.", tags=["garden"])
    theirs = write(other_member, "An allotment of my own.")
    SearchPart.objects.all().delete()
    migration = importlib.import_module("reclaim.journal.migrations.0003_build_search_indexes")

    migration.build_indexes(apps, None)

    assert _found(member, ["allotment"], "garden") == [mine.pk]
    assert _found(other_member, ["allotment"], None) == [theirs.pk]


def test_every_part_is_noise_without_the_key_and_padded(member, write):
    write(member, "Quillwort and saxifrage by the tarn.", title="Tarn", tags=["hiking"])
    parts = list(SearchPart.objects.filter(owner=member))
    assert len(parts) > 1
    for part in parts:
        blob = bytes(part.words_sealed)
        for word in (b"quillwort", b"saxifrage", b"tarn", b"hiking"):
            assert word not in blob.lower()
        # The sealed header, the padded plain part and the tag: sizes come in steps.
        assert (len(blob) - 21 - 16) % index.PAD == 0

    forget_data_key(member.pk)
    with key_cache(), pytest.raises(VaultError):
        open_row(SearchPart.objects.get(owner=member, number=0))


@pytest.mark.django_db(transaction=True)
def test_deleting_the_account_leaves_nothing_of_the_index(member, other_member, write):
    write(member, "Words about the lighthouse.")
    write(other_member, "Someone else's lighthouse.")
    member_id = member.pk

    do_delete_account(member)

    assert not SearchPart.objects.filter(owner_id=member_id).exists()
    # Another member's index is theirs and still works.
    assert len(search(other_member, "lighthouse")) == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM journal_searchpart WHERE owner_id = %s", [member_id])
        assert cursor.fetchone()[0] == 0


def _numbers(shard: index.Shard, at: int) -> set[int]:
    found = shard.numbers_at(at)
    if isinstance(found, int):
        return set(index._positions(found.to_bytes((found.bit_length() + 7) // 8, "little")))
    return set(found)


entry_numbers = st.sets(st.integers(0, 3000), max_size=60) | st.sets(
    st.integers(0, 200), min_size=50, max_size=200
)


@settings(max_examples=200, deadline=None)
@given(
    before=st.dictionaries(st.sampled_from(["a", "b", "c", " t"]), entry_numbers, max_size=4),
    removes=st.dictionaries(st.sampled_from(["a", "b", " t"]), entry_numbers, max_size=3),
    adds=st.dictionaries(st.sampled_from(["a", "c", "d", " u"]), entry_numbers, max_size=3),
)
def test_a_shard_keeps_every_entry_number_whether_packed_as_a_list_or_a_bitset(
    before, removes, adds
):
    # Sparse words are packed as lists and common ones as bitsets; edits move
    # a word from one form to the other as it grows or shrinks.
    shard = index.Shard([])
    blob = shard.edited({}, before)
    shard = index.Shard(shard.words, blob)
    blob = shard.edited(removes, adds)
    shard = index.Shard(shard.words, blob)

    expected = {
        key: (before.get(key, set()) - removes.get(key, set())) | adds.get(key, set())
        for key in {*before, *adds}
    }
    expected = {key: numbers for key, numbers in expected.items() if numbers}
    keys = [*shard.words, *shard.tags]
    assert sorted(keys) == sorted(expected)
    assert all(not word.startswith(" ") for word in shard.words)
    assert {key: _numbers(shard, at) for at, key in enumerate(keys)} == expected
