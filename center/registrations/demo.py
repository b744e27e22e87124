"""Demo registration: the 2027 public lecture (center/events/demo.py) is open for
registration, 60 seats with 56 taken, so its page shows a few seats left; a couple of people
have cancelled. The registrants are demo personal data (example.org addresses), loaded only
in demo mode like the demo trial applications. The 2022 inauguration was by invitation and
gets no registration. Safe to run again: nothing is added once the lecture has its setup and
registrants. Rows are bulk-created without emails, so nobody is ever written to."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from center.core.page_cache import invalidate_after_write
from center.events.models import Event

from .models import Registration, RegistrationSetup

DEMO_ORDER = 25  # after the events (20)

LECTURE_SLUG = "public-lecture-accountable-ai-2027"
SHANGHAI = ZoneInfo("Asia/Shanghai")
CAPACITY = 60
DEADLINE = datetime(2027, 4, 21, 18, 0, tzinfo=SHANGHAI)  # the evening before

# (name, email local part, language, affiliation, access needs)
CHINESE = [
    ("张敏", "zhang.min", "上海交通大学凯原法学院", ""),
    ("王磊", "wang.lei", "", ""),
    ("李娜", "li.na", "华东政法大学", ""),
    ("刘洋", "liu.yang", "商汤科技", ""),
    ("陈静", "chen.jing", "", "需要轮椅通道"),
    ("杨帆", "yang.fan", "复旦大学", ""),
    ("赵雪", "zhao.xue", "", ""),
    ("黄俊", "huang.jun", "上海市大数据中心", ""),
    ("周婷", "zhou.ting", "", ""),
    ("吴昊", "wu.hao", "同济大学", ""),
    ("徐丽", "xu.li", "", ""),
    ("孙浩然", "sun.haoran", "上海交通大学凯原法学院", ""),
    ("马晓燕", "ma.xiaoyan", "", "希望提供中文字幕"),
    ("朱峰", "zhu.feng", "", ""),
    ("胡佳", "hu.jia", "中国法与社会研究院", ""),
    ("郭斌", "guo.bin", "", ""),
    ("何欣怡", "he.xinyi", "华东师范大学", ""),
    ("高远", "gao.yuan", "", ""),
    ("林晓", "lin.xiao", "", ""),
    ("罗文", "luo.wen", "上海人工智能实验室", ""),
    ("郑凯", "zheng.kai", "", ""),
    ("梁爽", "liang.shuang", "", ""),
    ("宋雨", "song.yu", "上海交通大学", ""),
    ("谢晨", "xie.chen", "", ""),
    ("韩雪梅", "han.xuemei", "", "听力辅助设备"),
    ("唐亮", "tang.liang", "上海市高级人民法院", ""),
    ("冯琳", "feng.lin", "", ""),
    ("曹宇", "cao.yu", "", ""),
    ("许诺", "xu.nuo", "上海交通大学清源研究院", ""),
    ("邓雅", "deng.ya", "", ""),
]
ENGLISH = [
    ("Emily Carter", "emily.carter", "University of Edinburgh", ""),
    ("James O'Neill", "james.oneill", "", ""),
    ("Sophie Martin", "sophie.martin", "Sciences Po", ""),
    ("Daniel Kim", "daniel.kim", "", ""),
    ("Priya Natarajan", "priya.natarajan", "National University of Singapore", ""),
    ("Lukas Becker", "lukas.becker", "", ""),
    ("Olivia Brown", "olivia.brown", "", "Step-free access, please"),
    ("Mateo García", "mateo.garcia", "", ""),
    ("Hannah Schmidt", "hannah.schmidt", "Max Planck Institute", ""),
    ("Kenji Tanaka", "kenji.tanaka", "", ""),
    ("Amelia Wright", "amelia.wright", "", ""),
    ("Noah Williams", "noah.williams", "NYU Shanghai", ""),
    ("Chloé Dubois", "chloe.dubois", "", ""),
    ("Ravi Mehta", "ravi.mehta", "", ""),
    ("Grace Lee", "grace.lee", "Hong Kong University", ""),
    ("Thomas Müller", "thomas.mueller", "", ""),
    ("Isabella Rossi", "isabella.rossi", "", "A seat near the front (low vision)"),
    ("Ethan Clarke", "ethan.clarke", "", ""),
    ("Ana Silva", "ana.silva", "", ""),
    ("Michael Chen", "michael.chen", "SenseTime", ""),
    ("Laura Jensen", "laura.jensen", "", ""),
    ("David Cohen", "david.cohen", "", ""),
    ("Yuki Sato", "yuki.sato", "", ""),
    ("Fatima Hassan", "fatima.hassan", "", ""),
    ("Oliver Smith", "oliver.smith", "", ""),
    ("Sarah Thompson", "sarah.thompson", "King's College London", ""),
    ("Leo Novak", "leo.novak", "", ""),
    ("Mia Andersson", "mia.andersson", "", ""),
]
CANCELLED = {"朱峰", "Ravi Mehta"}  # changed their plans: their seats are free again


def _registrants() -> list[tuple[str, str, str, str, str]]:
    """Alternating Chinese and English registrants, in arrival order."""
    people = []
    for index in range(max(len(CHINESE), len(ENGLISH))):
        for group, language in ((CHINESE, "zh-hans"), (ENGLISH, "en")):
            if index < len(group):
                name, local, affiliation, needs = group[index]
                people.append((name, f"{local}@example.org", language, affiliation, needs))
    return people


def _registrations(event: Event, now) -> list[Registration]:
    people = _registrants()
    first = now - timedelta(days=30)
    step = timedelta(days=30) / len(people)  # registered over the past month
    rows = []
    for order, (name, email, language, affiliation, needs) in enumerate(people):
        at = first + step * order
        cancelled = name in CANCELLED
        rows.append(Registration(
            event=event, name=name, email=email, language=language, affiliation=affiliation,
            access_needs=needs, consented_at=at, created_at=at, confirmed_at=at,
            status=Registration.Status.CANCELLED if cancelled else Registration.Status.CONFIRMED,
            cancelled_at=at + timedelta(days=3) if cancelled else None))
    return rows


def load_demo_content() -> str:
    event = Event.objects.filter(slug=LECTURE_SLUG).first()
    if event is None:
        return "Demo registrations: the demo lecture is missing, nothing to do."
    created = []
    with transaction.atomic():
        setup, setup_created = RegistrationSetup.objects.get_or_create(event=event, defaults={
            "mode": RegistrationSetup.Mode.OPEN, "capacity": CAPACITY, "deadline": DEADLINE})
        if setup_created:
            created.append(f"registration open for {LECTURE_SLUG}")
        # The registrants are demo personal data: in demo mode only.
        if settings.DEMO_MODE and not Registration.objects.filter(event=event).exists():
            rows = Registration.objects.bulk_create(_registrations(event, timezone.now()))
            created.append(f"{len(rows)} registrations")
            invalidate_after_write()  # bulk_create sends no signal: the seats left change
    if not created:
        return "Demo registrations already present: nothing to do."
    return f"Demo registrations: {', '.join(created)}."
