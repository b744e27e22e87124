import pytest
from cms.api import add_plugin

from center.ethics.models import PrincipleQuote
from center.ethics.services import version_copy_from_in_force, version_publish
from tests.support.cms import add_plugin_url, bare_placeholder, page_draft, render_plugin

from .factories import translate

pytestmark = pytest.mark.usefixtures("demo_pages")  # the Code page, for the permalinks


def _quote(number: int):
    return add_plugin(bare_placeholder(), "PrincipleQuotePlugin", "en", number=number)


def test_quote_shows_the_principle_in_force_with_its_permalink(code_1_0):
    html = render_plugin(_quote(3))

    assert "Title 3" in html and "AI systems are reliable and secure." in html
    assert '<a href="/en/code-of-ethics/principles/3/">Code of Ethics, principle 3</a>' in html
    assert "version 1.0" in html
    assert "/static/ethics/css/ethics.css" not in html  # goes to the page's css block


def test_quote_speaks_chinese(code_1_0):
    translate(code_1_0.principles.get(number=3), "zh-hans", title="可信", text="可靠、安全。")
    html = render_plugin(_quote(3), language="zh-hans")
    assert "可信" in html and "可靠、安全。" in html
    assert '<a href="/zh-hans/code-of-ethics/principles/3/">伦理准则第 3 条</a>' in html


def test_quote_follows_a_new_version_into_force(code_1_0):
    plugin = _quote(3)
    draft = version_copy_from_in_force(user=None)
    principle = draft.principles.get(number=3)
    principle.text = "Reliable, secure and controllable."
    principle.save()
    assert "Reliable, secure and controllable." not in render_plugin(plugin)  # still a draft

    version_publish(version=draft, user=None)

    html = render_plugin(plugin)
    assert "Reliable, secure and controllable." in html and "version 1.1" in html


def test_a_missing_principle_is_hidden_from_visitors_and_flagged_for_staff(code_1_0,
                                                                          staff_user):
    plugin = _quote(42)
    assert render_plugin(plugin).strip() == ""
    assert "Principle 42 is not in the version of the Code in force" in render_plugin(
        plugin, user=staff_user)


def test_the_plugin_form_refuses_a_number_the_code_does_not_have(client, staff_user,
                                                                 code_1_0):
    _draft, placeholder = page_draft(reverse_id="home", language="en", user=staff_user,
                                       slot="events")
    client.force_login(staff_user)
    url = add_plugin_url(placeholder, "PrincipleQuotePlugin")

    assert "Numbers in version 1.0: 1, 3, 2." in client.get(url).content.decode()
    refused = client.post(url, {"number": 42})
    assert "The version in force has no principle 42." in refused.content.decode()
    client.post(url, {"number": 2})
    assert PrincipleQuote.objects.get(placeholder=placeholder).number == 2


def test_visitors_see_the_quote_on_a_published_page(client, staff_user, code_1_0):
    draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    add_plugin(placeholder, "PrincipleQuotePlugin", "en", number=1)
    draft.publish(staff_user)

    html = client.get("/en/about-us/").content.decode()

    assert '<figure class="principle-quote">' in html and "People first." in html
    assert 'href="/static/ethics/css/ethics.css"' in html.split("</head>", 1)[0]


@pytest.mark.urls("tests.ethics.urls_without_apphooks")
def test_quote_works_before_the_code_page_exists(code_1_0):
    html = render_plugin(_quote(1))
    assert "People first." in html and "Code of Ethics, principle 1" in html
    assert "href=" not in html
