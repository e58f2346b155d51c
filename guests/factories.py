import factory
import wagtail_factories

from guests.models import GuestPostPage, GuestSectionPage


class GuestSectionPageFactory(wagtail_factories.PageFactory):
    title = "From the frontline"
    slug = "from-the-frontline"
    introduction = "<p>Posts by the people who run public services.</p>"

    class Meta:
        model = GuestSectionPage


class GuestPostPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guest post {n}")
    slug = factory.Sequence(lambda n: f"guest-post-{n}")
    standfirst = "What the front line knows that policy forgets."

    class Meta:
        model = GuestPostPage
