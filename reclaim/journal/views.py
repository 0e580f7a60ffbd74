from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reclaim.core.links import link_maker
from reclaim.core.numbers import full_day
from reclaim.safety.response import mark_pending

from . import actions, queries
from .forms import EntryForm, SearchForm, split_tags
from .prompts import all_themes, get_prompt, prompts_for

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

    from .models import Draft, Entry

PER_PAGE = 20


@dataclass(frozen=True)
class ListedEntry:
    """One entry as the journal lists it, every word ready to print."""

    url: str
    title: str
    day: str
    tags: list[str]


def _listed(entries: Iterable[Entry]) -> list[ListedEntry]:
    # Written out here rather than by tags and filters in the template: the
    # list repeats it for every entry on the page.
    link = link_maker("journal:detail")
    return [
        ListedEntry(
            url=link(entry.pk),
            title=entry.display_title,
            day=full_day(entry.day),
            tags=entry.tag_list,
        )
        for entry in entries
    ]


def _own_entry(request: MemberRequest, entry_id: uuid.UUID) -> Entry:
    # Filtering by owner makes someone else's entry look exactly like a
    # missing one: a 404, never a hint that it exists.
    return queries.own_entry(request.user, entry_id)


@login_required
@require_http_methods(["GET", "POST"])
def entry_list(request: MemberRequest) -> HttpResponse:
    # The search form posts, so the words searched for stay out of the
    # address bar and the browser's history on a shared device. Links that
    # use ?q= and ?tag= work the same way.
    params = request.POST if request.method == "POST" else request.GET
    q = params.get("q", "")[:200].strip()
    tag = params.get("tag", "")[:100].strip()
    searching = bool(q or tag)
    items: Any = (
        queries.search(request.user, q, tag or None)
        if searching
        else queries.entries_of(request.user)
    )
    page = queries.entries_page(items, params.get("page"), PER_PAGE)
    return render(
        request,
        "journal/list.html",
        {
            "nav": "journal",
            "page": page,
            "entries": _listed(page),
            "searching": searching,
            "search_form": SearchForm(initial={"q": q, "tag": tag}),
            "q": q,
            "tag": tag,
            "drafts": queries.drafts_of(request.user),
        },
    )


def _initial(writing: Draft | Entry) -> dict[str, str]:
    """The form's starting values from a draft or an entry, which share these fields."""
    return {
        "title": writing.title,
        "body": writing.body,
        "tags": ", ".join(writing.tag_list),
        "prompt": writing.prompt,
    }


def _chips(request: MemberRequest, form: EntryForm) -> tuple[list[str], set[str]]:
    """The member's own tags to offer, and which of them are ticked."""
    if form.is_bound:
        # A bound entry form is always bound to the posted data.
        typed = split_tags(request.POST.getlist("tags"))
        ticked = set(request.POST.getlist("tag_choice"))
    else:
        typed = split_tags([form.initial.get("tags", "")])
        ticked = set()
    already = {tag.casefold() for tag in typed}
    offered = [t for t in queries.member_tags(request.user) if t.casefold() not in already]
    return offered, ticked


