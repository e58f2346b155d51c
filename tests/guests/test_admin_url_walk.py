"""Every URL pattern the admin registers, asked by a guest, found by Django's resolver.

The patterns come from walking `wagtail.admin.urls` (which holds the admin API and every
view that apps add through hooks), not from a hand-kept list. Each pattern is called as
guest A, by GET and by POST, with the ids of things that are not theirs: guest B's draft, an
editor's draft in the guest section and an editor's essay, an image and a document in a
collection guests have no rights on. A pattern on the allow list
(`guests.admin_access.GUEST_ALLOWED`) must refuse those ids and show none of those titles,
and must open for the guest's own things; every other pattern must be refused outright.

A pattern that is in neither the allow list nor `REFUSED` below has had no decision, and
`test_every_admin_url_has_a_decision` fails naming it.
"""

import re
from dataclasses import dataclass

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLResolver, resolve, reverse
from django.urls.resolvers import RegexPattern
from django.utils import timezone

from wagtail.admin import urls as admin_urls
from wagtail.admin.models import EditingSession
from wagtail.models import Page, UploadedFile, Workflow

from guests.admin_access import GUEST_ALLOWED
from guests.middleware import REFUSAL
from guests.roles import WORKFLOW_NAME
from tests.guests.test_admin_leaks import FOREIGN_TITLES

# Whole families guests never use: snippets, settings, users, workflows, reports, documents,
# and the editors' own admin screens. A new view in one of these is refused like the rest.
REFUSED_FAMILIES = (
    "wagtailsnippets_",  # snippets and their choosers: editors' business
    "wagtailsnippetchoosers_",
    "wagtailsnippets:",
    "wagtailsettings:",
    "wagtailusers_",
    "wagtailsites:",
    "wagtailadmin_workflows:",
    "wagtailadmin_reports:",  # site history and other reports list everyone's pages
    "wagtailadmin_collections:",
    "wagtailredirects:",
    "wagtailsearchpromotions:",
    "wagtailforms:",
    "wagtaildocs",  # guests have no document rights and their body has no document block
    "wagtailembeds:",  # and no embeds
    "wagtailadmin_api:documents:",
    "wagtailadmin_api:images:",  # the chooser, not the API, is how guests pick images
    "wagtail_modeladmin:",
    "guests_invitation_modeladmin_",
    "people_",
    "roundups_",
    "search_reader_searches",
    "newsletter_",  # the editors' mailing of roundups and its subscribers
)
REFUSED = {
    # The admin's catch-all not-found page and its test page.
    "<unnamed> .*/",
    "<unnamed> test404/",
    "wagtailadmin_error_test",
    # The background-tasks report: the site's queue, an administrator's concern.
    "core_background_tasks",
    "core_background_tasks_results",
    # Tags across the whole site would show words from other people's work.
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_tag_model_autocomplete",
    # Page-type usage (every page of a type) and structural page actions.
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:move",
    "wagtailadmin_pages:move_confirm",
    "wagtailadmin_pages:set_page_position",
    "wagtailadmin_pages:copy",
    "wagtailadmin_pages:convert_alias",
    "wagtailadmin_pages:set_privacy",
    "wagtailadmin_pages:lock",
    "wagtailadmin_pages:unlock",
    "wagtailadmin_pages:unpublish",
    "wagtailadmin_pages:revisions_revert",
    "wagtailadmin_pages:revisions_unschedule",
    # Reviewers' tools: guests submit through the edit view and never review.
    "wagtailadmin_pages:workflow_action",
    "wagtailadmin_pages:collect_workflow_action_data",
    "wagtailadmin_pages:workflow_preview",
    # The admin API's page actions and look-ups by path.
    "wagtailadmin_api:pages:action",
    "wagtailadmin_api:pages:find",
    # Images: address generator (renditions of any size) is editors' tool.
    "wagtailimages:url_generator",
    "wagtailimages:url_generator_output",
}

# Allowed views that name their objects in the query (`?id=…`) rather than in the path.
NAMED_IN_QUERY = {
    "wagtailadmin_choose_page_chosen_multiple",
    "wagtailimages_chooser:chosen_multiple",
    "wagtail_bulk_action",
}
OBJECT_KWARGS = {
    "page_id",
    "parent_page_id",
    "page_to_move_id",
    "destination_id",
    "pk",
    "page_pk",
    "workflow_pk",
    "object_id",
    "instance_pk",
    "image_id",
    "document_id",
    "doc_id",
    "revision_id",
    "task_state_id",
    "workflow_state_id",
    "session_id",
    "uploaded_file_id",
    "collection_id",
    "query_id",
    "redirect_id",
    "task_id",
}


