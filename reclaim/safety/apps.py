from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "reclaim.safety"
