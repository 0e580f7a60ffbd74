from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class AssessmentsConfig(AppConfig):
    name = "reclaim.assessments"
    label = "assessments"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from reclaim.core.hooks import register_draft_saver

        from . import tasks  # noqa: F401  (registers the periodic reminder job with Huey)
        from .actions import keep_answers_on_lock
        from .instruments import registry
        from .queries import unknown_codes

        # A typo in RECLAIM_ENABLED_INSTRUMENTS would otherwise silently leave
        # a questionnaire off, so it stops the start with a message instead.
        unknown = unknown_codes(settings.RECLAIM_ENABLED_INSTRUMENTS)
        if unknown:
            raise ImproperlyConfigured(
                "RECLAIM_ENABLED_INSTRUMENTS names questionnaires that do not exist: "
                f"{', '.join(unknown)}. Known codes: {', '.join(sorted(registry()))}."
            )
        # Answers posted just after the auto-lock are kept, like any other draft.
        register_draft_saver("assessments:take", keep_answers_on_lock)

        from reclaim.core.hooks import ExportList, register_export_part

        from .models import InProgress, Reminder, ReminderPreference, Result

        register_export_part(
            "questionnaires",
            "Questionnaires",
            ExportList.owned("results", Result),
            ExportList.owned("in_progress", InProgress),
            ExportList.owned("reminders", Reminder),
            ExportList.owned("reminder_settings", ReminderPreference),
        )
