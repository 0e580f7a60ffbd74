"""DAR-5: five questions about anger over the past four weeks."""

from . import Band, Instrument, Licence, LicenceStatus, Option, ScoreKind, numbered_items

INSTRUMENT = Instrument(
    code="dar5",
    name="Dimensions of Anger Reactions-5",
    short_name="DAR-5",
    plain_name="Anger reactions",
    time_frame="Over the past 4 weeks",
    instructions=(
        "Thinking over the past 4 weeks, circle the number under the option that best "
        "describes the amount of time you felt that way."
    ),
    screen_instructions=(
        "Thinking over the past 4 weeks, choose the option that best describes the amount "
        "of time you felt that way. [Adapted for a screen: 'choose the option' replaces "
        "'circle the number under the option'.]"
    ),
    items=numbered_items(
        [
            "I found myself getting angry at people or situations",
            "When I got angry, I got really mad",
            "When I got angry, I stayed angry",
            "When I got angry at someone I wanted to hit them",
            "My anger prevented me from getting along with people as well as I'd have liked to",
        ]
    ),
    options=(
        Option(1, "None or almost none of the time"),
        Option(2, "A little of the time"),
        Option(3, "Some of the time"),
        Option(4, "Most of the time"),
        Option(5, "All or almost all of the time"),
    ),
    score_kind=ScoreKind.SUM,
    score_range=(5, 25),
    bands=(
        Band(
            "below_threshold",
            5,
            11,
            "Anger that feels manageable",
            "Your answers suggest anger has not been getting in the way much lately. "
            "Anger after a betrayal makes sense, and it is allowed.",
        ),
        Band(
            "problem_anger",
            12,
            25,
            "Anger is taking a toll",
            "Anger after a betrayal makes sense. Your answers suggest it has been strong "
            "enough lately to weigh on your days or your relationships. Support with it "
            "could help, and asking for it is a strength.",
        ),
    ),
    bands_source="Forbes et al. 2014: 12 or more indicates problem anger.",
    clinical_cutoff=12,
    clinical_cutoff_source="Forbes et al. 2014: 12 or more indicates problem anger.",
    higher_is_better=False,
    retake_interval_days=28,
    # Off by default: no licence statement was found for the DAR-5; ask
    # Phoenix Australia for written permission before enabling it.
    enabled_by_default=False,
    licence=Licence(
        status=LicenceStatus.UNCLEAR,
        summary=(
            "No licence or permission statement was found. The form is distributed by "
            "Phoenix Australia; ask them for written permission before enabling it."
        ),
        source="https://www.phoenixaustralia.org",
        attribution=(
            "Forbes, D., Alkemade, N., Mitchell, D., Elhai, J. D., McHugh, T., Bates, G., "
            "Novaco, R. W., Bryant, R., & Lewis, V. (2014). Utility of the Dimensions of "
            "Anger Reactions-5 (DAR-5) scale as a brief anger measure. Depression and "
            "Anxiety, 31(2), 166-173."
        ),
    ),
    notes=(
        "Item 4 (wanting to hit someone) has no published item-level rule; whether a high "
        "answer should surface support resources is a team decision."
    ),
    order=80,
    about="Five questions about anger over the past four weeks.",
)
