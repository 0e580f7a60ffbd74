"""Every page a signed-in member can open costs the same queries with a day or a year of use.

A page whose queries grow with history gets slower every day a member keeps
using the app, which is exactly the member we most want to keep. The pages
are found the way a member finds them (a crawl that follows links, see
reclaim/testing/crawl.py), so a new page is counted without being named
here. The demo member is seeded with one day, two weeks and a year of
history, and each page's queries are counted on its second visit, once
per-process caches are warm.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from reclaim.core.demo import make_demo_member
from reclaim.testing.crawl import crawl, url_patterns

# The most queries any member page may make. The busiest page today (the
# self-worth tool's lists) makes 15, sessions, key and menu included; a page
# past this bound is likely doing per-row work that belongs in one query.
MOST_QUERIES = 20

# Visiting these ends the member's session, which would end the crawl too.
NEVER_GET = frozenset({"core:exit", "core:lock", "account_logout"})


def _counts(days: int) -> dict[str, tuple[str, int]]:
    """For each page the demo member can reach: its address and its query count."""
    username, password = make_demo_member(days)
    client = Client()
    assert client.login(username=username, password=password)
    start = ["/"] + ["/" + p.route for p in url_patterns() if not p.takes_arguments]
    site = crawl(client, start, never_get=NEVER_GET, per_name=1)
    assert not site.errors, site.errors
    counts = {}
    for name, urls in site.pages.items():
        if not urls:  # Only a redirect or a file answered at this name.
            continue
        url = urls[0]
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, f"{name} ({url}) answered {response.status_code}"
        counts[name] = (url, len(captured))
    # The next seeding makes the demo member again, from nothing.
    get_user_model().objects.filter(username=username).delete()
    return counts


def test_no_member_page_grows_with_history_or_passes_the_bound(db):
    a_day, two_weeks, a_year = _counts(1), _counts(14), _counts(365)
    assert len(a_year) > 40, f"the crawl reached only {sorted(a_year)}"
    problems = []
    for name, (url, queries) in sorted(a_year.items()):
        if queries > MOST_QUERIES:
            problems.append(f"{name} ({url}): {queries} queries, more than {MOST_QUERIES}")
        # After one day several lists are still empty, and an empty list
        # skips reading rows and opening the member's key: fewer queries,
        # never more. Two weeks put a row in every list, so from there on
        # the count must stay the same.
        if name in two_weeks and two_weeks[name][1] != queries:
            problems.append(
                f"{name} ({url}): {two_weeks[name][1]} queries with two weeks of use, "
                f"{queries} with a year"
            )
        if name in a_day and a_day[name][1] > queries:
            problems.append(
                f"{name} ({url}): {a_day[name][1]} queries with a day of use, {queries} with a year"
            )
    assert not problems, "\n".join(problems)
