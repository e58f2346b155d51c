"""Profiles of the people the site writes about, and the public pages that list them.

People import none of the content apps. Where a profile shows what points at it
(a blogger's featured excerpts), the content apps fill `FeaturedExcerpt` when
they publish and clear it when they unpublish.
"""

from people.models.featured import FeaturedExcerpt
from people.models.pages import BloggerIndexPage, OfficialIndexPage
from people.models.settings import PeopleSettings
from people.models.snippets import Blogger, Department, Official, Sector

__all__ = [
    "Blogger",
    "BloggerIndexPage",
    "Department",
    "FeaturedExcerpt",
    "Official",
    "OfficialIndexPage",
    "PeopleSettings",
    "Sector",
]
