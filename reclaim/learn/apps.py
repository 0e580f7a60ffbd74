from django.apps import AppConfig


class LearnConfig(AppConfig):
    name = "reclaim.learn"

    def ready(self) -> None:
        from .lessons import all_lessons, register_reflections

        # Each lesson's closing question is also a journal prompt, so the
        # button at the end of a lesson opens an entry that starts from it.
        register_reflections(all_lessons())
