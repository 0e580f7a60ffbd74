from django.urls import include, path

from . import views
from .registry import TOOLS

app_name = "toolkit"

urlpatterns = [path("", views.index, name="index")]

# Each tool's own URLs, under /tools/<slug>/ with the tool's module as namespace.
tool_urls = [path(f"{tool.slug}/", include(f"{tool.app}.urls")) for tool in TOOLS]
