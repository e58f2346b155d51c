import factory
import wagtail_factories

from home.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Guerilla Policy"
    slug = "home"
    introduction = "<p>Open policymaking for the people who run and use public services.</p>"

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Who we are and how we work.</p>")])

    class Meta:
        model = ContentPage
