"""A draft whitepaper is private, its PDF and citation files too: only staff who may view or
change whitepapers (and superusers) preview them; everyone else, staff included, gets the
visitors' 404, and a Featured whitepapers plugin names the draft to no one else."""

import pytest
from cms.api import add_plugin

from center.publications.models import Whitepaper
from tests.support.cms import bare_placeholder, render_plugin
from tests.support.draft_viewers import ALLOWED, REFUSED, client_for, draft_viewer

from .factories import WhitepaperFactory

DETAIL = "/en/whitepapers/draft-paper/"
FILES = ["download/", "cite.bib", "cite.ris", "cite.json"]


@pytest.fixture
def draft(db):
    return WhitepaperFactory(slug="draft-paper", title="Secret Paper", draft=True, with_pdf=True)


@pytest.mark.parametrize("kind", REFUSED)
@pytest.mark.usefixtures("demo_pages")
def test_a_draft_whitepaper_and_its_files_are_404_without_the_permission(client, draft, kind):
    client = client_for(client, draft_viewer(kind, Whitepaper))
    for address in [DETAIL] + [DETAIL + name for name in FILES]:
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Secret Paper" not in response.content.decode()


@pytest.mark.parametrize("kind", ALLOWED)
@pytest.mark.usefixtures("demo_pages")
def test_staff_who_may_see_whitepapers_preview_the_draft_and_its_files(client, draft, kind):
    client = client_for(client, draft_viewer(kind, Whitepaper))
    page = client.get(DETAIL)
    assert page.status_code == 200 and "Draft preview" in page.content.decode()
    for name in FILES:
        response = client.get(DETAIL + name)
        assert response.status_code == 200, name
        assert "private" in response["Cache-Control"], name
    assert "Secret Paper" in client.get(DETAIL + "cite.bib").content.decode()


@pytest.mark.parametrize("kind", REFUSED[1:])
def test_featured_whitepapers_name_a_draft_only_to_staff_who_may_see_it(draft, kind):
    plugin = add_plugin(bare_placeholder(), "FeaturedWhitepapersPlugin", "en")
    plugin.whitepapers.set([draft])
    assert "Secret Paper" not in render_plugin(plugin, user=draft_viewer(kind, Whitepaper))
    viewer = draft_viewer("change permission", Whitepaper)
    assert "Hidden from visitors until published: Secret Paper." in render_plugin(
        plugin, user=viewer)
