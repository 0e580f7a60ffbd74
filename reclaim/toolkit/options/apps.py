from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.options"
    label = "toolkit_options"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("options", queries.owned_snapshots, queries.shown, "options:detail"))
