"""PHQ-9: nine questions about low mood over the last two weeks."""

from . import (
    Band,
    Flag,
    Instrument,
    Licence,
    LicenceStatus,
    Option,
    ScoreKind,
    UnscoredQuestion,
    numbered_items,
)

SAFETY_ITEM = 9

# The PHQ screeners share one published answer scale and one closing
# question about difficulty; the GAD-7 imports both from here, so the two
# forms cannot drift apart.
OPTIONS = (
    Option(0, "Not at all"),
    Option(1, "Several days"),
    Option(2, "More than half the days"),
    Option(3, "Nearly every day"),
)
DIFFICULTY = UnscoredQuestion(
    "If you checked off any problems, how difficult have these problems made it "
    "for you to do your work, take care of things at home, or get along with "
    "other people?",
    ("Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"),
)


def _thoughts_of_self_harm(answers: tuple[int, ...]) -> bool:
    # Any answer above "Not at all" on item 9 starts the safety flow,
    # whatever the total: a low total says nothing about this one answer.
    return answers[SAFETY_ITEM - 1] >= 1


INSTRUMENT = Instrument(
    code="phq9",
    name="Patient Health Questionnaire-9",
    short_name="PHQ-9",
    plain_name="Mood and energy",
    time_frame="Over the last 2 weeks",
    instructions=(
        "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
    ),
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=numbered_items(
        [
            "Little interest or pleasure in doing things",
            "Feeling down, depressed, or hopeless",
            "Trouble falling or staying asleep, or sleeping too much",
            "Feeling tired or having little energy",
            "Poor appetite or overeating",
            "Feeling bad about yourself — or that you are a failure or have let yourself "
            "or your family down",
            "Trouble concentrating on things, such as reading the newspaper or watching television",
            "Moving or speaking so slowly that other people could have noticed? Or the opposite "
            "— being so fidgety or restless that you have been moving around a lot more than usual",
            "Thoughts that you would be better off dead or of hurting yourself in some way",
        ]
    ),
    options=OPTIONS,
    score_kind=ScoreKind.SUM,
    score_range=(0, 27),
    bands=(
        Band(
            "minimal",
            0,
            4,
            "Few signs of low mood",
            "Your answers show few signs of low mood over the last two weeks. "
            "Hard moments can still come, and they are real too.",
        ),
        Band(
            "mild",
            5,
            9,
            "Some low mood",
            "Your answers suggest some low mood lately. That is a common response to what "
            "you are going through. You could check in with yourself again in two weeks.",
        ),
        Band(
            "moderate",
            10,
            14,
            "Low mood is weighing on you",
            "Your answers suggest low mood is weighing on you. Talking to a doctor or "
            "counsellor could help, whenever you feel ready.",
        ),
        Band(
            "moderately_severe",
            15,
            19,
            "You are carrying a lot",
            "Your answers suggest you are carrying a lot right now. Talking to a "
            "professional could help; you do not have to hold this alone.",
        ),
        Band(
            "severe",
            20,
            27,
            "You are carrying a very heavy load",
            "Your answers suggest you are carrying a very heavy load right now. If you can, "
            "reach out to a doctor or counsellor soon. If you ever feel unsafe, help is "
            "there right now.",
        ),
    ),
    bands_source="Kroenke, Spitzer & Williams 2001: 0–4, 5–9, 10–14, 15–19, 20–27.",
    clinical_cutoff=10,
    clinical_cutoff_source=(
        "Kroenke, Spitzer & Williams 2001: 10 or more is the usual cut-off for depression; "
        "NHS Talking Therapies counts 10 or more as caseness."
    ),
    flags=(
        Flag(
            "safety",
            "You told us you have had thoughts of being better off dead or of hurting "
            "yourself. You matter, and you do not have to face this alone. Here is who "
            "you can reach right now.",
            _thoughts_of_self_harm,
        ),
    ),
    change_threshold=6,
    change_source=(
        "Reliable improvement of 6 points or more (NHS Talking Therapies manual, as "
        "quoted by a secondary source; to confirm). Löwe et al. 2004 give 5 as the MCID."
    ),
    higher_is_better=False,
    retake_interval_days=14,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.FREE_NO_PERMISSION,
        summary=(
            "No permission is required to reproduce, translate, display or distribute "
            "the PHQ screeners (phqscreeners.com). Do not use the PRIME-MD trademark; "
            "keep the wording verbatim."
        ),
        source=(
            "https://www.phqscreeners.com ; "
            "https://github.com/ucam-department-of-psychiatry/camcops/blob/master/docs/source/tasks/phq9.rst"
        ),
        attribution=(
            "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
            "colleagues, with an educational grant from Pfizer Inc. No permission required "
            "to reproduce, translate, display or distribute. Kroenke K, Spitzer RL, "
            "Williams JBW. The PHQ-9: validity of a brief depression severity measure. "
            "J Gen Intern Med. 2001;16(9):606-613."
        ),
    ),
    unscored_questions=(DIFFICULTY,),
    notes=(
        "If item 9 is left unanswered, do not assume 0: ask again, and show crisis "
        "resources if the member still declines."
    ),
    order=10,
    about="Nine questions about your mood, sleep and energy over the last two weeks.",
)
