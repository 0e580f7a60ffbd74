from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.boundaries"
    label = "toolkit_boundaries"
