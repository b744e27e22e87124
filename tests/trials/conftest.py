import pytest

from tests.support.users import UserFactory

from .factories import PrivacyNoticeFactory, ProductFactory

APPLY = "/en/apply-for-trial/"


@pytest.fixture
def trial_page(demo_pages):
    """The demo page tree: /en/apply-for-trial/ carries the TrialsApphook."""
    return demo_pages


@pytest.fixture
def offer(db):
    """What the form offers: two products in both languages and a privacy notice in force."""
    return {
        "products": [ProductFactory(slug="ai-healthcare", name="AI healthcare",
                                    zh={"name": "AI医疗"}),
                     ProductFactory(slug="ai-education", name="AI education",
                                    zh={"name": "AI教育"})],
        "notice": PrivacyNoticeFactory(zh={"text": "我们处理您的数据以评估申请。"}),
    }


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", email="rita@center.example", group="Reviewers")


@pytest.fixture
def editor(db):
    return UserFactory(username="eddie", email="eddie@center.example", group="Editors")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs what would happen on commit (publishing the outbox rows
    to eager Celery, which sends them) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def second_reviewer(db):
    return UserFactory(username="sam", email="sam@center.example", group="Reviewers")


@pytest.fixture
def code_in_force(db):
    """A Code of Ethics in force: three principles in two sections (the assessment's)."""
    from tests.ethics.factories import code_version

    return code_version("1.0", {1: "People first.", 2: "Share the benefits.",
                                3: "AI systems are reliable and secure."}, sections=2)
