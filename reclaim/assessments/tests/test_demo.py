from reclaim.assessments import queries
from reclaim.assessments.demo import seed_results
from reclaim.assessments.models import Result


def test_the_demo_makes_fifty_results_over_two_years(member):
    made = seed_results(member)
    assert len(made) == 50
    span = max(r.taken for r in made) - min(r.taken for r in made)
    assert 600 <= span.days <= 730
    assert Result.objects.filter(owner=member, code="pcl5").count() == 24


def test_the_demo_story_improves_and_never_raises_the_safety_flag(member):
    seed_results(member)
    phq9 = queries.series(member, "phq9")
    who5 = queries.series(member, "who5")
    pcl5 = queries.series(member, "pcl5")
    assert phq9[-1].score.score < phq9[0].score.score
    assert who5[-1].score.score > who5[0].score.score
    assert pcl5[-1].score.score < pcl5[0].score.score
    assert not any("safety" in point.score.flags for point in phq9)


def test_counts_can_be_chosen(member):
    assert len(seed_results(member, {"rses": 3, "scs_sf": 2}, days=90)) == 5
