"""Guest bloggers' permissions and the editorial workflow on their section.

Guests get "add" on the guest section only: in Wagtail, "add" lets a user edit
the pages they own and no others, so guest A can never touch guest B's drafts.
They upload into and choose from the "Guest uploads" collection only, and have
no snippet, settings or user permissions. Idempotent: runs after every migrate.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from guests.models import GuestSectionPage

GUEST_COLLECTION = "Guest uploads"
WORKFLOW_NAME = "Editorial review"
TASK_NAME = "Approval by Editors"


def guest_collection() -> Collection | None:
    """The "Guest uploads" collection, created under the root collection if missing."""
    root = Collection.get_first_root_node()
    if root is None:
        return None
    existing = root.get_children().filter(name=GUEST_COLLECTION).first()
    return existing or root.add_child(name=GUEST_COLLECTION)


def editorial_workflow(editors: Group) -> Workflow:
    """The "Editorial review" workflow: one approval task for Editors."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.filter(task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def configure(editors: Group, guests: Group) -> None:
    page_permission = {
        p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")
    }
    # Anything but "add" on the section is more than a guest should have.
    GroupPagePermission.objects.filter(group=guests).exclude(
        permission__codename="add_page"
    ).delete()
    section = GuestSectionPage.objects.first()
    GroupPagePermission.objects.filter(group=guests).exclude(page=section).delete()
    if section is not None:
        GroupPagePermission.objects.get_or_create(
            group=guests, page=section, permission=page_permission["add_page"]
        )
        workflow = editorial_workflow(editors)
        WorkflowPage.objects.update_or_create(page=section, defaults={"workflow": workflow})

    collection = guest_collection()
    if collection is not None:
        wanted = list(
            Permission.objects.filter(
                content_type__app_label="wagtailimages", codename__in=["add_image", "choose_image"]
            )
        )
        GroupCollectionPermission.objects.filter(group=guests).exclude(
            collection=collection, permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupCollectionPermission.objects.get_or_create(
                group=guests, collection=collection, permission=permission
            )
