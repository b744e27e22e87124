"""Demo events: the Center's inauguration morning of 26 March 2022 and one future lecture.

The agendas follow the published inauguration article (see center/site/demo/pages.py); the
Chinese text is the project's own. Session times were not published, so sessions carry none.
Safe to run again: events are found by slug, and an existing event is left as staff edited it.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from center.core.i18n import set_translations
from center.people.models import Person

from .models import Event, Session, SessionSpeaker
from .services import event_publish

DEMO_ORDER = 20  # after people: sessions name speakers

SHANGHAI = ZoneInfo("Asia/Shanghai")

# Used only when the people demo has not created someone yet: slug -> (English, Chinese).
PEOPLE = {
    "wang-houji": ("Wang Houji", "汪后继"),
    "gu-feng": ("Gu Feng", "顾锋"),
    "lu-baoliang": ("Lü Baoliang", "吕宝粮"),
    "ji-weidong": ("Ji Weidong", "季卫东"),
    "zhang-shaoting": ("Zhang Shaoting", "张少霆"),
    "wang-yingchun": ("Wang Yingchun", "王迎春"),
    "tian-feng": ("Tian Feng", "田丰"),
    "yang-li": ("Yang Li", "杨力"),
}

SJTU_XUHUI = {
    "map_url": "https://www.openstreetmap.org/search?query=1954%20Huashan%20Road%2C%20Shanghai",
    "en": {"venue_name": "North Building No.4, Xuhui Campus, Shanghai Jiao Tong University",
           "venue_address": "1954 Huashan Road, Xuhui District, Shanghai, China"},
    "zh-hans": {"venue_name": "上海交通大学徐汇校区北四号楼",
                "venue_address": "中国上海市徐汇区华山路1954号"},
}


def _on_behalf(en: str, zh: str) -> dict:
    return {"en": f"on behalf of {en}", "zh-hans": f"代表{zh}"}


QING_YUAN = _on_behalf("the Qing Yuan Research Institute", "清源研究院")
CISLS = _on_behalf("the China Institute for Social-Legal Studies", "中国法与社会研究院")

CEREMONY_SESSIONS = [
    {"kind": Session.Kind.OPENING,
     "en": {"title": "Opening of the ceremony"}, "zh-hans": {"title": "仪式开幕"},
     "speakers": [("wang-houji", SessionSpeaker.Role.CHAIR, {
         "en": "Secretary of the Party Committee, Koguan School of Law",
         "zh-hans": "凯原法学院党委书记"})]},
    {"kind": Session.Kind.SPEECH,
     "en": {"title": "Congratulatory speech"}, "zh-hans": {"title": "致贺辞"},
     "speakers": [("gu-feng", SessionSpeaker.Role.SPEAKER,
                   _on_behalf("Shanghai Jiao Tong University", "上海交通大学"))]},
    {"kind": Session.Kind.SPEECH,
     "en": {"title": "Speech"}, "zh-hans": {"title": "致辞"},
     "speakers": [("lu-baoliang", SessionSpeaker.Role.SPEAKER, QING_YUAN)]},
    {"kind": Session.Kind.SPEECH,
     "en": {"title": "Speech"}, "zh-hans": {"title": "致辞"},
     "speakers": [("ji-weidong", SessionSpeaker.Role.SPEAKER, CISLS)]},
    {"kind": Session.Kind.SPEECH,
     "en": {"title": "Speech"}, "zh-hans": {"title": "致辞"},
     "speakers": [("zhang-shaoting", SessionSpeaker.Role.SPEAKER,
                   _on_behalf("SenseTime", "商汤科技"))]},
    {"kind": Session.Kind.SIGNING,
     "en": {"title": "Signing of the Agreement on Sustainable Cooperation"},
     "zh-hans": {"title": "签署《可持续合作协议》"},
     "speakers": [("lu-baoliang", SessionSpeaker.Role.SIGNATORY, QING_YUAN),
                  ("ji-weidong", SessionSpeaker.Role.SIGNATORY, CISLS)]},
    {"kind": Session.Kind.CEREMONY,
     "en": {"title": "Unveiling of the Center’s plaque"}, "zh-hans": {"title": "中心揭牌"},
     "speakers": [(slug, SessionSpeaker.Role.PARTICIPANT, {}) for slug in [
         "zhang-shaoting", "lu-baoliang", "gu-feng", "wang-houji", "ji-weidong",
         "wang-yingchun"]]},
]

SEMINAR_SESSIONS = [
    {"kind": Session.Kind.KEYNOTE,
     "en": {"title": "Technological Society 3.0 and the Transformation of Governance Paradigms "
                     "from the Perspective of Artificial Intelligence",
            "description": "The trend of global AI governance, and a development concept built "
                           "on the core competitiveness of “technology + rules”."},
     "zh-hans": {"title": "人工智能视角下的技术社会3.0与治理范式转型",
                 "description": "分析人工智能全球治理的趋势，提出以“技术+规则”为核心竞争力的发展理念。"},
     "speakers": [("wang-yingchun", SessionSpeaker.Role.SPEAKER, {
         "en": "Director, Science and Social Research Office, "
               "Shanghai Institute for Science of Science",
         "zh-hans": "上海市科学学研究所科学与社会研究室主任"})]},
    {"kind": Session.Kind.TALK,
     "en": {"title": "AI Responsibilities and Rights",
            "description": "The societal challenges of “AI responsibilities and rights”, the "
                           "proposed “AI ethics triangle”, and the social responsibilities of "
                           "AI companies."},
     "zh-hans": {"title": "AI的责任与权利",
                 "description": "围绕“AI的责任与权利”这一社会挑战分享观点，提出“AI伦理三角”，"
                                "并探讨AI企业的社会责任等话题。"},
     "speakers": [("tian-feng", SessionSpeaker.Role.SPEAKER, {
         "en": "Dean, SenseTime Intelligent Industry Research Institute; Co-Director of the "
               "Center",
         "zh-hans": "商汤智能产业研究院院长、计算法学与AI伦理研究中心联合主任"})]},
    {"kind": Session.Kind.TALK,
     "en": {"title": "Digital Transformation and the Digital Rule of Law",
            "description": "The basic forms of digital transformation and the digital rule of "
                           "law, the challenges of implementation, and the “two-wheel drive” "
                           "of technology and law as a principle of data governance."},
     "zh-hans": {"title": "数字化转型与数字法治",
                 "description": "探讨数字化转型与数字法治的基本形态，指出数字化转型背景下的实施难题，"
                                "提出技术与法律“双轮驱动”的数据治理发展原则。"},
     "speakers": [("yang-li", SessionSpeaker.Role.SPEAKER, {
         "en": "Deputy Dean, China Institute for Social-Legal Studies",
         "zh-hans": "中国法与社会研究院副院长"})]},
    {"kind": Session.Kind.PANEL,
     "en": {"title": "Panel discussion: smart justice, big data governance and the legal "
                     "attributes of data",
            "description": "Scholars and experts from SenseTime Intelligent Industry Research "
                           "Institute, the Koguan School of Law and the China Institute for "
                           "Social-Legal Studies debate the role of AI, big data and other "
                           "emerging technologies in governing ethical risks."},
     "zh-hans": {"title": "圆桌讨论：智慧司法、大数据治理与数据的法律属性",
                 "description": "来自商汤智能产业研究院、凯原法学院和中国法与社会研究院的专家学者，"
                                "就人工智能、大数据等新兴技术在伦理风险治理中的作用与影响展开讨论。"},
     "speakers": []},
]

EVENTS = [
    {"slug": "inauguration-ceremony-2022",
     "start": datetime(2022, 3, 26, 9, 0, tzinfo=SHANGHAI),
     "end": datetime(2022, 3, 26, 10, 30, tzinfo=SHANGHAI),
     "format": Event.Format.IN_PERSON, "by_invitation": True, "place": SJTU_XUHUI,
     "en": {"title": "Inauguration Ceremony of the Center for Computational Law and AI Ethics "
                     "Research",
            "summary": "Shanghai Jiao Tong University and SenseTime inaugurate their joint "
                       "Center for Computational Law and AI Ethics Research.",
            "body": "Co-organized by SenseTime and Shanghai Jiao Tong University.\n\n"
                    "The Center is jointly established by the China Institute for Social-Legal "
                    "Studies and the Qing Yuan Research Institute of Shanghai Jiao Tong "
                    "University, pioneering the “university-enterprise cooperation” model in "
                    "AI ethics research."},
     "zh-hans": {"title": "计算法学与AI伦理研究中心成立仪式",
                 "summary": "上海交通大学与商汤科技共建的计算法学与AI伦理研究中心正式成立。",
                 "body": "由商汤科技与上海交通大学共同主办。\n\n"
                         "中心由上海交通大学中国法与社会研究院与清源研究院共同成立，"
                         "开创了AI伦理研究领域的“校企合作”模式。"},
     "sessions": CEREMONY_SESSIONS},
    {"slug": "seminar-values-and-law-of-ai-2022",
     "start": datetime(2022, 3, 26, 10, 30, tzinfo=SHANGHAI),
     "end": datetime(2022, 3, 26, 12, 30, tzinfo=SHANGHAI),
     "format": Event.Format.IN_PERSON, "by_invitation": True, "place": SJTU_XUHUI,
     "en": {"title": "Commemorative Seminar on the Values and Law of Artificial Intelligence",
            "summary": "Keynote, talks and a panel discussion on AI governance, AI "
                       "responsibilities and rights, and the digital rule of law, following "
                       "the Center’s inauguration.",
            "body": "Held after the inauguration ceremony of the Center."},
     "zh-hans": {"title": "“人工智能的价值与法律”纪念研讨会",
                 "summary": "中心成立仪式后举行的研讨会，围绕人工智能治理、AI的责任与权利及数字法治"
                            "展开主旨演讲、专题发言和圆桌讨论。",
                 "body": "于中心成立仪式后举行。"},
     "sessions": SEMINAR_SESSIONS},
    {"slug": "public-lecture-accountable-ai-2027",
     "start": datetime(2027, 4, 22, 14, 0, tzinfo=SHANGHAI),
     "end": datetime(2027, 4, 22, 16, 0, tzinfo=SHANGHAI),
     "format": Event.Format.HYBRID, "by_invitation": False, "place": SJTU_XUHUI,
     # A demo placeholder: example.org is reserved for examples and never a real sign-up.
     "registration_url": "https://example.org/register/accountable-ai-2027",
     "en": {"title": "Public Lecture: Computational Law and Accountable AI",
            "summary": "An open lecture on how computational law can make AI systems "
                       "accountable, followed by questions. Join on campus or online.",
            "body": "Ji Weidong gives the lecture; Yang Li chairs the questions and discussion. "
                    "Registration is free and open to all."},
     "zh-hans": {"title": "公开讲座：计算法学与可问责的人工智能",
                 "summary": "面向公众的讲座，探讨计算法学如何使人工智能系统可问责，并设问答环节。"
                            "可现场或线上参加。",
                 "body": "季卫东主讲，杨力主持问答与讨论。免费报名，向所有人开放。"},
     "sessions": [
         {"kind": Session.Kind.TALK,
          "en": {"title": "Lecture: Computational Law and Accountable AI"},
          "zh-hans": {"title": "讲座：计算法学与可问责的人工智能"},
          "speakers": [("ji-weidong", SessionSpeaker.Role.SPEAKER, {})]},
         {"kind": Session.Kind.DISCUSSION,
          "en": {"title": "Questions and discussion"}, "zh-hans": {"title": "问答与讨论"},
          "speakers": [("yang-li", SessionSpeaker.Role.CHAIR, {})]},
     ]},
]

LANGUAGES = ("en", "zh-hans")


def _person(slug: str) -> Person:
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        en, zh = PEOPLE[slug]
        person = Person(slug=slug)
        set_translations(person, {"en": {"name": en}, "zh-hans": {"name": zh}})
        person.save()
    return person


def _create_event(spec: dict) -> Event:
    place = spec["place"]
    event = Event(slug=spec["slug"], start=spec["start"], end=spec["end"],
                  timezone="Asia/Shanghai", format=spec["format"],
                  by_invitation=spec["by_invitation"], map_url=place["map_url"],
                  registration_url=spec.get("registration_url", ""))
    set_translations(event, {lang: {**place[lang], **spec[lang]} for lang in LANGUAGES})
    event.save()
    for order, session_spec in enumerate(spec["sessions"], start=1):
        session = Session(event=event, order=order, kind=session_spec["kind"])
        set_translations(session, session_spec)
        session.save()
        for position, (slug, role, note) in enumerate(session_spec["speakers"], start=1):
            part = SessionSpeaker(session=session, person=_person(slug), order=position,
                                  role=role)
            set_translations(part, {lang: {"note": note.get(lang, "")} for lang in LANGUAGES})
            part.save()
    event_publish(event=event, user=None)
    return event


def load_demo_content() -> str:
    with transaction.atomic():
        existing = set(Event.objects.filter(slug__in=[e["slug"] for e in EVENTS])
                       .values_list("slug", flat=True))
        created = [_create_event(spec) for spec in EVENTS if spec["slug"] not in existing]
    if not created:
        return "Demo events already present: nothing to do."
    return f"Demo events: {len(created)} created and published."
