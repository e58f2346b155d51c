"""What else shows a roundup, for purging cached copies when it changes (core.purging)."""

from people.addresses import blogger_page_urls
from people.models import Blogger, Sector


def dependents_of(roundups: list, indexes: list) -> list[str]:
    """The addresses that show these roundups besides their own, in a fixed number of
    queries: each one's year and month pages in its archive (`indexes`: every roundup
    index page; a month's navigation lists its year's months), its sectors' feeds, and its
    bloggers' profiles and the directory. A blogger quoted in a hundred roundups is
    renamed as quickly as one quoted once."""
    sector_slugs = dict(
        Sector.objects.filter(
            pk__in={pk for roundup in roundups for pk in roundup.sector_ids}
        ).values_list("pk", "slug")
    )
    urls, blogger_ids = [], set()
    for roundup in roundups:
        index = next((i for i in indexes if roundup.is_child_of(i)), None)
        base = index.get_full_url() if index else None
        if base and roundup.week_ending:
            year = roundup.week_ending.year
            urls.append(base + index.reverse_subpage("year", args=(year,)))
            urls += [
                base + index.reverse_subpage("month", args=(year, month)) for month in range(1, 13)
            ]
            for pk in roundup.sector_ids:
                if pk in sector_slugs:
                    urls += [
                        base + index.reverse_subpage(name, kwargs={"sector": sector_slugs[pk]})
                        for name in ("sector_feed", "sector_atom_feed")
                    ]
        # From the stored blocks: no need to load the excerpts' choosers.
        blogger_ids |= {
            item["value"].get("blogger")
            for stream in (roundup.excerpts, roundup.previous_reads)
            for item in stream.raw_data
            if isinstance(item.get("value"), dict)
        }
    slugs = Blogger.objects.filter(pk__in=blogger_ids - {None}).values_list("slug", flat=True)
    return urls + blogger_page_urls(sorted(slugs))
