from django.apps import AppConfig
from django.core.signals import setting_changed


class VaultConfig(AppConfig):
    name = "reclaim.vault"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signals import forget_cached_master_keys

        setting_changed.connect(forget_cached_master_keys, dispatch_uid="reclaim.vault.keys")
