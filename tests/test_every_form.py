"""Every form of the app, posted random data as a signed-in member: never a server error.

The forms are found the way a member finds them: a crawl signs in with a
little history in every app and tool, follows the links, and collects each
form with its fields and the choices the page offers (see
reclaim/testing/crawl.py). Hypothesis then posts each one random values
(a fixed, derandomized run of EXAMPLES posts per form, about 25 s of CPU):
any Unicode (bidi controls, zero-width and astral characters included),
huge and empty strings, numbers far out of range, several values for a
field that takes one, fields left out, and JSON instead of form data. Half
the posts keep most fields plausible and attack one to three, so they reach
the checks and saves behind the fields that are right. For every answer:

- it is never a server error;
- when it is not a success (a redirect), nothing was saved: the row count of
  every model is as before, except journal drafts, which exist to keep
  words a failed save would lose;
- the member's settings still pass the settings form, and their name has no
  bidi controls.

The other tests here keep that list complete: every form class under
reclaim is a CleanTextForm and is posted to, and every named URL is reached
or named below with the reason it cannot be.
"""

from __future__ import annotations

import importlib
import json
import re
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reclaim.accounts.forms import SettingsForm
from reclaim.core.text import BIDI_CONTROLS, CleanTextForm, has_bidi_controls
from reclaim.testing.crawl import PostForm, Site, crawl, form_classes, url_patterns
from reclaim.vault.fields import open_row

# Posting to these ends the member's session, which would end the run too.
NEVER_POST = {
    "core:exit": "the quick exit signs the member out",
    "core:lock": "locking signs the member out",
    "account_logout": "signing out ends the session",
}

# Named URLs no signed-in crawl can reach, each with why.
NOT_REACHED = {
    "account_confirm_email": "needs a key from an e-mail; allauth checks it",
    "account_reset_password_from_key": "needs a key from an e-mail; allauth checks it",
    "accounts:end_session": "a button shown only for another signed-in browser, which the "
    "crawl's single session does not have (test_end_session posts to it)",
    "mfa_edit_webauthn": "needs a passkey, which only a browser's authenticator makes "
    "(test_passkeys renames one, test_passkey_journey makes one)",
    "accounts:export_download": "a button shown only once a copy is ready, which takes a "
    "fresh password the crawl does not give (test_export downloads one)",
    "mfa_remove_webauthn": "needs a passkey, which only a browser's authenticator makes "
    "(test_passkeys removes one)",
    "sharing:connect": "the confirm step, shown only after a practitioner's valid code "
    "(reclaim/sharing/tests/test_connecting posts good and bad codes to it)",
}

# The parts of the app a member never opens: the practice area, the
# operator's pages and the public site. Their pages and forms are crawled and
# posted to by the practitioner, the operator and a visitor in their own test.
NOT_MEMBER_NAMESPACES = frozenset({"practice", "operator", "site", "media", "invitation"})
NOT_MEMBER_FORMS = "reclaim.practice."


def _namespace(name: str) -> str:
    return name.split(":")[0] if ":" in name else ""


# Forms that a signed-in member never posts, each with why. They are posted
# to by the signed-out run below.
SIGNED_OUT_FORMS = {
    "reclaim.accounts.forms.LoginForm",
    "reclaim.accounts.forms.SignupForm",
    "reclaim.accounts.forms.ResetPasswordForm",
    "reclaim.accounts.forms.RecoverForm",
}
NOT_POSTED_FORMS = {
    "reclaim.accounts.forms.ResetPasswordKeyForm": "needs a key from an e-mail",
    "reclaim.accounts.forms.MFAAuthenticateForm": "needs a sign-in waiting for its second step",
    "reclaim.accounts.forms.ActivateTOTPForm": "needs a recent password check first",
    "reclaim.accounts.forms.MFAReauthenticateForm": "needs two-factor sign-in set up",
    "reclaim.accounts.forms.AddPasskeyForm": "needs a recent password check first, and a "
    "passkey the browser made (test_passkey_journey)",
    "reclaim.accounts.forms.EditPasskeyForm": "needs a passkey to rename (test_passkeys)",
    "reclaim.accounts.forms.ConfirmPasswordForm": "shown once codes remain; posted in test_recovery_codes",
    # Bases that views do not use on their own.
    "reclaim.toolkit.forms.ToolForm": "the base of every tool's forms",
    "reclaim.practice.forms._PictureForm": "the base of the article and profile forms",
    "reclaim.practice.forms_consultations._TimesForm": "the base of the hours and date-change forms",
    "reclaim.practice.forms_consultations.ZoneForm": "a GET form: the zone travels in the "
    "address (test_consult_public tries unknown zones)",
    "reclaim.accounts.forms.PlaceForm": "posted through the onboarding steps; checked there",
    "reclaim.sharing.forms.ConnectForm": "the confirm step after a valid code "
    "(reclaim/sharing/tests/test_connecting)",
    # Not reached by this crawl yet (each has its own tests for bad input);
    # a crawl that follows multi-step flows would reach them.
    "reclaim.journal.forms.SearchForm": "the search view reads its two fields itself",
    "reclaim.accounts.forms.AddEmailForm": "offered only to a member without an address",
    "reclaim.accounts.forms.SituationForm": "the onboarding steps of an onboarded member",
    "reclaim.assessments.forms.NoteForm": "posted from a result page the crawl does not open",
    "reclaim.safety.forms.EventForm": "answers a pending moment of risk, gone once answered",
    "reclaim.safety.forms.SafetyCheckForm": "asked only while a moment of risk is pending",
    "reclaim.toolkit.values.forms.ChooseForm": "step two of the sort, after a valid step one",
    "reclaim.toolkit.values.forms.WordsForm": "step three of the sort, after a valid step two",
    "reclaim.toolkit.values.forms._BuiltForm": "built for step three from the chosen five",
}

