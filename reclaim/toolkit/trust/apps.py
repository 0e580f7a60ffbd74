from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.trust"
    label = "toolkit_trust"
