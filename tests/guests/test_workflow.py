"""The editorial cycle through the admin: submit, notify, comment, request changes,
resubmit, approve and publish, with the emails each side receives."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import Comment, Page, Workflow, WorkflowState
from wagtail.signals import workflow_approved
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guests.models import GuestPostPage
from guests.signals import APPROVAL_EMAIL_UID, approval_email_notifier
from tests.guests.helpers import add_url, edit_url, post_form


def workflow_action(client, page, action: str, comment: str):
    state = WorkflowState.objects.get(
        base_content_type__isnull=False, object_id=str(page.pk), status__in=["in_progress"]
    )
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, action, state.current_task_state.pk],
        ),
        {"comment": comment},
    )


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


@pytest.mark.django_db
def test_editorial_cycle_from_submission_to_publication(client, world, editor):
    guest = world.guest_a

    # The guest writes a post and submits it.
    client.force_login(guest)
    client.post(
        add_url(world.section),
        {**post_form("Why discharge targets hurt", slug="discharge"), "action-submit": "1"},
    )
    page = GuestPostPage.objects.get(slug="discharge")
    assert page.workflow_in_progress and not page.live
    assert page.byline == guest.guest_profile.blogger
    to_editor = sent_to(editor.email)
    assert to_editor, "editors are told a draft was submitted"
    assert "Why discharge targets hurt" in to_editor[-1].subject + to_editor[-1].body
    assert not sent_to(guest.email), "the guest is not told about their own submission"

    # The guest's dashboard shows it in moderation.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your guest posts" in dashboard
    assert "In moderation: Approval by Editors" in dashboard

    # The editor comments inline on the title and requests changes.
    mail.outbox.clear()
    client.force_login(editor)
    form = nested_form_data(
        {
            "title": "Why discharge targets hurt",
            "slug": "discharge",
            "standfirst": "A standfirst.",
            "body": streamfield([("paragraph", rich_text("<p>From the ward.</p>"))]),
            "byline": guest.guest_profile.blogger.pk,
            "comments": inline_formset(
                [
                    {
                        "contentpath": "title",
                        "text": "Say which targets.",
                        "position": "",
                        "resolved": "",
                        "replies": inline_formset([]),
                    }
                ]
            ),
        }
    )
    client.post(edit_url(page), form)
    assert Comment.objects.filter(page=page, text="Say which targets.").exists()
    response = workflow_action(client, page, "reject", "Please add the evidence from your audit.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_guest = sent_to(guest.email)
    assert to_guest, "the guest is told changes were requested"
    assert "Please add the evidence from your audit." in to_guest[-1].body

    # The guest sees the comment and the status, revises and resubmits.
    client.force_login(guest)
    editing = client.get(edit_url(page)).content.decode()
    assert "Say which targets." in editing
    assert "Changes requested" in client.get(reverse("wagtailadmin_home")).content.decode()
    mail.outbox.clear()
    client.post(
        edit_url(page),
        {
            **post_form(
                "Why four-hour discharge targets hurt",
                slug="discharge",
                body=[("paragraph", rich_text("<p>Our audit found 30% readmissions.</p>"))],
            ),
            "action-submit": "1",
        },
    )
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert sent_to(editor.email), "editors are told of the resubmission"

    # The editor approves, which publishes, and the guest hears with the comment.
    mail.outbox.clear()
    client.force_login(editor)
    workflow_action(client, page, "approve", "Strong piece, thank you.")
    page = Page.objects.get(pk=page.pk).specific
    assert page.live
    assert page.title == "Why four-hour discharge targets hurt"
    to_guest = sent_to(guest.email)
    assert to_guest, "the guest is told it was approved"
    assert "approved" in to_guest[-1].subject
    assert "Strong piece, thank you." in to_guest[-1].body

    public = client.get(page.get_url()).content.decode()
    assert "Our audit found 30% readmissions." in public
    assert "By Alice Ward" in public


@pytest.mark.django_db
def test_rejected_draft_stays_unpublished_and_waits_for_the_guests_changes(client, world, editor):
    client.force_login(world.guest_a)
    client.post(
        edit_url(world.draft_a),
        {**post_form(world.draft_a.title, slug=world.draft_a.slug), "action-submit": "1"},
    )
    client.force_login(editor)
    workflow_action(client, world.draft_a, "reject", "Not for us, sorry.")
    page = Page.objects.get(pk=world.draft_a.pk)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


@pytest.mark.django_db
def test_guest_section_uses_the_editorial_review_workflow(world):
    workflow = world.section.get_workflow()
    assert workflow is not None and workflow.name == "Editorial review"
    assert world.draft_a.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]


@pytest.mark.django_db
def test_only_the_guest_workflow_sends_the_approval_email_with_the_comment(world):
    """Other workflows keep Wagtail's own approval email, and each approval sends one."""
    other = Workflow.objects.create(name="Legal check")
    guest_state = WorkflowState(workflow=world.section.get_workflow())
    other_state = WorkflowState(workflow=other)
    assert approval_email_notifier.get_template_set(guest_state)["text"] == (
        "guests/notifications/workflow_state_approved.txt"
    )
    assert approval_email_notifier.get_template_set(other_state)["text"] == (
        "wagtailadmin/notifications/workflow_state_approved.txt"
    )
    connected = [ref for key, ref, _ in workflow_approved.receivers if key[0] == APPROVAL_EMAIL_UID]
    assert len(connected) == 1 and connected[0]() is approval_email_notifier


@pytest.mark.django_db
def test_a_guest_sent_back_reads_changes_requested_and_the_comment_where_they_work(
    client, world, editor
):
    client.force_login(world.guest_a)
    client.post(
        edit_url(world.draft_a),
        {**post_form(world.draft_a.title, slug=world.draft_a.slug), "action-submit": "1"},
    )
    mail.outbox.clear()
    client.force_login(editor)
    workflow_action(client, world.draft_a, "reject", "Say what the small hours cost.")

    [email] = sent_to(world.guest_a.email)
    assert email.subject == f'Changes requested: "{world.draft_a.title}"'
    assert "rejected" not in (email.subject + email.body).lower()
    assert "has asked for changes to" in email.body
    assert 'The editor\'s comment: "Say what the small hours cost."' in email.body
    assert f"http://testserver/admin/pages/{world.draft_a.pk}/edit/" in email.body

    client.force_login(world.guest_a)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Changes requested" in dashboard
    assert "The editor’s comment: “Say what the small hours cost.”" in dashboard
    editing = client.get(edit_url(world.draft_a)).content.decode()
    assert "Changes requested" in editing and "“Say what the small hours cost.”" in editing
