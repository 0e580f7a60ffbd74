from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.sayno"
    label = "toolkit_sayno"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one of these with a practitioner (sharing:tool_entry).
        register(Kind("sayno", queries.owned_practice, queries.shown, "sayno:practice_detail"))
