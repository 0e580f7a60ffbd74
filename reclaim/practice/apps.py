from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "reclaim.practice"
    label = "practice"
    verbose_name = "Practice"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from reclaim.core import hooks

        from . import access
        from .views import public

        hooks.register_public_home(public.home)
        hooks.register_signed_in_home(access.start_page_for)
