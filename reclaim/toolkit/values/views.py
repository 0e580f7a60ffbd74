from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from reclaim.toolkit.pages import after_save, own
from reclaim.toolkit.registry import tool

from . import actions, queries
from .catalog import VALUES
from .forms import ChooseForm, PilesForm, SortState, WordsForm

if TYPE_CHECKING:
    from reclaim.accounts.requests import MemberRequest

TOOL = tool("values")


def _page(request: HttpRequest, template: str, **context: Any) -> HttpResponse:
    return render(request, template, {"nav": "toolkit", "tool": TOOL, **context})


@login_required
@require_GET
def index(request: MemberRequest) -> HttpResponse:
    sorts = queries.recent_sorts(request.user, queries.HISTORY + 1)
    current = sorts[0] if sorts else None
    earlier = sorts[1 : queries.HISTORY + 1]
    # Counted every time, so the page costs the same queries with one sort or hundreds.
    total = queries.count_sorts(request.user)
    return _page(
        request,
        "values/index.html",
        current=current,
        earlier=earlier,
        older=max(total - 1 - len(earlier), 0),
        value_count=len(VALUES),
    )


def _step(request: HttpRequest, number: int, state: SortState, form: Any) -> HttpResponse:
    lot, some = state.choosable()
    return _page(
        request,
        "values/sort.html",
        step=number,
        state=state,
        form=form,
        lot_count=len(state.pile("lot")),
        some_offered=bool(some),
        # Going back and forth never loses anything: what is not on this
        # step travels in hidden fields.
        carry_piles=number != 1,
        carry_chosen=number != 2,
        carry_words=number != 3,
    )


def _step_one(
    request: HttpRequest, state: SortState, bound: PilesForm | None = None
) -> HttpResponse:
    form = bound or PilesForm(initial={f"pile_{code}": pile for code, pile in state.piles.items()})
    return _step(request, 1, state, form)


def _step_two(
    request: HttpRequest, state: SortState, bound: ChooseForm | None = None
) -> HttpResponse:
    lot, some = state.choosable()
    form = bound or ChooseForm(
        lot=lot, some=some, initial={"chosen": [c for c in state.chosen if c in lot + some]}
    )
    return _step(request, 2, state, form)


def _step_three(
    request: MemberRequest, state: SortState, bound: WordsForm | None = None
) -> HttpResponse:
    if bound is None:
        # Words from this visit first, then the member's words from the last
        # sort, so a value kept in the five keeps its words unless changed.
        earlier = {code: words for code, _, words in queries.current_top_five(request.user)}
        initial = {
            f"words_{code}": state.words.get(code, earlier.get(code, "")) for code in state.chosen
        }
        bound = WordsForm(chosen=state.chosen, initial=initial)
    return _step(request, 3, state, bound)


@login_required
@require_http_methods(["GET", "POST"])
def sort(request: MemberRequest) -> HttpResponse:
    if request.method == "GET":
        return _step_one(request, SortState())
    data = request.POST
    state = SortState.read(data)
    step = data.get("step", "1")
    back = data.get("go") == "back"

    if step == "2" and back:
        return _step_one(request, state)
    if step == "3" and back:
        return _step_two(request, state)

    piles = PilesForm(data)
    if not piles.is_valid():
        return _step_one(request, state, piles)
    lot, some = state.choosable()
    if step == "1":
        return _step_two(request, state)

    choose = ChooseForm(data, lot=lot, some=some)
    if not choose.is_valid():
        return _step_two(request, state, choose)
    state.chosen = choose.cleaned_data["chosen"]
    if step == "2":
        return _step_three(request, state)

    words = WordsForm(data, chosen=state.chosen)
    if not words.is_valid():
        return _step_three(request, state, words)
    _, event = actions.do_save_sort(request.user, state.chosen, words.words())
    after_save(request, event)
    messages.success(request, "Saved. These are your five for now.")
    return redirect("values:index")


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: MemberRequest, sort_id: uuid.UUID) -> HttpResponse:
    # The row is looked up before the method is checked, so a post to
    # someone else's sort meets the same 404 as a look at it.
    found = own(request, queries.owned_sorts, sort_id)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    return _page(request, "values/detail.html", sort=found)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: MemberRequest, sort_id: uuid.UUID) -> HttpResponse:
    found = own(request, queries.owned_sorts, sort_id)
    if request.method == "POST":
        actions.do_delete_sort(found)
        messages.success(request, "That sort is deleted.")
        return redirect("values:index")
    return _page(request, "values/delete.html", sort=found)
