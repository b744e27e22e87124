import pytest

from center.core.links import site_root
from center.ethics.models import CodeVersion
from center.ethics.services import version_copy_from_in_force
from center.ethics.sitemaps import CodeVersionSitemap

ADMIN = "/en/admin/ethics/codeversion/"


def test_admin_pages_open(admin_client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    for url in (ADMIN, f"{ADMIN}add/", f"{ADMIN}{code_1_0.pk}/change/",
                f"{ADMIN}{draft.pk}/change/", f"{ADMIN}?q=1.0", f"{ADMIN}copy-in-force/",
                f"{ADMIN}{draft.pk}/publish/"):
        assert admin_client.get(url).status_code == 200, url


def test_staff_draft_a_copy_then_publish_it(admin_client, code_1_0):
    response = admin_client.post(f"{ADMIN}copy-in-force/", {"label": ""})

    draft = CodeVersion.objects.get(label="1.1")
    assert response["Location"] == f"{ADMIN}{draft.pk}/change/"
    confirm = admin_client.get(f"{ADMIN}{draft.pk}/publish/").content.decode()
    assert "Version 1.1 comes into force now." in confirm
    assert "Version 1.0 is superseded" in confirm

    admin_client.post(f"{ADMIN}{draft.pk}/publish/")

    assert list(CodeVersion.objects.in_force()) == [draft]
    again = admin_client.get(f"{ADMIN}{draft.pk}/publish/", follow=True).content.decode()
    assert "Version 1.1 is already published." in again
    assert CodeVersion.objects.get(pk=code_1_0.pk).status == CodeVersion.Status.SUPERSEDED


def test_copy_refuses_a_label_already_taken(admin_client, code_1_0):
    response = admin_client.post(f"{ADMIN}copy-in-force/", {"label": "1.0"})
    assert "already exists" in response.content.decode()
    assert CodeVersion.objects.count() == 1


def test_without_a_version_in_force_the_copy_leads_to_the_add_form(admin_client, db):
    response = admin_client.get(f"{ADMIN}copy-in-force/")
    assert response["Location"] == f"{ADMIN}add/"


def test_a_published_version_is_read_only_and_cannot_be_deleted(admin_client, demo_pages,
                                                                 code_1_0):
    html = admin_client.get(f"{ADMIN}{code_1_0.pk}/change/").content.decode()
    assert 'name="title"' not in html and 'name="principles-0-text"' not in html
    assert admin_client.get(f"{ADMIN}{code_1_0.pk}/delete/").status_code == 403

    draft = version_copy_from_in_force(user=None)
    html = admin_client.get(f"{ADMIN}{draft.pk}/change/").content.decode()
    assert 'name="title"' in html and 'name="principles-0-text"' in html
    assert "Publish…" in html and "Compare with version 1.0" in html
    assert 'href="/en/code-of-ethics/changes/?from=1.0&amp;to=1.1"' in html
    admin_client.post(f"{ADMIN}{draft.pk}/delete/", {"post": "yes"})
    assert not CodeVersion.objects.filter(pk=draft.pk).exists()


def test_publish_action_wants_exactly_one_draft(admin_client, code_1_0):
    one = version_copy_from_in_force(user=None)
    two = version_copy_from_in_force(user=None)

    response = admin_client.post(ADMIN, {"action": "publish",
                                         "_selected_action": [one.pk, two.pk]}, follow=True)
    assert "Select exactly one draft" in response.content.decode()
    assert list(CodeVersion.objects.in_force()) == [code_1_0]

    response = admin_client.post(ADMIN, {"action": "publish", "_selected_action": [code_1_0.pk]},
                                 follow=True)
    assert "Version 1.0 was not published: it is not a draft." in response.content.decode()

    admin_client.post(ADMIN, {"action": "publish", "_selected_action": [two.pk]})
    assert list(CodeVersion.objects.in_force()) == [two]


def test_principles_can_only_go_into_sections_of_their_version(admin_client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    html = admin_client.get(f"{ADMIN}{draft.pk}/change/").content.decode()
    options = html.split('name="principles-0-section"', 1)[1].split("</select>", 1)[0]
    own = {str(section.pk) for section in draft.sections.all()}
    other = {str(section.pk) for section in code_1_0.sections.all()}
    assert all(f'value="{pk}"' in options for pk in own)
    assert not any(f'value="{pk}"' in options for pk in other)


def test_staff_toolbar_offers_drafting_a_new_version(client, demo_pages, staff_user):
    client.force_login(staff_user)
    html = client.get("/en/about-us/").content.decode()
    assert "Draft a new version" in html and f"{ADMIN}copy-in-force/" in html
    client.logout()
    assert "Draft a new version" not in client.get("/en/about-us/").content.decode()


@pytest.mark.usefixtures("demo_pages")
def test_sitemap_lists_published_versions_in_both_languages(client, code_1_0):
    client.get("/en/")  # the CMS loads the new apphook URLs on the next request
    version_copy_from_in_force(user=None)  # a draft: not listed

    urls = CodeVersionSitemap().get_urls()

    assert sorted(url["location"] for url in urls) == [
        f"{site_root()}/en/code-of-ethics/v/1.0/",
        f"{site_root()}/zh-hans/code-of-ethics/v/1.0/"]
    assert {a["lang_code"] for a in urls[0]["alternates"]} == {"en", "zh-hans"}
    assert "/code-of-ethics/v/1.0/" in client.get("/sitemap.xml").content.decode()


@pytest.mark.usefixtures("demo_pages")
def test_sitemap_lists_each_principle_page_of_published_versions(client, code_1_0):
    from tests.ethics.factories import code_version

    client.get("/en/")  # the CMS loads the new apphook URLs on the next request
    code_version("2.0", {1: "Draft only."}, publish=False)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/code-of-ethics/v/1.0/principles/3/" in sitemap
    assert "/zh-hans/code-of-ethics/v/1.0/principles/1/" in sitemap
    assert "/v/2.0/principles/" not in sitemap
