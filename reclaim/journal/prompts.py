"""Guided prompts for the journal, grouped by theme.

Each prompt has a stable code (an entry keeps the code, never the text, so a
prompt's wording can be improved later without touching anyone's entries).
Codes are never reused for a different question.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    slug: str
    title: str
    description: str


@dataclass(frozen=True)
class Prompt:
    code: str
    theme: str
    text: str
    note: str = ""
    # Words the new entry starts with (a letter's greeting, say); blank for most.
    starter: str = ""


_THEMES = [
    Theme(
        "compassion",
        "Self-compassion",
        "Speaking to yourself the way you would to a friend who is hurting.",
    ),
    Theme(
        "heard",
        "Being heard",
        "What you feel makes sense, and you do not have to carry it alone.",
    ),
    Theme(
        "boundaries",
        "Boundaries and saying no",
        "What you need, what you will do, and saying no without guilt.",
    ),
    Theme("values", "Values", "What matters most to you, and living close to it."),
    Theme("worth", "Your worth", "What happened is not a measure of you."),
    Theme("anger", "Anger", "Making room for anger without letting it run your day."),
    Theme("grief", "Grief", "Mourning what you lost, including the past you thought you had."),
    Theme(
        "identity",
        "Who you are",
        "You, beyond partner, parent and the other roles you carry.",
    ),
    Theme("hope", "Hope", "Small signs of a future that belongs to you."),
    Theme("trust", "Trust", "Trusting yourself again, and, if you choose, someone else."),
    Theme("body", "Your body", "What your body is carrying, and how to look after it."),
    Theme("care", "Looking after yourself", "Rest, joy and small comforts on hard days."),
]

# (code, text, note). The theme is the code's prefix.
_PROMPTS: list[tuple[str, str, str]] = [
    # Self-compassion
    (
        "compassion-01",
        "If a close friend had been through exactly what you have, what would you want "
        "them to hear from you? Now write it to yourself.",
        "Using your own name can help, even if it feels strange at first.",
    ),
    (
        "compassion-02",
        "Where do you feel the hurt most today? Describe it as you would to someone kind "
        "who is listening closely.",
        "",
    ),
    (
        "compassion-03",
        "What is one harsh thing you have said to yourself since you found out? "
        "Write a gentler answer to it.",
        "You don't have to believe the gentle version yet. Writing it down is enough for now.",
    ),
    (
        "compassion-04",
        "What did you get through today, even if it looked small from the outside?",
        "",
    ),
    (
        "compassion-05",
        "Write a short letter to the person you were on the day you found out. "
        "What do they most need to know?",
        "",
    ),
    # Being heard
    (
        "heard-01",
        "What do you wish someone would say to you right now? Write the words you need to hear.",
        "",
    ),
    (
        "heard-02",
        "Who has made you feel less alone since this happened, even for a moment? What did they do?",
        "",
    ),
    (
        "heard-03",
        "Which of your reactions have surprised you? Write them down without judging them.",
        "Racing thoughts, poor sleep and waves of anger are common after betrayal. "
        "They are not a sign that something is wrong with you.",
    ),
    (
        "heard-04",
        "If you could tell one safe person the whole story, who would it be, and what "
        "would you want them to understand first?",
        "",
    ),
    (
        "heard-05",
        "What would help you feel supported this week: a friend, a group, a professional, "
        "a book? What is one small step towards it?",
        "",
    ),
    # Boundaries and saying no
    (
        "boundaries-01",
        "Think of a recent moment when something felt wrong but you went along with it. "
        "What did you need just then?",
        "",
    ),
    (
        "boundaries-02",
        "Finish this sentence in as many ways as you like: “It is not okay with me when…”",
        "",
    ),
    (
        "boundaries-03",
        "Choose one boundary you would like to set. Write the behaviour, what you need, "
        "and what you will do if it happens again.",
        "A boundary is about what you will do. It is not about controlling someone else.",
    ),
    (
        "boundaries-04",
        "Write a no you have been putting off. Keep it short and kind, with no apology "
        "for having a need.",
        "“No, that doesn't work for me” is a complete answer.",
    ),
    (
        "boundaries-05",
        "After you say no, what feeling shows up: guilt, fear, relief? "
        "Where did you learn that it should feel that way?",
        "",
    ),
    # Values
    (
        "values-01",
        "Name three things that matter most to you in how people treat each other. "
        "Where did each one come from?",
        "",
    ),
    (
        "values-02",
        "Think of a time you felt proud of how you acted. Which of your values were you living then?",
        "",
    ),
    (
        "values-03",
        "Which of your values feels most hurt by what happened? What would honouring it look like now?",
        "",
    ),
    (
        "values-04",
        "Imagine yourself a year from now, living close to what matters to you. "
        "What is one thing you are doing?",
        "",
    ),
    (
        "values-05",
        "Is there a decision in front of you? Write how each option sits with your "
        "values, not only with your fears.",
        "There is no deadline. You can come back to this as often as you like.",
    ),
    # Worth
    (
        "worth-01",
        "Write down three things you are good at, however ordinary they seem.",
        "Strengths count even when no one is watching.",
    ),
    (
        "worth-02",
        "What happened reflects your partner's choices and ways of coping, not your "
        "value. What would change if you believed that fully?",
        "",
    ),
    (
        "worth-03",
        "List moments in your life when you acted with courage or care. "
        "Big or small, they are evidence of who you are.",
        "",
    ),
    (
        "worth-04",
        "The question “Was I not enough?” can be loud. Write back to it as someone "
        "who loves you would.",
        "Betrayal says something about how your partner copes. It says nothing about "
        "whether you were enough.",
    ),
    (
        "worth-05",
        "What are you proud of in yourself that needs no one else's approval?",
        "",
    ),
    (
        "worth-06",
        "What would you like to be appreciated for that has nothing to do with your "
        "looks or your relationship?",
        "",
    ),
    # Anger
    (
        "anger-01",
        "What are you angry about today? Let it be as big as it is. The page can hold it.",
        "Anger after betrayal is a natural response to being harmed. "
        "Here it has a safe place to go.",
    ),
    (
        "anger-02",
        "Where do you feel anger in your body, and what does it urge you to do? "
        "What did you actually do?",
        "",
    ),
    (
        "anger-03",
        "What is your anger protecting? Sometimes underneath it there is hurt, fear, "
        "or a line that was crossed.",
        "",
    ),
    (
        "anger-04",
        "Write a letter you will never send, saying everything you want to say. "
        "Then write how you feel afterwards.",
        "It stays here, private. You never have to send anything.",
    ),
    (
        "anger-05",
        "What helps your anger settle, even a little: moving, slow breaths, cold water, "
        "a walk, a friend? Which could you try next time?",
        "",
    ),
    # Grief
    (
        "grief-01",
        "What have you lost that other people might not see? Name it, even if it sounds small.",
        "",
    ),
    (
        "grief-02",
        "Which memory hurts to look at now? Write about what it meant to you at the time.",
        "The past can hold real love and things you didn't know. Both can be true.",
    ),
    (
        "grief-03",
        "What did you hope your life would look like? Write about that hope with the "
        "tenderness it deserves.",
        "",
    ),
    (
        "grief-04",
        "What would you like to say goodbye to, and what would you like to keep?",
        "",
    ),
    (
        "grief-05",
        "Grief comes in waves. What does a wave feel like for you, and what helps you through it?",
        "",
    ),
    # Identity beyond roles
    (
        "identity-01",
        "Before you were anyone's partner or parent, who were you? What did you love doing?",
        "",
    ),
    (
        "identity-02",
        "List the roles you carry every day. Then write about who you are when none "
        "of them is asking anything of you.",
        "",
    ),
    (
        "identity-03",
        "What part of yourself have you set aside for the relationship or the family? "
        "Would you like some of it back?",
        "",
    ),
    (
        "identity-04",
        "Describe yourself without mentioning your partner, your children or your work.",
        "It may take a few tries. That is normal when roles have filled so much space.",
    ),
    (
        "identity-05",
        "What is one small thing you could do this week just because you enjoy it?",
        "",
    ),
    # Hope
    (
        "hope-01",
        "What is one thing, however small, that went a little better today than it might have?",
        "",
    ),
    (
        "hope-02",
        "Picture a calm morning some months from now. Where are you, and what do you notice?",
        "",
    ),
    (
        "hope-03",
        "Who or what reminds you that life can still be good?",
        "",
    ),
    (
        "hope-04",
        "What would you like to be true for you a year from now, whatever happens "
        "in the relationship?",
        "",
    ),
    (
        "hope-05",
        "Name one next small step towards the life you want. Just one is plenty.",
        "",
    ),
    # Trust
    (
        "trust-01",
        "When have your instincts served you well, before or since? What did that feel like?",
        "",
    ),
    (
        "trust-02",
        "What would you need to see, over time, to feel safe with someone again?",
        "Trust grows back through what someone does, again and again, not through promises.",
    ),
    (
        "trust-03",
        "Which of your doubts about yourself came from what happened, and which were there before?",
        "",
    ),
    (
        "trust-04",
        "What would trusting yourself look like in one decision you face this week?",
        "",
    ),
    # The body
    (
        "body-01",
        "Notice your body from head to toe. Where are you holding tension right now? "
        "Describe it without trying to fix it.",
        "",
    ),
    (
        "body-02",
        "How have you been sleeping and eating? Write about it kindly, as information, not as a grade.",
        "Shock often shows up in sleep and appetite first. Be patient with yourself.",
    ),
    (
        "body-03",
        "What is one thing your body did for you today?",
        "",
    ),
    (
        "body-04",
        "What kinds of movement or rest help your body feel safer? When could you fit one in?",
        "",
    ),
    # Self-care
    (
        "care-01",
        "What brought you even a moment of joy or calm this week?",
        "",
    ),
    (
        "care-02",
        "If you had one free hour just for yourself, how would you spend it?",
        "",
    ),
    (
        "care-03",
        "What does looking after yourself look like on a hard day? Write a short, gentle plan.",
        "Keep it small enough to do when you are exhausted.",
    ),
    (
        "care-04",
        "Which people, places or habits leave you feeling more like yourself? Which leave you drained?",
        "",
    ),
]

_BY_CODE: dict[str, Prompt] = {
    code: Prompt(code=code, theme=code.rsplit("-", 1)[0], text=text, note=note)
    for code, text, note in _PROMPTS
}
_THEME_BY_SLUG: dict[str, Theme] = {theme.slug: theme for theme in _THEMES}


def register(theme: Theme, prompts: list[Prompt]) -> None:
    """Add a theme and its prompts from another app (lessons' reflections, the letter to oneself).

    Called from an app's ready(). A code already taken by a different prompt
    is a mistake in the caller and raises, so a code can never change meaning.
    """
    if theme.slug not in _THEME_BY_SLUG:
        _THEMES.append(theme)
        _THEME_BY_SLUG[theme.slug] = theme
    for prompt in prompts:
        if prompt.theme != theme.slug:
            raise ValueError(f"prompt {prompt.code} is not in theme {theme.slug}")
        known = _BY_CODE.get(prompt.code)
        if known is not None and known != prompt:
            raise ValueError(f"prompt code {prompt.code} is already taken")
        _BY_CODE[prompt.code] = prompt


def all_themes() -> list[Theme]:
    return list(_THEMES)


def get_theme(slug: str) -> Theme | None:
    return _THEME_BY_SLUG.get(slug)


def prompts_for(theme: str) -> list[Prompt]:
    """The prompts of one theme (by slug), in their fixed order."""
    return [prompt for prompt in _BY_CODE.values() if prompt.theme == theme]


def all_prompts() -> list[Prompt]:
    return list(_BY_CODE.values())


def get_prompt(code: str | None) -> Prompt | None:
    if not code:
        return None
    return _BY_CODE.get(code)


def writing_kind(code: str | None) -> str:
    """What kind of writing an entry is, in words that say nothing of its content."""
    prompt = get_prompt(code)
    theme = get_theme(prompt.theme) if prompt else None
    return f"Guided writing: {theme.title}" if theme else "Free writing"
