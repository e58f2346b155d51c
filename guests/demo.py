"""Demo content: the guest section, its uploads collection, the guest's profile and a draft
submitted to the editorial workflow, so the whole guest cycle can be tried at once."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Workflow

from core.roles import EDITORS, GUESTS
from guests.models import GuestPostPage, GuestProfile, GuestSectionPage
from guests.roles import WORKFLOW_NAME, configure, guest_collection
from home.models import HomePage
from people.models import Blogger

INTRODUCTION = (
    "<p>Posts by the people who run and use public services: social workers, nurses, "
    "teachers and police officers writing the policy they would make.</p>"
)
DRAFT_TITLE = "What a crisis team needs from commissioners"
DRAFT_BODY = [
    {
        "type": "paragraph",
        "value": "<p>Our team sees people on the worst day of their lives. The contracts "
        "that fund us count contacts, not outcomes, and reward the quick discharge "
        "over the follow-up call that keeps someone out of hospital.</p>",
    },
    {"type": "heading", "value": {"text": "Three changes", "level": "h2"}},
    {
        "type": "paragraph",
        "value": "<p>Fund follow-up, publish waiting times by team, and ask the people "
        "who use the service what a good week looks like.</p>",
    },
]


def load(loader) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    section = GuestSectionPage.objects.first()
    if section is None:
        section = home.add_child(
            instance=GuestSectionPage(
                title="From the frontline",
                slug="from-the-frontline",
                introduction=INTRODUCTION,
                show_in_menus=True,
            )
        )
        section.save_revision().publish()
        loader.log("guest section “From the frontline” created")
    guest_collection()
    # The section's permissions and workflow, before the draft is submitted to it.
    configure(Group.objects.get(name=EDITORS), Group.objects.get(name=GUESTS))

    blogger, created = Blogger.objects.get_or_create(
        slug="grace-guest",
        defaults={
            "name": "Grace Guest",
            "role": "works in a community mental-health team",
            "bio": "Community psychiatric nurse in a crisis resolution team.",
        },
    )
    if created:
        loader.log("blogger Grace Guest created")
    guest = get_user_model().objects.filter(username="guest").first()
    if guest is None:
        return
    GuestProfile.objects.get_or_create(user=guest, defaults={"blogger": blogger})

    draft = GuestPostPage.objects.child_of(section).filter(owner=guest).first()
    if draft is None:
        draft = section.add_child(
            instance=GuestPostPage(
                title=DRAFT_TITLE,
                slug="what-a-crisis-team-needs",
                standfirst="Commissioning that counts contacts keeps people in crisis longer.",
                body=DRAFT_BODY,
                byline=blogger,
                owner=guest,
                live=False,
            )
        )
        draft.save_revision(user=guest)
        loader.log("guest draft created")
    if draft.live or draft.workflow_in_progress:
        return
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    if not draft.workflow_states.exists():
        workflow.start(draft, guest)
        loader.log("guest draft submitted to Editorial review")
