"""Fixtures for the site search: profiles to find, and a client that reads results."""

import pytest

from people.models import Blogger, Sector


@pytest.fixture
def sectors(db):
    names = ["Social care", "Health", "Democracy", "Policing", "Education"]
    return {
        name: Sector.objects.create(name=name, slug=name.lower().replace(" ", "-"), sort_order=i)
        for i, name in enumerate(names)
    }


@pytest.fixture
def make_blogger(db):
    def make(name, slug=None, sectors=(), **fields):
        blogger = Blogger.objects.create(
            name=name, slug=slug or name.lower().replace(" ", "-"), **fields
        )
        if sectors:
            blogger.sectors.set(sectors)
        return blogger

    return make


@pytest.fixture
def ermintrude(make_blogger, sectors):
    return make_blogger(
        "Ermintrude2",
        slug="ermintrude",
        blog_name="Ermintrude’s musings",
        role="Works in dementia services",
        bio="Writes about social care, mental health law and the people it serves.",
        sectors=[sectors["Social care"]],
    )
