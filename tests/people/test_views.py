import json
import re

import pytest
from django.core.cache import cache

from center.core.links import site_root

from .factories import OrganisationFactory, PersonFactory, PositionFactory, fake_renditions

LIST_EN = "/en/speakers/"


@pytest.fixture
def speakers(demo_pages):
    """The speakers page with the people apphook attached, as the demo loader leaves it."""
    assert "speakers" in demo_pages.apphooks_attached
    return demo_pages


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_list_shows_public_people_only(client, speakers):
    PersonFactory(name="Ada Public", slug="ada")
    PersonFactory(name="Bob Hidden", slug="bob", is_public=False)

    html = client.get(LIST_EN).content.decode()

    assert 'href="/en/speakers/ada/"' in html and "Ada Public" in html
    assert "Bob Hidden" not in html


def test_list_works_with_nobody_yet(client, speakers):
    response = client.get("/zh-hans/speakers/")
    assert response.status_code == 200


def test_list_filters_by_affiliation(client, speakers):
    sjtu = OrganisationFactory(slug="sjtu", name="Shanghai Jiao Tong University")
    sensetime = OrganisationFactory(slug="sensetime", name="SenseTime")
    PositionFactory(person=PersonFactory(name="Ji Weidong"), organisation=sjtu)
    PositionFactory(person=PersonFactory(name="Tian Feng"), organisation=sensetime)

    html = client.get(LIST_EN, {"affiliation": "sjtu"}).content.decode()

    assert "Ji Weidong" in html and "Tian Feng" not in html
    assert '<label for="people-affiliation">' in html
    assert '<option value="sjtu" selected>' in html


@pytest.mark.parametrize("query", [{"affiliation": "no-such-place"}, {"page": "abc"},
                                   {"page": "999"}, {"page": "-1"}])
