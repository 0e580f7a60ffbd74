from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "reclaim.core"

    def ready(self) -> None:
        # Registers the installation checks with Django.
        from . import checks  # noqa: F401
