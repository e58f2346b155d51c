"""How roundups appear in the site search's results: each leads to the excerpts that
matched, by their anchors."""

from django.db.models import Q
from django.utils.safestring import mark_safe

from core.results import PageKind, Result, ResultMatch, register
from core.text import Matcher, best_extract, highlight_all, html_to_text
from people.models import FeaturedExcerpt
from roundups.excerpts import excerpts_of
from roundups.models import RoundupPage


class RoundupKind(PageKind):
    key = "roundup"
    label = "Roundup"
    plural = "Roundups"
    model = RoundupPage
    date_field = "week_ending"
    has_sector = True
    order = 30
    max_matches = 3

    def sector_q(self, sector) -> Q:
        return Q(id__in=FeaturedExcerpt.objects.filter(sector=sector).values("page_id"))

    def prepare(self, objs, request) -> None:
        """Every excerpt of these roundups, with its blogger, read in bulk."""
        by_roundup = {obj.pk: [] for obj in objs}
        for excerpt in excerpts_of(objs):
            by_roundup[excerpt.roundup.pk].append(excerpt)
        for obj in objs:
            obj.search_excerpts = by_roundup[obj.pk]

    def describe(self, obj, matcher: Matcher, request, score: float = 0.0) -> Result:
        result = super().describe(obj, matcher, request, score)
        candidates = []
        for position, excerpt in enumerate(obj.search_excerpts):
            value = excerpt.value
            blogger = value.get("blogger")
            source = value.source_name
            title = value.get("title") or (f"From {source}" if source else "Excerpt")
            quote = value.get("quote") or ""
            commentary = html_to_text(
                value.get("commentary").source if value.get("commentary") else ""
            )
            names = " ".join(filter(None, [blogger.name if blogger else "", source]))
            text = " ".join([title, quote, commentary, names, value.get("author") or ""])
            hits = matcher.count(text) if matcher else 0
            if hits:
                candidates.append((-hits, position, excerpt.anchor, title, quote, commentary))
        candidates.sort()
        for _hits, _position, anchor, title, quote, commentary in candidates[: self.max_matches]:
            result.matches.append(
                ResultMatch(
                    title=title,
                    title_html=highlight_all(title, matcher),
                    url=f"{result.url}#{anchor}" if anchor else result.url,
                    extract=best_extract([quote, commentary], matcher),
                )
            )
        if result.matches:
            result.url = result.matches[0].url
            if "<mark>" not in result.extract:
                result.extract = mark_safe("")  # noqa: S308 - the excerpts say more
            count = len(candidates)
            result.meta = f"{count} matching excerpt{'s' if count != 1 else ''}"
        return result

    def texts_of(self, obj) -> list[str]:
        return [html_to_text(obj.introduction or "")]


register(RoundupKind())
