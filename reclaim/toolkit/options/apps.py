from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.options"
    label = "toolkit_options"
