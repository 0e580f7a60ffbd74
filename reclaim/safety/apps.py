from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "reclaim.safety"

    def ready(self) -> None:
        from reclaim.core.hooks import ExportList, register_export_part

        from .models import RiskEvent, SafetyPlan

        register_export_part(
            "safety",
            "Safety",
            ExportList.owned("safety_plan", SafetyPlan),
            ExportList.owned("hard_moments", RiskEvent),
        )