def _form_page(
    request: MemberRequest,
    form: EntryForm,
    *,
    entry: Entry | None,
    draft: Draft | None,
    prompt_code: str,
    kept_after_error: bool = False,
    chosen_prompt: Any = None,
) -> HttpResponse:
    chips, ticked = _chips(request, form)
    return render(
        request,
        "journal/form.html",
        {
            "nav": "journal",
            "form": form,
            "entry": entry,
            "draft": draft,
            "prompt": get_prompt(prompt_code),
            "chosen_prompt": chosen_prompt,
            "chips": chips,
            "ticked": ticked,
            "kept_after_error": kept_after_error,
            "zone": request.user.zone,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_new(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            entry = actions.do_create_entry(request.user, form.cleaned_data)
            if entry.risk_event is not None:
                mark_pending(request, entry.risk_event)
            messages.success(request, "Saved.")
            return redirect("journal:detail", entry_id=entry.pk)
        draft = (
            actions.do_save_draft(request.user, request.POST)
            if actions.has_words(request.POST)
            else None
        )
        return _form_page(
            request,
            form,
            entry=None,
            draft=draft,
            prompt_code=form.data.get("prompt", ""),
            kept_after_error=True,
        )

    asked = get_prompt(request.GET.get("prompt"))
    draft = queries.new_draft(request.user)
    if draft is not None:
        # One draft of new writing at a time: open it rather than a blank
        # page, so that autosaving a new piece can never write over it.
        form = EntryForm(initial=_initial(draft))
        chosen = asked if asked and asked.code != draft.prompt else None
        return _form_page(
            request, form, entry=None, draft=draft, prompt_code=draft.prompt, chosen_prompt=chosen
        )
    code = asked.code if asked else ""
    form = EntryForm(initial={"prompt": code, "body": asked.starter if asked else ""})
    return _form_page(request, form, entry=None, draft=None, prompt_code=code)


@login_required
@require_GET
def entry_detail(request: MemberRequest, entry_id: uuid.UUID) -> HttpResponse:
    entry = _own_entry(request, entry_id)
    return render(
        request,
        "journal/detail.html",
        {
            "nav": "journal",
            "entry": entry,
            "prompt": get_prompt(entry.prompt),
            "draft": queries.draft_for(request.user, entry),
            "zone": request.user.zone,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: MemberRequest, entry_id: uuid.UUID) -> HttpResponse:
    entry = _own_entry(request, entry_id)
    if request.method == "POST":
        form = EntryForm(request.POST)
        if form.is_valid():
            actions.do_update_entry(entry, form.cleaned_data)
            if entry.risk_event is not None:
                mark_pending(request, entry.risk_event)
            messages.success(request, "Saved.")
            return redirect("journal:detail", entry_id=entry.pk)
        draft = (
            actions.do_save_draft(request.user, request.POST, entry)
            if actions.has_words(request.POST)
            else None
        )
        return _form_page(
            request, form, entry=entry, draft=draft, prompt_code=entry.prompt, kept_after_error=True
        )
    draft = queries.draft_for(request.user, entry)
    form = EntryForm(initial=_initial(draft or entry))
    return _form_page(request, form, entry=entry, draft=draft, prompt_code=entry.prompt)


@login_required
@require_http_methods(["GET", "POST"])
def entry_delete(request: MemberRequest, entry_id: uuid.UUID) -> HttpResponse:
    entry = _own_entry(request, entry_id)
    if request.method == "POST":
        actions.do_delete_entry(entry)
        messages.success(request, "The entry is deleted.")
        return redirect("journal:list")
    return render(request, "journal/delete.html", {"nav": "journal", "entry": entry})


@login_required
@require_GET
def prompt_list(request: MemberRequest) -> HttpResponse:
    themes = [(theme, prompts_for(theme.slug)) for theme in all_themes()]
    return render(request, "journal/prompts.html", {"nav": "journal", "themes": themes})


def _posted(request: HttpRequest) -> Any:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return request.POST


@login_required
@require_POST
def draft_save(request: MemberRequest) -> HttpResponse:
    """Where draft.js sends the form while the member writes. Answers 204."""
    data = _posted(request)
    if data is None:
        return HttpResponseBadRequest()
    entry = None
    entry_id = data.get("entry")
    if entry_id:
        try:
            entry = _own_entry(request, uuid.UUID(str(entry_id)))
        except ValueError:
            raise Http404 from None
    draft = actions.do_autosave(request.user, data, entry)
    if draft is not None and draft.cut:
        # The first part is kept; 413 tells draft.js to say so beside the form.
        return HttpResponse(status=413)
    return HttpResponse(status=204)


@login_required
@require_POST
def draft_discard(request: MemberRequest, draft_id: uuid.UUID) -> HttpResponse:
    draft = get_object_or_404(queries.owned_drafts(request.user), pk=draft_id)
    actions.do_discard_draft(draft)
    messages.info(request, "The draft is gone.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("journal:list")
    return redirect(target)
