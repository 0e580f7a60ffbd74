from django.apps import AppConfig

# The journal's writing forms, and the endpoint the page autosaves to.
DRAFT_URL_NAMES = ("journal:new", "journal:edit", "journal:draft")


class JournalConfig(AppConfig):
    name = "reclaim.journal"

    def ready(self) -> None:
        from reclaim.core.hooks import register_draft_saver

        from .actions import keep_draft_on_lock

        # When the app locks itself in the middle of writing, the words that
        # arrive with the late POST are kept as a draft before the session ends.
        for url_name in DRAFT_URL_NAMES:
            register_draft_saver(url_name, keep_draft_on_lock)

        from reclaim.core.hooks import ExportList, register_export_part

        from .models import Draft, Entry

        register_export_part(
            "journal",
            "Journal",
            ExportList.owned("entries", Entry),
            ExportList.owned("drafts", Draft),
        )
