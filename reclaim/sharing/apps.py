from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "reclaim.sharing"
