"""A principle's own page in one version: its text, and a side column with the version's
facts, the neighbouring principles, the whole Code and the same principle elsewhere."""

import pytest

from center.ethics.services import version_copy_from_in_force, version_publish

from .factories import translate

pytestmark = pytest.mark.usefixtures("demo_pages")

PAGE = "/{language}/code-of-ethics/v/{label}/principles/{number}/"


def _aside(html: str) -> str:
    return html.split('<aside class="detail-aside"', 1)[1].split("</aside>", 1)[0]


def test_a_principle_page_shows_its_version_section_and_neighbours(client, code_1_0):
    # Reading order is section by section: 1 and 3 in Part 1, then 2 in Part 2.
    html = client.get(PAGE.format(language="en", label="1.0", number=3)).content.decode()

    assert "AI systems are reliable and secure." in html
    assert '<span class="principle__number">3</span> Title 3</h1>' in html
    aside = _aside(html)
    assert '<a href="/en/code-of-ethics/">Code of Ethics 1.0</a>' in aside  # in force
    assert "1.0 <span class=\"code-status code-status--in_force\">In force</span>" in aside
    assert '<a href="/en/code-of-ethics/#section-1">Part 1</a>' in aside
    assert 'href="/en/code-of-ethics/v/1.0/principles/1/" rel="prev">1. Title 1</a>' in aside
    assert 'href="/en/code-of-ethics/v/1.0/principles/2/" rel="next">2. Title 2</a>' in aside
    assert 'href="/en/code-of-ethics/#principle-3">Read it in the whole Code</a>' in aside
    assert "In other versions" not in aside  # there is only one


def test_the_code_links_each_principle_title_to_its_page(client, code_1_0):
    html = client.get("/en/code-of-ethics/").content.decode()
    for number in (1, 2, 3):
        assert f'<a href="/en/code-of-ethics/v/1.0/principles/{number}/">Title {number}</a>' in html


def test_a_superseded_principle_says_so_and_links_the_other_versions(client, code_1_0):
    draft = version_copy_from_in_force(user=None)
    version_publish(version=draft, user=None)

    old = client.get(PAGE.format(language="en", label="1.0", number=2)).content.decode()
    assert "This version was superseded on" in old
    assert ('href="/en/code-of-ethics/principles/2/">'
            "Read this principle in the version in force") in old
    aside = _aside(old)
    assert '<a href="/en/code-of-ethics/v/1.0/">Code of Ethics 1.0</a>' in aside
    assert "Superseded on" in aside
    assert '<a href="/en/code-of-ethics/v/1.1/principles/2/">Version 1.1</a>' in aside

    new = _aside(client.get(PAGE.format(language="en", label="1.1", number=2)).content.decode())
    assert '<a href="/en/code-of-ethics/v/1.0/principles/2/">Version 1.0</a>' in new


def test_a_principle_page_speaks_chinese(client, code_1_0):
    translate(code_1_0, "zh-hans", title="人工智能可持续发展道德规范", preamble="基础。")
    translate(code_1_0.principles.get(number=1), "zh-hans", title="以人为本",
              text="人工智能服务于人。")

    html = client.get(PAGE.format(language="zh-hans", label="1.0", number=3)).content.decode()

    aside = _aside(html)
    for text in ("基本信息", "准则", "版本", "所属部分", "上一条原则", "下一条原则",
                 "在完整准则中阅读"):
        assert text in aside, text
    assert '<a href="/zh-hans/code-of-ethics/">人工智能可持续发展道德规范</a>' in aside
    assert 'rel="prev">1. 以人为本</a>' in aside
    assert 'hreflang="en"' in html and "/en/code-of-ethics/v/1.0/principles/3/" in html


@pytest.mark.parametrize("path", ["v/1.0/principles/9/", "v/9.9/principles/1/"])
def test_unknown_principles_are_404(client, code_1_0, path):
    assert client.get(f"/en/code-of-ethics/{path}").status_code == 404


def test_a_draft_versions_principle_is_404_for_visitors(client, code_1_0, staff_user):
    version_copy_from_in_force(user=None)  # 1.1, a draft
    assert client.get(PAGE.format(language="en", label="1.1", number=1)).status_code == 404
    client.force_login(staff_user)
    response = client.get(PAGE.format(language="en", label="1.1", number=1))
    assert response.status_code == 200 and "private" in response["Cache-Control"]
