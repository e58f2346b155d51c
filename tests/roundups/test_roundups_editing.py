"""Editors' path through the admin: derived title, date rules, messages that keep their work."""

from datetime import date

import pytest

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from roundups.factories import excerpt as excerpt_form_raw
from roundups.models import RoundupPage


def excerpt_form(blogger, *, posted_on="2012-10-18", quote="What I see are cuts.", **fields):
    return {
        "title": fields.get("title", "What I would say to Norman Lamb"),
        "url": fields.get("url", "https://ermintrude2.example/lamb"),
        "blogger": blogger.pk,
        "author": fields.get("author", ""),
        "posted_on": posted_on,
        "quote": quote,
        "commentary": rich_text("<p>Why it matters.</p>"),
        "sector": fields.get("sector", ""),
        "suggested_by": "",
    }


def roundup_form(excerpts, previous_reads=(), week_ending="2012-10-19", **extra):
    return nested_form_data(
        {
            "week_ending": week_ending,
            "custom_title": extra.pop("custom_title", ""),
            "introduction": rich_text("<p>Our selection this week.</p>"),
            "excerpts": streamfield([("excerpt", value) for value in excerpts]),
            "previous_reads_introduction": "Here’s another great post.",
            "previous_reads": streamfield([("excerpt", value) for value in previous_reads]),
            "suggestions_call": rich_text(""),
            "slug": extra.pop("slug", ""),
            **extra,
        }
    )


def add_url(index_page) -> str:
    return f"/admin/pages/add/roundups/rounduppage/{index_page.pk}/"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_editor_creates_a_roundup_with_title_and_address_from_the_date(
    editor_client, index_page, bloggers
):
    data = roundup_form([excerpt_form(bloggers["ermintrude2"])], **{"action-publish": "publish"})
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = RoundupPage.objects.get()
    assert page.live
    assert page.title == "Best of the frontline bloggers (week ending 19th October 2012)"
    assert page.slug == "week-ending-19-october-2012"


@pytest.mark.django_db
def test_main_excerpt_posted_after_the_week_is_an_error_on_its_date(
    editor_client, index_page, bloggers
):
    data = roundup_form(
        [
            excerpt_form(bloggers["ermintrude2"], quote="Kept quote one."),
            excerpt_form(bloggers["frank-chalk"], posted_on="2012-10-20", quote="Kept quote two."),
        ]
    )
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 200
    assert not RoundupPage.objects.exists()
    errors = response.context["form"].errors["excerpts"].as_data()[0]
    assert list(errors.block_errors) == [1]
    message = errors.block_errors[1].block_errors["posted_on"].messages[0]
    assert message.startswith("Posted after the week ending 19 October 2012")
    html = response.content.decode()
    assert "Kept quote one." in html and "Kept quote two." in html


@pytest.mark.django_db
def test_old_main_excerpt_saves_with_a_warning(editor_client, index_page, bloggers):
    data = roundup_form([excerpt_form(bloggers["ermintrude2"], posted_on="2012-09-30")])
    response = editor_client.post(add_url(index_page), data, follow=True)
    assert RoundupPage.objects.exists()
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert warnings == [
        "“What I would say to Norman Lamb” was posted more than 14 days before the week "
        "ending: should it be a previous read?"
    ]


@pytest.mark.django_db
def test_previous_reads_accept_any_date_without_a_warning(editor_client, index_page, bloggers):
    data = roundup_form(
        [excerpt_form(bloggers["ermintrude2"])],
        previous_reads=[excerpt_form(bloggers["frank-chalk"], posted_on="2011-01-05")],
    )
    response = editor_client.post(add_url(index_page), data, follow=True)
    assert RoundupPage.objects.get().previous_reads[0].value["posted_on"] == date(2011, 1, 5)
    assert not [m for m in response.context["messages"] if m.level_tag == "warning"]


@pytest.mark.django_db
def test_future_post_date_is_refused_on_the_field(editor_client, index_page, bloggers):
    data = roundup_form(
        [excerpt_form(bloggers["ermintrude2"], posted_on="2999-01-01")], week_ending="2999-01-01"
    )
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 200
    errors = response.context["form"].errors["excerpts"].as_data()[0]
    message = errors.block_errors[0].block_errors["posted_on"].messages[0]
    assert message == "This date is in the future: check the post's date."


@pytest.mark.django_db
def test_missing_quote_is_named_and_the_rest_kept_when_publishing(
    editor_client, index_page, bloggers
):
    data = roundup_form(
        [excerpt_form(bloggers["ermintrude2"], quote="")],
        custom_title="Kept custom title",
        **{"action-publish": "publish"},
    )
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 200
    assert not RoundupPage.objects.exists()
    errors = response.context["form"].errors["excerpts"].as_data()[0]
    assert "quote" in errors.block_errors[0].block_errors
    assert "Kept custom title" in response.content.decode()


@pytest.mark.django_db
def test_second_roundup_for_the_same_week_is_refused(
    editor_client, index_page, bloggers, make_roundup
):
    make_roundup()
    response = editor_client.post(
        add_url(index_page), roundup_form([excerpt_form(bloggers["ermintrude2"])])
    )
    assert response.status_code == 200
    existing = RoundupPage.objects.get()
    [message] = response.context["form"].errors["week_ending"]
    assert message == (
        "There is already a roundup for this week, “Best of the frontline bloggers (week "
        f'ending 19th October 2012)”: <a href="/admin/pages/{existing.pk}/edit/">edit that '
        "one</a> instead."
    )
    assert f'<a href="/admin/pages/{existing.pk}/edit/">edit that one</a>' in (
        response.content.decode()
    )


