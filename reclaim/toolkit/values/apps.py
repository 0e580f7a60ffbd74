from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.values"
    label = "toolkit_values"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("values", queries.owned_sorts, queries.shown, "values:detail"))
