from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.worth"
    label = "toolkit_worth"
