"""BRS: six statements about bouncing back after hard times."""

from . import Band, Instrument, Licence, LicenceStatus, Option, ScoreKind, numbered_items

INSTRUMENT = Instrument(
    code="brs",
    name="Brief Resilience Scale",
    short_name="BRS",
    plain_name="Bouncing back",
    time_frame="In general",
    instructions=(
        "Please indicate the extent to which you agree with each of the following "
        "statements by using the following scale: 1 = strongly disagree, 2 = disagree, "
        "3 = neutral, 4 = agree, 5 = strongly agree."
    ),
    items=numbered_items(
        [
            "I tend to bounce back quickly after hard times.",
            "I have a hard time making it through stressful events.",
            "It does not take me long to recover from a stressful event.",
            "It is hard for me to snap back when something bad happens.",
            "I usually come through difficult times with little trouble.",
            "I tend to take a long time to get over set-backs in my life.",
        ],
        reverse=(2, 4, 6),
    ),
    options=(
        Option(1, "Strongly disagree"),
        Option(2, "Disagree"),
        Option(3, "Neutral"),
        Option(4, "Agree"),
        Option(5, "Strongly agree"),
    ),
    score_kind=ScoreKind.MEAN,
    score_range=(1.0, 5.0),
    # Smith et al. 2013 band the mean at 1.00-2.99, 3.00-4.30 and 4.31-5.00;
    # the mean of six items moves in steps of 1/6, so on the sum that is
    # exactly 6-17, 18-25 and 26-30.
    bands=(
        Band(
            "low",
            6,
            17,
            "Bouncing back feels hard right now",
            "Your answers suggest that recovering from hard moments feels slow right now. "
            "After a betrayal that is understandable, and it is not a flaw in you. "
            "Support and small routines can help you find your feet again.",
        ),
        Band(
            "normal",
            18,
            25,
            "Bouncing back, in your own time",
            "Your answers suggest you usually find your way back after hard times, even if "
            "it takes a while. This time may ask more of you, and that is all right.",
        ),
        Band(
            "high",
            26,
            30,
            "Bouncing back well",
            "Your answers suggest you tend to recover well from hard times. That strength "
            "is yours to lean on now.",
        ),
    ),
    bands_source="Smith et al. 2013: mean 1.00–2.99 low, 3.00–4.30 normal, 4.31–5.00 high.",
    higher_is_better=True,
    retake_interval_days=28,
    # Off by default: the known permission covers research and education only.
    enabled_by_default=False,
    licence=Licence(
        status=LicenceStatus.RESEARCH_EDUCATION_ONLY,
        summary=(
            "The BRS can be used for research and education as long as it is properly "
            "cited and the authors are acknowledged (PsyToolkit). Consumer or commercial "
            "use is not addressed; ask the authors (Bruce W. Smith) before enabling it."
        ),
        source="https://www.psytoolkit.org/survey-library/resilience-brs.html",
        attribution=(
            "Smith, B. W., Dalen, J., Wiggins, K., Tooley, E., Christopher, P., & Bernard, "
            "J. (2008). The brief resilience scale: assessing the ability to bounce back. "
            "International Journal of Behavioral Medicine, 15(3), 194-200."
        ),
    ),
    order=70,
    about="Six statements about how you find your feet again after hard times.",
)