@dataclass
class AdminPattern:
    name: str  # the namespaced URL name, or "<unnamed> route" for patterns without one
    url_name: str
    template: str  # the path below the admin's root, as the patterns spell it
    regex: bool
    kwargs: tuple[str, ...]


def walk(patterns, prefix="", namespaces=(), regex=False):
    for entry in patterns:
        is_regex = regex or isinstance(entry.pattern, RegexPattern)
        part = str(entry.pattern)
        if isinstance(entry, URLResolver):
            spaces = (*namespaces, entry.namespace) if entry.namespace else namespaces
            yield from walk(entry.url_patterns, prefix + part, spaces, is_regex)
            continue
        template = prefix + part
        kwargs = tuple(re.findall(r"<(?:\w+:)?(\w+)>", template))
        name = (
            ":".join((*namespaces, entry.name)) if entry.name else f"<unnamed> {part.strip('^$')}"
        )
        yield AdminPattern(name, entry.name or "", template, is_regex, kwargs)


def admin_patterns() -> list[AdminPattern]:
    return list(walk(admin_urls.urlpatterns))


def decided(name: str) -> bool:
    return name in GUEST_ALLOWED or name in REFUSED or name.startswith(REFUSED_FAMILIES)


def fill(pattern: AdminPattern, values: dict[str, str]) -> str:
    """The pattern's path with each argument replaced, under the admin's root."""
    path = pattern.template
    if pattern.regex:
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: values[m.group(1)], path)
        path = path.replace("^", "").replace("$", "").replace("\\", "").replace(".*", "x")
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values[m.group(1)], path)
    return reverse("wagtailadmin_home") + path


def undecided() -> list[str]:
    return sorted({p.name for p in admin_patterns() if not decided(p.name)})


def test_every_admin_url_has_a_decision():
    assert undecided() == [], (
        "Admin URLs with no decision for guests: add each to guests.admin_access.GUEST_ALLOWED "
        f"(with a rule) or to REFUSED in this test: {undecided()}"
    )


def test_a_url_taken_off_the_allow_list_is_named_as_undecided(monkeypatch):
    monkeypatch.delitem(GUEST_ALLOWED, "wagtailadmin_pages:edit")
    assert undecided() == ["wagtailadmin_pages:edit"]


def test_the_walk_sees_the_admin_api_and_views_added_by_hooks():
    names = {p.name for p in admin_patterns()}
    assert {"wagtailadmin_api:pages:detail", "wagtailadmin_api:images:detail"} <= names
    assert "guests_preview_links" in names
    assert "wagtailadmin_choose_page_chosen_multiple" in names


@dataclass
class Things:
    """Argument values for each URL argument name: whose things they name."""

    pages: list[int]
    section: int
    image: int
    document: int
    revision: int
    task_state: int
    workflow_state: int
    session: int
    upload: int
    collection: int


def start_review(page, user):
    state = Workflow.objects.get(name=WORKFLOW_NAME).start(page, user)
    return state


def editing_session(user, page) -> EditingSession:
    return EditingSession.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(page.pk),
        last_seen_at=timezone.now(),
    )


def upload(user) -> UploadedFile:
    return UploadedFile.objects.create(
        file=SimpleUploadedFile("x.png", b"not really an image"), uploaded_by_user=user
    )


def values_for(pattern: AdminPattern, things: Things, choice: int) -> dict[str, str]:
    """Every argument of the pattern filled from `things`; `choice` picks among the pages."""
    page = things.pages[choice % len(things.pages)]
    is_image = "image" in pattern.name
    is_document = "doc" in pattern.name
    by_kind = things.image if is_image else things.document if is_document else page
    values = {
        "page_id": page,
        "parent_page_id": things.section if things.section else page,
        "page_to_move_id": page,
        "destination_id": page,
        "page_pk": page,
        "workflow_pk": 1,
        "object_id": page,
        "pk": by_kind,
        "instance_pk": 1,
        "image_id": things.image,
        "document_id": things.document,
        "doc_id": things.document,
        "revision_id": things.revision,
        "revision_id_a": "earliest",
        "revision_id_b": things.revision,
        "task_state_id": things.task_state,
        "workflow_state_id": things.workflow_state,
        "session_id": things.session,
        "uploaded_file_id": things.upload,
        "collection_id": things.collection,
        "query_id": 1,
        "redirect_id": 1,
        "task_id": 1,
        "app_label": "wagtailcore",
        "model_name": "page",
        "app_name": "wagtailimages",
        "content_type_app_name": "guests",
        "content_type_model_name": "guestpostpage",
        "action": "delete",
        "action_name": "move",
        "filter_spec": "original",
        "uidb64": "MQ",
        "token": "set-password",
        "slug": "x",
    }
    return {name: str(values.get(name, "x")) for name in pattern.kwargs}