# Enough to find the mistakes that matter while the whole file stays well
# under a minute: each form gets this many random posts.
EXAMPLES = 8
SIGNED_OUT_EXAMPLES = 5

# Views that answer a successful post with a page, not a redirect, each with why.
SHOWN_ONCE = {
    "practice:calendar_feed_renew": "shows the new secret feed address once; it is kept "
    "nowhere to redirect with",
    "operator:invitations": "shows the new invitation link once; only its digest is kept",
    "practice:clients": "shows the new client code once; only its digest is kept",
}

# Rows written on purpose on an answer that is not a success, each with why.
COUNT_EXEMPT = {
    "journal.draft": "a failed save keeps the words as a draft, so nothing is lost",
    "assessments.inprogress": "answers so far are kept while a questionnaire is unfinished",
    "sessions.session": "sessions change with every request",
    "usersessions.usersession": "allauth records each session",
}


# --- random values -------------------------------------------------------------

_BIDI = st.sampled_from(sorted(BIDI_CONTROLS))
_ODD = st.sampled_from(
    ["\u200b", "\u200d", "\ufeff", "\x00", "\r", "\n", "\U0001f600", "\U00010348"]
)
_ANY_CHAR = st.characters(exclude_categories=("Cs",))
_WORDS = st.text(st.one_of(_ANY_CHAR, _BIDI, _ODD), max_size=40)
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["-1", "11", "1e309", "NaN", "inf", "0x10", "٣", "1.5", " 5 "]),
)
_DATES = st.sampled_from(["2999-01-01", "0001-01-01", "2024-02-30", "1-1-1", "today"])
_UUIDS = st.uuids().map(str)


@st.composite
def _huge(draw: st.DrawFn) -> str:
    # Just past the limits of names, titles, tool boxes and notes. The
    # journal's 100,000 and the 2 MB draft have their own tests: at that size
    # each post costs about a second, too slow to repeat here.
    size = draw(st.sampled_from([61, 201, 301, 1_001, 4_001, 5_001, 10_001, 20_000]))
    return (draw(st.text(st.one_of(_ANY_CHAR, _BIDI), min_size=1, max_size=3)) * size)[:size]


def _value(offered: list[str]) -> st.SearchStrategy[str]:
    choices = [st.just("")]
    if offered:
        choices.append(st.sampled_from(offered))
    choices += [_WORDS, _NUMBERS, _DATES, _UUIDS, _huge()]
    return st.one_of(*choices)


def _plain(offered: list[str]) -> st.SearchStrategy[str]:
    """A value the page could have sent: one it offers, or a few words (with bidi controls)."""
    words = st.text(st.one_of(st.sampled_from("abc xyz"), _BIDI), min_size=1, max_size=12)
    return st.sampled_from(offered) if offered else words


