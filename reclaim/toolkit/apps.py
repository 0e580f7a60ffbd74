from django.apps import AppConfig, apps
from django.utils.text import camel_case_to_spaces


class ToolkitConfig(AppConfig):
    name = "reclaim.toolkit"

    def ready(self) -> None:
        from reclaim.core.hooks import ExportList, register_export_part

        from .registry import TOOLS

        # Each tool is a part of the export, with a list for each kind of
        # thing it keeps. Tools are apps of their own, installed from the
        # registry, so their models are found through Django's app registry.
        for tool in TOOLS:
            lists = [
                ExportList.owned(camel_case_to_spaces(model.__name__).replace(" ", "_"), model)
                for model in apps.get_app_config(f"toolkit_{tool.module}").get_models()
                if any(field.name == "owner" for field in model._meta.concrete_fields)
            ]
            if lists:
                register_export_part(f"tool_{tool.module}", tool.name, *lists)
