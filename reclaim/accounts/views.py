from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import actions, exports, queries
from .adapter import KNOWN_DEVICE_COOKIE
from .forms import ConfirmPasswordForm, PlaceForm, RecoverForm, SettingsForm, SituationForm
from .reauth import ask_for_missing_proof

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import User

STEPS = ["about", "privacy", "situation", "place"]


@login_required
@require_http_methods(["GET", "POST"])
def welcome(request: MemberRequest, step: str = "about") -> HttpResponse:
    """A few calm screens after signing up. Every one can be skipped."""
    if step not in STEPS:
        raise Http404
    user: User = request.user
    index = STEPS.index(step)
    next_step = STEPS[index + 1] if index + 1 < len(STEPS) else None
    form: SituationForm | PlaceForm | None = None
    # Every answer on these steps is optional, so an empty POST is a real
    # answer ("nothing to add"), not an unbound form.
    data = request.POST if request.method == "POST" else None
    if step == "situation":
        form = SituationForm(data, initial=queries.situation_details(user))
    elif step == "place":
        form = PlaceForm(data, instance=queries.with_display_name(user))

    if request.method == "POST":
        if "skip" in request.POST:
            form = None
        elif form is not None and not form.is_valid():
            return render(request, f"accounts/welcome_{step}.html", _welcome_context(step, form))
        elif isinstance(form, SituationForm):
            answers = dict(form.cleaned_data)
            answers["discovered"] = (
                answers["discovered"].isoformat() if answers["discovered"] else ""
            )
            actions.do_save_situation(user, answers)
        elif isinstance(form, PlaceForm):
            actions.do_update_settings(
                user, {name: form.cleaned_data[name] for name in form.Meta.fields}
            )
        if next_step:
            return redirect("accounts:welcome_step", step=next_step)
        actions.do_finish_onboarding(user)
        if not user.email and not queries.has_recovery_codes(user):
            return redirect("accounts:recovery_codes")
        return redirect("progress:today")
    return render(request, f"accounts/welcome_{step}.html", _welcome_context(step, form))


def _welcome_context(step: str, form) -> dict:
    return {
        "step": step,
        "step_number": STEPS.index(step) + 1,
        "step_count": len(STEPS),
        "form": form,
    }


@login_required
@require_http_methods(["GET", "POST"])
def recovery_codes(request: MemberRequest) -> HttpResponse:
    """Show new recovery codes once. Making new ones again asks for the password."""
    user: User = request.user
    remaining = queries.recovery_codes_left(user)
    form = ConfirmPasswordForm(request.POST or None)
    codes = None
    if not remaining and request.method == "GET":
        codes = actions.do_make_recovery_codes(user)
    elif request.method == "POST":
        if form.is_valid() and user.check_password(form.cleaned_data["password"]):
            codes = actions.do_make_recovery_codes(user)
        elif form.is_valid():
            form.add_error("password", "That password does not match. Could you try again?")
    return render(
        request,
        "accounts/recovery_codes.html",
        {
            "codes": codes,
            "form": form,
            # New codes replace every old one, so they are all that is left.
            "remaining": len(codes) if codes else remaining,
        },
    )


@require_http_methods(["GET", "POST"])
def recover(request: HttpRequest) -> HttpResponse:
    """Set a new password with a recovery code (for accounts without e-mail)."""
    form = RecoverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"].strip().lower()
        if not ratelimit.consume(request, action="recovery_code", key=username):
            form.add_error(None, "Too many tries for now. Please wait an hour and try again.")
        else:
            user = queries.member_named(username)
            # Read before the check: a refused password leaves cleaned_data.
            code, password = form.cleaned_data["code"], form.cleaned_data["password1"]
            # Check the new password before using up a code, so a too-short
            # password does not cost the member one of their ten codes.
            password_ok = form.check_password_for(user)
            if password_ok and (
                user is None or not actions.do_recover_with_code(user, code, password)
            ):
                form.add_error("code", "That username and code do not match. Each code works once.")
            elif password_ok:
                messages.success(request, "Your new password is set. You can sign in now.")
                return redirect("account_login")
    return render(request, "accounts/recover.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def settings_view(request: MemberRequest) -> HttpResponse:
    user: User = request.user
    form = SettingsForm(request.POST or None, instance=queries.with_display_name(user))
    if request.method == "POST" and form.is_valid():
        actions.do_update_settings(
            user, {name: form.cleaned_data[name] for name in form.Meta.fields}
        )
        messages.success(request, "Saved.")
        return redirect("accounts:settings")
    return render(
        request,
        "accounts/settings.html",
        {
            "form": form,
            "nav": "settings",
            "codes_left": queries.recovery_codes_left(user),
        },
    )


@login_required
@reauthentication_required(allow_get=True)
@require_http_methods(["GET", "POST"])
def delete_account(request: MemberRequest) -> HttpResponse:
    """Say plainly what deleting the account does; on a confirmed POST, do it now.

    The page itself needs no new proof, so a member can read what will
    happen first. The button does: the password again, and the two-step
    code too when it is set up (see reauth.py); after each, allauth replays
    the POST, so a borrowed, signed-in phone is not enough to wipe someone's
    account.
    """
    if request.method == "POST":
        asked = ask_for_missing_proof(request)
        if asked is not None:
            return asked
        actions.do_delete_account(request.user)
        logout(request)
        response = render(request, "accounts/deleted.html")
        # The browser's note of the sign-in names it knows would still name
        # the account: it goes too.
        response.delete_cookie(KNOWN_DEVICE_COOKIE)
        return response
    return render(request, "accounts/delete_account.html", {"nav": "settings"})


@login_required
@require_http_methods(["POST"])
def end_session(request: MemberRequest, session_id: int) -> HttpResponse:
    """Sign out of one other browser from the list of places signed in."""
    if not actions.do_end_session(request.user, session_id):
        raise Http404
    messages.success(request, "That browser is signed out.")
    return redirect("usersessions_list")


@login_required
@require_http_methods(["GET"])
def export(request: MemberRequest) -> HttpResponse:
    """Take your words with you: ask for a copy, watch it being made, download it once."""
    current = queries.current_export(request.user)
    return render(
        request,
        "accounts/export.html",
        {
            "nav": "settings",
            "export": current,
            "refresh": exports.REFRESH_SECONDS,
            "kept_hours": int(exports.KEPT_FOR.total_seconds() // 3600),
        },
    )


@login_required
@reauthentication_required
@require_http_methods(["POST"])
def export_start(request: MemberRequest) -> HttpResponse:
    """Start a copy; allauth asks for the password (or code) first when it is not fresh."""
    actions.do_ask_for_export(request.user)
    return redirect("accounts:export")


@login_required
@reauthentication_required
@require_http_methods(["POST"])
def export_download(request: MemberRequest, export_id: uuid.UUID) -> HttpResponse:
    """The finished copy, once; it is deleted from the server as it is handed over."""
    data = actions.do_hand_over_export(request.user, export_id)
    if data is None:
        raise Http404
    response = HttpResponse(data, content_type="application/zip")
    name = exports.download_name(timezone.localdate())
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
