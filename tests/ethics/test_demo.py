from center.ethics.demo import load_demo_content
from center.ethics.models import CodeVersion, Principle

PRINCIPLES_1_0 = [
    (1, "Respect for consultation and an inclusive culture", "尊重协商、包容文化"),
    (2, "People-oriented", "以人为本"),
    (3, "Benefits for the people", "共享惠民"),
    (4, "Integrated development", "融合发展"),
    (5, "Innovation through scientific research", "科研创新"),
    (6, "Ethics", "伦理"),
    (7, "Benefiting the people", "惠民"),
    (8, "Industrial integration", "产业融合"),
    (9, "Credibility", "可信"),
]


def _titles(version):
    return [(p.number, p.safe_translation_getter("title", language_code="en"),
             p.safe_translation_getter("title", language_code="zh-hans"))
            for section in version.sections.all() for p in section.principles.all()]


def test_demo_is_idempotent(db):
    first = load_demo_content()
    counts = (CodeVersion.objects.count(), Principle.objects.count())

    second = load_demo_content()

    assert "1.0 (in force), 1.1 (draft) created" in first and "nothing to do" in second
    assert (CodeVersion.objects.count(), Principle.objects.count()) == counts == (2, 18)


def test_version_1_0_follows_the_seed(db):
    load_demo_content()
    code = CodeVersion.objects.get(label="1.0")

    assert code.is_in_force and code.effective_date.isoformat() == "2022-03-26"
    assert _titles(code) == PRINCIPLES_1_0
    assert [str(s) for s in code.sections.all()] == ["Core", "Development concepts", "Principles"]
    assert "人工智能伦理" in code.safe_translation_getter("preamble", language_code="zh-hans")
    assert "respect for consultation and an inclusive culture" in code.preamble
    assert "Three Laws" not in code.preamble  # they belong on the About page


def test_draft_1_1_rewords_credibility_only(db):
    load_demo_content()
    old, new = (CodeVersion.objects.get(label=label) for label in ("1.0", "1.1"))

    assert new.is_draft and new.based_on == old
    changed = [p.number for p in new.principles.all()
               if p.text != old.principles.get(number=p.number).text]
    assert changed == [9]
    assert "controllable" in new.principles.get(number=9).text
    assert "可控" in new.principles.get(number=9).safe_translation_getter(
        "text", language_code="zh-hans")


def test_demo_code_renders_in_both_languages(client, demo_pages, staff_user):
    load_demo_content()
    english = client.get("/en/code-of-ethics/").content.decode()
    chinese = client.get("/zh-hans/code-of-ethics/").content.decode()

    assert "Code of Ethics for AI Sustainable Development" in english
    assert "人工智能可持续发展道德规范" in chinese and "人工智能伦理" in chinese
    assert "Not yet translated" not in english and "尚未翻译" not in chinese

    client.force_login(staff_user)
    html = client.get("/en/code-of-ethics/changes/?from=1.0&to=1.1").content.decode()
    assert 'id="change-9"' in html and "Reworded" in html and "controllable" in html
