"""Demo content for Apply for Trial: the products (SenseTime's business areas named in the
Center's article, center/site/demo/pages.py), the first privacy notice, the decision
templates and two assessed applications (demo_assessments.py, after the demo Code). Safe to run again: rows are found by slug, version or state and never changed."""

from django.db import transaction

from .demo_assessments import load_assessed_applications
from .models import DecisionTemplate, PrivacyNotice, Product

DEMO_ORDER = 60  # after center.ethics (50): the assessed applications need its Code

LANGUAGES = ("en", "zh-hans")

PRODUCTS = [
    ("ai-healthcare", {"en": "AI healthcare", "zh-hans": "AI医疗"}),
    ("ai-education", {"en": "AI education", "zh-hans": "AI教育"}),
    ("ai-smart-city", {"en": "AI smart city", "zh-hans": "AI智慧城市"}),
]

NOTICE_VERSION = "2026-01"
NOTICE = {
    "en": (
        "The Center for Computational Law and AI Ethics Research processes the data in this "
        "form to assess your organisation's application to trial its partner's AI products, "
        "and to contact you about it.\n\n"
        "Reviewers at the Center and at the partner whose products you chose see your "
        "application. We keep it for one year after the decision; then your name, contact "
        "details and description are deleted, and only anonymous statistics (sector, country, "
        "products, dates) remain.\n\n"
        "You may ask to see, correct or delete your data at any time by writing to the Center "
        "with your reference number."
    ),
    "zh-hans": (
        "计算法学与AI伦理研究中心处理本表所填数据，用于评估贵机构试用其合作伙伴人工智能产品的申请，"
        "并就此与您联系。\n\n"
        "中心及您所选产品所属合作伙伴的审核人员可查看您的申请。我们在作出决定后保存一年；"
        "此后您的姓名、联系方式和用途说明将被删除，仅保留匿名统计信息（行业、国家或地区、产品、日期）。\n\n"
        "您可随时凭申请编号致信中心，要求查阅、更正或删除您的数据。"
    ),
}

DECISIONS = {
    "approved": {
        "en": ("We are pleased to approve your organisation's trial. A member of our partner's "
               "team will contact you within five working days to agree the trial plan, the "
               "safeguards you described and how the results will be reviewed."),
        "zh-hans": ("我们很高兴批准贵机构的试用申请。合作伙伴团队的成员将在五个工作日内与您联系，"
                    "商定试用计划、您所描述的保障措施以及试用结果的评估方式。"),
    },
    "declined": {
        "en": ("Thank you for your interest. After careful review we cannot offer a trial for "
               "this use at present. You are welcome to apply again if your plans change."),
        "zh-hans": "感谢您的关注。经过认真审核，我们目前无法为该用途提供试用。如您的计划有所调整，欢迎再次申请。",
    },
    "more_info": {
        "en": ("Thank you for your application. Before we decide, please tell us more about "
               "how the people affected by the trial will be informed and protected."),
        "zh-hans": "感谢您的申请。在作出决定之前，请进一步说明将如何告知并保护受试用影响的人群。",
    },
}


def _translated(obj, field: str, texts: dict) -> None:
    for language in LANGUAGES:
        obj.set_current_language(language)
        setattr(obj, field, texts[language])
    obj.save()


def load_demo_content() -> str:
    created = []
    with transaction.atomic():
        for order, (slug, names) in enumerate(PRODUCTS):
            if not Product.objects.filter(slug=slug).exists():
                _translated(Product(slug=slug, order=order), "name", names)
                created.append(f"product {slug}")
        if not PrivacyNotice.objects.filter(version=NOTICE_VERSION).exists():
            _translated(PrivacyNotice(version=NOTICE_VERSION), "text", NOTICE)
            created.append(f"privacy notice {NOTICE_VERSION}")
        for state, messages in DECISIONS.items():
            if not DecisionTemplate.objects.filter(state=state).exists():
                _translated(DecisionTemplate(state=state), "message", messages)
                created.append(f"{state} template")
    created += load_assessed_applications()  # needs the products, notice and templates
    if not created:
        return "Demo trial products and texts already present: nothing to do."
    return f"Demo trials: created {len(created)} ({', '.join(created)})."
