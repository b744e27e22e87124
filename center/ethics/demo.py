"""Demo Code of Ethics, so visitors see how the Code changes: version 1.0, written from the
whitepaper "Code of Ethics for AI Sustainable Development" (SenseTime Intelligent Industry
Research Institute, June 2021), now superseded; 1.1, in force, which rewords "Ethics" and
"Credibility" and adds "Human oversight" and "Environmental sustainability"; and a draft 1.2,
seen by staff only. 1.1 and 1.2 are copies made by the same service staff use.

The principle texts and the Chinese are the project's own. The dates are the demo's choice:
1.0 from the day the Center was inaugurated (26 March 2022), 1.1 from its second
anniversary. Safe to run again: versions are found by label, and an existing version is left
as staff edited it.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from center.core.i18n import set_translations

from .models import CodeVersion, Principle, Section
from .services import version_copy_from_in_force, version_publish

DEMO_ORDER = 50  # center.site runs the apps' demos in this order

LANGUAGES = ("en", "zh-hans")
INAUGURATION = datetime(2022, 3, 26, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SECOND_ANNIVERSARY = datetime(2024, 3, 26, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

VERSION_1_0 = {
    "en": {
        "title": "Code of Ethics for AI Sustainable Development",
        "preamble": (
            "In June 2021, at the first “AI Sustainable Development 2030 Forum”, SenseTime "
            "Intelligent Industry Research Institute released the whitepaper “Code of Ethics "
            "for AI Sustainable Development” in response to the United Nations Sustainable "
            "Development Goals. The Center adopts its Code as the shared basis of its research "
            "on AI ethics and of its cooperation with partners.\n\n"
            "The Code places “respect for consultation and an inclusive culture” at the core "
            "of AI sustainable development. From this core follow four AI development concepts "
            "— people-oriented, benefits for the people, integrated development and innovation "
            "through scientific research — which fall into four development principles: "
            "ethics, benefiting the people, industrial integration and credibility. Together "
            "they serve the vision “AI for a better tomorrow”."
        ),
    },
    "zh-hans": {
        "title": "人工智能可持续发展道德规范",
        "preamble": (
            "2021年6月，商汤智能产业研究院在首届“人工智能可持续发展2030论坛”上，响应联合国可持续"
            "发展目标，发布了白皮书《人工智能可持续发展道德规范》。中心以本准则作为人工智能伦理研究"
            "及与合作伙伴开展合作的共同基础。\n\n"
            "本准则以“尊重协商、包容文化”为人工智能可持续发展的核心，提出以人为本、共享惠民、融合"
            "发展、科研创新四项人工智能发展观，并进一步落实为伦理、惠民、产业融合与可信四项发展原则，"
            "共同服务于“AI for a better tomorrow”的愿景。"
        ),
    },
}

# (section titles, [(number, {language: {title, text, commentary}})])
SECTIONS = [
    ({"en": "Core", "zh-hans": "核心理念"}, [
        (1, {"en": {"title": "Respect for consultation and an inclusive culture",
                    "text": "AI is developed for many communities and should be developed with "
                            "them. We seek the views of those affected before we act, settle "
                            "disagreements through consultation, and respect the diversity of "
                            "cultures and values in which AI is used.",
                    "commentary": "This core runs through every concept and principle below."},
             "zh-hans": {"title": "尊重协商、包容文化",
                         "text": "人工智能为众多群体而发展，也应与他们共同发展。我们在行动之前听取"
                                 "受影响者的意见，通过协商化解分歧，尊重人工智能应用所处的多元文化"
                                 "与价值观。",
                         "commentary": "这一核心理念贯穿以下各项发展观与发展原则。"}}),
    ]),
    ({"en": "Development concepts", "zh-hans": "发展观"}, [
        (2, {"en": {"title": "People-oriented",
                    "text": "AI serves people. Human dignity, rights and well-being come before "
                            "efficiency, and people remain able to understand, question and "
                            "decide."},
             "zh-hans": {"title": "以人为本",
                         "text": "人工智能服务于人。人的尊严、权利与福祉优先于效率，人始终能够理解、"
                                 "质疑并作出决定。"}}),
        (3, {"en": {"title": "Benefits for the people",
                    "text": "The gains of AI are shared widely — across regions, generations and "
                            "groups — and not only by those who build it."},
             "zh-hans": {"title": "共享惠民",
                         "text": "人工智能带来的成果应当广泛共享，惠及不同地区、不同世代与不同群体，"
                                 "而不只属于技术的开发者。"}}),
        (4, {"en": {"title": "Integrated development",
                    "text": "AI develops together with the industries, institutions and "
                            "communities it serves, so that technology, rules and practice grow "
                            "as one."},
             "zh-hans": {"title": "融合发展",
                         "text": "人工智能与其服务的产业、机构和社会共同发展，使技术、规则与实践"
                                 "融为一体。"}}),
        (5, {"en": {"title": "Innovation through scientific research",
                    "text": "Original, open and rigorous research is the source of trustworthy "
                            "AI; its results are tested before they are put to use."},
             "zh-hans": {"title": "科研创新",
                         "text": "原创、开放、严谨的科学研究是可信人工智能的源泉；研究成果在投入"
                                 "应用之前须经过检验。"}}),
    ]),
    ({"en": "Principles", "zh-hans": "发展原则"}, [
        (6, {"en": {"title": "Ethics",
                    "text": "AI is designed, built and used in line with ethical norms and the "
                            "law: it respects privacy, avoids unfair discrimination and does no "
                            "avoidable harm."},
             "zh-hans": {"title": "伦理",
                         "text": "人工智能的设计、开发与使用应符合伦理规范和法律法规：尊重隐私，"
                                 "避免不公平的歧视，不造成可以避免的伤害。"}}),
        (7, {"en": {"title": "Benefiting the people",
                    "text": "AI applications are judged by their benefit to people’s lives, work "
                            "and public services, with particular care for vulnerable groups."},
             "zh-hans": {"title": "惠民",
                         "text": "衡量人工智能应用的标准是其对民生、工作与公共服务的益处，并特别"
                                 "关注弱势群体。"}}),
        (8, {"en": {"title": "Industrial integration",
                    "text": "AI is integrated into industry responsibly, through cooperation "
                            "between universities, enterprises and government, so that "
                            "innovation strengthens the real economy."},
             "zh-hans": {"title": "产业融合",
                         "text": "通过高校、企业与政府之间的合作，以负责任的方式推动人工智能与产业"
                                 "融合，使创新服务于实体经济。"}}),
        (9, {"en": {"title": "Credibility",
                    "text": "AI systems are reliable and secure, and their decisions can be "
                            "explained to the people they affect."},
             "zh-hans": {"title": "可信",
                         "text": "人工智能系统应当可靠、安全，其决策能够向受影响者作出解释。"}}),
    ]),
]

# Version 1.1: a sentence more in the preamble, two principles reworded, two added.
PREAMBLE_1_1 = {
    "en": "Version 1.1 adds two principles, human oversight and environmental "
          "sustainability, and makes clear that a person answers for every decision of an AI "
          "system.",
    "zh-hans": "1.1版新增“人的监督”与“环境可持续”两项原则，并明确人工智能系统的每一项决策"
               "都须有人负责。",
}
REWORDED_1_1 = {
    6: {"en": "AI is designed, built and used in line with ethical norms and the law: it "
              "respects privacy and protects personal data, avoids unfair discrimination and "
              "does no avoidable harm.",
        "zh-hans": "人工智能的设计、开发与使用应符合伦理规范和法律法规：尊重隐私、保护个人数据，"
                   "避免不公平的歧视，不造成可以避免的伤害。"},
    9: {"en": "AI systems are reliable, secure and controllable; their decisions can be "
              "explained to the people they affect, and a person remains accountable for each "
              "of them.",
        "zh-hans": "人工智能系统应当可靠、安全、可控；其决策能够向受影响者作出解释，并始终有人为"
                   "每一项决策承担责任。"},
}
ADDED_1_1 = [
    (10, {"en": {"title": "Human oversight",
                 "text": "People oversee the AI systems they use: they can follow what a system "
                         "does, correct it and, when needed, stop it. A decision with serious "
                         "effects on a person is reviewed by a person before it takes effect.",
                 "commentary": "Added in version 1.1."},
          "zh-hans": {"title": "人的监督",
                      "text": "人对其使用的人工智能系统进行监督：能够了解系统的运行、纠正其偏差，"
                              "并在必要时使其停止。对个人有重大影响的决定，在生效之前须经人工"
                              "复核。",
                      "commentary": "于1.1版新增。"}}),
    (11, {"en": {"title": "Environmental sustainability",
                 "text": "AI is developed and run with care for the energy and resources it "
                         "consumes, and applied to help meet the Sustainable Development Goals, "
                         "climate action among them.",
                 "commentary": "Added in version 1.1."},
          "zh-hans": {"title": "环境可持续",
                      "text": "人工智能的开发与运行应重视其能源与资源消耗，并用于助力实现可持续"
                              "发展目标，包括应对气候变化。",
                      "commentary": "于1.1版新增。"}}),
]
# The draft 1.2 rewords "Benefiting the people".
REWORDED_1_2 = {
    7: {"en": "AI applications are judged by their benefit to people’s lives, work and public "
              "services, with particular care for vulnerable groups, older people and people "
              "with disabilities, whose access is designed in from the start.",
        "zh-hans": "衡量人工智能应用的标准是其对民生、工作与公共服务的益处，并特别关注弱势群体、"
                   "老年人与残障人士，从设计之初即保障他们的使用。"},
}


def _create_1_0() -> CodeVersion:
    version = CodeVersion(label="1.0", effective_date=date(2022, 3, 26))
    set_translations(version, VERSION_1_0)
    version.save()
    for order, (titles, principles) in enumerate(SECTIONS, start=1):
        section = Section(version=version, order=order)
        set_translations(section, {language: {"title": titles[language]}
                                   for language in LANGUAGES})
        section.save()
        for position, (number, texts) in enumerate(principles, start=1):
            principle = Principle(version=version, section=section, number=number,
                                  order=position)
            set_translations(principle, texts)
            principle.save()
    return version_publish(version=version, user=None, now=INAUGURATION)


def _reword(version: CodeVersion, texts: dict[int, dict[str, str]]) -> None:
    for number, by_language in texts.items():
        principle = version.principles.get(number=number)
        set_translations(principle, {language: {"text": text}
                                     for language, text in by_language.items()})
        principle.save()


def _create_1_1() -> CodeVersion:
    version = version_copy_from_in_force(user=None, label="1.1")
    set_translations(version, {
        language: {"preamble": version.safe_translation_getter("preamble", language_code=language)
                   + "\n\n" + text}
        for language, text in PREAMBLE_1_1.items()})
    version.save()
    _reword(version, REWORDED_1_1)
    section = version.sections.order_by("-order").first()  # "Principles"
    last = max(p.order for p in section.principles.all())
    for position, (number, texts) in enumerate(ADDED_1_1, start=last + 1):
        principle = Principle(version=version, section=section, number=number, order=position)
        set_translations(principle, texts)
        principle.save()
    return version_publish(version=version, user=None, now=SECOND_ANNIVERSARY)


def _create_1_2() -> CodeVersion:
    draft = version_copy_from_in_force(user=None, label="1.2")
    _reword(draft, REWORDED_1_2)
    return draft


def _in_force_label() -> str | None:
    return CodeVersion.objects.in_force().values_list("label", flat=True).first()


def load_demo_content() -> str:
    created = []
    with transaction.atomic():
        existing = set(CodeVersion.objects.values_list("label", flat=True))
        # Each step builds on the one before, and only on the demo's own version in force.
        if "1.0" not in existing:
            created.append(_create_1_0().label)
        if "1.1" not in existing and _in_force_label() == "1.0":
            created.append(_create_1_1().label)
        if "1.2" not in existing and _in_force_label() == "1.1":
            created.append(_create_1_2().label + " (draft)")
    if not created:
        return "Demo Code of Ethics already present: nothing to do."
    return f"Demo Code of Ethics: version {', '.join(created)} created."
