"""Every "delete this" page of a member's things, walked: asked first, owner only, gone at once.

The delete pages are found by name (every member URL whose name ends in
"delete" and that takes one id), so a new one is held to this without
being listed. For each, a row of the member's own from the app that owns
the page is tried until the member's GET shows a confirmation; then:

- the GET deleted nothing, and the page has a form that posts;
- another member and a practitioner meet a 404 on GET and POST, and
  nothing is deleted;
- the owner's POST removes the row at once.
"""

from __future__ import annotations

import re
import uuid

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import resolve, reverse
from django.utils import timezone

from reclaim.core.demo import demo_seeders
from reclaim.practice.middleware import STAFF_NAMESPACES
from reclaim.safety.actions import do_record_risk
from reclaim.testing.crawl import url_patterns
from reclaim.vault.crypto import key_cache

pytestmark = pytest.mark.django_db

# A made-up id only gives the pattern a shape to resolve with.
SOME_ID = uuid.UUID(int=1)
HISTORY_DAYS = 21


def _delete_pages() -> list[str]:
    """Namespaced names of every member page that deletes one thing by its id."""
    return [
        pattern.name
        for pattern in url_patterns()
        if pattern.name.endswith("delete")
        and pattern.name.split(":")[0] not in STAFF_NAMESPACES
        and len(re.findall(r"<uuid:", pattern.route)) == 1
    ]


def _owned_models(package: str) -> list[type[models.Model]]:
    """The models of the app (or tool) that owns a page, which have an owner."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith(package + ".")
        and any(
            isinstance(field, models.ForeignKey)
            and field.name == "owner"
            and field.related_model._meta.label == "accounts.User"
            for field in model._meta.concrete_fields
        )
    ]


def _url(name: str, pk: object) -> str:
    [kwarg] = resolve(reverse(name, args=[SOME_ID])).kwargs
    return reverse(name, kwargs={kwarg: pk})


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_delete_page_asks_first_hides_from_others_and_deletes_at_once(
    member, other_member, practitioner
):
    today = timezone.localdate()
    with key_cache():
        for _name, seed in demo_seeders():
            seed(member, HISTORY_DAYS, today)
    # The demo keeps no hard moments; the record needs one to delete.
    do_record_risk(member, source="journal", level="elevated", categories={"suicide"}, reasons=())
    owner, other, staff = _client(member), _client(other_member), _client(practitioner)
    names = _delete_pages()
    assert len(names) >= 15
    untried = []
    for name in names:
        view = resolve(reverse(name, args=[SOME_ID])).func
        package = view.__module__.rsplit(".", 1)[0]
        found = None
        for model in _owned_models(package):
            for pk in model._default_manager.filter(owner=member).values_list("pk", flat=True)[:3]:
                if owner.get(_url(name, pk)).status_code == 200:
                    found = (model, pk)
                    break
            if found:
                break
        if found is None:
            untried.append(name)
            continue
        model, pk = found
        url = _url(name, pk)
        still_there = model._default_manager.filter(pk=pk).exists
        page = owner.get(url).content.decode()
        assert still_there(), f"GET {url} deleted the row"
        assert re.search(r'<form[^>]*method="post"', page), f"{name} has no form to confirm"
        for client in (other, staff):
            assert client.get(url).status_code == 404, f"GET {name} was not a 404"
            assert client.post(url).status_code == 404, f"POST {name} was not a 404"
            assert still_there(), f"{name} deleted another member's row"
        assert owner.post(url).status_code == 302, f"POST {name} did not finish"
        assert not still_there(), f"{name} did not delete the row"
    # The demo history gives every delete page something to delete.
    assert untried == []
