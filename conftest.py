"""The fixed people every test is written about.

`member` owns the data, `practitioner` may see only what `member` shares,
and `other_member` must never see anything of `member`'s.
"""

from __future__ import annotations

import contextlib

import pytest
from django.test import Client

PASSWORD = "a long and quiet river"


def _django_loaded(request: pytest.FixtureRequest) -> bool:
    # Pure-Python tests (scoring, detection) may run with `-p no:django`.
    return request.config.pluginmanager.hasplugin("django")


@pytest.fixture(autouse=True)
def _clean_cache(request):
    # Rate limits live in the cache; one test's attempts must not count in the next.
    yield
    if not _django_loaded(request):
        return
    from django.core.cache import cache, caches

    # The database cache's table may already be gone with the test database.
    with contextlib.suppress(Exception):
        cache.clear()
    # Pictures kept in this process (core.memory) go with the test's data.
    caches["process"].clear()


@pytest.fixture(autouse=True)
def _fast_passwords(request):
    if not _django_loaded(request):
        return
    settings = request.getfixturevalue("settings")
    # Real hashing is slow on purpose; tests do not need that protection.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Tests serve static files from the app folders, without a build step.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A test's deleted accounts go in a ledger of its own: the data folder's
    # ledger is replayed against the real database at every start.
    settings.RECLAIM_DELETION_LEDGER = str(request.getfixturevalue("tmp_path") / "deletions.ledger")


def _make_user(django_user_model, username: str, **extra):
    defaults = {"onboarded": "2026-01-01T00:00:00Z", "timezone": "Europe/London", "country": "GB"}
    defaults.update(extra)
    display_name = defaults.pop("display_name", None)
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **defaults
    )
    if display_name:
        # Sealed with the member's own key, bound to their id: set once the row exists.
        from reclaim.accounts.actions import do_set_display_name

        do_set_display_name(user, display_name)
    return user


@pytest.fixture
def member(db, django_user_model):
    return _make_user(django_user_model, "member", display_name="Robin")


@pytest.fixture
def other_member(db, django_user_model):
    return _make_user(django_user_model, "other_member", display_name="Alex")


# The authenticator-app secret of the fixed practitioner and operator (base32),
# so a test can make the six-digit code their app would show.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _with_totp(user):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def practitioner(db, django_user_model):
    """A practitioner with two-factor set up; not a member, sees no member's data."""
    user = _make_user(django_user_model, "practitioner", role="practitioner", onboarded=None)
    return _with_totp(user)


@pytest.fixture
def operator(db, django_user_model):
    """The operator, with two-factor set up: invites practitioners, reads the audit log."""
    user = _make_user(django_user_model, "operator", role="operator", onboarded=None)
    return _with_totp(user)


@pytest.fixture
def member_client(member) -> Client:
    client = Client()
    client.force_login(member)
    return client


@pytest.fixture
def other_client(other_member) -> Client:
    client = Client()
    client.force_login(other_member)
    return client


@pytest.fixture
def practitioner_client(practitioner) -> Client:
    client = Client()
    client.force_login(practitioner)
    return client


@pytest.fixture
def operator_client(operator) -> Client:
    client = Client()
    client.force_login(operator)
    return client
