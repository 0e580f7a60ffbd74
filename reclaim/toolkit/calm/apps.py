from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.calm"
    label = "toolkit_calm"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("calm", queries.owned_thoughts, queries.shown, "calm:thought"))
