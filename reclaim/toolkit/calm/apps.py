from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.calm"
    label = "toolkit_calm"
