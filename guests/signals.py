"""The approval email a guest receives carries the editor's comment.

Wagtail's approval email leaves the approving editor's comment out (its rejection
email has it). Rather than override Wagtail's template for every workflow, the
approval notifier is replaced by one that uses the guests' template for the guest
section's workflow only, and Wagtail's own for every other.
"""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

from guests.roles import WORKFLOW_NAME

# Wagtail connects its approval notifier under this id; one receiver per id and sender.
APPROVAL_EMAIL_UID = "workflow_state_approved_email_notification"


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
