from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.sayno"
    label = "toolkit_sayno"
