from django.apps import AppConfig


class ProgressConfig(AppConfig):
    name = "reclaim.progress"
