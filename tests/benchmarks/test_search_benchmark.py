"""The benchmark command generates a searchable site and prints its timings."""

import re
from io import StringIO

import pytest

from django.core.management import call_command

from tests.search.test_search_page import titles


@pytest.mark.django_db
def test_benchmark_generates_searchable_content_and_prints_figures(client):
    out = StringIO()
    call_command(
        "search_benchmark",
        generate=True,
        essays=30,
        roundups=3,
        excerpts=4,
        bloggers=12,
        queries=24,
        stdout=out,
    )
    printed = out.getvalue()
    assert "30 essays" in printed
    assert "3 roundups with 12 excerpts" in printed
    assert re.search(r"24 searches on \w+: median [\d.]+ ms, p95 [\d.]+ ms", printed)
    assert re.search(r"Before: settings \S+, DEBUG False, .* load [\d.]+, [\d.]+, [\d.]+", printed)
    # What it generated is in the index: a common word of its text finds essays.
    assert len(titles(client.get("/search/", {"q": "policy", "type": "essay"}))) > 0
