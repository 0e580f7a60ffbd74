from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.boundaries"
    label = "toolkit_boundaries"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("boundaries", queries.owned_boundaries, queries.shown, "boundaries:detail"))