@pytest.mark.django_db
def test_a_never_published_draft_for_the_week_is_offered_to_continue_in_or_delete(
    editor_client, admin_user, index_page, bloggers, make_roundup
):
    admin_user.first_name, admin_user.last_name = "Ada", "Admin"
    admin_user.save()
    draft = make_roundup(week_ending=date(2012, 10, 26), live=False, owner=admin_user)
    response = editor_client.post(
        add_url(index_page),
        roundup_form([excerpt_form(bloggers["ermintrude2"])], week_ending="26/10/2012"),
    )
    html = response.content.decode()
    assert "There is already a draft roundup for this week" in html
    assert "never published, last saved" in html and "started by Ada Admin" in html
    # Carrying on in the draft is the main action (a button); deleting it is offered beside.
    assert (
        f'<a class="button button-small" href="/admin/pages/{draft.pk}/edit/">'
        "Continue in that draft</a>"
    ) in html
    assert f'<a href="/admin/pages/{draft.pk}/delete/">delete it</a>' in html
    assert "edit that one" not in html


@pytest.mark.django_db
def test_a_draft_for_the_week_sent_for_review_is_only_offered_for_editing(
    editor_client, editor, index_page, bloggers, make_roundup
):
    from wagtail.models import Workflow

    draft = make_roundup(week_ending=date(2012, 10, 26), live=False)
    workflow = Workflow.objects.create(name="Roundup review")
    workflow.workflow_tasks.create(task=workflow_task(), sort_order=0)
    workflow.start(draft, editor)
    html = editor_client.post(
        add_url(index_page),
        roundup_form([excerpt_form(bloggers["ermintrude2"])], week_ending="26/10/2012"),
    ).content.decode()
    assert f'<a href="/admin/pages/{draft.pk}/edit/">edit that one</a>' in html
    assert "Continue in that draft" not in html and "delete it" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", ["rounduppage", "roundupindexpage", "suggestionpage"])
def test_every_roundup_page_type_previews(editor_client, make_roundup, suggestion_page, page_type):
    page = {
        "rounduppage": make_roundup,
        "roundupindexpage": lambda: make_roundup().get_parent(),
        "suggestionpage": lambda: suggestion_page,
    }[page_type]()
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_excerpt_needs_a_sector_when_its_blogger_has_none(
    editor_client, index_page, bloggers, sectors
):
    blogger = bloggers["frank-chalk"]
    blogger.sectors.clear()
    response = editor_client.post(add_url(index_page), roundup_form([excerpt_form(blogger)]))
    assert response.status_code == 200
    errors = response.context["form"].errors["excerpts"].as_data()[0]
    message = errors.block_errors[0].block_errors["sector"].messages[0]
    assert message == "Choose a sector: Frank Chalk has none to default to."
    chosen = excerpt_form(blogger, sector=sectors["education"].pk)
    response = editor_client.post(add_url(index_page), roundup_form([chosen]))
    assert response.status_code == 302


@pytest.mark.django_db
def test_edit_form_shows_the_excerpts_and_the_derived_title(editor_client, make_roundup, bloggers):
    page = make_roundup(
        excerpts=[excerpt_form_raw(bloggers["ermintrude2"], title="Norman Lamb, in person")]
    )
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Best of the frontline bloggers (week ending 19th October 2012)" in html
    assert "Leave blank for" in html
    assert "Norman Lamb, in person" in html


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["2012-10-19", "19/10/2012", "19 October 2012"])
def test_the_week_ending_and_date_posted_accept_each_written_form(
    editor_client, index_page, bloggers, typed
):
    data = roundup_form(
        [excerpt_form(bloggers["ermintrude2"], posted_on=typed.replace("19", "18", 1))],
        week_ending=typed,
        **{"action-publish": "publish"},
    )
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 302, response.context["form"].errors
    page = RoundupPage.objects.get()
    assert page.week_ending == date(2012, 10, 19)
    assert page.excerpts[0].value["posted_on"] == date(2012, 10, 18)


@pytest.mark.django_db
def test_an_unreadable_date_is_an_error_on_its_field_and_the_text_stays(
    editor_client, index_page, bloggers
):
    data = roundup_form(
        [excerpt_form(bloggers["ermintrude2"], posted_on="18.10.2012")],
        week_ending="10/19/2012",
        **{"action-publish": "publish"},
    )
    response = editor_client.post(add_url(index_page), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Enter the date as 26/10/2012, 2012-10-26 or 26 October 2012.") >= 2
    assert 'value="10/19/2012"' in html and "18.10.2012" in html
    assert "e.g. 19/10/2012 or 19 October 2012" in html
    assert not RoundupPage.objects.exists()


@pytest.mark.django_db
def test_publishing_from_the_add_form_after_autosave_made_the_page_is_a_message_not_an_error(
    editor_client, index_page, bloggers
):
    incomplete = roundup_form([excerpt_form(bloggers["ermintrude2"], quote="", posted_on="")])
    autosave = editor_client.post(add_url(index_page), incomplete, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"] is True
    draft = RoundupPage.objects.get()
    complete = roundup_form([excerpt_form(bloggers["ermintrude2"])], **{"action-publish": "1"})
    response = editor_client.post(add_url(index_page), complete)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/admin/pages/{draft.pk}/edit/">Continue in that draft</a>' in html
    assert "What I see are cuts." in html  # what the editor typed is still there
    assert RoundupPage.objects.count() == 1


def workflow_task():
    from django.contrib.auth.models import Group

    from wagtail.models import GroupApprovalTask

    task = GroupApprovalTask.objects.create(name="Approval by Editors")
    task.groups.set([Group.objects.get(name="Editors")])
    return task
