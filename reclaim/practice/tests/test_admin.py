"""Django's admin is not installed, and /admin/ leads nowhere for anyone.

The admin shows any model's rows, and a member's sealed content would be one
careless registration away from the operator's screen. The operator's work
(invitations, the audit log) has its own pages, so the admin stays out.
"""

from __future__ import annotations

import pytest
from django.conf import settings


def test_the_admin_app_is_not_installed():
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


@pytest.mark.parametrize("who", ["operator_client", "practitioner_client", "member_client"])
def test_admin_addresses_are_not_found(db, request, who):
    client = request.getfixturevalue(who)
    for url in ("/admin/", "/admin/login/", "/admin/accounts/user/", "/admin/journal/entry/"):
        assert client.get(url).status_code == 404, url
