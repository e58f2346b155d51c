"""Part numbers come from the order of the series' children; nobody types them."""

import pytest

from essays.factories import EssayPageFactory
from essays.models import EssayPage


def essay_html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_part_shows_part_n_of_planned_and_links_the_series(client, make_series):
    series, parts = make_series(title="Ten reasons", planned=10, parts=3)
    html = essay_html(client, parts[1])
    assert "Part 2 of 10" in html
    assert f'<a href="{series.url}">Ten reasons</a>' in html
    assert "<title>Ten reasons – 2. Reason 2 | Guerilla Policy</title>" in html


@pytest.mark.django_db
def test_previous_and_next_skip_parts_that_are_not_live(client, make_series):
    series, parts = make_series(parts=5, live=[1, 3, 5])
    html = essay_html(client, parts[2])
    assert f'href="{parts[0].url}" rel="prev"' in html
    assert f'href="{parts[4].url}" rel="next"' in html
    assert parts[1].slug not in html and parts[3].slug not in html
    first = essay_html(client, parts[0])
    assert 'rel="prev"' not in first
    assert f'href="{parts[2].url}" rel="next"' in first


@pytest.mark.django_db
def test_reordering_parts_renumbers_them(client, make_series):
    series, parts = make_series(parts=3)
    parts[2].move(parts[0], pos="left")
    assert "Part 1 of 10" in essay_html(client, EssayPage.objects.get(pk=parts[2].pk))
    assert "Part 2 of 10" in essay_html(client, EssayPage.objects.get(pk=parts[0].pk))


@pytest.mark.django_db
def test_a_part_added_later_takes_the_next_number_and_leaves_live_numbers_alone(
    client, make_series
):
    series, parts = make_series(parts=2)
    newcomer = EssayPageFactory(parent=series, title="Reason 3")
    assert "Part 3 of 10" in essay_html(client, newcomer)
    assert "Part 1 of 10" in essay_html(client, parts[0])
    assert "Part 2 of 10" in essay_html(client, parts[1])


@pytest.mark.django_db
def test_no_two_parts_share_a_number(client, make_series):
    series, parts = make_series(parts=4)
    parts[3].move(parts[1], pos="left")
    numbers = []
    for part in EssayPage.objects.child_of(series):
        html = essay_html(client, part)
        numbers.append(next(n for n in range(1, 5) if f"Part {n} of 10" in html))
    assert sorted(numbers) == [1, 2, 3, 4]


@pytest.mark.django_db
def test_more_parts_than_planned_counts_every_part(client, make_series):
    series, parts = make_series(planned=2, parts=2)
    extra = EssayPageFactory(parent=series)
    assert "Part 3 of 3" in essay_html(client, extra)


@pytest.mark.django_db
def test_lists_show_series_title_number_and_part_title(client, make_series, essay_index):
    series, parts = make_series(title="Ten reasons", parts=2, live=[2])
    standalone = EssayPageFactory(parent=essay_index, title="On consultation")
    html = client.get(essay_index.url).content.decode()
    assert "Ten reasons – 2. Reason 2" in html
    assert ">On consultation<" in html
    assert "Reason 1" not in html
    assert standalone.title in client.get("/").content.decode()


@pytest.mark.django_db
def test_editor_renumbers_parts_by_reordering_them_in_the_explorer(client, editor, make_series):
    series, parts = make_series(parts=3)
    client.force_login(editor)
    response = client.post(f"/admin/pages/{parts[2].pk}/set_position/?position=0")
    assert response.status_code == 200
    assert "Part 1 of 10" in essay_html(client, EssayPage.objects.get(pk=parts[2].pk))
    assert "Part 3 of 10" in essay_html(client, EssayPage.objects.get(pk=parts[1].pk))
    series_html = client.get(series.url).content.decode()
    assert series_html.find(parts[2].url) < series_html.find(parts[0].url)
