"""GAD-7: seven questions about worry and anxiety over the last two weeks."""

from . import (
    Band,
    Instrument,
    Licence,
    LicenceStatus,
    ScoreKind,
    numbered_items,
)
from .phq9 import DIFFICULTY, OPTIONS

INSTRUMENT = Instrument(
    code="gad7",
    name="Generalized Anxiety Disorder-7",
    short_name="GAD-7",
    plain_name="Worry",
    time_frame="Over the last 2 weeks",
    instructions=(
        "Over the last 2 weeks, how often have you been bothered by the following problems?"
    ),
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=numbered_items(
        [
            "Feeling nervous, anxious, or on edge",
            "Not being able to stop or control worrying",
            "Worrying too much about different things",
            "Trouble relaxing",
            "Being so restless that it is hard to sit still",
            "Becoming easily annoyed or irritable",
            "Feeling afraid, as if something awful might happen",
        ]
    ),
    options=OPTIONS,
    score_kind=ScoreKind.SUM,
    score_range=(0, 21),
    bands=(
        Band(
            "minimal",
            0,
            4,
            "Little worry",
            "Your answers show little worry or unease over the last two weeks. "
            "If that changes, you can come back to this any time.",
        ),
        Band(
            "mild",
            5,
            9,
            "Some worry",
            "Your answers suggest some worry and unease lately. After what you have "
            "learned, that makes sense. Small grounding steps could help on the hard days.",
        ),
        Band(
            "moderate",
            10,
            14,
            "Worry is weighing on you",
            "Your answers suggest worry is weighing on you. Talking to a doctor or "
            "counsellor could help, whenever you feel ready.",
        ),
        Band(
            "severe",
            15,
            21,
            "Worry is taking a lot out of you",
            "Your answers suggest worry and fear are taking a lot out of you right now. "
            "You deserve support with this; a doctor or counsellor could help, and you "
            "do not have to wait until it gets worse.",
        ),
    ),
    bands_source="Spitzer et al. 2006: 0–4, 5–9, 10–14, 15–21; 10 or more suggests a closer look.",
    clinical_cutoff=10,
    clinical_cutoff_source=(
        "Spitzer et al. 2006: 10 or more is the recommended cut-point for further evaluation. "
        "NHS Talking Therapies is reported to use 8 or more (not confirmed in its manual)."
    ),
    change_threshold=4,
    change_source=(
        "Reliable improvement of 4 points or more (NHS Talking Therapies manual, as quoted "
        "by a secondary source; to confirm); MCID 4 (Toussaint et al. 2020). Bischoff et "
        "al. 2020 give a stricter reliable change index of 6."
    ),
    higher_is_better=False,
    retake_interval_days=14,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.FREE_NO_PERMISSION,
        summary=(
            "No permission is required to reproduce, translate, display or distribute "
            "the GAD-7 (phqscreeners.com). Keep the wording verbatim."
        ),
        source="https://www.phqscreeners.com",
        attribution=(
            "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and "
            "colleagues, with an educational grant from Pfizer Inc. No permission required "
            "to reproduce, translate, display or distribute. Spitzer RL, Kroenke K, "
            "Williams JBW, Löwe B. A brief measure for assessing generalized anxiety "
            "disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097."
        ),
    ),
    unscored_questions=(DIFFICULTY,),
    order=20,
    about="Seven questions about worry and feeling on edge over the last two weeks.",
)
