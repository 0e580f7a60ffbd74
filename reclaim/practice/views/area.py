"""The practice area at /practice/: articles, topics and the practitioner's own profile.

Every page is for practitioners with two-factor set up (access.py); anyone
else gets the same 404 as for a page that does not exist.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import dateformat, timezone
from django.views.decorators.http import require_http_methods, require_POST

from reclaim.accounts.zones import zone_label

from ..access import practitioner_required
from ..actions import articles as article_actions
from ..actions import profiles as profile_actions
from ..forms import ArticleForm, CategoryForm, PreviewForm, ProfileForm
from ..images import ImageRejected
from ..markdown import render_article
from ..queries import area as queries

# What each button on the article form asks for.
SAVE, PREVIEW, PUBLISH, SCHEDULE = "save", "preview", "publish", "schedule"
# How a time to go live is written ("Tuesday 5 May 2026 at 09:30"), as the templates' `date` filter does.
WHEN = r"l j F Y \a\t H:i"


def _zone_words(request: HttpRequest) -> str:
    return zone_label(str(request.user.zone))  # type: ignore[union-attr]


@practitioner_required
@require_http_methods(["GET"])
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practice/area/index.html",
        {"area_nav": "index", "overview": queries.overview(), "State": queries.State},
    )


@practitioner_required
@require_http_methods(["GET"])
def article_list(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("status", "")
    state = state if state in queries.State.ALL else ""
    return render(
        request,
        "practice/area/articles.html",
        {
            "area_nav": "articles",
            "articles": [(a, queries.state_of(a)) for a in queries.articles_in(state or None)],
            "state": state,
            "State": queries.State,
            "zone": request.user.zone,  # type: ignore[union-attr]
        },
    )


def _initial(article: Any, zone: Any) -> dict[str, Any]:
    if article is None:
        return {}
    when = article.publish_at
    return {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "categories": list(article.categories.all()),
        "cover_alt": article.cover_alt,
        # The field shows the time on the practitioner's clock.
        "publish_at": timezone.localtime(when, zone).replace(tzinfo=None) if when else None,
    }


def _as_typed(form: Form) -> dict[str, Any]:
    """What was posted, as a form's starting values, so a preview shows no errors yet."""
    data: Any = form.data  # the posted QueryDict, cleaned of bidi controls
    typed: dict[str, Any] = {name: data.get(name, "") for name in form.fields}
    typed["categories"] = data.getlist("categories")
    typed["remove_cover"] = bool(data.get("remove_cover"))
    return typed


def _article_page(
    request: HttpRequest, form: ArticleForm, article: Any, preview: Any = None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "practice/area/article_form.html",
        {
            "area_nav": "articles",
            "form": form,
            "article": article,
            "state": queries.state_of(article) if article else None,
            "State": queries.State,
            "preview": preview,
            "zone": request.user.zone,  # type: ignore[union-attr]
            "zone_words": _zone_words(request),
            "intents": {"save": SAVE, "preview": PREVIEW, "publish": PUBLISH, "schedule": SCHEDULE},
        },
        status=status,
    )


def _done_message(intent: str, article: Any, zone: Any, zone_words: str) -> str:
    if intent == PUBLISH:
        return "Published. It is on the public site now."
    if intent == SCHEDULE:
        when = dateformat.format(timezone.localtime(article.publish_at, zone), WHEN)
        return f"Scheduled. It goes live on {when} ({zone_words})."
    return "Saved."


def _article_form(request: HttpRequest, article: Any) -> HttpResponse:
    zone = request.user.zone  # type: ignore[union-attr]
    has_cover = bool(article and article.cover_id)
    if request.method != "POST":
        form = ArticleForm(initial=_initial(article, zone), zone=zone, has_picture=has_cover)
        return _article_page(request, form, article)
    form = ArticleForm(request.POST, request.FILES, zone=zone, has_picture=has_cover)
    intent = request.POST.get("intent", SAVE)
    if intent == PREVIEW:
        typed = ArticleForm(initial=_as_typed(form), zone=zone, has_picture=has_cover)
        return _article_page(
            request, typed, article, preview=render_article(form.data.get("body", ""))
        )
    if form.is_valid() and intent == SCHEDULE:
        form.clean_for_schedule()
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved = article_actions.do_save_article(
                request.user,
                article,
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                body=data["body"],
                categories=data["categories"],
                cover=data["cover"] or None,
                cover_alt=data["cover_alt"],
                remove_cover=data["remove_cover"],
            )
        except ValidationError as problem:
            form.add_error(None, problem)
        except ImageRejected as rejected:
            form.add_error("cover", rejected.message)
        else:
            if intent == PUBLISH:
                article_actions.do_publish_article(request.user, saved)
            elif intent == SCHEDULE:
                article_actions.do_publish_article(request.user, saved, data["publish_at"])
            messages.success(request, _done_message(intent, saved, zone, _zone_words(request)))
            return redirect("practice:article_edit", saved.pk)
    return _article_page(request, form, article, status=400)


