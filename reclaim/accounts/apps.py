from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "reclaim.accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .adapter import remember_known_login

        user_logged_in.connect(remember_known_login, dispatch_uid="reclaim-known-device")
