from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "reclaim.checkins"

    def ready(self) -> None:
        from reclaim.core.hooks import register_draft_saver

        from .locking import save_on_lock

        register_draft_saver("checkins:new", save_on_lock)

        from reclaim.core.hooks import ExportList, register_export_part

        from .models import CheckIn, OwnTrigger

        register_export_part(
            "checkins",
            "Check-ins",
            ExportList.owned("check_ins", CheckIn),
            ExportList.owned("own_triggers", OwnTrigger),
        )