@practitioner_required
@require_http_methods(["GET", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    return _article_form(request, None)


@practitioner_required
@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _article_form(request, queries.article(pk))


@practitioner_required
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The body as visitors would see it, for the editor's live preview (editor.js)."""
    form = PreviewForm(request.POST)
    body = form.data.get("body", "") if form.is_valid() else ""
    return render(request, "practice/area/_preview.html", {"preview": render_article(body)})


@practitioner_required
@require_POST
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_actions.do_unpublish_article(request.user, queries.article(pk))
    messages.success(request, "It is a draft again, and no longer on the public site.")
    return redirect("practice:article_edit", article.pk)


def _confirm_delete(
    request: HttpRequest, delete: Any, done: str, back: str, template: str, context: dict[str, Any]
) -> HttpResponse:
    """A GET asks first (the template), a POST calls `delete(user)` and goes `back`."""
    if request.method == "POST":
        delete(request.user)
        messages.success(request, done)
        return redirect(back)
    return render(request, template, context)


@practitioner_required
@require_http_methods(["GET", "POST"])
def article_delete(request: HttpRequest, pk: int) -> HttpResponse:
    article = queries.article(pk)
    return _confirm_delete(
        request,
        lambda user: article_actions.do_delete_article(user, article),
        f"“{article.title}” is deleted.",
        "practice:articles",
        "practice/area/article_delete.html",
        {"area_nav": "articles", "article": article, "state": queries.state_of(article)},
    )


def _category_page(
    request: HttpRequest, template: str, form: CategoryForm, category: Any, status: int = 200
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "area_nav": "categories",
            "form": form,
            "category": category,
            "categories": queries.categories(),
        },
        status=status,
    )


def _save_category(request: HttpRequest, form: CategoryForm, category: Any) -> bool:
    if not form.is_valid():
        return False
    try:
        article_actions.do_save_category(request.user, category, **form.cleaned_data)
    except ValidationError as problem:
        form.add_error(None, problem)
        return False
    return True


@practitioner_required
@require_http_methods(["GET", "POST"])
def categories(request: HttpRequest) -> HttpResponse:
    form = CategoryForm(request.POST or None)
    if request.method == "POST":
        if _save_category(request, form, None):
            messages.success(request, f"The topic “{form.cleaned_data['name']}” is added.")
            return redirect("practice:categories")
        return _category_page(request, "practice/area/categories.html", form, None, status=400)
    return _category_page(request, "practice/area/categories.html", form, None)


@practitioner_required
@require_http_methods(["GET", "POST"])
def category_edit(request: HttpRequest, pk: int) -> HttpResponse:
    category = queries.category(pk)
    initial = {"name": category.name, "slug": category.slug, "description": category.description}
    form = CategoryForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if _save_category(request, form, category):
            messages.success(request, "Saved.")
            return redirect("practice:categories")
        return _category_page(request, "practice/area/category_edit.html", form, category, 400)
    return _category_page(request, "practice/area/category_edit.html", form, category)


@practitioner_required
@require_http_methods(["GET", "POST"])
def category_delete(request: HttpRequest, pk: int) -> HttpResponse:
    category = queries.category(pk)
    return _confirm_delete(
        request,
        lambda user: article_actions.do_delete_category(user, category),
        f"The topic “{category.name}” is deleted.",
        "practice:categories",
        "practice/area/category_delete.html",
        {"area_nav": "categories", "category": category},
    )


@practitioner_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    own = queries.profile_of(request.user)
    has_photo = bool(own and own.photo_id)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, has_picture=has_photo)
        if form.is_valid():
            try:
                profile_actions.do_save_profile(request.user, **form.cleaned_data)
            except ValidationError as problem:
                form.add_error(None, problem)
            except ImageRejected as rejected:
                form.add_error("photo", rejected.message)
            else:
                messages.success(request, "Your profile is saved.")
                return redirect("practice:profile")
        status = 400
    else:
        initial = (
            {
                "name": own.name,
                "slug": own.slug,
                "credentials": own.credentials,
                "approach": own.approach,
                "areas": own.areas,
                "photo_alt": own.photo_alt,
                "response_hours": own.response_hours,
                "listed": own.listed,
                "zone": request.user.timezone,  # type: ignore[union-attr]
            }
            if own
            else {"name": request.user.get_username(), "zone": request.user.timezone}  # type: ignore[union-attr]
        )
        form = ProfileForm(initial=initial, has_picture=has_photo)
        status = 200
    return render(
        request,
        "practice/area/profile.html",
        {"area_nav": "profile", "form": form, "profile": own},
        status=status,
    )
