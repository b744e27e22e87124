import pytest
from cms.models import Page, PageContent
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from center.core.links import site_root
from center.site.demo.loader import load_demo_pages

ABOUT_EN = "/en/about-us/ethical-and-responsible-ai/"
ABOUT_ZH = "/zh-hans/about-us/ethical-and-responsible-ai/"
EXPECTED_SLUGS = ["news", "events", "speakers", "whitepapers", "code-of-ethics", "newsletter",
                  "apply-for-trial"]


def test_load_demo_is_idempotent(db):
    first = load_demo_pages()
    counts = (Page.objects.count(), PageContent.admin_manager.count(), User.objects.count())

    second = load_demo_pages()

    assert first.created_pages and first.superuser_created
    assert second.created_pages == [] and second.created_translations == []
    assert not second.superuser_created
    assert (Page.objects.count(), PageContent.admin_manager.count(),
            User.objects.count()) == counts


def test_every_demo_page_is_published_in_both_languages(client, demo_pages):
    for slug in ["", "about-us/", "about-us/ethical-and-responsible-ai/",
                 *[f"{s}/" for s in EXPECTED_SLUGS]]:
        for language in ("en", "zh-hans"):
            response = client.get(f"/{language}/{slug}")
            assert response.status_code == 200, f"/{language}/{slug}"


def test_about_page_carries_the_seed_article_and_the_three_laws(client, demo_pages):
    html = client.get(ABOUT_EN).content.decode()
    assert "<h1>Ethical and Responsible AI</h1>" in html
    assert "Zeroth Law" in html and "Runaround" in html
    assert "University-Enterprise Cooperation" in html


def test_chinese_about_page_is_written_in_chinese(client, demo_pages):
    html = client.get(ABOUT_ZH).content.decode()
    assert 'lang="zh-hans"' in html
    assert "机器人三定律" in html
    assert "上海交通大学" in html


def test_breadcrumbs_lead_home_through_about_us(client, demo_pages):
    html = client.get(ABOUT_EN).content.decode()
    trail = html.split('aria-label="Breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert trail.index('href="/en/"') < trail.index('href="/en/about-us/"')
    assert trail.index('href="/en/about-us/"') < trail.index('aria-current="page"')


def test_language_switcher_keeps_the_visitor_on_the_same_page(client, demo_pages):
    html = client.get(ABOUT_EN).content.decode()
    assert f'href="{ABOUT_ZH}" lang="zh-hans"' in html
    html_zh = client.get(ABOUT_ZH).content.decode()
    assert f'href="{ABOUT_EN}" lang="en"' in html_zh


def test_root_redirects_by_browser_language(client, demo_pages):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")["Location"] == "/zh-hans/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/en/"


def test_every_page_offers_apply_for_trial_and_the_newsletter(client, demo_pages):
    for url in ("/en/", ABOUT_EN, "/zh-hans/"):
        html = client.get(url).content.decode()
        language = url.split("/")[1]
        assert f'href="/{language}/apply-for-trial/"' in html
        assert f'action="/{language}/newsletter/"' in html
        assert 'method="get"' in html


def test_anonymous_pages_carry_nothing_per_visitor(client, demo_pages):
    response = client.get(ABOUT_EN)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies, f"anonymous page set cookies: {list(response.cookies)}"
    assert 'id="cms-top"' not in response.content.decode()


def test_main_navigation_comes_from_the_page_tree(client, demo_pages):
    html = client.get("/en/").content.decode()
    nav = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    for label, href in [("About Us", "/en/about-us/"), ("News", "/en/news/"),
                        ("Ethical and Responsible AI", ABOUT_EN)]:
        assert f'href="{href}"' in nav and label in nav


def test_unknown_address_gets_a_friendly_404(client, demo_pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_staff_groups_exist_with_editor_permissions(db):
    editors = Group.objects.get(name="Editors")
    codenames = set(editors.permissions.values_list("content_type__app_label", "codename"))
    assert ("cms", "change_page") in codenames
    assert ("djangocms_versioning", "change_version") in codenames
    assert ("cms", "change_globalpagepermission") not in codenames
    assert ("auth", "change_user") not in codenames
    assert Group.objects.filter(name__in=["Reviewers", "Newsletter managers"]).count() == 2


def test_sitemap_lists_cms_pages_in_both_languages(client, demo_pages):
    from xml.etree import ElementTree

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)
    locations = [loc.text for loc in root.iterfind(".//s:loc", namespace)]
    assert any(url.endswith("/en/about-us/ethical-and-responsible-ai/") for url in locations)
    assert any(url.endswith("/zh-hans/about-us/ethical-and-responsible-ai/") for url in locations)


def test_pages_name_their_other_language_with_hreflang(client, demo_pages):
    html = client.get(ABOUT_EN).content.decode()
    assert f'hreflang="zh-hans" href="{site_root()}{ABOUT_ZH}"' in html
    assert f'hreflang="en" href="{site_root()}{ABOUT_EN}"' in html


@pytest.mark.django_db
def test_home_bands_show_publications_events_and_news_in_both_languages(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # a second run adds no second band
    english = client.get("/en/").content.decode()
    for text in ("Latest publications", "Code of Ethics for AI Sustainable Development",
                 "Upcoming events", "Public Lecture: Computational Law and Accountable AI",
                 "Latest news", "University-Enterprise Cooperation for AI Ethics Research",
                 "Founding partners", "What We Research"):
        assert text in english, text
    assert english.count('class="upcoming-events"') == 1
    chinese = client.get("/zh-hans/").content.decode().replace("<wbr>", "")  # word breaks
    for text in ("最新出版物", "近期活动", "公开讲座：计算法学与可问责的人工智能", "最新动态",
                 "共建单位", "研究方向"):
        assert text in chinese, text


@pytest.mark.parametrize("path", ["/en/news/%00/", "/en/events/%00/", "/en/speakers/%00/",
                                  "/en/%00/", "/zh-hans/news/a%00b/"])
def test_a_nul_character_in_the_address_is_a_friendly_404(client, demo_pages, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode() or "找不到" in response.content.decode()


@pytest.mark.django_db
def test_the_inauguration_article_shows_the_ceremony_card(client):
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # a second run adds no second card
    html = client.get(ABOUT_EN).content.decode()
    assert html.count('<li class="event-card">') == 1
    assert "/en/events/inauguration-ceremony-2022/" in html


def test_app_demos_are_discovered_in_their_declared_order():
    from center.site.demo.contents import app_demo_modules

    names = [module.__name__.split(".")[1] for module in app_demo_modules()]
    assert names == ["people", "events", "registrations", "news", "publications", "ethics",
                     "trials", "newsletter"]


def test_each_apphook_names_the_demo_page_it_belongs_on():
    from center.site.demo.loader import demo_apphooks

    assert demo_apphooks() == {
        "speakers": ("PeopleApphook", "people"), "events": ("EventsApphook", "events"),
        "news": ("StoriesApp", "news"), "whitepapers": ("PublicationsApphook", "publications"),
        "code-of-ethics": ("EthicsApphook", "ethics"),
        "newsletter": ("NewsletterApphook", "newsletter"),
        "apply-for-trial": ("TrialsApphook", "trials"),
    }


def test_the_sitemap_sections_are_discovered_with_their_keys():
    from center.site.sitemaps import discovered_sitemaps

    assert list(discovered_sitemaps()) == ["cms", "people", "events", "news", "ethics",
                                           "ethics-principles", "whitepapers"]
