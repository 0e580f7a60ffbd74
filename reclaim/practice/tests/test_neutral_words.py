"""Nothing that others may glance at names what the practice is about.

An e-mail's subject, sender and preview line show on a lock screen and in an
inbox list; a calendar title shows in a shared calendar. This test reads every
mail template of the practice (ones added later too: it reads the folder),
every subject and sender setting, and every calendar title we offer, against
the one list of words in `mail.FORBIDDEN_IN_MAIL`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

from reclaim.practice import calendar, mail

MAIL_TEMPLATES = Path(mail.__file__).parent / "templates" / "practice" / "mail"
TEMPLATES = sorted(path for path in MAIL_TEMPLATES.rglob("*") if path.is_file())
SETTINGS = [
    "RECLAIM_SUBJECT_APPOINTMENT",
    "RECLAIM_SUBJECT_REGISTRATION",
    "RECLAIM_MAIL_SENDER_NAME",
]


def test_the_mail_folder_has_the_base_layouts_and_the_test_sees_them():
    names = {path.name for path in TEMPLATES}
    assert {"base.txt", "base.html"} <= names


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(MAIL_TEMPLATES)))
def test_no_mail_template_holds_a_word_that_gives_the_subject_away(path):
    assert mail.forbidden_words(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("name", SETTINGS)
def test_the_default_subjects_and_sender_name_are_neutral(name):
    # Unset in the test run, so these are the defaults an operator starts with.
    assert name not in os.environ
    value = getattr(settings, name)
    assert value
    assert mail.is_neutral(value)


@pytest.mark.parametrize("title", calendar.NEUTRAL_TITLES)
def test_every_calendar_title_we_offer_is_neutral(title):
    assert mail.is_neutral(title)


@pytest.mark.parametrize("word", mail.FORBIDDEN_IN_MAIL)
def test_each_forbidden_word_is_caught_in_any_case_and_common_form(word):
    assert not mail.is_neutral(f"About {word}")
    assert not mail.is_neutral(f"About {word.upper()}.")
    assert mail.forbidden_words(f"Your {word} session") == [word]


def test_plurals_and_other_forms_are_caught_too():
    for text in (
        "Affairs",
        "therapies",
        "Crises",
        "sexual",
        "ABUSED",
        "Abusers",
        "Healed",
        "Counsellors",
    ):
        assert not mail.is_neutral(f"About {text} today"), text


def test_words_that_only_contain_a_forbidden_one_are_left_alone():
    for text in ("Your health check", "Sussex office", "Healthy habits", "Your appointment"):
        assert mail.is_neutral(text), text
