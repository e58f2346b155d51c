import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from django.utils import timezone

from people.models import (
    Blogger,
    BloggerIndexPage,
    Department,
    Official,
    OfficialIndexPage,
    Sector,
)


class SectorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = Sector


class BloggerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Blogger {n}")
    slug = factory.Sequence(lambda n: f"blogger-{n}")
    blog_name = factory.LazyAttribute(lambda o: f"{o.name}’s blog")
    blog_url = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")

    class Meta:
        model = Blogger
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class BloggerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bloggers"
    slug = "bloggers"

    class Meta:
        model = BloggerIndexPage


class DepartmentFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Department {n}")
    slug = factory.Sequence(lambda n: f"department-{n}")

    class Meta:
        model = Department


class OfficialFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Official {n}")
    post = "Permanent Secretary"
    department = factory.SubFactory(DepartmentFactory)
    last_checked = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = Official


class OfficialIndexPageFactory(wagtail_factories.PageFactory):
    title = "Civil service leadership"
    slug = "officials"

    class Meta:
        model = OfficialIndexPage
