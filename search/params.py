"""Read the search page's parameters: malformed ones are errors, unknown ones are notices.

A malformed parameter (`page=abc`, `year=twenty`) means a broken link or a
hand-edited address: the page answers 400 and says which. A well-formed value we
do not know (`type=unicorn`, a sector that was renamed, page 999) is a normal
thing for a reader to meet: the page answers 200, says what it did instead, and
searches anyway.
"""

import re
from dataclasses import dataclass, field

from search.kinds import Kind, all_kinds, kind_for_key

DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 50
NUMBER_RE = re.compile(r"^\d{1,9}$")
SLUG_RE = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FIRST_YEAR, LAST_YEAR = 1900, 2200


@dataclass
class SearchParams:
    query: str = ""
    kinds: list[Kind] = field(default_factory=list)
    type_chosen: bool = False
    sector: object | None = None
    year: int | None = None
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def kind_keys(self) -> set[str]:
        return {kind.key for kind in self.kinds} if self.type_chosen else set()


def _number(value: str, name: str, params: SearchParams) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not NUMBER_RE.match(value):
        params.errors.append(f"“{name}” must be a whole number, not “{value[:30]}”.")
        return None
    return int(value)


def read_params(querydict, sectors) -> SearchParams:
    """Validate the query string of a search request against the known kinds and sectors."""
    params = SearchParams(query=CONTROL_RE.sub("", querydict.get("q", "")))

    type_keys = [key.strip() for key in querydict.getlist("type") if key.strip()]
    chosen, unknown = [], []
    for key in type_keys:
        kind = kind_for_key(key) if SLUG_RE.match(key) else None
        if kind is None:
            unknown.append(key[:30])
        elif kind not in chosen:
            chosen.append(kind)
    if unknown:
        params.notices.append(
            "We don’t have anything of the type "
            + ", ".join(f"“{key}”" for key in unknown)
            + ("; showing the other types you chose." if chosen else "; showing every type.")
        )
    params.kinds = chosen or all_kinds()
    params.type_chosen = bool(chosen)

    sector_slug = querydict.get("sector", "").strip()
    if sector_slug:
        if not SLUG_RE.match(sector_slug):
            params.errors.append("“sector” must be a sector’s short name, like “social-care”.")
        else:
            params.sector = next((s for s in sectors if s.slug == sector_slug), None)
            if params.sector is None:
                params.notices.append(
                    f"We don’t have a sector called “{sector_slug}”; showing every sector."
                )

    year = _number(querydict.get("year", ""), "year", params)
    if year is not None:
        if FIRST_YEAR <= year <= LAST_YEAR:
            params.year = year
        else:
            params.notices.append(f"We have nothing from {year}; showing every year.")

    page = _number(querydict.get("page", ""), "page", params)
    params.page = page if page is not None else 1

    per_page = _number(querydict.get("per_page", ""), "per_page", params)
    if per_page is not None:
        if 1 <= per_page <= MAX_PER_PAGE:
            params.per_page = per_page
        else:
            params.notices.append(
                f"We show between 1 and {MAX_PER_PAGE} results a page; showing {DEFAULT_PER_PAGE}."
            )
    return params