def query_for(pattern: AdminPattern, things: Things) -> dict:
    """The query a chooser, search or the explorer's API would send, naming `things`."""
    if pattern.name.startswith("wagtailadmin_api:"):
        return {"for_explorer": "1", "child_of": things.section or things.pages[0]}
    ids = [things.image] if "image" in pattern.name else things.pages
    return {"id": ids, "q": "draft"}


def boundary_refused(response) -> bool:
    return response.status_code == 403 and response.content.decode() == REFUSAL


def leaked(response) -> list[str]:
    if getattr(response, "streaming", False):
        return []
    text = response.content.decode(errors="replace")
    return [title for title in FOREIGN_TITLES if title in text]


@pytest.mark.django_db
def test_each_admin_url_refuses_a_guest_or_shows_only_their_own_things(
    client, world, foreign, editor
):
    foreign_review = start_review(world.draft_b, world.guest_b)
    theirs = Things(
        pages=[world.draft_b.pk, foreign.editor_guest_draft.pk, foreign.editor_essay_draft.pk],
        section=0,
        image=world.other_image.pk,
        document=foreign.other_document.pk,
        revision=world.draft_b.get_latest_revision().pk,
        task_state=foreign_review.current_task_state.pk,
        workflow_state=foreign_review.pk,
        session=editing_session(world.guest_b, world.draft_b).pk,
        upload=upload(world.guest_b).pk,
        collection=world.other_collection.pk,
    )
    own_review = start_review(world.draft_a, world.guest_a)
    own = Things(
        pages=[world.draft_a.pk],
        section=world.section.pk,
        image=world.guest_image.pk,
        document=foreign.other_document.pk,
        revision=world.draft_a.get_latest_revision().pk,
        task_state=own_review.current_task_state.pk,
        workflow_state=own_review.pk,
        session=editing_session(world.guest_a, world.draft_a).pk,
        upload=upload(world.guest_a).pk,
        collection=world.guest_collection.pk,
    )
    problems = []

    def ask(method, url, data):
        if "_auth_user_id" not in client.session:  # a call to "log out" was allowed
            client.force_login(world.guest_a)
        return getattr(client, method)(url, data)

    # Some of Wagtail's form views answer made-up POST data with a server error; what
    # matters here is what a guest is shown, so those answers are judged like the rest.
    client.raise_request_exception = False
    client.force_login(world.guest_a)
    for pattern in admin_patterns():
        names_object = bool(OBJECT_KWARGS.intersection(pattern.kwargs)) or (
            pattern.name in NAMED_IN_QUERY
        )
        allowed = pattern.name in GUEST_ALLOWED
        choices = range(len(theirs.pages)) if allowed and names_object else range(1)
        for choice in choices:
            url = fill(pattern, values_for(pattern, theirs, choice))
            if pattern.url_name and resolve(url).url_name != pattern.url_name:
                problems.append(f"{pattern.name}: could not build an address ({url})")
                continue
            for method in ("get", "post"):
                response = ask(method, url, query_for(pattern, theirs))
                if not allowed and not boundary_refused(response):
                    problems.append(
                        f"{pattern.name}: {method} not refused ({response.status_code})"
                    )
                elif allowed and names_object and response.status_code not in (403, 404):
                    problems.append(
                        f"{pattern.name}: {method} opened for someone else's things "
                        f"({response.status_code}) at {url}"
                    )
                if leaked(response):
                    problems.append(f"{pattern.name}: {method} showed {leaked(response)}")
        if allowed:
            url = fill(pattern, values_for(pattern, own, 0))
            response = ask("get", url, query_for(pattern, own))
            if boundary_refused(response):
                problems.append(f"{pattern.name}: refused the guest's own things at {url}")
            if leaked(response):
                problems.append(f"{pattern.name}: showed {leaked(response)} at {url}")
    assert problems == [], "\n".join(problems)
