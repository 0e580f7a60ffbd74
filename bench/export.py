"""How long a member's copy takes to make, and how big it is.

    uv run python bench/export.py [--days 365] [--postgres]

Makes the demo member with `--days` of history in a fresh installation,
then times the three steps the export job runs: gathering every app's part
(opening every sealed value), checking it against the published schema, and
writing the zip with its readable page. In process, once each: the job runs
in the background, so this is about how long a member waits and how much
the file weighs, not about throughput.
"""

from __future__ import annotations

from paths import from_the_repository_root

from_the_repository_root()

import argparse
import json
import time

from bench.installation import set_up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=365, help="days of demo history")
    parser.add_argument("--postgres", action="store_true", help="the local PostgreSQL")
    args = parser.parse_args()
    set_up("reclaim_bench_export", args.postgres)

    from django.contrib.auth import get_user_model

    from reclaim.accounts import exports
    from reclaim.core import export as core_export
    from reclaim.core.demo import DEMO_USERNAME, make_demo_member

    make_demo_member(args.days)
    member = get_user_model().objects.get(username=DEMO_USERNAME)
    started = time.perf_counter()
    document = core_export.document(member)
    gathered = time.perf_counter()
    problems = core_export.problems(document)
    checked = time.perf_counter()
    data = exports.zipped(document)
    zipped = time.perf_counter()
    rows = sum(
        len(rows)
        for part in document["parts"].values()
        for name, rows in part.items()
        if name != "title"
    )
    print(f"demo member with {args.days} days: {rows:,} rows in {len(document['parts'])} parts")
    print(f"gathering and opening   {1000 * (gathered - started):7.0f} ms")
    print(
        f"checking the schema     {1000 * (checked - gathered):7.0f} ms ({len(problems)} problems)"
    )
    print(f"zip and readable page   {1000 * (zipped - checked):7.0f} ms")
    print(f"JSON {len(json.dumps(document)) / 1024:,.0f} KB, zip {len(data) / 1024:,.0f} KB")


if __name__ == "__main__":
    main()
