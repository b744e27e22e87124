import pytest

from center.ethics.services import version_copy_from_in_force, version_publish

from .factories import PrincipleFactory, code_version, translate

CHANGES = "/en/code-of-ethics/changes/"
# A warm cache: the CMS's lookups, the version list, two versions with their principles and
# translations. The same for 5 and 50 principles.
CHANGES_QUERIES = 14

pytestmark = pytest.mark.usefixtures("demo_pages")


def _main(html: str) -> str:
    return html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]


@pytest.fixture
def code_1_1(code_1_0):
    """1.1 in force: principle 3 reworded, 2 removed, 4 added; 1 unchanged."""
    draft = version_copy_from_in_force(user=None)
    reworded = draft.principles.get(number=3)
    reworded.text = "AI systems are reliable, secure and controllable."
    reworded.save()
    draft.principles.get(number=2).delete()
    PrincipleFactory(section=draft.sections.first(), number=4, title="Title 4",
                     text="Someone stays accountable.")
    return version_publish(version=draft, user=None)


def test_changes_are_shown_principle_by_principle(client, code_1_1):
    html = _main(client.get(CHANGES + "?from=1.0&to=1.1").content.decode())

    assert "From <a href=\"/en/code-of-ethics/v/1.0/\">version 1.0</a>" in html
    reworded = html.split('id="change-3"', 1)[1].split("</section>", 1)[0]
    assert "Reworded" in reworded and "Principle 3" in reworded
    assert ('reliable<del class="diff-delete"><span class="code-sr-only">removed: </span>'
            ' and secure</del><ins class="diff-insert"><span class="code-sr-only">added: </span>'
            ', secure and controllable</ins>.') in reworded
    assert "Removed" in html.split('id="change-2"', 1)[1].split("</section>", 1)[0]
    added = html.split('id="change-4"', 1)[1].split("</section>", 1)[0]
    assert "Added" in added and "Someone stays accountable." in added
    assert 'id="change-1"' not in html and "Unchanged principles" in html
    # The legend says what the marks mean, in words.
    assert "removed words are struck through" in html and "added words are underlined" in html


def test_changes_default_to_the_version_in_force_against_the_one_before(client, code_1_1):
    html = _main(client.get(CHANGES).content.decode())
    assert '<option value="1.0" selected>' in html and '<option value="1.1" selected>' in html
    assert 'id="change-3"' in html
    assert "There is no published version" not in html


def test_the_code_page_links_to_what_changed(client, code_1_1):
    html = client.get("/en/code-of-ethics/").content.decode()
    assert 'href="/en/code-of-ethics/changes/?from=1.0&amp;to=1.1"' in html


def test_chinese_changes_are_marked_word_by_word(client, code_1_0):
    principle = code_1_0.principles.get(number=3)
    translate(principle, "zh-hans", title="可信", text="人工智能系统应当可靠、安全。")
    draft = version_copy_from_in_force(user=None)
    translate(draft.principles.get(number=3), "zh-hans", text="人工智能系统应当可靠、安全、可控。")
    version_publish(version=draft, user=None)

    html = _main(client.get("/zh-hans/code-of-ethics/changes/?from=1.0&to=1.1").content.decode())

    assert ('安全<ins class="diff-insert"><span class="code-sr-only">新增： </span>、可控</ins>。'
            in html)
    assert "修改" in html and "第 3 条" in html


def test_comparing_a_version_with_itself_says_there_is_no_change(client, code_1_1):
    html = _main(client.get(CHANGES + "?from=1.1&to=1.1").content.decode())
    assert "You are comparing version 1.1 with itself: there is no change." in html
    assert "<del" not in html.split("</form>", 1)[1]


@pytest.mark.parametrize("query", [
    "?from=9.9&to=1.1", "?from=1.0&to=banana", "?from=&to=", "?from=1.0",
    "?to=1.1", "?from=<script>alert(1)</script>&to=1.1", "?from=1.0&to=1.0%00",
    "?from[]=1&to=2", "?from=" + "9" * 500,
])
def test_bad_versions_in_the_query_never_fail(client, code_1_1, query):
    response = client.get(CHANGES + query)
    html = _main(response.content.decode())
    assert response.status_code == 200
    assert 'id="change-3"' in html  # the usual comparison is shown instead
    assert "<script>alert" not in html


def test_an_unknown_version_is_named_in_a_clear_message(client, code_1_1):
    html = _main(client.get(CHANGES + "?from=9.9&to=1.1").content.decode())
    assert "There is no published version “9.9”. Showing the usual comparison instead." in html


def test_with_a_single_version_there_is_nothing_to_compare(client, code_1_0):
    for query in ("", "?from=1.0&to=2.0"):
        html = _main(client.get(CHANGES + query).content.decode())
        assert "Only one version of the Code has been published so far" in html


def test_drafts_can_be_compared_by_staff_only(client, code_1_0, staff_user):
    draft = version_copy_from_in_force(user=None)
    principle = draft.principles.get(number=1)
    principle.text = "People always first."
    principle.save()

    visitor = _main(client.get(CHANGES + "?from=1.0&to=1.1").content.decode())
    assert "There is no published version “1.1”." in visitor and "always" not in visitor

    client.force_login(staff_user)
    response = client.get(CHANGES + "?from=1.0&to=1.1")
    assert '<ins class="diff-insert"><span class="code-sr-only">added: </span> always</ins>' in (
        response.content.decode())
    assert "private" in response["Cache-Control"]


def test_language_switcher_keeps_the_comparison(client, code_1_1):
    html = client.get(CHANGES + "?from=1.0&to=1.1").content.decode()
    assert 'href="/zh-hans/code-of-ethics/changes/?from=1.0&amp;to=1.1" lang="zh-hans"' in html


@pytest.mark.parametrize("count", [5, 50])
def test_changes_queries_do_not_grow_with_principles(client, django_assert_max_num_queries,
                                                     count):
    code_version("1.0", {n: f"Text {n}." for n in range(1, count + 1)})
    draft = version_copy_from_in_force(user=None)
    for principle in draft.principles.all():
        principle.text = f"New text {principle.number}."
        principle.save()
    version_publish(version=draft, user=None)
    client.get(CHANGES)
    with django_assert_max_num_queries(CHANGES_QUERIES):
        html = client.get(CHANGES).content.decode()
    assert html.count('class="change change--reworded"') == count
