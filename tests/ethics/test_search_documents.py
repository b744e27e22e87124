import pytest

from center.ethics import search_documents, search_documents_code
from center.ethics.models import CodeVersion, Principle, Section
from center.ethics.services import version_copy_from_in_force, version_publish

from .factories import translate


@pytest.fixture
def translated_code(code_1_0):
    translate(code_1_0, "zh-hans", title="伦理准则", preamble="人工智能伦理的共同基础。")
    principle = code_1_0.principles.get(number=3)
    principle.commentary = "Why it matters."
    principle.save()
    translate(principle, "zh-hans", title="可信", text="人工智能系统应当可靠、安全。")
    return code_1_0


def test_principle_documents_come_from_the_version_in_force(demo_pages, translated_code):
    assert search_documents.KIND == "principle"
    assert {CodeVersion, Section, Principle} <= set(search_documents.WATCH_MODELS)
    principle = search_documents.searchable_objects().get(number=3)

    documents = search_documents.documents_for(principle)

    assert documents == [
        {"language": "en", "title": "Title 3",
         "body": "AI systems are reliable and secure.\n\nWhy it matters.",
         "url": "/en/code-of-ethics/#principle-3"},
        {"language": "zh-hans", "title": "可信", "body": "人工智能系统应当可靠、安全。",
         "url": "/zh-hans/code-of-ethics/#principle-3"},
    ]


def test_principles_of_drafts_and_superseded_versions_are_not_searchable(demo_pages,
                                                                         code_1_0):
    draft = version_copy_from_in_force(user=None)
    assert set(search_documents.searchable_objects()) == set(code_1_0.principles.all())
    assert search_documents.documents_for(draft.principles.get(number=1)) == []

    version_publish(version=draft, user=None)

    assert set(search_documents.searchable_objects()) == set(draft.principles.all())
    stale = Principle.objects.select_related("version").get(version=code_1_0, number=1)
    assert search_documents.documents_for(stale) == []


def test_code_document_is_the_preamble_of_the_version_in_force(demo_pages, translated_code):
    assert search_documents_code.KIND == "code"
    assert CodeVersion in search_documents_code.WATCH_MODELS
    assert list(search_documents_code.searchable_objects()) == [translated_code]

    documents = search_documents_code.documents_for(translated_code)

    assert documents == [
        {"language": "en", "title": "Code of Ethics 1.0", "body": "Why the Center has a Code.",
         "url": "/en/code-of-ethics/"},
        {"language": "zh-hans", "title": "伦理准则", "body": "人工智能伦理的共同基础。",
         "url": "/zh-hans/code-of-ethics/"},
    ]
    draft = version_copy_from_in_force(user=None)
    assert search_documents_code.documents_for(draft) == []


@pytest.mark.urls("tests.ethics.urls_without_apphooks")
def test_nothing_is_indexed_before_the_code_page_exists(code_1_0):
    assert search_documents.documents_for(code_1_0.principles.first()) == []
    assert search_documents_code.documents_for(code_1_0) == []
