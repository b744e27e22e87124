"""Demo news: the article on the Center's inauguration (26 March 2022) with a placeholder
picture of the ceremony, and two shorter stories drawn from the same article, linked as
its "Recommended reading". The Chinese text is the project's own. Safe to run again:
stories are found by their English slug, and an existing story is left as staff edited it."""

from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext_noop
from djangocms_stories.models import Post, PostCategory, PostContent, StoriesConfig
from djangocms_versioning.models import Version
from filer.models import Folder
from filer.models import Image as FilerImage
from PIL import Image, ImageDraw, ImageFont

from center.core.demo.users import demo_user_get_or_create

from .services import story_hero_refresh

DEMO_ORDER = 30  # center.site runs the apps' demos in this order

SHANGHAI = ZoneInfo("Asia/Shanghai")
NEWSROOM_USERNAME = "newsroom"

# Tag names, the picture's caption and the newsroom's name are one text in every language
# (taggit, filer and auth keep no translations); the Chinese pages show them through the
# news catalogue (news_tags.shared_text), so they are marked for it here.
SHARED_TEXTS = [
    gettext_noop("AI ethics"), gettext_noop("university-enterprise cooperation"),
    gettext_noop("computational law"), gettext_noop("sustainable AI"),
    gettext_noop("whitepapers"), gettext_noop("Inauguration Ceremony"),
    gettext_noop("Center Newsroom"),
    gettext_noop("The Center's plaque with the words Center for Computational Law and AI "
                 "Ethics Research (placeholder picture)"),
]

CATEGORIES = {
    "center-news": {"en": ("Center news", "center-news"), "zh-hans": ("中心动态", "center-news")},
    "perspectives": {"en": ("Perspectives", "perspectives"), "zh-hans": ("观点", "perspectives")},
}

INAUGURATION = {
    "slug": "university-enterprise-cooperation-ai-ethics-research",
    "date": datetime(2022, 3, 26, 12, 0, tzinfo=SHANGHAI),
    "categories": ["center-news"],
    "tags": ["AI ethics", "university-enterprise cooperation", "computational law"],
    "image": True,
    "en": {
        "title": "University-Enterprise Cooperation for AI Ethics Research: SenseTime and "
                 "Shanghai Jiao Tong University Jointly Found the Center for Computational Law "
                 "and AI Ethics Research",
        "abstract": "<p>On the morning of March 26, SenseTime and Shanghai Jiao Tong University "
                    "inaugurated the Center for Computational Law and AI Ethics Research at the "
                    "North Building No.4, Xuhui Campus, followed by a commemorative seminar on "
                    "the values and law of artificial intelligence.</p>",
        "text": (
            "<p>The inauguration ceremony was chaired by Wang Houji, Secretary of the Party "
            "Committee of the Koguan School of Law. The Center was jointly established by the "
            "China Institute for Social-Legal Studies and the Qing Yuan Research Institute of "
            "Shanghai Jiao Tong University, pioneering the “university-enterprise cooperation” "
            "model in the field of AI ethics research.</p>"
            "<p>Gu Feng congratulated the Center on behalf of the university. Lü Baoliang spoke "
            "for the Qing Yuan Research Institute, Ji Weidong for the China Institute for "
            "Social-Legal Studies, and Zhang Shaoting for SenseTime, which will support the "
            "Center as its co-founder. Lü Baoliang and Ji Weidong signed the Agreement on "
            "Sustainable Cooperation, and the plaque of the Center was unveiled.</p>"
            "<h2>The seminar</h2>"
            "<p>Wang Yingchun gave the keynote “Technological Society 3.0 and the Transformation "
            "of Governance Paradigms from the Perspective of Artificial Intelligence”. Tian Feng "
            "proposed the “AI ethics triangle”, and Yang Li the “two-wheel drive” of technology "
            "and law for data governance. A panel of scholars and experts then discussed smart "
            "justice, big data governance and the legal attributes of data.</p>"
            "<h2>What the Center will do</h2>"
            "<p>The Center will focus on collaborative research on AI ethics, digital urban and "
            "social governance, computational law, cognitive science and legal behaviour and "
            "smart justice, and aims to serve as a think tank for the governance of big data "
            "and AI.</p>"
        ),
    },
    "zh-hans": {
        "title": "校企合作共研人工智能伦理：商汤科技与上海交通大学共建计算法学与AI伦理研究中心",
        "abstract": "<p>3月26日上午，商汤科技与上海交通大学在徐汇校区新建楼（北楼4号）举行计算法学与"
                    "AI伦理研究中心成立仪式，并召开人工智能的价值与法律纪念研讨会。</p>",
        "text": (
            "<p>成立仪式由上海交通大学凯原法学院党委书记汪后继主持。中心由上海交通大学中国法与社会"
            "研究院和清源研究院联合成立，开创了人工智能伦理研究领域的“校企合作”模式。</p>"
            "<p>研讨会上，王迎春作题为《技术社会3.0与人工智能视角下的治理范式转型》的主旨演讲，"
            "田丰提出“AI伦理三角”，杨力提出技术与法律“双轮驱动”的数据治理原则。</p>"
        ),
    },
}

