"""Everyday moments to practise a no on.

Each has a stable code: saved practice keeps the code (sealed), never the
wording, so a scenario's words can be improved later. Codes are never reused
for a different moment. The example replies are one way among many, and each
one meets every rule in feedback.py (a test holds them to it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    code: str
    title: str
    situation: str
    they_say: str
    example: str


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "drop-subject",
        "Asked to drop the subject",
        "You bring up something about what happened. Your partner sighs and wants to "
        "close the conversation for good.",
        "Can we please stop going over this? I want us to move on.",
        "No. I still need to talk about it. We can set a time that suits us both.",
    ),
    Scenario(
        "keep-secret",
        "Asked to keep the secret",
        "A relative has heard what happened. They ask you to keep it from the rest of "
        "the family so nobody gets upset.",
        "Promise me you won't tell anyone. It would only cause trouble.",
        "I won't make that promise. I decide who I talk to about my life.",
    ),
    Scenario(
        "pushing-for-details",
        "A friend pushes for details",
        "A friend means well, but keeps asking exactly what happened, who it was and "
        "how you found out.",
        "Come on, you can tell me. Who was it? What did you see?",
        "I'm not going into the details. Thank you for caring about me.",
    ),
    Scenario(
        "intimacy",
        "Intimacy before you are ready",
        "Your partner wants to be close again, physically, and you are not ready.",
        "It's been weeks. Don't you think it's time we were close again?",
        "Not yet. I'm not ready, and I will tell you when that changes.",
    ),
    Scenario(
        "stop-support",
        "Asked to stop talking to your support",
        "Your partner is uneasy that you talk to a counsellor or a close friend about "
        "what happened, and asks you to stop.",
        "I don't want you telling your therapist about us any more. It's private.",
        "No. My sessions are mine, and I'm keeping them.",
    ),
    Scenario(
        "forgive-and-move-on",
        "Told to forgive and move on",
        "A parent tells you that it is time to forgive, for the sake of the family.",
        "You have to forgive and move on. Holding on to this isn't healthy.",
        "I'm not ready to forgive. I'll take the time I need. I know you want the best for me.",
    ),
    Scenario(
        "favour-when-exhausted",
        "A favour when you are exhausted",
        "A colleague asks you to cover for them, on a week when you are running on empty.",
        "Could you take my shift on Saturday? You're the only one I can ask.",
        "No, I can't this time. I hope you find someone.",
    ),
    Scenario(
        "holiday-dinner",
        "The family holiday dinner",
        "Your partner's family expects you both at a big holiday dinner, and you do not "
        "feel able to sit through it.",
        "Everyone's expecting you. It will look strange if you don't come.",
        "I won't be at the dinner this year. Thank you for the invitation.",
    ),
    Scenario(
        "unblock-them",
        "Asked to unblock the other person",
        "Your partner asks you to unblock the person they were involved with, or to "
        "answer their message, to sort things out.",
        "They just want to explain. Can you unblock them and hear them out?",
        "No. They stay blocked, and I'm not answering them.",
    ),
    Scenario(
        "host-or-organise",
        "Asked to host or organise",
        "Someone asks you to host a gathering or organise an event, the way you always have.",
        "You always do the birthday. Can you sort it out again this year?",
        "Not this year. I'm stepping back from organising.",
    ),
    Scenario(
        "phone-password",
        "Your phone, their rules",
        "Your partner asks for the password to your phone, while keeping their own phone locked.",
        "Give me your passcode. You've got nothing to hide, right?",
        "No, I'm keeping my passcode to myself.",
    ),
    Scenario(
        "confront-together",
        "Asked to confront them together",
        "A friend is angry on your behalf and wants you both to go and confront the other person.",
        "Let's go round there together and tell them exactly what we think.",
        "No, I'm not doing that. I appreciate you standing by me.",
    ),
    Scenario(
        "school-event",
        "A children's event with your partner there",
        "There is an event at your child's school. Your partner wants to go together and "
        "act as if nothing has happened.",
        "We should go together and look normal, for the kids' sake.",
        "I'll go on my own. I won't pretend for anyone.",
    ),
    Scenario(
        "late-night-talk",
        "A big talk late at night",
        "It is late, you are worn out, and your partner wants to talk everything through now.",
        "We need to sort this out tonight. I can't sleep until we do.",
        "Not tonight. I'll talk tomorrow afternoon.",
    ),
    Scenario(
        "lend-money",
        "Asked to lend money",
        "A relative asks to borrow money, at a time when you are unsure of your own future.",
        "It's only until next month. You know I'll pay you back.",
        "No, I'm not lending money right now.",
    ),
    Scenario(
        "own",
        "A moment of your own",
        "Something in your own life that you would like to say no to. You could write "
        "in a word or two what it is, then your reply.",
        "",
        "No, that doesn't work for me.",
    ),
)

_BY_CODE = {scenario.code: scenario for scenario in SCENARIOS}


def get_scenario(code: str | None) -> Scenario | None:
    if not code:
        return None
    return _BY_CODE.get(code)


def title_of(code: str | None) -> str:
    """A scenario's title, or a neutral one for a code that is gone."""
    scenario = get_scenario(code)
    return scenario.title if scenario else "A moment to say no"
