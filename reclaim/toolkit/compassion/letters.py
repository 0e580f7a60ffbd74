"""Letters to yourself: journal prompts that open an entry with a greeting.

Registered with the journal in apps.py, so a letter is written, kept and
found like any other journal entry, on the journal's own page.
"""

from __future__ import annotations

from reclaim.journal.prompts import Prompt, Theme

THEME = Theme(
    "letter",
    "Letters to yourself",
    "Kind words in your own hand, to read again on the days you need them.",
)

FIRST = "letter-01"

PROMPTS = [
    Prompt(
        code=FIRST,
        theme=THEME.slug,
        text="Write a letter to yourself as you are today, from the part of you that is kind.",
        note="Write as you would to a dear friend going through the same thing. "
        "There is no right way to do it, and no one else will read it.",
        starter="Dear me,\n\n",
    ),
    Prompt(
        code="letter-02",
        theme=THEME.slug,
        text="Write a letter for the next hard night. What will you want to be reminded of?",
        note="You could come back to this entry when the night comes.",
        starter="Dear me, on a hard night,\n\n",
    ),
    Prompt(
        code="letter-03",
        theme=THEME.slug,
        text="Write to yourself a year from now. What do you hope for you, and what would "
        "you like to remember about these days?",
        starter="Dear me, a year from now,\n\n",
    ),
    Prompt(
        code="letter-04",
        theme=THEME.slug,
        text="Think of someone who cares about you without conditions. Write the letter "
        "they would send you today.",
        note="It can be a friend, a grandparent, a teacher, or someone you imagine.",
        starter="Dear you,\n\n",
    ),
]
