"""WHO-5: five questions about well-being over the last two weeks."""

from . import (
    Band,
    BandBasis,
    Flag,
    Instrument,
    Licence,
    LicenceStatus,
    Option,
    ScoreKind,
    numbered_items,
)

LOW_ITEM_AT_MOST = 1


def _any_item_low(answers: tuple[int, ...]) -> bool:
    # The manual suggests a closer look when any single item is answered 0 or
    # 1, even if the total looks fine.
    return any(value <= LOW_ITEM_AT_MOST for value in answers)


INSTRUMENT = Instrument(
    code="who5",
    name="WHO-5 Well-Being Index",
    short_name="WHO-5",
    plain_name="Well-being",
    time_frame="Over the last two weeks",
    instructions=(
        "Please indicate for each of the five statements which is closest to how you have "
        "been feeling over the last two weeks. Notice that higher numbers mean better "
        "well-being."
    ),
    stem="Over the last two weeks",
    items=numbered_items(
        [
            "I have felt cheerful and in good spirits",
            "I have felt calm and relaxed",
            "I have felt active and vigorous",
            "I woke up feeling fresh and rested",
            "My daily life has been filled with things that interest me",
        ]
    ),
    options=(
        Option(5, "All of the time"),
        Option(4, "Most of the time"),
        Option(3, "More than half of the time"),
        Option(2, "Less than half of the time"),
        Option(1, "Some of the time"),
        Option(0, "At no time"),
    ),
    score_kind=ScoreKind.PERCENTAGE,
    score_range=(0, 100),
    # The percentage always moves in steps of 4, so these three ranges cover
    # every possible score even though they do not touch.
    band_basis=BandBasis.SCORE,
    bands=(
        Band(
            "depression_likely",
            0,
            28,
            "Very low well-being",
            "Your answers suggest your well-being has been very low for the last two "
            "weeks. When it is this low, a talk with a doctor or counsellor about "
            "your mood could really help.",
        ),
        Band(
            "poor",
            32,
            48,
            "Low well-being",
            "Your answers suggest your well-being has been low lately. That is "
            "understandable after what you have been through. Small moments of rest "
            "and care could help, and so could talking to someone you trust.",
        ),
        Band(
            "good",
            52,
            100,
            "Good well-being",
            "Your answers suggest a fair amount of well-being over the last two weeks. "
            "Hold on to what has been helping.",
        ),
    ),
    bands_source=(
        "Topp et al. 2015: 50 or below (raw below 13) is poor well-being; 28 or below "
        "suggests a depressive episode."
    ),
    clinical_cutoff=50,
    clinical_cutoff_source=(
        "Topp et al. 2015: 50 or below (raw below 13) is poor well-being, a reason to "
        "screen for depression."
    ),
    flags=(
        Flag(
            "item_low",
            "At least one part of your well-being has been very low for the last two "
            "weeks. It may be worth paying gentle attention to it, or mentioning it to a "
            "professional.",
            _any_item_low,
        ),
    ),
    change_threshold=12,
    change_source=(
        "A 10 percentage-point difference is significant; percentages move in steps of 4, "
        "so 12 points (3 raw points) is the smallest change that meets it."
    ),
    higher_is_better=True,
    retake_interval_days=14,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.FREE_NO_PERMISSION,
        summary=(
            "Free to use without permission. Any deviation from the official language "
            "versions must be clearly marked, with an English back translation and the "
            "reasons stated."
        ),
        source="https://www.psykiatri-regionh.dk/who-5/who-5-questionnaires/Pages/default.aspx",
        attribution=(
            "WHO-Five Well-being Index (WHO-5), Psychiatric Research Unit, Mental Health "
            "Centre North Zealand, Hillerød, Denmark. World Health Organization (1998). "
            "Wellbeing Measures in Primary Health Care: The DepCare Project. WHO Regional "
            "Office for Europe. Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 "
            "Well-Being Index: a systematic review of the literature. Psychother Psychosom. "
            "2015;84(3):167-176."
        ),
    ),
    order=40,
    about="Five questions about how well you have been feeling over the last two weeks.",
)
