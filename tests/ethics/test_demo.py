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

    assert "version 1.0, 1.1, 1.2 (draft) created" in first and "nothing to do" in second
    assert (CodeVersion.objects.count(), Principle.objects.count()) == counts == (3, 9 + 11 + 11)


def test_version_1_0_follows_the_seed(db):
    load_demo_content()
    code = CodeVersion.objects.get(label="1.0")

    assert code.status == CodeVersion.Status.SUPERSEDED
    assert code.effective_date.isoformat() == "2022-03-26"
    assert _titles(code) == PRINCIPLES_1_0
    assert [str(s) for s in code.sections.all()] == ["Core", "Development concepts", "Principles"]
    assert "人工智能伦理" in code.safe_translation_getter("preamble", language_code="zh-hans")
    assert "respect for consultation and an inclusive culture" in code.preamble
    assert "Three Laws" not in code.preamble  # they belong on the About page


def _changed(old, new):
    """Numbers of the principles of `new` whose English text `old` did not have."""
    return [p.number for p in new.principles.order_by("number")
            if not old.principles.filter(number=p.number, translations__text=p.text).exists()]


def test_1_1_is_in_force_with_real_changes_and_1_2_is_a_draft(db):
    load_demo_content()
    v1_0, v1_1, v1_2 = (CodeVersion.objects.get(label=label) for label in ("1.0", "1.1", "1.2"))

    assert v1_1.is_in_force and v1_1.based_on == v1_0 and v1_1.published_at > v1_0.published_at
    assert v1_2.is_draft and v1_2.based_on == v1_1
    assert _changed(v1_0, v1_1) == [6, 9, 10, 11]  # two reworded, two added
    assert _changed(v1_1, v1_2) == [7]
    added = v1_1.principles.get(number=10)
    assert added.title == "Human oversight" and added.section.title == "Principles"
    assert added.safe_translation_getter("title", language_code="zh-hans") == "人的监督"
    assert "可控" in v1_1.principles.get(number=9).safe_translation_getter(
        "text", language_code="zh-hans")


def test_demo_code_renders_in_both_languages(client, demo_pages, staff_user):
    load_demo_content()
    english = client.get("/en/code-of-ethics/").content.decode()
    chinese = client.get("/zh-hans/code-of-ethics/").content.decode()

    assert "Code of Ethics for AI Sustainable Development" in english
    assert "Human oversight" in english
    assert "人工智能可持续发展道德规范" in chinese and "人的监督" in chinese
    assert "Not yet translated" not in english and "尚未翻译" not in chinese


def test_a_visitor_sees_what_1_1_changed_in_both_languages(client, demo_pages):
    load_demo_content()

    english = client.get("/en/code-of-ethics/changes/").content.decode()
    chinese = client.get("/zh-hans/code-of-ethics/changes/").content.decode()

    for html in (english, chinese):
        assert 'id="change-6"' in html and 'id="change-9"' in html
        assert 'id="change-10"' in html and 'id="change-11"' in html
        assert 'id="change-7"' not in html  # 1.2 is a draft: not for visitors
        assert 'class="diff-insert"' in html and 'id="change-preamble"' in html
    assert "controllable" in english and "protects personal data" in english
    assert "可控" in chinese and "保护个人数据" in chinese
    assert "1.2" not in english.split('id="compare-to"')[1].split("</select>")[0]


def test_staff_compare_the_draft_1_2(client, demo_pages, staff_user):
    load_demo_content()
    client.force_login(staff_user)

    html = client.get("/en/code-of-ethics/changes/?from=1.1&to=1.2").content.decode()

    assert 'id="change-7"' in html and "people with disabilities" in html
    assert 'id="change-preamble"' not in html
