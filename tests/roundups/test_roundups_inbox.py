"""The editors' suggestion inbox and its "add to draft roundup" action."""

from datetime import date

import pytest

from django.contrib.auth.models import Group
from django.test import Client

from roundups.models import ReaderSuggestion, RoundupPage

INBOX = "/admin/roundups/readersuggestion/"


@pytest.fixture
def suggestion(db):
    return ReaderSuggestion.objects.create(
        post_url="https://drgrumble.example/democracy",
        blog="Dr Grumble",
        reason="A doctor on a hospital closure pushed through <without> consultation.",
        name="Jo Reader",
        email="jo@example.org",
        credit=True,
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def action_url(suggestion) -> str:
    return f"/admin/roundups/suggestions/{suggestion.pk}/add-to-roundup/"


@pytest.mark.django_db
def test_inbox_lists_suggestions_with_status_filter_and_inspect(editor_client, suggestion):
    ReaderSuggestion.objects.create(
        post_url="https://old.example/", blog="Old blog", reason="x", status="declined"
    )
    html = editor_client.get(INBOX).content.decode()
    assert "Dr Grumble" in html and "Old blog" in html
    assert "Add to draft roundup" in html
    filtered = editor_client.get(INBOX, {"status__exact": "declined"}).content.decode()
    assert "Old blog" in filtered and "Dr Grumble" not in filtered
    inspect = editor_client.get(f"{INBOX}inspect/{suggestion.pk}/").content.decode()
    assert "&lt;without&gt;" in inspect and "<without>" not in inspect


@pytest.mark.django_db
def test_guest_bloggers_cannot_see_the_inbox_or_use_the_action(
    client, django_user_model, suggestion, make_roundup
):
    guest = django_user_model.objects.create_user("guest-user", password="pw")
    guest.groups.add(Group.objects.get(name="Guest bloggers"))
    client.force_login(guest)
    make_roundup(week_ending=date(2012, 10, 26), live=False)
    assert client.get(INBOX).status_code in (302, 403)
    assert client.post(action_url(suggestion)).status_code in (302, 403)
    assert ReaderSuggestion.objects.get().status == "new"


@pytest.mark.django_db
def test_action_asks_for_confirmation_before_changing_anything(
    editor_client, suggestion, make_roundup
):
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    response = editor_client.get(action_url(suggestion))
    assert response.status_code == 200
    html = response.content.decode()
    assert draft.title in html and 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert "“suggested by Jo Reader”" in html
    assert RoundupPage.objects.get(pk=draft.pk).revisions.count() == 1


@pytest.mark.django_db
def test_adding_a_suggestion_appends_an_excerpt_to_the_latest_draft_as_a_new_revision(
    editor_client, suggestion, make_roundup, bloggers
):
    live = make_roundup(week_ending=date(2012, 10, 19))
    older_draft = make_roundup(week_ending=date(2012, 10, 12), live=False)
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    revisions_before = draft.revisions.count()
    response = editor_client.post(action_url(suggestion))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{draft.pk}/edit/"

    draft.refresh_from_db()
    assert draft.revisions.count() == revisions_before + 1
    assert not draft.live
    latest = draft.get_latest_revision_as_object()
    added = latest.excerpts[-1].value
    assert len(latest.excerpts) == 2
    assert added["url"] == "https://drgrumble.example/democracy"
    assert added["blogger"].pk == bloggers["dr-grumble"].pk
    assert added["suggested_by"] == "Jo Reader"
    assert "&lt;without&gt;" in added["commentary"].source
    assert len(older_draft.get_latest_revision_as_object().excerpts) == 1
    assert len(RoundupPage.objects.get(pk=live.pk).excerpts) == 1

    suggestion.refresh_from_db()
    assert suggestion.status == "used" and suggestion.roundup_id == draft.pk


@pytest.mark.django_db
def test_reader_who_did_not_agree_is_not_credited(editor_client, suggestion, make_roundup):
    suggestion.credit = False
    suggestion.save()
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    editor_client.post(action_url(suggestion))
    assert draft.get_latest_revision_as_object().excerpts[-1].value["suggested_by"] == ""


@pytest.mark.django_db
def test_credit_appears_on_the_page_once_the_editor_completes_and_publishes(
    client, editor_client, suggestion, make_roundup, bloggers
):
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    editor_client.post(action_url(suggestion))
    page = RoundupPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    raw = page.excerpts.raw_data[-1]["value"]
    raw.update(posted_on="2012-10-24", quote="The hospital was not a democracy.")
    page.save_revision().publish()
    assert "Suggested by Jo Reader" in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_without_a_draft_roundup_the_editor_is_told_so(editor_client, suggestion, make_roundup):
    make_roundup()
    response = editor_client.post(action_url(suggestion), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "There is no draft roundup to add it to" in messages[0]
    assert ReaderSuggestion.objects.get().status == "new"


@pytest.mark.django_db
def test_action_refuses_a_post_without_csrf_token(editor, suggestion, make_roundup):
    make_roundup(week_ending=date(2012, 10, 26), live=False)
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(action_url(suggestion)).status_code == 403
    assert ReaderSuggestion.objects.get().status == "new"


@pytest.mark.django_db
def test_readers_cannot_add_suggestions_from_the_admin(editor_client):
    assert editor_client.get(f"{INBOX}create/").status_code in (302, 403)


@pytest.mark.django_db
def test_dashboard_tells_editors_about_new_suggestions(editor_client, suggestion):
    ReaderSuggestion.objects.create(post_url="https://a.example/", blog="A", reason="x")
    ReaderSuggestion.objects.create(
        post_url="https://b.example/", blog="B", reason="x", status="declined"
    )
    html = editor_client.get("/admin/").content.decode()
    assert "2 new suggestions for the roundup." in html
    assert f'href="{INBOX}?status__exact=new"' in html


@pytest.mark.django_db
def test_a_used_suggestion_is_not_added_twice(editor_client, suggestion, make_roundup):
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    editor_client.post(action_url(suggestion))
    response = editor_client.post(action_url(suggestion), follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        f"This suggestion is already in “{draft.title}”."
    )
    latest = RoundupPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert len(latest.excerpts) == 2


@pytest.mark.django_db
def test_the_excerpt_form_fills_the_new_excerpt_and_keeps_bad_input_with_a_message(
    editor_client, suggestion, make_roundup, bloggers, sectors
):
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    fields = {
        "excerpt-url": "https://drgrumble.example/democracy",
        "excerpt-title": "",
        "excerpt-posted_on": "14th October 2012?",
        "excerpt-quote": "I have never really thought that I live in a true democracy.",
        "excerpt-blogger": bloggers["dr-grumble"].pk,
        "excerpt-sector": sectors["democracy"].pk,
    }
    refused = editor_client.post(action_url(suggestion), fields)
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Enter the date as 26/10/2012, 2012-10-26 or 26 October 2012." in html
    assert "I have never really thought that I live in a true democracy." in html
    assert ReaderSuggestion.objects.get().status == "new"

    fields["excerpt-posted_on"] = "14 October 2012"
    assert editor_client.post(action_url(suggestion), fields).status_code == 302
    added = RoundupPage.objects.get(pk=draft.pk).get_latest_revision_as_object().excerpts[-1]
    assert added.value["posted_on"] == date(2012, 10, 14)
    assert added.value["quote"].startswith("I have never really thought")
    assert added.value["sector"].pk == sectors["democracy"].pk


@pytest.mark.django_db
def test_suggestions_go_to_next_weeks_roundup_not_a_stray_later_draft(
    editor_client, suggestion, make_roundup
):
    make_roundup(week_ending=date(2012, 10, 19))
    next_week = make_roundup(week_ending=date(2012, 10, 26), live=False)
    make_roundup(week_ending=date(2026, 11, 29), live=False)  # an abandoned autosave
    html = editor_client.get(action_url(suggestion)).content.decode()
    assert f'href="/admin/pages/{next_week.pk}/edit/"' in html
    response = editor_client.post(action_url(suggestion))
    assert response["Location"] == f"/admin/pages/{next_week.pk}/edit/"
