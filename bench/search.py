"""Journal search over 200, 2,000 and 10,000 entries, in process, before and after the index.

    uv run python bench/search.py                # SQLite (the embedded default)
    uv run python bench/search.py --postgres     # the local PostgreSQL

It builds a fresh database in a temporary data folder (or the PostgreSQL
database `reclaim_bench_search`, dropped and made anew) and seeds three
members. Every entry is written through the journal's own action
(`do_create_entry`, which seals it, listens for risk and updates the search
index) except that, to keep the run to minutes, entries beyond the first
`--through-actions` of each member go in batches the way the demo writes
them (`index.entries_added`, the same index update). The words are the
demo's sentences plus a few names and places per entry drawn from a
long-tailed vocabulary of 30,000 made-up words, as a real journal's
vocabulary grows.

For each member it times a search as the journal page runs it (`search`,
then `entries_page` opening the first page of 20) for a common word, a word
in about one entry in ten, a rare word, two words, a word inside longer
words, and a tag, many times each, and prints the median. "Before" is the
old scan (`queries._scan`, which opened every entry), "after" the index.
Throughput is the inverse of the median: the 2,000-entry search should keep
at least 70 % of the 200-entry one's, and 10,000 entries answer in 30 ms.
It also times a save (`do_create_entry`) at each size, since the index is
updated on every save.
"""

from __future__ import annotations

from paths import from_the_repository_root

from_the_repository_root()

import argparse
import random
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from bench.installation import set_up

if TYPE_CHECKING:
    from reclaim.accounts.models import User

SIZES = (200, 2_000, 10_000)
# (label, words, tag): what a member might look for.
QUERIES = (
    ("common word", "the", None),
    ("one in ten", "swimming", None),
    ("rare word", None, None),  # filled in with a word written once
    ("two words", "good today", None),
    ("inside words", "thing", None),
    ("tag", "", "anger"),
)
PER_PAGE = 20


def _configure(postgres: bool) -> None:
    set_up("reclaim_bench_search", postgres)


def _vocabulary(rng: random.Random, size: int = 30_000) -> list[str]:
    syllables = [c + v for c in "bdfghklmnprstvwz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(syllables, k=rng.randint(2, 4))).capitalize())
    return sorted(words)


def _writing(rng: random.Random, vocabulary: list[str], weights: list[float]) -> dict[str, object]:
    from reclaim.journal import demo

    title, body, tags, _ = demo._compose(rng)
    names = rng.choices(vocabulary, weights=weights, k=4)
    body += f"\n\nI thought about {names[0]} and {names[1]}, then {names[2]} at {names[3]}."
    return {"title": title, "body": body, "tags": tags, "prompt": ""}


def _seed(size: int, through_actions: int, rng: random.Random, vocabulary: list[str]) -> User:
    import uuid
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from reclaim.accounts.models import User
    from reclaim.journal import index
    from reclaim.journal.actions import do_create_entry
    from reclaim.journal.models import Entry
    from reclaim.vault.crypto import key_cache
    from reclaim.vault.fields import seal

    user = User.objects.create_user(
        username=f"writer{size}",
        password="bench-password-long",
        timezone="Europe/London",
        country="GB",
        onboarded=timezone.now(),
    )
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    batched = max(size - through_actions, 0)
    now = timezone.now()
    with key_cache():
        # The older entries in batches, a day apart going back; then the newest through the action.
        for start in range(0, batched, 500):
            with transaction.atomic():
                rows = []
                for n in range(start, min(start + 500, batched)):
                    created = now - timedelta(days=batched - n, minutes=rng.randint(0, 600))
                    entry = Entry(
                        id=uuid.uuid4(),
                        owner=user,
                        created=created,
                        updated=created,
                        day=created.date(),
                    )
                    fields = _writing(rng, vocabulary, weights)
                    entry.title, entry.body, entry.tags = (
                        fields["title"],
                        fields["body"],
                        fields["tags"],
                    )
                    rows.append(entry)
                seal(*rows)
                Entry.objects.bulk_create(rows)
                index.entries_added(user.pk, rows)
        for _ in range(size - batched):
            do_create_entry(user, _writing(rng, vocabulary, weights))
    return user


def _median_ms(run: Callable[[], object], rounds: int) -> float:
    run()  # warm up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument(
        "--through-actions",
        type=int,
        default=200,
        help="how many of each member's newest entries go through do_create_entry",
    )
    parser.add_argument("--skip-before", action="store_true", help="time only the index")
    args = parser.parse_args()
    _configure(args.postgres)

    from reclaim.journal import queries
    from reclaim.journal.actions import do_create_entry
    from reclaim.journal.models import SearchPart
    from reclaim.vault.crypto import key_cache

    rng = random.Random("reclaim-bench-search")
    vocabulary = _vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]
    members: dict[int, User] = {}
    for size in SIZES:
        started = time.perf_counter()
        members[size] = _seed(size, args.through_actions, rng, vocabulary)
        parts = SearchPart.objects.filter(owner=members[size])
        total = sum(len(bytes(p.words_sealed or b"")) for p in parts)
        print(
            f"seeded {size:>6,} entries in {time.perf_counter() - started:6.1f} s; "
            f"index {parts.count()} parts, {total / 1024:,.0f} KiB sealed"
        )

    def one(user: User, words: str, tag: str | None, how: str) -> Callable[[], object]:
        def run() -> object:
            # A request's key cache, as the middleware gives each request.
            with key_cache():
                terms = queries._terms(words)
                if how == "before":
                    found: object = queries._scan(user, terms, tag)
                else:
                    found = queries.search(user, words, tag)
                page = queries.entries_page(found, 1, PER_PAGE)  # type: ignore[arg-type]
                return [(e.title, e.body, e.tags) for e in page.object_list]

        return run

    rare = vocabulary[-1]
    hows = ("after",) if args.skip_before else ("before", "after")
    medians: dict[tuple[str, int], list[float]] = {}
    print(f"\nmedian ms of {args.rounds} searches, first page of {PER_PAGE} opened")
    print(f"{'query':<14}{'how':<8}" + "".join(f"{size:>10,}" for size in SIZES))
    for label, words, tag in QUERIES:
        words = rare if words is None else words
        for how in hows:
            row = []
            for size in SIZES:
                row.append(_median_ms(one(members[size], words, tag, how), args.rounds))
                medians.setdefault((how, size), []).append(row[-1])
            print(f"{label:<14}{how:<8}" + "".join(f"{ms:>10.2f}" for ms in row))
    print()
    for how in hows:
        overall = {size: statistics.median(medians[(how, size)]) for size in SIZES}
        print(
            f"{how:<7} median of the queries: "
            + ", ".join(f"{size:,}: {ms:.2f} ms" for size, ms in overall.items())
            + f"; throughput at 2,000 = {overall[SIZES[0]] / overall[SIZES[1]]:.0%} of 200"
            f", at 10,000 = {overall[SIZES[0]] / overall[SIZES[2]]:.0%}"
        )

    print("\nmedian ms of a save (do_create_entry, index updated in the same transaction)")
    for size in SIZES:
        user = members[size]

        def save(user: User = user) -> object:
            with key_cache():
                return do_create_entry(user, _writing(rng, vocabulary, weights))

        print(f"{size:>10,}: {_median_ms(save, 7):.2f}")


if __name__ == "__main__":
    main()
