import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Guerilla Policy"
    slug = "home"
    introduction = "<p>Open policymaking for the people who run and use public services.</p>"

    class Meta:
        model = HomePage
