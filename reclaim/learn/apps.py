from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "reclaim.learn"

    def ready(self) -> None:
        from .lessons import all_lessons, register_reflections

        # Each lesson's closing question is also a journal prompt, so the
        # button at the end of a lesson opens an entry that starts from it.
        register_reflections(all_lessons())

        from reclaim.core.hooks import ExportList, register_export_part

        from .models import Progress

        register_export_part("lessons", "Lessons", ExportList.owned("progress", Progress))