def _posted(form: PostForm) -> st.SearchStrategy[dict[str, Any]]:
    """A post for `form`.

    Half the time every field is plausible and one to three fields are
    attacked, so the post gets past the fields that are right and reaches
    the checks (and the saves) behind them; otherwise every field is random.
    An attacked field is left out, given one odd value, or several (a list
    for a scalar).
    """
    names = sorted(form.names)

    def attacked(offered: list[str]) -> st.SearchStrategy[Any]:
        return st.one_of(
            st.none(), _value(offered), st.lists(_value(offered), min_size=2, max_size=4)
        )

    extra = st.dictionaries(
        st.sampled_from(["x", "id", "owner", "next", "page"]), _WORDS, max_size=2
    )
    plausible = st.fixed_dictionaries({name: _plain(form.names[name]) for name in names})
    random_all = st.fixed_dictionaries({name: attacked(form.names[name]) for name in names})

    @st.composite
    def mostly_right(draw: st.DrawFn) -> dict[str, Any]:
        data = draw(plausible)
        if names:
            for name in draw(st.sets(st.sampled_from(names), min_size=1, max_size=3)):
                data[name] = draw(attacked(form.names[name]))
        return data

    return st.builds(
        lambda fields, more: {**more, **{k: v for k, v in fields.items() if v is not None}},
        st.one_of(mostly_right(), random_all),
        extra,
    )


# --- the member's world ---------------------------------------------------------


def _seed(member) -> None:
    from reclaim.assessments.demo import seed_results
    from reclaim.checkins.demo import seed_checkins
    from reclaim.journal.actions import do_save_draft
    from reclaim.journal.demo import seed_journal
    from reclaim.learn.demo import seed as seed_lessons
    from reclaim.safety import actions as safety_actions
    from reclaim.toolkit.registry import TOOLS

    today = timezone.localdate(timezone.now(), member.zone)
    seed_checkins(member, 3)
    seed_journal(member, 3, count=2)
    seed_results(member, {"phq9": 1, "gad7": 1}, days=3)
    seed_lessons(member, 3, today)
    for tool in TOOLS:
        try:
            # Two weeks, so every kind of row a tool keeps is there at least once.
            importlib.import_module(f"{tool.app}.demo").seed(member, 14, today)
        except NotImplementedError:
            # A tool still being built has no history yet; its pages are crawled all the same.
            continue
    do_save_draft(member, {"body": "words not saved yet"})
    _connect_to_a_practitioner(member)
    safety_actions.do_record_risk(
        member, source="journal", level="urgent", categories={"suicide"}, reasons=("test",)
    )


def _connect_to_a_practitioner(member, username: str = "their_practitioner"):
    """A practitioner the member is connected to, so the pages of one connection are crawled."""
    from reclaim.sharing.actions import do_connect, do_invite_client, do_suggest

    practitioner = get_user_model().objects.create_user(
        username=username, password="a long and quiet river", role="practitioner"
    )
    connection = do_connect(member, do_invite_client(practitioner).code, "R.")
    # A suggestion, so its buttons on the Sharing page are crawled too.
    do_suggest(practitioner, connection, "tool", "calm")
    return practitioner


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _owned_ids(member) -> list[str]:
    """One row's id from every model the member owns, to fill object URLs the crawl missed."""
    ids = []
    for model in apps.get_models():
        names = {f.name for f in model._meta.get_fields()}
        if "owner" in names:
            row = model.objects.filter(owner=member).order_by("pk").first()
            if row is not None and isinstance(row.pk, uuid.UUID):
                ids.append(str(row.pk))
    return ids


def _member_site(client: Client, member) -> Site:
    from reclaim.accounts.views import STEPS

    _seed(member)
    patterns = url_patterns()
    start = ["/"] + ["/" + p.route for p in patterns if not p.takes_arguments]
    start += [reverse("accounts:welcome_step", args=[step]) for step in STEPS]
    site = crawl(client, start, never_get=frozenset(NEVER_POST))
    # Pages the links did not lead to (reached only after a save, or shown
    # only in some states): fill their one argument with the member's own
    # rows, or with the words seen in the addresses crawled, until one answers.
    candidates = {
        "uuid": _owned_ids(member),
        "slug": sorted(
            {
                part
                for urls in [
                    *site.pages.values(),
                    [f.action for fs in site.forms.values() for f in fs],
                ]
                for url in urls
                for part in url.split("?")[0].split("/")
                if part and not _is_uuid(part)
            }
        ),
    }
    for pattern in patterns:
        if pattern.name in site.pages or pattern.name in site.forms:
            continue
        if pattern.route.count("<") != 1:
            continue
        kind, _, converter = pattern.route.split("<")[1].split(">")[0].rpartition(":")
        for value in candidates.get(kind, []):
            try:
                url = reverse(pattern.name, kwargs={converter: value})
            except NoReverseMatch:
                continue
            try:
                status = client.get(url).status_code
            except Exception as error:  # The test client re-raises a view's error.
                site.errors.append(f"GET {url}: {error!r}")
                status = 200
            if status in (200, 405):
                site.forms.setdefault(pattern.name, []).append(PostForm(url))
                break
    return site


