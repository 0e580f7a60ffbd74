"""SCS-SF: twelve questions about how kindly you treat yourself in hard times."""

from . import Band, Instrument, Licence, LicenceStatus, Option, ScoreKind, numbered_items

INSTRUMENT = Instrument(
    code="scs_sf",
    name="Self-Compassion Scale – Short Form",
    short_name="SCS-SF",
    plain_name="Self-kindness",
    time_frame="In difficult times, as a rule",
    instructions=(
        "HOW I TYPICALLY ACT TOWARDS MYSELF IN DIFFICULT TIMES. Please read each statement "
        "carefully before answering. To the left of each item, indicate how often you "
        "behave in the stated manner, using the following scale:"
    ),
    screen_instructions=(
        "How I typically act towards myself in difficult times. Please read each statement "
        "carefully before answering. For each item, indicate how often you behave in the "
        "stated manner, using the following scale: [Adapted for a screen: 'For each item' "
        "replaces 'To the left of each item'.]"
    ),
    items=numbered_items(
        [
            "When I fail at something important to me I become consumed by feelings of inadequacy.",
            "I try to be understanding and patient towards those aspects of my personality "
            "I don't like.",
            "When something painful happens I try to take a balanced view of the situation.",
            "When I'm feeling down, I tend to feel like most other people are probably "
            "happier than I am.",
            "I try to see my failings as part of the human condition.",
            "When I'm going through a very hard time, I give myself the caring and "
            "tenderness I need.",
            "When something upsets me I try to keep my emotions in balance.",
            "When I fail at something that's important to me, I tend to feel alone in my failure.",
            "When I'm feeling down I tend to obsess and fixate on everything that's wrong.",
            "When I feel inadequate in some way, I try to remind myself that feelings of "
            "inadequacy are shared by most people.",
            "I'm disapproving and judgmental about my own flaws and inadequacies.",
            "I'm intolerant and impatient towards those aspects of my personality I don't like.",
        ],
        reverse=(1, 4, 8, 9, 11, 12),
        # Neff advises against short-form subscale scores, so the groups are
        # recorded for reference only and never scored.
        groups={
            "self_kindness": (2, 6),
            "self_judgment": (11, 12),
            "common_humanity": (5, 10),
            "isolation": (4, 8),
            "mindfulness": (3, 7),
            "over_identification": (1, 9),
        },
    ),
    # The official form labels only the two ends of the scale.
    options=(
        Option(1, "Almost never"),
        Option(2, ""),
        Option(3, ""),
        Option(4, ""),
        Option(5, "Almost always"),
    ),
    score_kind=ScoreKind.MEAN,
    score_range=(1.0, 5.0),
    # Neff's rough guide on the mean (below 2.5 low, 2.5 to below 3.5
    # moderate, 3.5 and up high), written on the integer sum of 12 items.
    bands=(
        Band(
            "low",
            12,
            29,
            "Self-kindness is hard right now",
            "Being gentle with yourself seems hard right now. That is very common after a "
            "betrayal, and none of it is your fault. Self-kindness can grow with practice, "
            "a little at a time.",
        ),
        Band(
            "moderate",
            30,
            41,
            "Some self-kindness",
            "You are often able to meet yourself with some kindness, and some days it is "
            "harder. You could notice the moments it comes more easily.",
        ),
        Band(
            "high",
            42,
            60,
            "Strong self-kindness",
            "You are often able to treat yourself with care in hard times. That is a real "
            "strength to lean on now.",
        ),
    ),
    bands_source=(
        "Neff's rough guide for the Self-Compassion Scale (1–2.5 low, 2.5–3.5 moderate, "
        "3.5–5 high), extrapolated to the short form; banded on the sum (<30, 30–41, ≥42)."
    ),
    higher_is_better=True,
    retake_interval_days=28,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.FREE_WITH_CITATION,
        summary=(
            "Free to use for any purpose, including research, clinical work and teaching, "
            "with citation of Raes et al. (2011) (self-compassion.org information sheet, "
            "via a secondary source; re-read the sheet before release)."
        ),
        source="https://self-compassion.org/self-compassion-scales-for-researchers/",
        attribution=(
            "Raes, F., Pommier, E., Neff, K. D., & Van Gucht, D. (2011). Construction and "
            "factorial validation of a short form of the Self-Compassion Scale. Clinical "
            "Psychology & Psychotherapy, 18, 250-255."
        ),
    ),
    order=50,
    about="Twelve questions about how you treat yourself when things are hard.",
)
