from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.trust"
    label = "toolkit_trust"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("trust", queries.owned_agreements, queries.shown, "trust:agreement"))
