"""PCL-5: twenty questions about stress reactions over the past month.

Finding out about a partner's betrayal is usually not a "Criterion A" event
in DSM-5 terms, so Reclaim never tells a member they have PTSD or "provisional
PTSD". The checklist still measures how strongly they are reacting to "the
stressful experience", and the words below say only that.
"""

from . import Band, Flag, Instrument, Licence, LicenceStatus, Option, ScoreKind, numbered_items

# DSM-5 symptom clusters by item number, and how many items in each must be
# rated "Moderately" (2) or higher for the DSM-5 pattern.
CLUSTERS: dict[str, range] = {
    "B": range(1, 6),
    "C": range(6, 8),
    "D": range(8, 15),
    "E": range(15, 21),
}
ENDORSED_AT = 2
NEEDED = {"B": 1, "C": 1, "D": 2, "E": 2}


def meets_dsm5_pattern(answers: tuple[int, ...]) -> bool:
    """At least 1 B, 1 C, 2 D and 2 E items rated 2 ("Moderately") or higher."""
    return all(
        sum(1 for number in CLUSTERS[cluster] if answers[number - 1] >= ENDORSED_AT) >= needed
        for cluster, needed in NEEDED.items()
    )


INSTRUMENT = Instrument(
    code="pcl5",
    name="PTSD Checklist for DSM-5",
    short_name="PCL-5",
    plain_name="Stress reactions",
    time_frame="In the past month",
    instructions=(
        "Below is a list of problems that people sometimes have in response to a very "
        "stressful experience. Please read each problem carefully and then circle one of "
        "the numbers to the right to indicate how much you have been bothered by that "
        "problem in the past month."
    ),
    screen_instructions=(
        "Below is a list of problems that people sometimes have in response to a very "
        "stressful experience. Please read each problem carefully and then choose one "
        "answer to indicate how much you have been bothered by that problem in the past "
        "month. [Adapted for a screen: 'choose one answer' replaces 'circle one of the "
        "numbers to the right'.]"
    ),
    stem="In the past month, how much were you bothered by:",
    items=numbered_items(
        [
            "Repeated, disturbing, and unwanted memories of the stressful experience?",
            "Repeated, disturbing dreams of the stressful experience?",
            "Suddenly feeling or acting as if the stressful experience were actually happening "
            "again (as if you were actually back there reliving it)?",
            "Feeling very upset when something reminded you of the stressful experience?",
            "Having strong physical reactions when something reminded you of the stressful "
            "experience (for example, heart pounding, trouble breathing, sweating)?",
            "Avoiding memories, thoughts, or feelings related to the stressful experience?",
            "Avoiding external reminders of the stressful experience (for example, people, "
            "places, conversations, activities, objects, or situations)?",
            "Trouble remembering important parts of the stressful experience?",
            "Having strong negative beliefs about yourself, other people, or the world (for "
            "example, having thoughts such as: I am bad, there is something seriously wrong "
            "with me, no one can be trusted, the world is completely dangerous)?",
            "Blaming yourself or someone else for the stressful experience or what happened "
            "after it?",
            "Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
            "Loss of interest in activities that you used to enjoy?",
            "Feeling distant or cut off from other people?",
            "Trouble experiencing positive feelings (for example, being unable to feel "
            "happiness or have loving feelings for people close to you)?",
            "Irritable behavior, angry outbursts, or acting aggressively?",
            "Taking too many risks or doing things that could cause you harm?",
            'Being "superalert" or watchful or on guard?',
            "Feeling jumpy or easily startled?",
            "Having difficulty concentrating?",
            "Trouble falling or staying asleep?",
        ],
        groups=CLUSTERS,
    ),
    options=(
        Option(0, "Not at all"),
        Option(1, "A little bit"),
        Option(2, "Moderately"),
        Option(3, "Quite a bit"),
        Option(4, "Extremely"),
    ),
    score_kind=ScoreKind.SUM,
    score_range=(0, 80),
    # There are no published severity ranges for the PCL-5, only a screening
    # cut-point, so there are two bands and the split follows the setting.
    bands=(
        Band(
            "below_cutpoint",
            0,
            32,
            "Below the usual screening line",
            "Your answers are below the score that usually suggests a closer look. "
            "Your reactions to what happened can still be strong on some days, and "
            "they still matter.",
        ),
        Band(
            "at_or_above_cutpoint",
            33,
            80,
            "At or above the usual screening line",
            "Your answers show strong stress reactions to what happened. At this level, "
            "talking with a trauma-informed professional often helps. This is not a "
            "diagnosis; it is a sign that you deserve support.",
        ),
    ),
    bands_source=(
        "VA National Center for PTSD: a cut-point of 31–33 appears reasonable; no "
        "empirically derived severity ranges exist."
    ),
    cutpoint_setting="RECLAIM_PCL5_CUTPOINT",
    default_cutpoint=33,
    flags=(
        Flag(
            "dsm5_pattern",
            "The pattern of your answers is similar to one seen in people who benefit "
            "from a trauma assessment. You could ask a professional about it; it is not "
            "a diagnosis.",
            meets_dsm5_pattern,
        ),
    ),
    change_threshold=10,
    change_source=(
        "VA National Center for PTSD: 5 points for a response, 10 for clinically "
        "meaningful change; Blanchard et al. 2023 MID 9–12. Marx et al. 2022 give a "
        "stricter reliable change of 15–18."
    ),
    higher_is_better=False,
    retake_interval_days=28,
    enabled_by_default=True,
    licence=Licence(
        status=LicenceStatus.PUBLIC_DOMAIN,
        summary=(
            "Developed by the VA National Center for PTSD; a work of the US Government, "
            "in the public domain and not copyrighted. Changed wording would break "
            "comparability with the published cut-point."
        ),
        source="https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp",
        attribution=(
            "Weathers, F.W., Litz, B.T., Keane, T.M., Palmieri, P.A., Marx, B.P., & "
            "Schnurr, P.P. (2013). The PTSD Checklist for DSM-5 (PCL-5). Scale available "
            "from the National Center for PTSD at www.ptsd.va.gov."
        ),
    ),
    notes=(
        "Cluster items: B 1–5, C 6–7, D 8–14, E 15–20. Never tell the member they have "
        "PTSD: betrayal alone usually does not meet DSM-5 Criterion A."
    ),
    order=30,
    about="Twenty questions about how strongly you have been reacting to a very stressful experience, over the past month.",
)
