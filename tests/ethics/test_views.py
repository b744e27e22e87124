import json
import re

import pytest

from center.core.links import site_root
from center.ethics.services import version_copy_from_in_force, version_publish

from .factories import PrincipleFactory, code_version, translate

CODE = "/en/code-of-ethics/"
CHANGES = "/en/code-of-ethics/changes/"
# Measured with a warm cache: the CMS's page and menu lookups, the Code's six prefetch
# queries and the version list. The same bound must hold for 5 and 50 principles.
CODE_QUERIES = 14

pytestmark = pytest.mark.usefixtures("demo_pages")


def _json_ld(html: str) -> dict:
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


def _main(html: str) -> str:
    return html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


def _reworded_1_1(code_1_0):
    draft = version_copy_from_in_force(user=None)
    principle = draft.principles.get(number=3)
    principle.text = "AI systems are reliable, secure and controllable."
    principle.save()
    return draft


def test_code_page_shows_the_version_in_force_with_stable_anchors(client, code_1_0):
    html = client.get(CODE).content.decode()

    assert "<h1>Code of Ethics 1.0</h1>" in html
    assert "In force since" in html and "Version 1.0" in html
    assert "Why the Center has a Code." in html  # the preamble
    assert '<h2 id="section-1">Part 1</h2>' in html and '<h2 id="section-2">Part 2</h2>' in html
    for number in (1, 2, 3):
        assert f'id="principle-{number}"' in html
        assert f'href="/en/code-of-ethics/principles/{number}/"' in html
    assert "This page presents" in html  # the CMS page's own introduction


def test_code_page_can_be_printed(client, code_1_0):
    html = client.get(CODE).content.decode()
    assert 'href="/static/ethics/css/ethics-print.css" media="print"' in html
    assert "data-print hidden>Print or save as PDF</button>" in html
    assert "/static/ethics/js/print.js" in html
    assert f"Source: {site_root()}/en/code-of-ethics/v/1.0/" in html


def test_code_page_speaks_chinese(client, code_1_0):
    translate(code_1_0, "zh-hans", title="人工智能可持续发展道德规范",
              preamble="人工智能伦理的基础。")
    translate(code_1_0.principles.get(number=1), "zh-hans", title="以人为本",
              text="人工智能服务于人。")

    html = client.get("/zh-hans/code-of-ethics/").content.decode()

    assert "<h1>人工智能可持续发展道德规范</h1>" in html and "人工智能伦理的基础。" in html
    assert "以人为本" in html and "现行" in html and "起施行" in html
    assert "打印或保存为 PDF" in html
    assert 'href="/zh-hans/code-of-ethics/principles/1/"' in html
    assert "Title 2" in html  # an untranslated principle still shows its English text


def test_json_ld_describes_the_document_and_its_principles(client, code_1_0):
    data = _json_ld(client.get(CODE).content.decode())
    assert data["@type"] == "CreativeWork" and data["version"] == "1.0"
    assert data["creativeWorkStatus"] == "In force" and data["inLanguage"] == "en"
    assert [part["position"] for part in data["hasPart"]] == [1, 3, 2]  # in reading order
    assert data["hasPart"][0]["url"] == f"{site_root()}/en/code-of-ethics/#principle-1"


def test_json_ld_cannot_break_out_of_its_script(client, code_1_0):
    code_1_0.title = "Code </script><script>alert(1)</script>"
    code_1_0.save()
    html = client.get(CODE).content.decode()
    assert "<script>alert(1)" not in html
    assert _json_ld(html)["name"] == code_1_0.title


def test_any_published_version_has_its_own_address(client, code_1_0):
    draft = _reworded_1_1(code_1_0)
    version_publish(version=draft, user=None)

    old = client.get("/en/code-of-ethics/v/1.0/").content.decode()
    new = client.get("/en/code-of-ethics/v/1.1/").content.decode()

    assert "This version was superseded on" in old and "reliable and secure" in old
    assert 'href="/en/code-of-ethics/v/1.0/#principle-3"' in old  # cites this very version
    assert "controllable" in new and "superseded" not in _main(new).split("<table", 1)[0]
    assert "controllable" in client.get(CODE).content.decode()


def test_version_pages_keep_the_language_switcher_on_the_version(client, code_1_0):
    html = client.get("/en/code-of-ethics/v/1.0/").content.decode()
    assert 'href="/zh-hans/code-of-ethics/v/1.0/" lang="zh-hans"' in html
    assert f'hreflang="zh-hans" href="{site_root()}/zh-hans/code-of-ethics/v/1.0/"' in html


@pytest.mark.parametrize("path", ["v/9.9/", "v/abc/", "v/..%2F/", "principles/99/"])
def test_unknown_versions_and_principles_get_the_friendly_404(client, code_1_0, path):
    response = client.get(CODE + path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_drafts_are_404_for_visitors_and_previewable_by_staff(client, code_1_0, staff_user):
    _reworded_1_1(code_1_0)
    assert client.get("/en/code-of-ethics/v/1.1/").status_code == 404
    assert "1.1" not in _main(client.get(CODE).content.decode())

    client.force_login(staff_user)
    response = client.get("/en/code-of-ethics/v/1.1/")
    html = response.content.decode()
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert "Draft preview: visitors cannot see this version" in html
    code_page = client.get(CODE)
    assert "Version 1.1 is a draft, visible to staff only." in code_page.content.decode()
    assert "private" in code_page["Cache-Control"]


def test_code_page_before_anything_is_published(client, staff_user):
    code_version("1.0", {1: "People first."}, publish=False)
    html = client.get(CODE).content.decode()
    assert "The Code of Ethics has not been published yet." in html
    assert "/v/1.0/" not in html
    client.force_login(staff_user)
    assert "/en/code-of-ethics/v/1.0/" in client.get(CODE).content.decode()


def test_permalink_follows_a_principle_into_the_version_in_force(client, code_1_0):
    response = client.get("/en/code-of-ethics/principles/3/")
    assert response.status_code == 302
    assert response["Location"] == "/en/code-of-ethics/#principle-3"

    draft = version_copy_from_in_force(user=None)
    draft.principles.get(number=2).delete()
    PrincipleFactory(section=draft.sections.first(), number=4)
    version_publish(version=draft, user=None)

    assert client.get("/zh-hans/code-of-ethics/principles/3/")["Location"] == (
        "/zh-hans/code-of-ethics/#principle-3")
    # Removed later: the link still leads to the last version that had it.
    assert client.get("/en/code-of-ethics/principles/2/")["Location"] == (
        "/en/code-of-ethics/v/1.0/#principle-2")
    assert client.get("/en/code-of-ethics/principles/4/")["Location"] == (
        "/en/code-of-ethics/#principle-4")


def test_a_principle_only_in_a_draft_has_no_permalink_yet(client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    PrincipleFactory(section=draft.sections.first(), number=9)
    assert client.get("/en/code-of-ethics/principles/9/").status_code == 404


def _principles(count: int):
    return code_version("1.0", {n: f"Principle text {n}." for n in range(1, count + 1)},
                        sections=5)


@pytest.mark.parametrize("count", [5, 50])
def test_code_page_queries_do_not_grow_with_principles(client, django_assert_max_num_queries,
                                                      count):
    _principles(count)
    client.get(CODE)  # warm the CMS's own caches, as on a live site
    with django_assert_max_num_queries(CODE_QUERIES):
        response = client.get(CODE)
    assert response.content.decode().count('class="principle"') == count
