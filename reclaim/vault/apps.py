from django.apps import AppConfig
from django.core.signals import setting_changed
from django.db.models.signals import pre_save


class VaultConfig(AppConfig):
    name = "reclaim.vault"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .signals import forget_cached_master_keys, refuse_unsealed

        setting_changed.connect(forget_cached_master_keys, dispatch_uid="reclaim.vault.keys")
        pre_save.connect(refuse_unsealed, dispatch_uid="reclaim.vault.unsealed")
