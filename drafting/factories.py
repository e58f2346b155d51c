import factory

from drafting.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    """A published comment on the whole page; pass `paragraph=` to comment on one."""

    author_name = factory.Sequence(lambda n: f"Reader {n}")
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    role = "Social worker"
    text = "This matches what I see on the frontline."
    consent_to_publish = True
    state = Comment.State.PUBLISHED

    class Meta:
        model = Comment

    class Params:
        paragraph = None

    @factory.lazy_attribute
    def paragraph_key(self):
        return self.paragraph.key if self.paragraph else ""

    @factory.lazy_attribute
    def paragraph_text(self):
        return self.paragraph.text if self.paragraph else ""

    @factory.lazy_attribute
    def revision(self):
        return self.page.live_revision
