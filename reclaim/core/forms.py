"""How every form in the app lays out a field.

Django puts a colon after a label ("Country:") unless the label ends in a
question mark or a full stop, and the pages that lay out their fields by hand
write none, so one form read "What should we call you?" and then "Country:".
Labels here are the words as written, with no colon, for every form (ours,
allauth's and Django's own): this renderer is set once in settings as
FORM_RENDERER, so no form has to remember.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates


class FormRenderer(DjangoTemplates):
    field_template_name = "core/forms/field.html"