ECOSYSTEM = {
    "slug": "ai-ethics-research-needs-an-ecosystem",
    "date": datetime(2022, 3, 28, 9, 0, tzinfo=SHANGHAI),
    "categories": ["perspectives"],
    "tags": ["AI ethics", "sustainable AI"],
    "en": {
        "title": "AI Ethics Research Needs the Help of an Ecosystem",
        "abstract": "<p>Tian Feng’s “pyramid theory”, guided by the vision of sustainable AI, "
                    "and why an AI company co-founds a university research center.</p>",
        "text": (
            "<p>Tian Feng, Dean of SenseTime Intelligent Industry Research Institute and keynote "
            "speaker at the ceremony, proposed a pyramid theory guided by the vision of "
            "“sustainable AI”: principles that serve as a strategic business guide, support "
            "sustainable development research outside the company and risk and safety "
            "management inside it.</p>"
            "<p>In practice this shows in the company’s Committee of AI Ethics, its Data Security "
            "Department, its work on AI security whitepapers and its comments on national and "
            "industry standards. Co-founding the Center with Shanghai Jiao Tong University "
            "follows the same idea: academic resources and industrial experience together.</p>"
        ),
    },
    "zh-hans": {
        "title": "人工智能伦理研究需要生态的助力",
        "abstract": "<p>以“可持续AI”愿景为指引的“金字塔理论”，以及人工智能企业为何与高校共建研究中心。</p>",
        "text": "<p>田丰提出的“金字塔理论”以“可持续AI”为愿景，对内指导风险与安全管理，对外推动可持续发展研究。</p>",
    },
}

CODE_OF_ETHICS = {
    "slug": "code-of-ethics-for-ai-sustainable-development-released",
    "date": datetime(2021, 6, 30, 10, 0, tzinfo=SHANGHAI),
    "categories": ["center-news"],
    "tags": ["AI ethics", "sustainable AI", "whitepapers"],
    "en": {
        "title": "Whitepaper: Code of Ethics for AI Sustainable Development",
        "abstract": "<p>Released at the first “AI Sustainable Development 2030 Forum” in response "
                    "to the United Nations Sustainable Development Goals.</p>",
        "text": (
            "<p>SenseTime Intelligent Industry Research Institute released the whitepaper “Code "
            "of Ethics for AI Sustainable Development”. At its core is “respect for consultation "
            "and an inclusive culture”, with four development concepts (people-oriented, "
            "benefits for the people, integrated development, innovation through scientific "
            "research) and four principles: ethics, benefiting the people, industrial "
            "integration and credibility.</p>"
        ),
    },
    "zh-hans": {
        "title": "白皮书：《人工智能可持续发展道德规范》发布",
        "abstract": "<p>在首届“人工智能可持续发展2030论坛”上发布，回应联合国可持续发展目标。</p>",
        "text": "<p>白皮书以“尊重协商、包容文化”为核心，提出以人为本、普惠于民、融合发展、科研创新四大发展理念，以及伦理、惠民、产业融合、可信四项原则。</p>",
    },
}

STORIES = [CODE_OF_ETHICS, INAUGURATION, ECOSYSTEM]
RELATED = {INAUGURATION["slug"]: [ECOSYSTEM["slug"], CODE_OF_ETHICS["slug"]],
           ECOSYSTEM["slug"]: [INAUGURATION["slug"]]}


