"""Staff editing a draft in the admin: saving changes only what they changed, the principles
come in reading order on a compact page, and publishing warns when the languages differ."""

import lxml.html
import pytest

from center.ethics.demo import load_demo_content
from center.ethics.models import CodeVersion
from center.ethics.services import version_copy_from_in_force

from .factories import translate

ADMIN = "/en/admin/ethics/codeversion/"


def _as_browser_submits(client, url: str) -> dict:
    """The change form's fields as a browser posts them: every line break as "\\r\\n"."""
    form = lxml.html.fromstring(client.get(url).content.decode()).get_element_by_id(
        "codeversion_form")
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value.replace("\n", "\r\n"))
    return {**data, "_continue": "Save and continue editing"}


@pytest.mark.usefixtures("demo_pages")
def test_saving_a_draft_unchanged_changes_nothing_a_reader_sees(admin_client, code_1_0):
    translate(code_1_0, "en", preamble="Why the Center has a Code.\n\nHow it is kept up.")
    principle = code_1_0.principles.get(number=2)
    translate(principle, "en", commentary="Shared widely.\nAcross regions.")
    draft = version_copy_from_in_force(user=None)
    url = f"{ADMIN}{draft.pk}/change/"

    data = _as_browser_submits(admin_client, url)
    assert any("\r\n" in value for values in data.values() for value in values)
    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    draft = CodeVersion.objects.get(pk=draft.pk)
    assert draft.preamble == "Why the Center has a Code.\n\nHow it is kept up."
    assert draft.principles.get(number=2).commentary == "Shared widely.\nAcross regions."
    html = admin_client.get(f"/en/code-of-ethics/changes/?from=1.0&to={draft.label}")
    assert "The two versions have the same text: there is no change." in html.content.decode()
    assert "Reworded</span> Preamble" not in html.content.decode()


def test_principles_are_listed_in_reading_order_on_a_compact_page(admin_client, db):
    load_demo_content()
    draft = CodeVersion.objects.get(label="1.2")

    html = admin_client.get(f"{ADMIN}{draft.pk}/change/").content.decode()
    page = lxml.html.fromstring(html)
    numbers = [int(value) for value in page.xpath(
        "//input[starts-with(@name, 'principles-') and substring(@name,"
        " string-length(@name) - 6) = '-number']/@value")]

    assert numbers == list(range(1, 12))
    # One table row per principle, small text boxes: not a stacked form per principle.
    group = page.xpath("//*[contains(@class, 'code-principles')]")[0]
    assert len(group.xpath(".//table//tr[contains(@class, 'has_original')]")) == 11
    rows = set(page.xpath("//textarea[starts-with(@name, 'principles-')"
                          " and contains(@name, '-text')]/@rows"))
    assert rows == {"3"}


def _translate_all(version, language: str) -> None:
    translate(version, language, title="伦理准则", preamble="序言。")
    for principle in version.principles.all():
        translate(principle, language, title=f"原则{principle.number}",
                  text=f"第{principle.number}条。")


def test_publishing_warns_when_the_languages_differ(admin_client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    _translate_all(draft, "zh-hans")
    missing = draft.principles.get(number=2)
    missing.translations.filter(language_code="zh-hans").delete()

    confirm = admin_client.get(f"{ADMIN}{draft.pk}/publish/").content.decode()

    assert "The languages of this version differ:" in confirm
    assert "The languages have different numbers of principles: English 3, Simplified " \
           "Chinese 2." in confirm
    assert "Simplified Chinese: principles 2 have no title or no text." in confirm

    done = admin_client.post(f"{ADMIN}{draft.pk}/publish/", follow=True).content.decode()
    assert "Version 1.1 is now in force." in done  # a warning, not a refusal
    assert "Its languages differ:" in done and "principles 2 have no title" in done


def test_publishing_a_fully_translated_draft_has_no_warning(admin_client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    _translate_all(draft, "zh-hans")

    confirm = admin_client.get(f"{ADMIN}{draft.pk}/publish/").content.decode()
    done = admin_client.post(f"{ADMIN}{draft.pk}/publish/", follow=True).content.decode()

    assert "languages of this version differ" not in confirm
    assert "Version 1.1 is now in force." in done and "Its languages differ" not in done


def test_an_empty_chinese_text_is_a_difference(admin_client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    _translate_all(draft, "zh-hans")
    translate(draft.principles.get(number=3), "zh-hans", text="  ")

    confirm = admin_client.get(f"{ADMIN}{draft.pk}/publish/").content.decode()

    assert "Simplified Chinese: principles 3 have no title or no text." in confirm
