"""RSES: ten statements about how you feel about yourself in general."""

from . import Band, Instrument, Licence, LicenceStatus, Option, ScoreKind, numbered_items

INSTRUMENT = Instrument(
    code="rses",
    name="Rosenberg Self-Esteem Scale",
    short_name="RSES",
    plain_name="Self-esteem",
    time_frame="In general",
    instructions=(
        "Below is a list of statements dealing with your general feelings about yourself. "
        "If you strongly agree, circle SA. If you agree with the statement, circle A. If "
        "you disagree, circle D. If you strongly disagree, circle SD."
    ),
    screen_instructions=(
        "Below is a list of statements dealing with your general feelings about yourself. "
        "Please choose whether you strongly agree, agree, disagree or strongly disagree "
        "with each one. [Adapted for a screen: the paper form asks you to circle SA, A, D "
        "or SD.]"
    ),
    # UMD numbering. Other printings order the items differently, so the
    # reversed items are tied to these texts, not to positions in general.
    items=numbered_items(
        [
            "On the whole, I am satisfied with myself.",
            "At times I think I am no good at all.",
            "I feel that I have a number of good qualities.",
            "I am able to do things as well as most other people.",
            "I feel I do not have much to be proud of.",
            "I certainly feel useless at times.",
            "I feel that I'm a person of worth, at least on an equal plane with others.",
            "I wish I could have more respect for myself.",
            "All in all, I am inclined to feel that I am a failure.",
            "I take a positive attitude toward myself.",
        ],
        reverse=(2, 5, 6, 8, 9),
    ),
    # Scored 0-3 with 3 = strongly agree before reversal, as in the UMD
    # scoring notes (SA=3, A=2, D=1, SD=0); listed in the form's order.
    options=(
        Option(3, "Strongly agree"),
        Option(2, "Agree"),
        Option(1, "Disagree"),
        Option(0, "Strongly disagree"),
    ),
    score_kind=ScoreKind.SUM,
    score_range=(0, 30),
    bands=(
        Band(
            "low",
            0,
            14,
            "Your sense of worth is shaken",
            "Your answers suggest you are being hard on yourself about your worth right "
            "now. What happened says nothing about your worth. (These ranges are commonly "
            "used, not official.)",
        ),
        Band(
            "normal",
            15,
            25,
            "A steady sense of worth",
            "Your answers are in the range most people score in. Some days may still feel "
            "shakier than others. (These ranges are commonly used, not official.)",
        ),
        Band(
            "high",
            26,
            30,
            "A strong sense of worth",
            "Your answers suggest a strong sense of your own worth. Hold on to it; it is "
            "yours. (These ranges are commonly used, not official.)",
        ),
    ),
    bands_official=False,
    bands_source=(
        "Commonly used, not official: below 15 low, 15–25 normal, above 25 high. The UMD "
        "FAQ says there are no discrete cut-off points."
    ),
    higher_is_better=True,
    retake_interval_days=28,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.FREE_WITH_CITATION,
        summary=(
            "The Rosenberg family has given permission to use the scale for educational "
            "and professional research at no charge, with credit. Use in a consumer app "
            "is not addressed; get written confirmation via UMD Sociology."
        ),
        source="http://www.socy.umd.edu/quick-links/rosenberg-self-esteem-scale",
        attribution=(
            "Rosenberg, M. (1989). Society and the Adolescent Self-Image. Revised edition. "
            "Middletown, CT: Wesleyan University Press. (Originally Princeton University "
            "Press, 1965.)"
        ),
    ),
    order=60,
    about="Ten statements about how you feel about yourself in general.",
)
