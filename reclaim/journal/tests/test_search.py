from reclaim.journal.demo import seed_journal
from reclaim.journal.queries import recent_entries, search
from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import open_rows


def test_it_finds_a_word_in_the_body_whatever_its_case(member, write, entry):
    write(member, "Nothing to see here.")
    assert list(search(member, "TIDE")) == [entry]
    assert list(search(member, "long way")) == [entry]


def test_it_finds_a_word_in_the_title(member, write):
    found = write(member, "A quiet day.", title="Marmalade")
    write(member, "Another quiet day.")
    assert list(search(member, "marmalade")) == [found]


def test_it_finds_a_word_in_the_tags(member, write):
    found = write(member, "A day.", tags=["Allotment"])
    write(member, "Another day.")
    assert list(search(member, "allotment")) == [found]


def test_every_word_must_be_somewhere_in_the_entry(member, write):
    both = write(member, "The garden was quiet.", title="Sunday")
    write(member, "The garden was loud.")
    assert list(search(member, "garden sunday")) == [both]


def test_a_tag_filter_keeps_only_entries_with_that_tag(member, write):
    tagged = write(member, "Ran by the river.", tags=["Running"])
    write(member, "Walked by the river.", tags=["walks"])
    assert list(search(member, "", tag="running")) == [tagged]
    assert list(search(member, "river", tag="#Running")) == [tagged]
    assert list(search(member, "walked", tag="running")) == []


def test_an_empty_search_finds_nothing(member, entry):
    assert list(search(member, "   ")) == []


def test_it_never_returns_other_members_entries(member, other_member, write, entry):
    write(other_member, "The tide came in.", title="Low tide", tags=["walks"])
    assert list(search(member, "tide")) == [entry]
    assert all(found.owner_id == other_member.pk for found in search(other_member, "tide"))
    assert list(search(other_member, "long way")) == []


def test_results_come_newest_first(member, write):
    older = write(member, "Kites at the beach.")
    newer = write(member, "More kites.")
    assert list(search(member, "kites")) == [newer, older]


def test_it_searches_a_thousand_entries(member, other_member, write):
    seed_journal(member, days=365, count=1000)
    seed_journal(other_member, days=30, count=20)
    needle = write(member, "The word zephyrine appears only here.")
    assert list(search(member, "Zephyrine")) == [needle]

    found = list(search(member, "swimming"))
    assert found
    assert all(e.owner_id == member.pk for e in found)
    # Search opens bodies only where titles and tags were not enough; a page opens the rest.
    assert all(
        "swimming" in f"{e.title} {e.body} {' '.join(e.tags)}".casefold() for e in open_rows(found)
    )
    # Every entry that holds the word is found, not only some of them.
    with key_cache():
        expected = [
            e.pk
            # The demo writes to the minute: entries of the same minute come by id.
            for e in open_rows(member.journal_entries.order_by("-created", "-id"))
            if "swimming" in f"{e.title} {e.body} {' '.join(e.tags)}".casefold()
        ]
    assert [e.pk for e in found] == expected


def test_recent_entries_come_in_one_query(member, write, django_assert_num_queries):
    for n in range(7):
        write(member, f"Entry number {n}.", title=f"Title {n}")
    with key_cache(), django_assert_num_queries(2):  # the entries, and the member's key once
        titles = [e.title for e in recent_entries(member)]
    assert titles == [f"Title {n}" for n in range(6, 1, -1)]
