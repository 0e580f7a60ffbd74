"""A stolen database holds none of the words typed into any tool.

Each tool's own tests post a phrase through its pages and search the raw
database for it. This test guards the shape of every tool's tables, so a
new field cannot slip in as plain text: a column may be plain only if it is
an id, a date, a flag or sealed, or if its model names it in `PLAIN` with
the reason it reveals nothing typed.
"""

from __future__ import annotations

from django.apps import apps
from django.db import models

from reclaim.toolkit.registry import TOOLS

ALWAYS_PLAIN = (
    models.UUIDField,
    models.ForeignKey,
    models.DateField,  # DateTimeField is a DateField
    models.BinaryField,  # sealed columns
    models.BooleanField,
    models.AutoField,
    models.BigAutoField,
)


def _models():
    labels = [tool.app.rsplit(".", 1)[1] for tool in TOOLS]
    for label in [f"toolkit_{module}" for module in labels] + ["learn"]:
        yield from apps.get_app_config(label).get_models()


def test_every_plain_column_in_the_toolkit_is_an_id_a_date_a_flag_or_explained():
    surprises = []
    for model in _models():
        explained = getattr(model, "PLAIN", {})
        for field in model._meta.concrete_fields:
            if isinstance(field, ALWAYS_PLAIN) or field.name in explained:
                continue
            surprises.append(f"{model._meta.label}.{field.name} ({type(field).__name__})")
    assert not surprises, "plain columns that could hold what a member typed: " + ", ".join(
        surprises
    )


def test_every_explained_plain_column_exists_and_has_a_reason():
    for model in _models():
        names = {field.name for field in model._meta.concrete_fields}
        for name, reason in getattr(model, "PLAIN", {}).items():
            assert name in names, f"{model._meta.label} explains a column it does not have: {name}"
            assert len(reason.split()) >= 4, f"{model._meta.label}.{name} needs a real reason"
