from center.events.demo import load_demo_content
from center.events.models import Event, Session, SessionSpeaker
from center.people.models import Person

CEREMONY = "inauguration-ceremony-2022"
SEMINAR = "seminar-values-and-law-of-ai-2022"


def _agenda(slug):
    return [
        (session.kind, [(part.person.slug, part.role) for part in session.session_speakers.all()])
        for session in Session.objects.filter(event__slug=slug).order_by("order")
    ]


def test_demo_is_idempotent(db):
    first = load_demo_content()
    counts = (Event.objects.count(), Session.objects.count(), SessionSpeaker.objects.count(),
              Person.objects.count())

    second = load_demo_content()

    assert "3 created" in first and "nothing to do" in second
    assert (Event.objects.count(), Session.objects.count(), SessionSpeaker.objects.count(),
            Person.objects.count()) == counts
    assert Event.objects.upcoming().count() == 1 and Event.objects.past().count() == 2


def test_ceremony_agenda_follows_the_seed(db):
    load_demo_content()
    assert _agenda(CEREMONY) == [
        ("opening", [("wang-houji", "chair")]),
        ("speech", [("gu-feng", "speaker")]),
        ("speech", [("lu-baoliang", "speaker")]),
        ("speech", [("ji-weidong", "speaker")]),
        ("speech", [("zhang-shaoting", "speaker")]),
        ("signing", [("lu-baoliang", "signatory"), ("ji-weidong", "signatory")]),
        ("ceremony", [(slug, "participant") for slug in [
            "zhang-shaoting", "lu-baoliang", "gu-feng", "wang-houji", "ji-weidong",
            "wang-yingchun"]]),
    ]
    zhang = SessionSpeaker.objects.get(session__event__slug=CEREMONY, session__kind="speech",
                                       person__slug="zhang-shaoting")
    assert zhang.safe_translation_getter("note", language_code="en") == "on behalf of SenseTime"
    assert zhang.safe_translation_getter("note", language_code="zh-hans") == "代表商汤科技"


def test_seminar_agenda_follows_the_seed(db):
    load_demo_content()
    assert _agenda(SEMINAR) == [
        ("keynote", [("wang-yingchun", "speaker")]),
        ("talk", [("tian-feng", "speaker")]),
        ("talk", [("yang-li", "speaker")]),
        ("panel", []),
    ]
    keynote = Session.objects.get(event__slug=SEMINAR, kind="keynote")
    assert keynote.safe_translation_getter("title", language_code="en").startswith(
        "Technological Society 3.0")
    seminar = Event.objects.get(slug=SEMINAR)
    assert seminar.by_invitation and seminar.format == "in_person"
    assert seminar.has_translation("zh-hans")


def test_existing_people_are_reused_and_missing_ones_created(db):
    from .factories import PersonFactory

    gu_feng = PersonFactory(slug="gu-feng", name="Gu Feng (people demo)")
    load_demo_content()
    assert SessionSpeaker.objects.filter(person=gu_feng).exists()
    assert Person.objects.get(slug="lu-baoliang").safe_translation_getter(
        "name", language_code="zh-hans") == "吕宝粮"


def test_demo_events_render_in_both_languages(client, demo_pages):
    load_demo_content()
    for language in ("en", "zh-hans"):
        assert client.get(f"/{language}/events/").status_code == 200
        response = client.get(f"/{language}/events/{CEREMONY}/")
        assert response.status_code == 200
    html = response.content.decode()
    assert "计算法学与AI伦理研究中心成立仪式" in html and "尚未翻译" not in html
    assert "受邀参加" in html and "2022年3月26日 09:00–10:30" in html
    assert "，代表商汤科技</li>" in html and "（签约方），代表清源研究院" in html
