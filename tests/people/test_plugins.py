import re

import pytest
from cms.api import add_plugin

from center.people.models import SpeakerGrid
from tests.support.cms import add_plugin_url, bare_placeholder, page_draft, render_plugin

from .factories import OrganisationFactory, PersonFactory, PositionFactory, fake_renditions

pytestmark = pytest.mark.usefixtures("demo_pages")  # the speakers page, for the cards' links


def _grid(people, *, placeholder=None, language="en") -> SpeakerGrid:
    grid = add_plugin(placeholder or bare_placeholder(), "SpeakerGridPlugin", language)
    grid.people.set(people)
    return grid


def test_grid_shows_the_chosen_public_people_by_name(db):
    zhang = PersonFactory(slug="zhang", name="Zhang Shaoting")
    ji = PersonFactory(slug="ji", name="Ji Weidong")
    hidden = PersonFactory(name="Hidden Person", is_public=False)
    PersonFactory(name="Not Chosen")
    PositionFactory(person=ji, title="Senior Professor",
                    organisation=OrganisationFactory(name="Shanghai Jiao Tong University"))
    zhang.portrait_renditions = fake_renditions("zhang")
    zhang.save()

    html = render_plugin(_grid([zhang, ji, hidden]))

    assert re.findall(r'class="person-card__link" href="[^"]+">([^<]+)</a>', html) == [
        "Ji Weidong", "Zhang Shaoting"]
    assert 'href="/en/speakers/ji/"' in html
    assert "Senior Professor" in html and "Shanghai Jiao Tong University" in html
    assert 'srcset="/media/people/portraits/zhang-160.webp 160w, ' in html
    assert 'alt="Zhang Shaoting"' in html
    assert "Hidden Person" not in html and "Not Chosen" not in html
    assert '<h3 class="person-card__name">' in html


def test_grid_speaks_chinese_and_falls_back_to_english(db):
    ji = PersonFactory(slug="ji", name="Ji Weidong", zh={"name": "季卫东"})
    PositionFactory(person=ji, title="Professor", zh={"title": "教授"},
                    organisation=OrganisationFactory(name="SJTU", zh={"name": "上海交通大学"}))
    peng = PersonFactory(slug="peng", name="Peng Chengxin")

    html = render_plugin(_grid([ji, peng], language="zh-hans"), language="zh-hans")

    assert "季卫东" in html and "教授" in html and "上海交通大学" in html
    assert "Peng Chengxin" in html and 'href="/zh-hans/speakers/peng/"' in html


@pytest.mark.urls("tests.events.urls_without_apphooks")
def test_grid_works_before_the_speakers_page_exists(db):
    html = render_plugin(_grid([PersonFactory(name="Ji Weidong")]))
    assert '<h3 class="person-card__name">Ji Weidong</h3>' in html and "href=" not in html


def test_grid_with_nobody_public_renders_nothing(db):
    assert render_plugin(_grid([PersonFactory(is_public=False)])).strip() == ""


def test_grid_is_labelled_by_its_size_in_the_structure_board(db):
    assert str(_grid([PersonFactory(), PersonFactory()])) == "2 people"


def _people(count: int) -> list:
    organisation = OrganisationFactory()
    people = []
    for _ in range(count):
        person = PersonFactory(zh={"name": "某人"})
        person.portrait_renditions = fake_renditions(person.slug)
        person.save()
        PositionFactory(person=person, organisation=organisation, zh={"title": "教授"})
        people.append(person)
    return people


# People, their portraits (a join), translations, positions, position translations,
# organisations and organisation translations: the same queries however many people.
GRID_QUERIES = 6


@pytest.mark.parametrize("count", [5, 50])
def test_grid_queries_do_not_grow_with_people(django_assert_max_num_queries, count):
    grid = _grid(_people(count))

    with django_assert_max_num_queries(GRID_QUERIES):
        html = render_plugin(grid)

    assert html.count('class="person-card"') == count


def test_visitors_see_the_grid_and_a_new_draft_keeps_its_people(client, staff_user):
    ji = PersonFactory(slug="ji", name="Ji Weidong", zh={"name": "季卫东"})
    draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    _grid([ji], placeholder=placeholder)
    draft.publish(staff_user)

    assert 'href="/en/speakers/ji/">Ji Weidong</a>' in client.get("/en/about-us/").content.decode()

    # django CMS versioning copies plugins into each new draft; the chosen people must follow.
    _next, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    (copied,) = SpeakerGrid.objects.filter(placeholder=placeholder)
    assert list(copied.people.all()) == [ji]


def test_editors_pick_people_in_the_plugin_form(client, staff_user):
    ji, tian = PersonFactory(name="Ji Weidong"), PersonFactory(name="Tian Feng")
    _draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    client.force_login(staff_user)
    url = add_plugin_url(placeholder, "SpeakerGridPlugin")

    form = client.get(url)
    client.post(url, {"people": [ji.pk, tian.pk]})

    assert form.status_code == 200
    assert "/en/admin/autocomplete/" in form.content.decode()  # searchable, not a long list
    (grid,) = SpeakerGrid.objects.filter(placeholder=placeholder)
    assert set(grid.people.all()) == {ji, tian}
    found = client.get("/en/admin/autocomplete/", {
        "app_label": "people", "model_name": "speakergrid", "field_name": "people", "term": "Ji"})
    assert [item["text"] for item in found.json()["results"]] == ["Ji Weidong"]
