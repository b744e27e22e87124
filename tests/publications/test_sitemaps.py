from django.contrib.sites.models import Site

from center.publications.sitemaps import WhitepaperSitemap

from .factories import WhitepaperFactory


def test_sitemap_lists_visible_papers_in_both_languages(client, demo_pages, settings):
    # The site's protocol wins over the request's: behind a TLS proxy the request says http.
    settings.META_SITE_PROTOCOL = "https"
    client.get("/en/")  # the CMS loads the new apphook URLs on the next request
    WhitepaperFactory(slug="ethics")
    WhitepaperFactory(slug="draft", draft=True)
    WhitepaperFactory(slug="later", scheduled=True)

    urls = WhitepaperSitemap().get_urls(site=Site.objects.get_current(), protocol="http")

    domain = Site.objects.get_current().domain
    assert sorted(url["location"] for url in urls) == [
        f"https://{domain}/en/whitepapers/ethics/", f"https://{domain}/zh-hans/whitepapers/ethics/"]
    assert {a["lang_code"] for a in urls[0]["alternates"]} == {"en", "zh-hans"}


def test_site_sitemap_includes_the_papers(client, demo_pages):
    WhitepaperFactory(slug="ethics")
    xml = client.get("/sitemap.xml").content.decode()
    assert "/en/whitepapers/ethics/</loc>" in xml and "/zh-hans/whitepapers/ethics/</loc>" in xml
