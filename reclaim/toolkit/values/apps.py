from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.values"
    label = "toolkit_values"
