from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "reclaim.sharing"

    def ready(self) -> None:
        from reclaim.core.hooks import ExportList, register_export_part

        from .models import Connection, Grant, Look, Suggestion

        # The member's side of sharing: whom they connected to, what they
        # switched on, every time a practitioner looked, and what was suggested.
        register_export_part(
            "sharing",
            "Sharing with a practitioner",
            ExportList.owned("connections", Connection),
            ExportList(
                "switches_on",
                Grant,
                lambda member: Grant.objects.filter(connection__owner=member).order_by("pk"),
            ),
            ExportList(
                "looks",
                Look,
                lambda member: Look.objects.filter(connection__owner=member).order_by("at", "pk"),
            ),
            ExportList(
                "suggestions",
                Suggestion,
                lambda member: Suggestion.objects.filter(connection__owner=member).order_by(
                    "created", "pk"
                ),
            ),
        )
