"""The workflow emails say what happened in the writer's words.

A rejection is, to the writer, a request for changes: its subject and text say
"changes requested" (Wagtail's say "has been rejected"), for every workflow.

Wagtail's approval email leaves the approving editor's comment out (its rejection
email has it). Rather than override Wagtail's template for every workflow, the
approval notifier is replaced by one that uses the guests' template for the guest
section's workflow only, and Wagtail's own for every other.
"""

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from guests.roles import WORKFLOW_NAME

# Wagtail connects its approval notifier under this id; one receiver per id and sender.
APPROVAL_EMAIL_UID = "workflow_state_approved_email_notification"
REJECTION_EMAIL_UID = "workflow_state_rejected_email_notification"
CHANGES_REQUESTED = "guests/notifications/workflow_state_changes_requested"


class ApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's approval email, with the editor's comment in the guest workflow."""

    def get_template_set(self, instance, **kwargs):
        templates = super().get_template_set(instance, **kwargs)
        if instance.workflow.name == WORKFLOW_NAME:
            templates["text"] = "guests/notifications/workflow_state_approved.txt"
        return templates


approval_email_notifier = ApprovalEmailNotifier()

# Whichever app's ready() runs first, one approval email is sent: Django ignores a second
# receiver with the same id, so take Wagtail's out (if connected) and put ours in its place.
workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID)
workflow_approved.connect(
    approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID
)


class ChangesRequestedEmailNotifier(WorkflowStateRejectionEmailNotifier):
    """Wagtail's rejection email, worded as the request for changes it is."""

    def get_template_set(self, instance, **kwargs):
        return {
            "subject": f"{CHANGES_REQUESTED}_subject.txt",
            "text": f"{CHANGES_REQUESTED}.txt",
            "html": f"{CHANGES_REQUESTED}.html",
        }


changes_requested_email_notifier = ChangesRequestedEmailNotifier()
workflow_rejected.disconnect(sender=WorkflowState, dispatch_uid=REJECTION_EMAIL_UID)
workflow_rejected.connect(
    changes_requested_email_notifier, sender=WorkflowState, dispatch_uid=REJECTION_EMAIL_UID
)