def _counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model.objects.count()
        for model in apps.get_models()
        if model._meta.label_lower not in COUNT_EXEMPT
    }


def _post(client: Client, url: str, data: dict[str, Any], as_json: bool):
    if as_json:
        return client.post(url, json.dumps(data), content_type="application/json")
    return client.post(url, data)


_UUID_IN_PATH = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _fuzz(
    client: Client,
    site: Site,
    examples: int,
    after_each: Callable[[], None],
    relogin: Callable[[], None] = lambda: None,
) -> list[str]:
    """Post random data to every form `site` found; return what went wrong, if anything."""
    problems: list[str] = []
    # Deleting comes last, so the rows the other forms change are still there.
    names = sorted(site.forms, key=lambda name: ("delete" in name, name))
    for name in names:
        if name in NEVER_POST:
            continue
        # One address per shape of address: another row's address is the
        # same view again, but one URL name may serve several forms (strengths
        # and accomplishments, say), each of which is posted.
        shapes: dict[tuple[str, tuple[str, ...]], PostForm] = {}
        for form in site.forms[name]:
            # Forms that post to one address with different fields (the
            # hours, the date changes and the settings on one page) are each a shape.
            shape = (_UUID_IN_PATH.sub("<id>", form.action), tuple(sorted(form.names)))
            shapes.setdefault(shape, form)
        for form in shapes.values():
            if client.post(form.action, {}).status_code == 405:
                continue  # Not a view that takes posts.

            try:
                _post_randomly(client, form, examples, after_each, relogin, name in SHOWN_ONCE)()
            except Exception as error:  # One or several (a group) falsifying examples.
                problems.append(f"{name}: {error!r}")
    return problems


def _post_randomly(
    client: Client,
    form: PostForm,
    examples: int,
    after_each: Callable[[], None],
    relogin: Callable[[], None],
    answers_with_a_page: bool = False,
) -> Callable[[], None]:
    counts = [_counts()]

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    # Now and then JSON instead of form data, as a script might send.
    @given(data=_posted(form), as_json=st.sampled_from([False, False, False, True]))
    def post(data: dict[str, Any], as_json: bool) -> None:
        before = counts[0]
        try:
            response = _post(client, form.action, data, as_json)
        except Exception as error:  # The test client re-raises a view's error.
            raise AssertionError(f"POST {form.action} raised {error!r}") from error
        status = response.status_code
        assert status < 500, f"POST {form.action} answered {status}"
        # Counted once per post: these counts are the next post's "before".
        after = counts[0] = _counts()
        if status not in (301, 302, 303) and not (answers_with_a_page and status == 200):
            changed = {k: (v, after[k]) for k, v in before.items() if after[k] != v}
            assert not changed, f"POST {form.action} answered {status} but saved {changed}"
        elif "/account/login/" in response.get("Location", ""):
            relogin()
        after_each()

    return post


# --- the tests -------------------------------------------------------------------


def test_every_form_class_cleans_text_before_it_is_checked():
    not_clean = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in form_classes()
        if not issubclass(cls, CleanTextForm)
    ]
    assert not not_clean, f"Make these CleanTextForm (reclaim/core/text.py): {not_clean}"


