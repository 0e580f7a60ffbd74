from reclaim.journal.prompts import all_prompts, all_themes, get_prompt, prompts_for

REQUIRED = {"compassion", "boundaries", "values", "worth", "anger", "grief", "identity", "hope"}


def test_there_are_at_least_forty_prompts_in_at_least_eight_themes():
    assert len(all_prompts()) >= 40
    assert len(all_themes()) >= 8
    assert {theme.slug for theme in all_themes()} >= REQUIRED


def test_codes_are_unique_and_named_after_their_theme():
    codes = [prompt.code for prompt in all_prompts()]
    assert len(codes) == len(set(codes))
    for prompt in all_prompts():
        assert prompt.code.startswith(prompt.theme + "-")


def test_every_theme_has_at_least_four_prompts_and_a_description():
    for theme in all_themes():
        assert len(prompts_for(theme.slug)) >= 4, theme.slug
        assert theme.title and theme.description


def test_every_prompt_belongs_to_a_theme():
    slugs = {theme.slug for theme in all_themes()}
    assert {prompt.theme for prompt in all_prompts()} <= slugs


def test_prompts_say_your_partner_not_a_gendered_word():
    for prompt in all_prompts():
        words = f"{prompt.text} {prompt.note}".casefold().split()
        for gendered in ("husband", "wife", "boyfriend", "girlfriend", "he", "she"):
            assert gendered not in words, prompt.code


def test_get_prompt_finds_by_code():
    assert get_prompt("worth-03").theme == "worth"
    assert get_prompt("nothing-01") is None
    assert get_prompt("") is None
