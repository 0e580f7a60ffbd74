from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.selfcare"
    label = "toolkit_selfcare"
