from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.anger"
    label = "toolkit_anger"
