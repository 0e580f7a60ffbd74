from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save


class AccountsConfig(AppConfig):
    name = "reclaim.accounts"

    def ready(self) -> None:
        from allauth.usersessions.models import UserSession

        from .adapter import remember_known_login
        from .sessions import after_signing_out, before_session_saved

        # Every write of a device-list row keeps only its label and network.
        pre_save.connect(
            before_session_saved, sender=UserSession, dispatch_uid="reclaim.coarse_sessions"
        )
        user_logged_out.connect(after_signing_out, dispatch_uid="reclaim.forget_signed_out_session")
        # A browser becomes "known" only once a sign-in has completed.
        user_logged_in.connect(remember_known_login, dispatch_uid="reclaim-known-device")
