import factory
import wagtail_factories

from essays.models import Author, EssayIndexPage, EssayPage, SeriesPage


class AuthorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Author {n}")
    slug = factory.Sequence(lambda n: f"author-{n}")
    role = "Director"

    class Meta:
        model = Author


class EssayIndexPageFactory(wagtail_factories.PageFactory):
    title = "Essays"
    slug = "essays"
    introduction = "<p>Essays on how policy is made.</p>"

    class Meta:
        model = EssayIndexPage


class SeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    introduction = "<p>A numbered series of essays.</p>"
    planned_parts = 10

    class Meta:
        model = SeriesPage


class EssayPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Essay {n}")
    slug = factory.Sequence(lambda n: f"essay-{n}")
    standfirst = "Why policy should be made with the people who deliver it."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Open policymaking starts at the frontline.</p>")]
    )

    class Meta:
        model = EssayPage
