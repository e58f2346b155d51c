"""Help for a search that found little: "did you mean", popular searches, editors' picks.

"Did you mean" compares the reader's words with the words of every live title and
every profile's name, kept in the cache and rebuilt when pages are published or
unpublished. Popular searches are what readers searched for most in the last
month, shown only when every word of them is one the site knows: that keeps
typing-errors and abuse off the public page.
"""

import difflib
import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Q
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.text import light_stem
from search.kinds import page_kinds, snippet_kinds
from search.query import STOP_WORDS, WORD_RE, ParsedQuery

VOCABULARY_KEY = "search:vocabulary"
YEARS_KEY = "search:years"
VOCABULARY_TIMEOUT = 60 * 60
POPULAR_DAYS = 30
HITS_KEY = "search:hits:"
HITS_TIMEOUT = 24 * 60 * 60


def _vocabulary() -> dict[str, str]:
    """Known words, lower-cased, mapped to how they are usually written."""
    words: dict[str, str] = {}

    def add(text: str) -> None:
        for word in WORD_RE.findall(text or ""):
            lowered = word.lower()
            if len(lowered) > 2 and lowered not in STOP_WORDS and not lowered.isdigit():
                words.setdefault(lowered, word)

    for title in Page.objects.live().public().filter(depth__gt=1).values_list("title", flat=True):
        add(title)
    for kind in snippet_kinds():
        for obj in kind.model._default_manager.all():
            add(str(obj))
    return words


def vocabulary() -> dict[str, str]:
    words = cache.get(VOCABULARY_KEY)
    if words is None:
        words = _vocabulary()
        cache.set(VOCABULARY_KEY, words, VOCABULARY_TIMEOUT)
    return words


def content_years() -> list[int]:
    """Years that have dated content, newest first, for the year filter (cached)."""
    years = cache.get(YEARS_KEY)
    if years is None:
        found: set[int] = set()
        for kind in page_kinds():
            if kind.date_field:
                live = kind.model._default_manager.live().public()
                found.update(day.year for day in live.dates(kind.date_field, "year"))
        years = sorted(found, reverse=True)
        cache.set(YEARS_KEY, years, VOCABULARY_TIMEOUT)
    return years


def forget_vocabulary(**kwargs) -> None:
    """Signal receiver: pages changed, so rebuild the known words and years on next use."""
    cache.delete_many([VOCABULARY_KEY, YEARS_KEY])


def did_you_mean(parsed: ParsedQuery) -> str | None:
    """The query with unknown words replaced by the closest known ones, or None."""
    known = vocabulary()
    if not known or parsed.is_empty:
        return None
    stems = {light_stem(word) for word in known}
    changed = False
    out = []
    for word in WORD_RE.findall(parsed.text):
        lowered = word.lower()
        if lowered in known or lowered in STOP_WORDS or light_stem(lowered) in stems:
            out.append(word)
            continue
        # Only compare with words of about the same length: quick, and what a typo looks like.
        candidates = [w for w in known if abs(len(w) - len(lowered)) <= 2]
        close = difflib.get_close_matches(lowered, candidates, n=1, cutoff=0.75)
        if close:
            out.append(known[close[0]])
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else None


def popular_searches(limit: int = 8) -> list[str]:
    """The most searched-for queries of the last month whose every word the site knows."""
    known = vocabulary()
    since = timezone.now().date() - timedelta(days=POPULAR_DAYS)
    popular = []
    for query_string in Query.get_most_popular(date_since=since).values_list(
        "query_string", flat=True
    )[: limit * 5]:
        words = [word.lower() for word in WORD_RE.findall(query_string)]
        meaningful = [word for word in words if word not in STOP_WORDS]
        if meaningful and all(word in known or word in STOP_WORDS for word in words):
            popular.append(query_string)
        if len(popular) >= limit:
            break
    return popular


def record(parsed: ParsedQuery) -> None:
    """Count the search in the record editors see (Reports › Search terms).

    Searches are counted in the cache and written SEARCH_HITS_BATCH at a time, so search
    traffic writes to the database once per batch, not once per request; a batch not yet
    full (at most SEARCH_HITS_BATCH - 1 searches of a term) is lost if the cache drops it.
    """
    if parsed.is_empty:
        return
    batch = max(settings.SEARCH_HITS_BATCH, 1)
    text = normalise_query_string(parsed.text)
    key = HITS_KEY + hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
    cache.add(key, 0, timeout=HITS_TIMEOUT)
    try:
        count = cache.incr(key)
    except ValueError:  # dropped between add and incr: this search goes uncounted
        return
    if count % batch == 0:
        query = Query.get(parsed.text)
        daily, _created = QueryDailyHits.objects.get_or_create(
            query=query, date=timezone.now().date()
        )
        QueryDailyHits.objects.filter(pk=daily.pk).update(hits=F("hits") + batch)


def promotions(parsed: ParsedQuery) -> list[SearchPromotion]:
    """Editors' picks for this exact query: external links, and pages that are live and public."""
    if parsed.is_empty:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(parsed.text))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set()
    if page_ids:
        visible = set(
            Page.objects.live().public().filter(Q(id__in=page_ids)).values_list("id", flat=True)
        )
    return [
        pick
        for pick in picks
        if (pick.page_id in visible) or (not pick.page_id and pick.external_link_url)
    ]
