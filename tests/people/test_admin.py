import pytest

from center.people.models import Person
from center.people.orcid import orcid_check_digit

from .factories import OrganisationFactory, filer_image_create

ADD_URL = "/en/admin/people/person/add/?language=en"


def _form(**overrides):
    data = {
        "name": "Ji Weidong", "honorific": "", "slug": "ji-weidong", "is_public": "on",
        "short_bio": "", "portrait": "", "homepage": "", "orcid": "",
        "positions-TOTAL_FORMS": "0", "positions-INITIAL_FORMS": "0",
        "positions-MIN_NUM_FORMS": "0", "positions-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.mark.parametrize("orcid", ["1234", "0000-0002-1825-009", "0000-0002-1825-00977"])
def test_badly_formed_orcid_is_refused_with_a_clear_error(admin_client, orcid):
    response = admin_client.post(ADD_URL, _form(orcid=orcid))

    assert response.status_code == 200
    assert "Enter an ORCID iD in the form 0000-0002-1825-0097" in response.content.decode()
    assert not Person.objects.exists()


def test_orcid_with_a_wrong_check_digit_is_refused(admin_client):
    response = admin_client.post(ADD_URL, _form(orcid="0000-0002-1825-0098"))

    assert "wrong check digit" in response.content.decode()
    assert not Person.objects.exists()


def test_valid_orcid_url_is_saved_as_the_bare_id(admin_client):
    response = admin_client.post(ADD_URL, _form(orcid="https://orcid.org/0000-0002-1694-233x"))

    assert response.status_code == 302
    assert Person.objects.get().orcid == "0000-0002-1694-233X"


def test_check_digit_matches_orcids_published_examples():
    assert orcid_check_digit("000000021825009") == "7"
    assert orcid_check_digit("000000021694233") == "X"


def test_saving_a_portrait_in_the_admin_makes_renditions(admin_client):
    organisation = OrganisationFactory()
    image = filer_image_create()
    data = _form(portrait=str(image.pk), **{
        "positions-TOTAL_FORMS": "1", "positions-0-title": "Professor",
        "positions-0-organisation": str(organisation.pk), "positions-0-order": "0",
    })

    response = admin_client.post(ADD_URL, data)

    assert response.status_code == 302
    person = Person.objects.get()
    assert [r["width"] for r in person.portrait_renditions["jpeg"]] == [160, 320, 640]
    assert person.positions.get().title == "Professor"


def test_admin_lists_search_and_filter(admin_client):
    response = admin_client.get("/en/admin/people/person/", {"q": "Ji", "is_public__exact": "1"})
    assert response.status_code == 200


def test_renaming_a_slug_redirects_the_old_address_in_both_languages(admin_client, demo_pages):
    admin_client.post(ADD_URL, _form())
    person = Person.objects.get(slug="ji-weidong")
    change_url = f"/en/admin/people/person/{person.pk}/change/?language=en"

    response = admin_client.post(change_url, _form(slug="weidong-ji"))

    assert response.status_code == 302
    visitor = admin_client.__class__()
    for language in ("en", "zh-hans"):
        old = visitor.get(f"/{language}/speakers/ji-weidong/")
        assert old.status_code == 301
        assert old["Location"] == f"/{language}/speakers/weidong-ji/"
        assert visitor.get(old["Location"]).status_code == 200
