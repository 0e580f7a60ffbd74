from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.anger"
    label = "toolkit_anger"

    def ready(self) -> None:
        from reclaim.toolkit.shareable import Kind, register

        from . import queries

        # The member may share one moment with a practitioner (sharing:tool_entry),
        # from the page that shows it after saving.
        register(Kind("anger", queries.owned_entries, queries.shown, "anger:saved"))
