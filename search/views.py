"""The site search page: /search/?q=…&type=…&sector=…&year=…&page=…"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse

from people.models import Sector
from search import suggestions
from search.engine import Filters, run_search
from search.kinds import all_kinds
from search.params import DEFAULT_PER_PAGE, read_params
from search.query import MAX_QUERY_LENGTH, MAX_TERMS, WORD_RE, parse_query

TEMPLATE = "search/search.html"


def search(request):
    sectors = list(Sector.objects.all())
    params = read_params(request.GET, sectors)
    parsed = parse_query(params.query)

    def link(**changes) -> str:
        """This search's address with some parameters changed (None removes one)."""
        values = {
            "q": parsed.text,
            "type": sorted(params.kind_keys),
            "sector": params.sector.slug if params.sector else None,
            "year": params.year,
            "per_page": params.per_page if params.per_page != DEFAULT_PER_PAGE else None,
        }
        values.update(changes)
        pairs = []
        for key, value in values.items():
            if value in (None, "", []):
                continue
            for item in value if isinstance(value, list) else [value]:
                pairs.append((key, item))
        return "?" + urlencode(pairs)

    context = {
        "search_query": parsed.text,
        "parsed": parsed,
        "params": params,
        "kinds": all_kinds(),
        "sectors": sectors,
        "years": suggestions.content_years(),
        "max_query_length": MAX_QUERY_LENGTH,
        "max_terms": MAX_TERMS,
        "default_per_page": DEFAULT_PER_PAGE,
        "notices": list(params.notices),
        "errors": params.errors,
    }
    if params.errors:
        return TemplateResponse(request, TEMPLATE, context, status=400)

    if parsed.is_empty:
        context["popular_searches"] = suggestions.popular_searches()
        return TemplateResponse(request, TEMPLATE, context)

    filters = Filters(
        kinds=params.kinds,
        year=params.year,
        sector=params.sector,
        type_chosen=params.type_chosen,
    )
    promotions = [] if filters.active else suggestions.promotions(parsed)
    outcome = run_search(
        parsed,
        filters,
        params.page,
        params.per_page,
        request,
        exclude_page_ids=[pick.page_id for pick in promotions if pick.page_id],
    )
    if params.page == 1:
        suggestions.record(parsed)
    if outcome.page.number != params.page:
        if params.page < 1:
            context["notices"].append("Pages start at 1; here is the first.")
        elif outcome.total:
            context["notices"].append(
                f"There is no page {params.page} of these results; "
                f"here is page {outcome.page.number}, the last."
            )

    context.update(
        outcome=outcome,
        promotions=[
            {
                "title": pick.title,
                "url": pick.page.get_url(request) if pick.page_id else pick.external_link_url,
                "description": pick.description,
            }
            for pick in (promotions if outcome.page.number == 1 else [])
        ],
        total=outcome.total + len(promotions),
        page_links=[
            (number, link(page=number) if isinstance(number, int) else None)
            for number in outcome.paginator.get_elided_page_range(
                outcome.page.number, on_each_side=2, on_ends=1
            )
        ]
        if outcome.paginator.num_pages > 1
        else [],
        previous_link=link(page=outcome.page.previous_page_number())
        if outcome.page.has_previous()
        else None,
        next_link=link(page=outcome.page.next_page_number()) if outcome.page.has_next() else None,
    )
    if params.sector is None:
        words = {word.lower() for word in parsed.words}
        context["sector_hint"] = next(
            (
                (sector, link(sector=sector.slug, page=None))
                for sector in sectors
                if words and {w.lower() for w in WORD_RE.findall(sector.name)} <= words
            ),
            None,
        )
    if outcome.total == 0:
        suggestion = suggestions.did_you_mean(parsed)
        if suggestion:
            context["did_you_mean"] = (suggestion, link(q=suggestion, page=None))
        context["popular_searches"] = suggestions.popular_searches()
        if filters.active:
            context["unfiltered_link"] = link(type=None, sector=None, year=None)
    return TemplateResponse(request, TEMPLATE, context)
