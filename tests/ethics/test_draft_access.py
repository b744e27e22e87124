"""A draft version of the Code is private: only staff who may view or change Code versions
(and superusers) preview it, see it listed on the Code's page or compare against it; anyone
else, staff included, gets what visitors get."""

import pytest

from center.ethics.models import CodeVersion
from center.ethics.services import version_copy_from_in_force
from tests.support.draft_viewers import ALLOWED, REFUSED, client_for, draft_viewer

CODE = "/en/code-of-ethics/"
DRAFT = CODE + "v/1.1/"
CHANGES = CODE + "changes/?from=1.0&to=1.1"
REWORDED = "AI systems are reliable, secure and controllable."


@pytest.fixture
def draft(code_1_0):
    version = version_copy_from_in_force(user=None, label="1.1")
    principle = version.principles.get(number=3)
    principle.text = REWORDED
    principle.save()
    return version


@pytest.mark.parametrize("kind", REFUSED)
@pytest.mark.usefixtures("demo_pages")
def test_a_draft_version_is_hidden_without_the_permission(client, draft, kind):
    client = client_for(client, draft_viewer(kind, CodeVersion))
    assert client.get(DRAFT).status_code == 404
    for address in (CODE, CHANGES):
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        # ?to=1.1 is the visitor's own words echoed back; the draft's link and text are not.
        assert "/v/1.1/" not in html and "controllable" not in html, address
    assert "Version 1.1 is a draft" not in client.get(CODE).content.decode()


@pytest.mark.parametrize("kind", ALLOWED)
@pytest.mark.usefixtures("demo_pages")
def test_staff_who_may_see_the_code_preview_list_and_compare_the_draft(client, draft, kind):
    client = client_for(client, draft_viewer(kind, CodeVersion))
    preview = client.get(DRAFT)
    assert preview.status_code == 200
    assert "Draft preview: visitors cannot see this version" in preview.content.decode()
    assert "Version 1.1 is a draft, visible to staff only." in client.get(CODE).content.decode()
    assert "controllable" in client.get(CHANGES).content.decode()
