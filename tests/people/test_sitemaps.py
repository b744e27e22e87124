from django.contrib.sites.models import Site

from center.people.sitemaps import PersonSitemap

from .factories import PersonFactory


def test_sitemap_lists_public_people_in_both_languages(demo_pages, settings):
    # The site's protocol wins over the request's: behind a TLS proxy the request says http.
    settings.META_SITE_PROTOCOL = "https"
    PersonFactory(slug="ji-weidong")
    PersonFactory(slug="hidden", is_public=False)

    urls = PersonSitemap().get_urls(site=Site.objects.get_current(), protocol="http")

    locations = sorted(url["location"] for url in urls)
    domain = Site.objects.get_current().domain
    assert locations == [f"https://{domain}/en/speakers/ji-weidong/",
                         f"https://{domain}/zh-hans/speakers/ji-weidong/"]
    assert {a["lang_code"] for a in urls[0]["alternates"]} == {"en", "zh-hans"}