@pytest.fixture
def posted_forms(monkeypatch) -> set[str]:
    """The form classes built with posted data while a test runs."""
    from django.forms import BaseForm

    seen: set[str] = set()
    original = BaseForm.__init__

    def recording(self, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if self.is_bound:
            seen.add(f"{type(self).__module__}.{type(self).__qualname__}")

    monkeypatch.setattr(BaseForm, "__init__", recording)
    return seen


def test_no_form_answers_random_input_with_a_server_error_or_keeps_what_it_refused(
    member, posted_forms
):
    client = Client()
    client.force_login(member)
    site = _member_site(client, member)

    # Every named URL was reached, or is named above with the reason it cannot be.
    unreached = [
        f"{p.name} ({p.route})"
        for p in url_patterns()
        if p.name not in site.pages
        and p.name not in site.forms
        and p.name not in NOT_REACHED
        and _namespace(p.name) not in NOT_MEMBER_NAMESPACES
    ]
    assert not unreached, (
        "The crawl did not reach these pages. Link to them, seed a row in the tool's "
        f"demo.seed, or add them to NOT_REACHED with the reason: {unreached}"
    )

    def settings_still_valid() -> None:
        member.refresh_from_db()
        open_row(member)
        values = {
            "display_name": member.display_name,
            "country": member.country,
            "timezone": member.timezone,
            "language": member.language,
            "autolock_minutes": member.autolock_minutes,
        }
        if member.discreet_mode:
            values["discreet_mode"] = "on"
        form = SettingsForm(values, instance=member)
        assert form.is_valid(), f"saved settings fail their own form: {form.errors.as_data()}"
        assert not has_bidi_controls(member.display_name)

    problems = _fuzz(
        client, site, EXAMPLES, settings_still_valid, relogin=lambda: client.force_login(member)
    )
    assert not site.errors + problems, "\n".join(site.errors + problems)

    # Every form class under reclaim was posted to, or is named above with why not.
    expected = {f"{cls.__module__}.{cls.__qualname__}" for cls in form_classes()}
    missed = expected - posted_forms - SIGNED_OUT_FORMS - set(NOT_POSTED_FORMS)
    missed = {name for name in missed if not name.startswith(NOT_MEMBER_FORMS)}
    assert not missed, f"No crawled page posts to these forms: {sorted(missed)}"


def _seed_practice(operator) -> tuple[Any, list[str]]:
    """The demo practice (its practitioner, articles, topics) and a cover picture."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reclaim.practice.actions.articles import do_save_article
    from reclaim.practice.demo import USERNAME, make_demo_practice
    from reclaim.practice.models import Article
    from reclaim.practice.tests.makers import png_bytes

    make_demo_practice()
    practitioner = get_user_model().objects.get(username=USERNAME)
    article = Article.objects.live().first()
    picture = SimpleUploadedFile("cover.png", png_bytes(40, 30), content_type="image/png")
    article = do_save_article(
        practitioner,
        article,
        title=article.title,
        slug=article.slug,
        summary=article.summary,
        body=article.body,
        categories=list(article.categories.all()),
        cover=picture,
        cover_alt="A quiet lake",
    )
    extra = [
        reverse("media:image", args=[article.cover.digest, "png"]),
        reverse("site:articles") + "?q=anger",
    ]
    return practitioner, extra


def _visitor_links(practitioner) -> list[str]:
    """The addresses a visitor only has from an e-mail: their registration and booking pages.

    Also a draft webinar, a date change and a calendar feed for the practitioner's pages.
    """
    from datetime import date, timedelta

    from django.utils import timezone

    from reclaim.practice.actions import consultations as consult
    from reclaim.practice.actions import webinars
    from reclaim.practice.models import Registration
    from reclaim.practice.queries import consultations as booking_queries
    from reclaim.practice.queries import webinars as webinar_queries

    webinar = webinar_queries.next_webinar()
    webinars.do_register(webinar, name="Kim", email="kim@example.org")
    webinars.do_register(webinar, name="Lou", email="lou@example.org")
    waiting = Registration.objects.get(email="kim@example.org")
    placed = webinars.do_confirm(
        Registration.objects.get(email="lou@example.org").pk,
        Registration.objects.get(email="lou@example.org").version,
    )
    token = webinar_queries.place_token(placed)
    webinars.do_save_webinar(
        practitioner,
        None,
        title="A draft evening",
        slug="a-draft-evening",
        description="Not yet.",
        start=timezone.now() + timedelta(days=20),
        duration_minutes=60,
        zone="Europe/London",
        capacity=10,
        room_link="https://video.example.org/draft",
        replay_link="",
        replay_until=None,
    )
    consult.do_add_date_change(practitioner, date.today() + timedelta(days=3), "off", None, None)
    feed = consult.do_renew_calendar_feed(practitioner)
    slots = booking_queries.free_slots_for(practitioner, timezone.now())
    held = consult.do_hold_booking(
        practitioner, slots[0].start, name="Kit", contact="kit@example.org", zone="UTC", answers=[]
    )
    booked = consult.do_hold_booking(
        practitioner, slots[1].start, name="Max", contact="max@example.org", zone="UTC", answers=[]
    )
    booked = consult.do_confirm_booking(booked, booked.version)
    return [
        reverse("site:webinar_check_email", args=[webinar.slug]),
        webinar_queries.confirm_path(waiting),
        webinar_queries.place_path(placed),
        webinar_queries.calendar_path(placed),
        reverse("site:webinar_cancel", args=[webinar.slug, token]),
        # These two are full addresses, made for e-mails; the crawl follows paths.
        urlsplit(booking_queries.confirm_url(held)).path,
        urlsplit(booking_queries.manage_url(booked)).path,
        reverse("site:consultation_times", args=[practitioner.practitioner_profile.slug]),
        reverse("practice:calendar_feed", args=[feed]),
    ]


def test_practice_forms_answer_random_input_calmly(operator, posted_forms):
    from reclaim.practice.actions.team import do_invite

    practitioner, extra = _seed_practice(operator)
    # A client connected to the practitioner, so the client page is crawled too.
    from reclaim.sharing.actions import (
        do_add_private_note,
        do_connect,
        do_invite_client,
        do_set_switches,
    )
    from reclaim.sharing.models import RiskAlert

    client_member = get_user_model().objects.create_user(username="a_client", password="x" * 20)
    connection = do_connect(client_member, do_invite_client(practitioner).code, "R.")
    # A private note, so its delete button is on the client page too.
    do_add_private_note(practitioner, connection, "Before the next session")
    # Risk alerts on, with one not yet seen, so "Mark as seen" is on the client page.
    do_set_switches(
        connection, results=(), answers=(), trends=False, safety_plan=False, risk_alerts=True
    )
    RiskAlert.objects.create(connection=connection)
    # One for the operator's run to withdraw.
    do_invite(operator, "colleague@example.org")
    patterns = url_patterns()
    reached: set[str] = set()
    problems: list[str] = []
    never = frozenset(NEVER_POST)

    def start_of(namespaces: set[str]) -> list[str]:
        return [
            "/" + p.route
            for p in patterns
            if not p.takes_arguments and _namespace(p.name) in namespaces
        ]

    # The visitor goes first: the staff runs below change and delete what they find.
    invited = do_invite(operator, "new.colleague@example.org")
    extra += [reverse("invitation:accept", args=[invited.token]), *_visitor_links(practitioner)]
    visitor = Client()
    site = crawl(visitor, ["/", *start_of({"site"}), *extra], never_get=never)
    site.forms = {name: forms for name, forms in site.forms.items() if name != "core:exit"}
    problems += site.errors + _fuzz(visitor, site, SIGNED_OUT_EXAMPLES, lambda: visitor.logout())
    reached |= set(site.pages) | set(site.forms)
    for user, namespaces in ((practitioner, {"practice"}), (operator, {"operator"})):
        client = Client()
        client.force_login(user)
        site = crawl(client, start_of(namespaces), never_get=never)
        problems += site.errors + _fuzz(
            client, site, EXAMPLES, lambda: None, relogin=lambda u=user, c=client: c.force_login(u)
        )
        reached |= set(site.pages) | set(site.forms)

    assert not problems, "\n".join(problems)

    unreached = [
        f"{p.name} ({p.route})"
        for p in patterns
        if _namespace(p.name) in NOT_MEMBER_NAMESPACES and p.name not in reached
    ]
    assert not unreached, f"No practice, operator or visitor crawl reached these pages: {unreached}"
    expected = {f"{cls.__module__}.{cls.__qualname__}" for cls in form_classes()}
    missed = {
        name
        for name in expected - posted_forms - set(NOT_POSTED_FORMS)
        if name.startswith(NOT_MEMBER_FORMS)
    }
    assert not missed, f"No crawled practice page posts to these forms: {sorted(missed)}"


def test_signed_out_forms_answer_random_input_calmly(db, posted_forms):
    client = Client()
    start = [
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("accounts:recover"),
    ]
    site = crawl(client, start, never_get=frozenset(NEVER_POST))
    site.forms = {name: forms for name, forms in site.forms.items() if name != "core:exit"}
    problems = _fuzz(client, site, SIGNED_OUT_EXAMPLES, lambda: client.logout())
    assert not site.errors + problems, "\n".join(site.errors + problems)
    assert posted_forms >= SIGNED_OUT_FORMS


def test_a_bare_word_as_where_to_go_next_is_not_a_server_error(member_client, member):
    # Found by the run above: redirect() read "0" as a URL name and raised.
    response = member_client.post(
        reverse("worth:evidence_new"), {"text": "I got up today.", "next": "0"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/tools/worth/")
