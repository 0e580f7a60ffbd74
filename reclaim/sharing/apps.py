from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "reclaim.sharing"

    def ready(self) -> None:
        from reclaim.core.hooks import ExportList, register_export_part, register_urgent_listener

        from .actions import do_raise_risk_alerts
        from .models import Connection, Grant, Look, RiskAlert, Suggestion

        # Risk alerts: only for members who switched them on (see actions.py).
        register_urgent_listener(do_raise_risk_alerts)

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
                "risk_alerts",
                RiskAlert,
                lambda member: RiskAlert.objects.filter(connection__owner=member).order_by(
                    "at", "pk"
                ),
            ),
            ExportList(
                "suggestions",
                Suggestion,
                lambda member: Suggestion.objects.filter(connection__owner=member).order_by(
                    "created", "pk"
                ),
            ),
        )
