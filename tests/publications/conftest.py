import pytest

from .factories import PersonFactory, TopicFactory, WhitepaperAuthorFactory, WhitepaperFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # PDFs, covers and their renditions are real files: each test gets its own folder.
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def whitepaper(db):
    """A published paper by one author on one topic, with a PDF, as visitors find it."""
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law",
                              issuing_body="Institute of Law", with_pdf=True)
    paper.topics.add(TopicFactory(slug="ai-ethics", name="AI ethics"))
    WhitepaperAuthorFactory(whitepaper=paper, person=PersonFactory(slug="yang-li",
                                                                   name="Yang Li"))
    return paper
