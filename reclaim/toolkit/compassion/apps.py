from django.apps import AppConfig


class Config(AppConfig):
    name = "reclaim.toolkit.compassion"
    label = "toolkit_compassion"

    def ready(self) -> None:
        from reclaim.journal.prompts import register

        from .letters import PROMPTS, THEME

        # The letter to yourself is a journal entry, opened from a prompt
        # whose starter puts the greeting in place.
        register(THEME, PROMPTS)
