from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import pre_save


class AccountsConfig(AppConfig):
    name = "reclaim.accounts"

    def ready(self) -> None:
        from allauth.usersessions.models import UserSession

        from .adapter import remember_known_login
        from .sessions import after_signing_in, after_signing_out, before_session_saved

        # Every write of a device-list row keeps only its label and network.
        pre_save.connect(
            before_session_saved, sender=UserSession, dispatch_uid="reclaim.coarse_sessions"
        )
        user_logged_out.connect(after_signing_out, dispatch_uid="reclaim.forget_signed_out_session")
        # A browser becomes "known" only once a sign-in has completed.
        user_logged_in.connect(remember_known_login, dispatch_uid="reclaim-known-device")

        # Notices of a new sign-in and of changed credentials (notices.py).
        from allauth.account import signals as account_signals
        from allauth.mfa import signals as mfa_signals

        from . import notices

        user_logged_in.connect(notices.on_signed_in, dispatch_uid="reclaim.notice-sign-in")
        # allauth's sign-in writes the device-list row; the session notes when.
        account_signals.user_logged_in.connect(
            after_signing_in, dispatch_uid="reclaim.activity-at-sign-in"
        )
        for signal in (
            account_signals.password_changed,
            account_signals.password_set,
            account_signals.password_reset,
        ):
            signal.connect(notices.on_password_changed, dispatch_uid="reclaim.notice-password")
        for signal in (account_signals.email_changed, account_signals.email_added):
            signal.connect(notices.on_email_changed, dispatch_uid="reclaim.notice-email")
        for signal in (
            mfa_signals.authenticator_added,
            mfa_signals.authenticator_removed,
            mfa_signals.authenticator_reset,
        ):
            signal.connect(notices.on_two_step_changed, dispatch_uid="reclaim.notice-two-step")

        # The account's own part of a member's copy: who they are to the app,
        # their settings and what they told us about what happened. Left out:
        # the password hash, recovery-code hashes, notices of sign-ins and the
        # copy itself (see tests/test_export.py for the reasons).
        from allauth.account.models import EmailAddress

        from reclaim.core.hooks import ExportList, register_export_part

        from .models import Situation, User

        register_export_part(
            "account",
            "Your account",
            ExportList("profile", User, lambda member: [member], leave_out=NOT_EXPORTED),
            ExportList(
                "email_addresses",
                EmailAddress,
                lambda member: EmailAddress.objects.filter(user=member).order_by("pk"),
            ),
            ExportList.owned("situation", Situation),
        )


# Columns of the account that are the app's business, not the member's words or choices.
NOT_EXPORTED = (
    "password",
    "is_superuser",
    "is_staff",
    "is_active",
    "first_name",
    "last_name",
    "role",
    "notice_serial",
)
