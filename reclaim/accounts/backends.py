"""allauth's sign-in backend, without a way to learn whose address is whose,
and reading the signed-in member with one plain query."""

from __future__ import annotations

from typing import Any

from allauth.account import app_settings
from allauth.account.app_settings import LoginMethod
from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.account.internal.userkit import filter_users_by_email
from django.contrib.auth.base_user import AbstractBaseUser

from .queries import signed_in_user


class AuthenticationBackend(AllauthBackend):
    """Signing in by e-mail tries every account that has the address.

    Sign-up lets an address already in use onto a second account, unconfirmed,
    so that it does not reveal the address is taken. allauth, signing in by
    e-mail, would then look only at the account that confirmed the address, and
    the newcomer's own right password would fail: that would reveal it after
    all. Each account still needs its own password.
    """

    def _authenticate_by_email(self, email: str, password: str) -> AbstractBaseUser | None:
        if not email or LoginMethod.EMAIL not in app_settings.LOGIN_METHODS:
            return None
        for user in filter_users_by_email(email, for_login=True):
            if self._check_password(user, password):
                return user
        return None

    def get_user(self, user_id: Any) -> AbstractBaseUser | None:
        """The signed-in member on every request, read without the ORM's query building."""
        user = signed_in_user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
