from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.support"
    label = "toolkit_support"
