"""Demo whitepaper: the "Code of Ethics for AI Sustainable Development", released by
SenseTime Intelligent Industry Research Institute at the first "AI Sustainable Development
2030 Forum" (June 2021), as the Center's article describes it (center/site/demo/pages.py).

The PDF is a two-page summary drawn here with Pillow and says so on every page: it is not
the original document. The Chinese texts are the project's own. Safe to run again: the paper
and its topics are found by slug, and an existing paper is left as staff edited it."""

from datetime import date, datetime
from io import BytesIO

from django.core.files import File as DjangoFile
from django.db import transaction
from filer.models import File, Folder
from PIL import Image, ImageDraw, ImageFont

from center.core.i18n import set_translations
from center.people.models import Person

from .covers import wrap_text
from .models import Topic, Whitepaper, WhitepaperAuthor
from .services import whitepaper_cover_refresh, whitepaper_pdf_refresh, whitepaper_publish

DEMO_ORDER = 40  # after people: whitepapers name their authors

SLUG = "code-of-ethics-for-ai-sustainable-development"
FIRST_AUTHOR = "tian-feng"  # Dean of the institute; only linked if the people demo made him
LANGUAGES = ("en", "zh-hans")

TOPICS = {
    "ai-ethics": {"en": "AI ethics", "zh-hans": "AI伦理"},
    "sustainable-development": {"en": "Sustainable development", "zh-hans": "可持续发展"},
    "ai-governance": {"en": "AI governance", "zh-hans": "人工智能治理"},
}

WHITEPAPER = {
    "publication_date": date(2021, 6, 1),  # the forum was in June 2021; the day is not known
    "topics": ["ai-ethics", "sustainable-development", "ai-governance"],
    "en": {
        "title": "Code of Ethics for AI Sustainable Development",
        "subtitle": "Released at the first “AI Sustainable Development 2030 Forum”",
        "issuing_body": "SenseTime Intelligent Industry Research Institute",
        "abstract": (
            "Released by SenseTime Intelligent Industry Research Institute at the first “AI "
            "Sustainable Development 2030 Forum” in June 2021, in response to the United "
            "Nations Sustainable Development Goals.\n\n"
            "The Code proposes a concept of AI sustainable development with “respect for "
            "consultation and an inclusive culture” at its core. It sets out four AI "
            "development concepts — people-oriented, benefits for the people, integrated "
            "development, and innovation through scientific research — which lead to four "
            "development principles: ethics, benefiting the people, industrial integration, "
            "and credibility.\n\n"
            "These concepts align with SenseTime’s corporate vision, “AI for a better "
            "tomorrow”, and are reflected in its work in AI healthcare, AI education and AI "
            "smart cities."
        ),
    },
    "zh-hans": {
        "title": "人工智能可持续发展道德规范",
        "subtitle": "发布于首届“AI可持续发展2030论坛”",
        "issuing_body": "商汤智能产业研究院",
        "abstract": (
            "2021年6月，商汤智能产业研究院在首届“AI可持续发展2030论坛”上发布本准则，"
            "以响应联合国可持续发展目标。\n\n"
            "准则提出以“尊重协商、包容文化”为核心的AI可持续发展理念，以及以人为本、普惠于民、"
            "融合发展、科研创新四大AI发展理念，并进一步细化为伦理、惠民、产业融合、可信四项"
            "发展原则。\n\n"
            "这些理念与商汤科技“AI让明天更美好”的企业愿景相契合，并体现在其AI医疗、AI教育、"
            "AI智慧城市等业务布局之中。"
        ),
    },
}

# The summary PDF: (heading, paragraphs or bullet items) per section, in English.
PDF_SECTIONS = [
    ("Why this Code", [
        "Released by SenseTime Intelligent Industry Research Institute at the first “AI "
        "Sustainable Development 2030 Forum” in June 2021, in response to the United Nations "
        "Sustainable Development Goals.",
    ]),
    ("The core", [
        "AI sustainable development with “respect for consultation and an inclusive culture” "
        "at its core.",
    ]),
    ("Four development concepts", [
        "• People-oriented", "• Benefits for the people", "• Integrated development",
        "• Innovation through scientific research",
    ]),
    ("Four development principles", [
        "• Ethics", "• Benefiting the people", "• Industrial integration", "• Credibility",
    ]),
    ("In practice", [
        "The concepts align with SenseTime’s vision, “AI for a better tomorrow”, and are "
        "reflected in its business in AI healthcare, AI education and AI smart cities.",
    ]),
]
PDF_NOTE = ("A summary prepared for the demo site of the Center for Computational Law and AI "
            "Ethics Research. It is not the original whitepaper.")
PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
PAGE_MARGIN = 130


def _font(size: int, *, bold: bool = False):
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)
    except OSError:  # no DejaVu on this machine: Pillow's own font has the Latin letters
        return ImageFont.load_default(size=size)


def _new_page(number: int):
    page = Image.new("RGB", PAGE_SIZE, "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, PAGE_SIZE[0], 24), fill="#0b5f74")
    footer = _font(20)
    _write(draw, PDF_NOTE, footer, PAGE_SIZE[1] - 120, fill="#475366", right=PAGE_MARGIN + 60)
    draw.text((PAGE_SIZE[0] - PAGE_MARGIN - 20, PAGE_SIZE[1] - 120), str(number), font=footer,
              fill="#475366")
    return page, draw


def _write(draw, text: str, font, top: int, *, fill="#17202e", spacing=1.45,
           right=PAGE_MARGIN) -> int:
    for line in wrap_text(text, font, PAGE_SIZE[0] - PAGE_MARGIN - right):
        draw.text((PAGE_MARGIN, top), line, font=font, fill=fill)
        top += round(font.size * spacing)
    return top


def summary_pdf() -> bytes:
    """A two-page A4 PDF summarising the Code's concepts and principles."""
    en = WHITEPAPER["en"]
    first, draw = _new_page(1)
    top = _write(draw, en["title"], _font(60, bold=True), 200, spacing=1.25)
    top = _write(draw, en["subtitle"], _font(30), top + 20, fill="#475366")
    top = _write(draw, f"{en['issuing_body']} · June 2021", _font(30, bold=True), top + 30)
    pages, top = [first], top + 60
    for heading, paragraphs in PDF_SECTIONS:
        if top > PAGE_SIZE[1] - 520:
            page, draw = _new_page(len(pages) + 1)
            pages.append(page)
            top = 160
        top = _write(draw, heading, _font(38, bold=True), top + 30, fill="#08475a")
        for paragraph in paragraphs:
            top = _write(draw, paragraph, _font(28), top + 8)
    buffer = BytesIO()
    # Fixed dates: the same summary always has the same bytes, hence the same SHA-256.
    moment = datetime(2021, 6, 1).timetuple()
    pages[0].save(buffer, "PDF", save_all=True, append_images=pages[1:], resolution=150,
                  title=en["title"], author=en["issuing_body"], creationDate=moment,
                  modDate=moment)
    return buffer.getvalue()


def _topics() -> list[Topic]:
    topics = []
    for slug, names in TOPICS.items():
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            topic = Topic(slug=slug)
            set_translations(topic, {lang: {"name": names[lang]} for lang in LANGUAGES})
            topic.save()
        topics.append(topic)
    return topics


def _pdf_file() -> File:
    folder, _ = Folder.objects.get_or_create(name="Whitepapers", parent=None)
    name = f"{SLUG}-summary.pdf"
    return File.objects.create(folder=folder, original_filename=name,
                               file=DjangoFile(BytesIO(summary_pdf()), name=name))


def _create_whitepaper() -> Whitepaper:
    whitepaper = Whitepaper(slug=SLUG, publication_date=WHITEPAPER["publication_date"],
                            pdf_language=Whitepaper.Language.ENGLISH, pdf=_pdf_file())
    set_translations(whitepaper, WHITEPAPER)
    whitepaper.save()
    whitepaper.topics.set(_topics())
    author = Person.objects.filter(slug=FIRST_AUTHOR).first()
    if author is not None:
        WhitepaperAuthor.objects.create(whitepaper=whitepaper, person=author, order=1)
    whitepaper_pdf_refresh(whitepaper=whitepaper)
    whitepaper_cover_refresh(whitepaper=whitepaper)
    whitepaper_publish(whitepaper=whitepaper, user=None)
    return whitepaper


def load_demo_content() -> str:
    with transaction.atomic():
        if Whitepaper.objects.filter(slug=SLUG).exists():
            return "Demo whitepapers already present: nothing to do."
        whitepaper = _create_whitepaper()
    authors = whitepaper.authorships.count()
    return f"Demo whitepapers: 1 created and published, {authors} author(s) linked."
