from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.compassion"
    label = "toolkit_compassion"

    def ready(self) -> None:
        from reclaim.journal.prompts import register
        from reclaim.toolkit.shareable import Kind
        from reclaim.toolkit.shareable import register as share

        from . import queries
        from .letters import PROMPTS, THEME

        # The letter to yourself is a journal entry, opened from a prompt
        # whose starter puts the greeting in place.
        register(THEME, PROMPTS)
        # A break may be shared with a practitioner, one by one (sharing:tool_entry).
        share(Kind("compassion", queries.owned_breaks, queries.shown, "compassion:detail"))