def test_bad_filters_and_pages_fall_back_to_everyone(client, speakers, query):
    PositionFactory(person=PersonFactory(name="Ji Weidong"))
    PersonFactory(name="Tian Feng")

    response = client.get(LIST_EN, query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ji Weidong" in html and "Tian Feng" in html


def test_list_paginates_24_to_a_page(client, speakers):
    for n in range(30):
        PersonFactory(slug=f"p{n:02}", name=f"Person P{n:02}")

    first = client.get(LIST_EN).content.decode()
    second = client.get(LIST_EN, {"page": 2}).content.decode()

    assert "Person P23" in first and "Person P24" not in first
    assert "Person P24" in second and 'rel="prev"' in second


def test_list_query_count_does_not_grow_with_people(client, speakers,
                                                    django_assert_max_num_queries):
    organisations = [OrganisationFactory(), OrganisationFactory()]

    def add_people(count):
        for _ in range(count):
            person = PersonFactory(zh={"name": "某人"})
            person.portrait_renditions = fake_renditions(person.slug)
            person.save()
            for organisation in organisations:
                PositionFactory(person=person, organisation=organisation, zh={"title": "教授"})

    bound = 30
    add_people(5)
    cache.clear()
    with django_assert_max_num_queries(bound):
        assert client.get(LIST_EN).status_code == 200

    add_people(45)
    cache.clear()
    with django_assert_max_num_queries(bound):
        html = client.get(LIST_EN).content.decode()
    assert html.count('class="person-card"') == 24
    assert html.count('type="image/webp"') == 24


def test_detail_shows_profile_positions_and_links(client, speakers):
    person = PersonFactory(slug="ji-weidong", name="Ji Weidong", honorific="Professor",
                           homepage="https://example.org/ji", orcid="0000-0002-1825-0097")
    PositionFactory(person=person, title="Senior Professor of Liberal Arts",
                    organisation=OrganisationFactory(name="Shanghai Jiao Tong University"))

    response = client.get("/en/speakers/ji-weidong/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Ji Weidong</h1>" in html
    assert "Senior Professor of Liberal Arts" in html and "Shanghai Jiao Tong University" in html
    assert 'href="https://orcid.org/0000-0002-1825-0097"' in html
    assert 'href="https://example.org/ji"' in html
    assert "Not yet translated" not in html
    assert not response.cookies


def test_detail_breadcrumbs_lead_home_through_the_speakers_page(client, speakers):
    PersonFactory(slug="ji-weidong", name="Ji Weidong")

    html = client.get("/en/speakers/ji-weidong/").content.decode()

    crumbs = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/en/", "Home"), ("/en/speakers/", "Speakers")]
    assert '<span aria-current="page">Ji Weidong</span>' in crumbs


def test_detail_of_unknown_or_private_person_is_404(client, speakers):
    PersonFactory(slug="hidden", is_public=False)
    assert client.get("/en/speakers/nobody/").status_code == 404
    assert client.get("/en/speakers/hidden/").status_code == 404


def test_chinese_detail_shows_the_chinese_name_and_alternates(client, speakers):
    PersonFactory(slug="zhang-shaoting", name="Zhang Shaoting", zh={"name": "张少霆"})

    html = client.get("/zh-hans/speakers/zhang-shaoting/").content.decode()

    assert "张少霆</h1>" in html and "Not yet translated" not in html
    assert html.count('<link rel="alternate" hreflang="en"') == 1
    assert ('<link rel="alternate" hreflang="en" '
            f'href="{site_root()}/en/speakers/zhang-shaoting/">') in html
    assert ('<link rel="alternate" hreflang="zh-hans" '
            f'href="{site_root()}/zh-hans/speakers/zhang-shaoting/">') in html
    # The header's language switcher leads to the same person, not to the list.
    assert 'href="/en/speakers/zhang-shaoting/" lang="en"' in html


def test_untranslated_person_shows_the_other_language_with_a_note(client, speakers):
    PersonFactory(slug="tian-feng", only_zh=True, zh={"name": "田丰", "short_bio": "简介"})

    html = client.get("/en/speakers/tian-feng/").content.decode()
    listing = client.get(LIST_EN).content.decode()

    assert "Not yet translated into English" in html
    assert '<h1 lang="zh-hans">田丰</h1>' in html
    assert "田丰" in listing


def test_json_ld_describes_the_person(client, speakers):
    person = PersonFactory(slug="yang-li", name="Yang Li </script><b>", honorific="Professor",
                           orcid="0000-0002-1825-0097")
    PositionFactory(person=person, title="Tenured Professor",
                    organisation=OrganisationFactory(name="Koguan & Co"))
    person.portrait_renditions = fake_renditions("yang-li")
    person.save()

    html = client.get("/en/speakers/yang-li/").content.decode()
    data = json_ld(html)

    assert "</script><b>" not in html.split("application/ld+json", 1)[1].split("</script>")[0]
    assert data["@type"] == "Person" and data["name"] == "Yang Li </script><b>"
    assert data["honorificPrefix"] == "Professor"
    assert data["jobTitle"] == "Tenured Professor"
    assert data["affiliation"] == [{"@type": "Organization", "name": "Koguan & Co"}]
    assert data["url"] == f"{site_root()}/en/speakers/yang-li/"
    assert data["sameAs"] == ["https://orcid.org/0000-0002-1825-0097"]
    assert data["image"].endswith("yang-li-640.jpg")


def test_portrait_markup_has_fixed_size_and_alt_text(client, speakers):
    person = PersonFactory(slug="gu-feng", name="Gu Feng")
    person.portrait_renditions = fake_renditions("gu-feng")
    person.save()
    PersonFactory(slug="no-photo", name="No Photo")

    html = client.get(LIST_EN).content.decode()

    assert ('<source type="image/webp" '
            'srcset="/media/people/portraits/gu-feng-160.webp 160w, ') in html
    assert 'src="/media/people/portraits/gu-feng-320.jpg"' in html
    assert 'width="320" height="320" alt="Gu Feng" loading="lazy"' in html
    assert re.search(r'class="portrait portrait--initials portrait--tone-\d '
                     r'person-card__portrait" aria-hidden="true">'
                     r'<span class="portrait__letters">NP</span>', html)


def test_chinese_pages_speak_chinese(client, speakers):
    PositionFactory(person=PersonFactory(slug="peng-chengxin", name="Peng Chengxin"))

    profile = client.get("/zh-hans/speakers/peng-chengxin/").content.decode()
    listing = client.get("/zh-hans/speakers/").content.decode()

    assert "尚未翻译成中文" in profile and '<h1 lang="en">Peng Chengxin</h1>' in profile
    assert '<label for="people-affiliation">所属机构</label>' in listing