def _ceremony_picture() -> BytesIO:
    """A 16:9 placeholder: the Center's plaque on a teal wall (no photograph ships)."""
    width, height = 1600, 900
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):  # vertical gradient, dark to light teal
        shade = y / height
        draw.line([(0, y), (width, y)], fill=(int(8 + 30 * shade), int(64 + 60 * shade), int(80 + 60 * shade)))
    draw.rectangle([560, 180, 1040, 620], fill=(236, 226, 196), outline=(150, 120, 60), width=10)
    title = ImageFont.load_default(size=30)
    small = ImageFont.load_default(size=24)
    for offset, line in enumerate(["Center for", "Computational Law", "and AI Ethics", "Research"]):
        draw.text((800, 270 + offset * 52), line, font=title, fill=(60, 45, 20), anchor="mm")
    draw.text((800, 560), "Shanghai Jiao Tong University · SenseTime", font=small, fill=(90, 70, 30), anchor="mm")
    draw.text((800, 760), "Inauguration Ceremony · 26 March 2022", font=title, fill="white", anchor="mm")
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=85)
    buffer.seek(0)
    return buffer


def _picture_create(*, owner) -> FilerImage:
    folder, _ = Folder.objects.get_or_create(name="News", parent=None, defaults={"owner": owner})
    name = "inauguration-ceremony.jpg"
    return FilerImage.objects.create(
        owner=owner, folder=folder, original_filename=name, name="Inauguration Ceremony",
        default_caption="Inauguration Ceremony",
        default_alt_text="The Center's plaque with the words Center for Computational Law and "
                         "AI Ethics Research (placeholder picture)",
        file=File(_ceremony_picture(), name=name),
    )


def _categories(config: StoriesConfig) -> dict[str, PostCategory]:
    categories = {}
    for key, names in CATEGORIES.items():
        category = PostCategory.objects.filter(app_config=config, translations__slug=key).first()
        if category is None:
            category = PostCategory(app_config=config)
            for language, (name, slug) in names.items():
                category.set_current_language(language)
                category.name, category.slug = name, slug
            category.save()
        categories[key] = category
    return categories


def _newsroom_user():
    user, _ = get_user_model().objects.get_or_create(
        username=NEWSROOM_USERNAME,
        defaults={"first_name": "Center", "last_name": "Newsroom", "is_active": False},
    )
    return user


def _story_create(*, spec: dict, config, categories, author, publisher) -> Post:
    post = Post.objects.create(app_config=config, author=author, date_published=spec["date"])
    post.categories.set([categories[key] for key in spec["categories"]])
    post.tags.add(*spec["tags"])
    if spec.get("image"):
        post.main_image = _picture_create(owner=publisher)
        post.save(update_fields=["main_image"])
    for language in ("en", "zh-hans"):
        text = spec[language]
        slug = spec["slug"]  # one slug for both languages: links survive a language switch
        content = PostContent.objects.with_user(publisher).create(
            post=post, language=language, title=text["title"], slug=slug,
            abstract=text["abstract"], post_text=text["text"],
        )
        Version.objects.get_for_content(content).publish(publisher)
    story_hero_refresh(post=post)
    return post


def load_demo_content() -> str:
    config = StoriesConfig.objects.get(namespace="news")  # created by a migration
    created = []
    with transaction.atomic():
        publisher, _created = demo_user_get_or_create()
        author = _newsroom_user()
        categories = _categories(config)
        existing = {c.slug: c.post for c in PostContent.admin_manager.filter(
            language="en", slug__in=[s["slug"] for s in STORIES]).select_related("post")}
        for spec in STORIES:
            if spec["slug"] not in existing:
                existing[spec["slug"]] = _story_create(spec=spec, config=config, categories=categories,
                                                       author=author, publisher=publisher)
                created.append(spec["slug"])
        for slug, related_slugs in RELATED.items():
            if slug in created:
                existing[slug].related.set([existing[s] for s in related_slugs])
    if not created:
        return "Demo news already present: nothing to do."
    return f"Demo news: {len(created)} stories created and published."
