"""Demo content for search: an editors' pick, so the promoted-results tool has an example.

Idempotent: the promotion is found by its query and page, and left alone when it exists.
"""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

PICKS = [
    (
        "consultation",
        "consultation-cant-fix-our-broken-politics",
        "Our argument in brief: why consultation alone can’t engage the public.",
    ),
]


def load(loader) -> None:
    for query_string, slug, description in PICKS:
        page = Page.objects.filter(slug=slug).first()
        if page is None:
            continue
        _promotion, created = SearchPromotion.objects.get_or_create(
            query=Query.get(query_string),
            page=page,
            defaults={"description": description, "sort_order": 0},
        )
        if created:
            loader.log(f"search: “{page.title}” promoted for “{query_string}”")
