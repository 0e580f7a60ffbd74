from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.compassion"
    label = "toolkit_compassion"
