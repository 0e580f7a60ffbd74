"""Believable journal entries for `reclaim demo` and for benchmarks.

The words are our own, written in the voice of someone in the months after
finding out. Each entry opens with one paragraph (which brings its title,
tags and sometimes the prompt it answers) and may add one or two more.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from reclaim.vault.crypto import key_cache
from reclaim.vault.fields import seal

from . import index
from .models import Entry

if TYPE_CHECKING:
    from reclaim.accounts.models import User

BATCH = 200

# (title, paragraph, tags, prompt code)
_PIECES: list[tuple[str, str, tuple[str, ...], str]] = [
    (
        "Four in the morning",
        "I woke at four again and my mind went straight back to the messages. I lay "
        "there replaying every date I could remember, trying to make the timeline fit. "
        "It never fits. In the end I got up, made tea and sat by the window until it was light.",
        ("sleep", "hard day"),
        "",
    ),
    (
        "An hour",
        "Today I went almost a whole hour without thinking about it. Then a song on the "
        "radio brought it all back. Still, an hour. I want to write it down so I remember "
        "that it happened.",
        ("a good day", "hope"),
        "hope-01",
    ),
    (
        "She listened",
        "My sister listened for a long time tonight without trying to fix anything. I "
        "didn't know how much I needed that. I cried in the car afterwards, but it was a "
        "different kind of crying, lighter somehow.",
        ("support",),
        "heard-02",
    ),
    (
        "Not my choice",
        "I keep asking what I missed, as if paying closer attention could have stopped "
        "it. My counsellor said that question keeps me responsible for a choice that was "
        "never mine. I am trying to let that sink in.",
        ("self-worth", "therapy"),
        "",
    ),
    (
        "The supermarket",
        "The anger came out of nowhere at the supermarket. Someone laughed near the "
        "freezers and I wanted to throw something. I left the trolley, sat in the car and "
        "breathed slowly until my hands stopped shaking.",
        ("anger", "triggers"),
        "",
    ),
    (
        "A long talk",
        "We talked for two hours tonight. My partner says they want to make this right. I "
        "don't know yet what right looks like. I know I need honesty that doesn't have to "
        "be dragged out piece by piece.",
        ("trust", "partner"),
        "",
    ),
    (
        "I said no",
        "I said no today. A friend asked me to host the birthday dinner and, for the first "
        "time in years, I told her it doesn't work for me this time. My heart was "
        "pounding, and nothing terrible happened.",
        ("boundaries", "saying no"),
        "boundaries-04",
    ),
    (
        "Things I'm good at",
        "I made a list of things I am good at. The first one took twenty minutes. By the "
        "end there were eleven: patient with the kids, good at fixing things, loyal, "
        "funny when I'm not exhausted. The list lives in my bag now.",
        ("self-worth",),
        "worth-01",
    ),
    (
        "Who am I now",
        "Who am I when I'm not managing everyone else's feelings? I honestly don't know "
        "yet. I used to paint. I used to walk for hours on Sunday mornings. Maybe I start there.",
        ("identity",),
        "identity-01",
    ),
    (
        "Slept",
        "Six hours of sleep in one go, the first time in weeks. I felt almost human at "
        "breakfast. I won't make too much of it, but it was good.",
        ("sleep", "a good day"),
        "",
    ),
    (
        "Heavy",
        "My chest has been tight all day, as if something heavy is sitting on it. I "
        "walked round the block twice and it eased a little. My body is carrying this "
        "too, not only my head.",
        ("body", "anxiety"),
        "body-01",
    ),
    (
        "What was real",
        "I grieve the life I thought we had: the holidays, the photos, the ordinary "
        "evenings. Were they real? Some of it was real for me, and I am allowed to keep that.",
        ("grief",),
        "grief-02",
    ),
    (
        "Checking",
        "I caught myself checking their location again. I know it never brings the peace "
        "I am looking for. Tomorrow I'll try to notice the urge and write here instead.",
        ("triggers", "trust"),
        "",
    ),
    (
        "A line for the evenings",
        "A boundary I want to keep: no more talking about this after ten at night. "
        "Nothing good comes of those talks when we are both worn out. If it starts, I "
        "will say so and go to bed.",
        ("boundaries",),
        "boundaries-03",
    ),
    (
        "Not the only one",
        "The group tonight was hard and good. Someone described the moment of finding "
        "out, the floor dropping away, and I nodded so hard. I am not the only one. I am "
        "not going mad.",
        ("support",),
        "",
    ),
    (
        "Three values",
        "Honesty, respect, kindness. Those are the three I kept coming back to in the "
        "values exercise. I realised I have been living the first one while being denied it.",
        ("values",),
        "values-01",
    ),
    (
        "Gentle",
        "I was short with the kids this morning and felt awful all day. Then I remembered "
        "how gentle I would be with a friend going through this. I said sorry to them at "
        "dinner, and forgave myself a little too.",
        ("self-compassion", "kids"),
        "compassion-01",
    ),
    (
        "Not today",
        "Some days I want to leave and some days I want to stay and fight for this. Today "
        "I am just tired. I don't have to decide anything today.",
        ("options", "hard day"),
        "values-05",
    ),
    (
        "Swimming",
        "I went swimming for the first time since all this began. The cold water made "
        "everything quiet for a while. I floated on my back, looked at the ceiling and breathed.",
        ("body", "self-care"),
        "body-04",
    ),
    (
        "It explains, it doesn't excuse",
        "I read about how people who betray often cope by escaping: chasing a thrill, "
        "going numb, living in a fantasy. It explains some things. It excuses nothing. "
        "And none of it is about my worth.",
        ("self-worth", "learning"),
        "worth-02",
    ),
    (
        "Conversations in the shower",
        "I keep rehearsing conversations in the shower: everything I should have said, "
        "everything I'll say next time. I'm going to write them here instead and let the "
        "shower be a shower again.",
        ("racing thoughts",),
        "",
    ),
    (
        "Small good things",
        "A small good thing: the neighbour's dog waited at the gate for me like it always "
        "does. Ordinary life is still going on around me, and some of it is sweet.",
        ("a good day", "hope"),
        "care-01",
    ),
    (
        "Where it comes from",
        "In therapy today we talked about how I learned as a child to keep everyone calm. "
        "No wonder I am so good at reading a room and so bad at saying what I need.",
        ("therapy", "boundaries"),
        "",
    ),
    (
        "Five things",
        "A wave hit me in the middle of a meeting and I had to step out. Five things I can "
        "see, four I can hear. By the time I got to one, I could go back in.",
        ("grounding", "triggers"),
        "",
    ),
    (
        "Three meals",
        "I ate three proper meals today and I am proud of it. That sounds small. It isn't "
        "small right now.",
        ("self-care", "body"),
        "compassion-04",
    ),
    (
        "Something kept",
        "My partner kept an agreement this week and told me something before I had to "
        "ask. I noticed. I am not ready to call it trust, but I noticed.",
        ("trust", "partner"),
        "trust-02",
    ),
    (
        "A signal",
        "The anger is still here, but it feels less like a fire and more like a signal. "
        "It shows me where my line is. I can listen to it without letting it drive.",
        ("anger", "boundaries"),
        "anger-03",
    ),
    (
        "Old photos",
        "I looked at photos of myself from before we met. That person had plans: travel, "
        "a course, a little studio of my own. Some of those plans could still be mine.",
        ("identity", "hope"),
        "identity-03",
    ),
    (
        "A letter I won't send",
        "Tonight I wrote a letter I will never send. Three pages, and I said everything. "
        "Afterwards I felt emptied out, but cleanly, like the air after a storm.",
        ("anger",),
        "anger-04",
    ),
    (
        "Not fine",
        "A friend asked how I was and I told her the truth instead of saying fine. She "
        "didn't flinch. She said, that sounds so hard, and hugged me for a long time.",
        ("support",),
        "",
    ),
    (
        "Curious",
        "Hope feels like a big word. Maybe it is more like curiosity: I am curious who I "
        "will be a year from now. That is enough for today.",
        ("hope",),
        "hope-04",
    ),
    (
        "Sorry, sorry, sorry",
        "I said sorry four times in one conversation for things that were not my fault. "
        "Next time I'll try saying thank you instead, or nothing at all.",
        ("saying no", "self-worth"),
        "boundaries-05",
    ),
]

# Paragraphs that read well after any opening.
_MORE = [
    "I don't have to have it all worked out. Writing it down helps it take up less room.",
    "Tomorrow I have the kids' appointments and work. One thing at a time.",
    "I'm going to have a bath, put my phone in another room and go to bed early.",
    "The racing thoughts were quieter this evening. I'll take it.",
    "If I could tell the me from a month ago one thing, it would be: you will get "
    "through the next hour, and then the one after that.",
    "I noticed I was holding my breath again. Slow breath in, longer breath out.",
]


def _timeline(rng: random.Random, days: int, count: int | None) -> list[timedelta]:
    """How many days ago each entry was written, oldest first."""
    span = max(days, 1)
    if count is not None:
        return [
            timedelta(days=offset)
            for offset in sorted(rng.choices(range(span), k=count), reverse=True)
        ]
    offsets = []
    offset = span - 1 - rng.randrange(3)
    while offset >= 0:
        offsets.append(timedelta(days=offset))
        offset -= rng.choice((2, 2, 3))
    return offsets


def _compose(rng: random.Random) -> tuple[str, str, list[str], str]:
    title, lead, tags, prompt = rng.choice(_PIECES)
    paragraphs = [lead]
    # Some entries run on with a second piece, or a quieter closing line.
    if rng.random() < 0.35:
        _, second, more_tags, _ = rng.choice(_PIECES)
        if second != lead:
            paragraphs.append(second)
            tags = tags + tuple(t for t in more_tags if t not in tags)
    if rng.random() < 0.5:
        paragraphs.append(rng.choice(_MORE))
    if rng.random() < 0.15:
        title = ""  # Some people never bother with titles.
    if rng.random() < 0.5:
        prompt = ""  # Free writing that happens to fit a theme.
    return title, "\n\n".join(paragraphs), list(tags[:3]), prompt


def seed_journal(user: User, days: int = 90, *, count: int | None = None) -> int:
    """Write demo entries for `user` over the last `days` days; return how many.

    Without `count`, about one entry every two or three days. With it,
    exactly `count` entries spread over the same span (benchmarks use this).
    The same member always gets the same entries.
    """
    rng = random.Random(f"reclaim-journal-{user.pk}")
    zone = user.zone
    now = timezone.now()
    today = timezone.localdate(now, zone)
    made = 0
    timeline = _timeline(rng, days, count)
    with key_cache(), transaction.atomic():
        for start in range(0, len(timeline), BATCH):
            batch = []
            for ago in timeline[start : start + BATCH]:
                day = today - ago
                at = datetime.combine(day, time(rng.randint(6, 22), rng.randint(0, 59)), zone)
                created = min(at, now - timedelta(minutes=rng.randint(1, 90)))
                title, body, tags, prompt = _compose(rng)
                # The primary key and owner come first: sealing binds each
                # value to its row and its member.
                entry = Entry(
                    id=uuid.uuid4(),
                    owner=user,
                    created=created,
                    updated=created,
                    day=timezone.localdate(created, zone),
                    prompt=prompt,
                )
                entry.title = title
                entry.body = body
                entry.tags = tags
                batch.append(entry)
            seal(*batch)
            Entry.objects.bulk_create(batch)
            index.entries_added(user.pk, batch)
            made += len(batch)
    return made


def seed(user: User, days: int, today: date) -> None:
    """The demo's journal (`reclaim.core.demo` calls this), ending now."""
    seed_journal(user, days)
