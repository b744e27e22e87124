"""Demo speakers: everyone named in the article on the Center's inauguration, with their
titles as the article gives them, in English and the project's own Chinese. Safe to run
again: people and organisations are found by slug and only what is missing is created."""

from django.db import transaction

from .models import Organisation, Person, Position

DEMO_ORDER = 10  # speakers first: events, papers and the home page name them

ORGANISATIONS = {
    "sensetime": {"en": "SenseTime", "zh-hans": "商汤科技"},
    "sjtu": {"en": "Shanghai Jiao Tong University", "zh-hans": "上海交通大学"},
    "shanghai-institute-for-science-of-science": {
        "en": "Shanghai Institute for Science of Science", "zh-hans": "上海市科学学研究所",
    },
}

PROFESSOR = {"en": "Professor", "zh-hans": "教授"}

# Each position: (organisation slug, English title, Chinese title).
PEOPLE = [
    {
        "slug": "zhang-shaoting",
        "name": {"en": "Zhang Shaoting", "zh-hans": "张少霆"},
        "positions": [("sensetime", "Deputy Head of Research", "研究院副院长")],
        "bio": {
            "en": "Zhang Shaoting spoke on behalf of SenseTime at the Center’s inauguration, "
                  "pledging the company’s strong support as a co-founder. He hopes the Center "
                  "will grow into a country-leading and internationally renowned academic "
                  "center and high-end think tank.",
            "zh-hans": "张少霆在中心成立仪式上代表商汤科技致辞，表示商汤科技作为共建方将提供有力"
                       "支持。他希望中心成长为国内领先、国际知名的学术中心和高端智库。",
        },
    },
    {
        "slug": "gu-feng",
        "name": {"en": "Gu Feng", "zh-hans": "顾锋"},
        "honorific": {"en": "Dr.", "zh-hans": "博士"},
        "positions": [("sjtu", "Deputy Secretary of the Party Committee", "党委副书记")],
        "bio": {
            "en": "Gu Feng, the university leader of liberal arts, congratulated the Center "
                  "on its founding on behalf of Shanghai Jiao Tong University. He expects it to "
                  "play a major role in the computerization of legal reasoning and in resolving "
                  "the ethical dilemmas of data and algorithms.",
            "zh-hans": "顾锋作为分管文科的校领导，代表上海交通大学祝贺中心成立。他期待中心在法律推理"
                       "计算化、破解数据与算法伦理困境等方面发挥重要作用。",
        },
    },
    {
        "slug": "lu-baoliang",
        "name": {"en": "Lü Baoliang", "zh-hans": "吕宝粮"},
        "honorific": PROFESSOR,
        "positions": [
            ("sjtu", "Executive Dean of Qing Yuan Research Institute", "清源研究院执行院长"),
            ("sjtu", "Professor of the Department of Computer Science and Engineering",
             "计算机科学与工程系教授"),
        ],
        "bio": {
            "en": "Lü Baoliang spoke on behalf of the Qing Yuan Research Institute, which "
                  "promotes interdisciplinary AI research and the cultivation of top talent. "
                  "With Dean Ji Weidong he signed the Agreement on Sustainable Cooperation.",
            "zh-hans": "吕宝粮代表清源研究院致辞；清源研究院致力于推动人工智能交叉学科研究和顶尖"
                       "人才培养。他与季卫东院长共同签署了《可持续合作协议》。",
        },
    },
    {
        "slug": "ji-weidong",
        "name": {"en": "Ji Weidong", "zh-hans": "季卫东"},
        "honorific": PROFESSOR,
        "positions": [
            ("sjtu", "Senior Professor of Liberal Arts", "文科资深教授"),
            ("sjtu", "Dean of the China Institute for Social-Legal Studies",
             "中国法与社会研究院院长"),
        ],
        "bio": {
            "en": "Ji Weidong spoke on behalf of the China Institute for Social-Legal Studies, "
                  "whose research focuses on computational law, tech ethics and the interplay "
                  "of individual behavior and code in cyberspace.",
            "zh-hans": "季卫东代表中国法与社会研究院致辞；研究院以计算法学、科技伦理以及网络空间中"
                       "个人行为与代码框架的互动关系为研究重点。",
        },
    },
    {
        "slug": "wang-houji",
        "name": {"en": "Wang Houji", "zh-hans": "汪后继"},
        "positions": [("sjtu", "Secretary of the Party Committee of the Koguan School of Law",
                       "凯原法学院党委书记")],
        "bio": {
            "en": "Wang Houji chaired the inauguration ceremony of the Center for "
                  "Computational Law and AI Ethics Research and helped unveil its plaque.",
            "zh-hans": "汪后继主持了计算法学与AI伦理研究中心成立仪式，并参与为中心揭牌。",
        },
    },
    {
        "slug": "tian-feng",
        "name": {"en": "Tian Feng", "zh-hans": "田丰"},
        "positions": [
            ("sensetime", "Dean of SenseTime Intelligent Industry Research Institute",
             "商汤智能产业研究院院长"),
            ("sjtu", "Co-Director of the Center for Computational Law and AI Ethics Research",
             "计算法学与AI伦理研究中心联合主任"),
        ],
        "bio": {
            "en": "Tian Feng shared his views on the societal challenges of “AI "
                  "responsibilities and rights” and proposed the “AI ethics triangle”. He also "
                  "devised the “pyramid theory” behind SenseTime’s ethics research ecosystem.",
            "zh-hans": "田丰围绕“AI的责任与权利”这一社会挑战分享观点，提出了“AI伦理三角”，"
                       "并提出了指导商汤科技伦理研究生态建设的“金字塔理论”。",
        },
    },
    {
        "slug": "liu-zhiyi",
        "name": {"en": "Liu Zhiyi", "zh-hans": "刘志毅"},
        "positions": [("sensetime", "Director of SenseTime Intelligent Industry Research "
                       "Institute", "商汤智能产业研究院主任")],
        "bio": {
            "en": "Liu Zhiyi of SenseTime Intelligent Industry Research Institute attended the "
                  "inauguration ceremony of the Center.",
            "zh-hans": "商汤智能产业研究院刘志毅出席了中心成立仪式。",
        },
    },
    {
        "slug": "ge-yu",
        # The Chinese article keeps the Latin spelling: the characters are not confirmed.
        "name": {"en": "Ge Yu", "zh-hans": "Ge Yu"},
        "positions": [("sensetime", "Executive Director of SenseTime University Cooperation",
                       "商汤科技高校合作执行总监")],
        "bio": {
            "en": "Ge Yu leads SenseTime’s cooperation with universities and attended the "
                  "inauguration ceremony of the Center.",
            "zh-hans": "Ge Yu负责商汤科技与高校的合作，出席了中心成立仪式。",
        },
    },
    {
        "slug": "cheng-jinhua",
        "name": {"en": "Cheng Jinhua", "zh-hans": "程金华"},
        "honorific": PROFESSOR,
        "positions": [("sjtu", "Deputy Dean and Professor of the Koguan School of Law",
                       "凯原法学院副院长、教授")],
        "bio": {
            "en": "Cheng Jinhua of the Koguan School of Law attended the inauguration ceremony "
                  "of the Center.",
            "zh-hans": "凯原法学院程金华出席了中心成立仪式。",
        },
    },
    {
        "slug": "peng-chengxin",
        "name": {"en": "Peng Chengxin", "zh-hans": "彭诚信"},
        "honorific": PROFESSOR,
        "positions": [("sjtu", "Professor of the Koguan School of Law", "凯原法学院教授")],
        "bio": {
            "en": "Peng Chengxin of the Koguan School of Law attended the inauguration "
                  "ceremony of the Center.",
            "zh-hans": "凯原法学院彭诚信出席了中心成立仪式。",
        },
    },
    {
        "slug": "wang-yingchun",
        "name": {"en": "Wang Yingchun", "zh-hans": "王迎春"},
        "positions": [("shanghai-institute-for-science-of-science",
                       "Director of the Science and Social Research Office",
                       "科学与社会研究室主任")],
        "bio": {
            "en": "Wang Yingchun gave the seminar’s keynote, “Technological Society 3.0 and the "
                  "Transformation of Governance Paradigms from the Perspective of Artificial "
                  "Intelligence”, proposing a development concept built on “technology + rules”.",
            "zh-hans": "王迎春在研讨会上作了题为《人工智能视角下的技术社会3.0与治理范式转型》的主旨"
                       "演讲，提出以“技术+规则”为核心竞争力的发展理念。",
        },
    },
    {
        "slug": "yang-li",
        "name": {"en": "Yang Li", "zh-hans": "杨力"},
        "honorific": PROFESSOR,
        "positions": [
            ("sjtu", "Deputy Dean of the China Institute for Social-Legal Studies",
             "中国法与社会研究院副院长"),
            ("sjtu", "Tenured Professor at the Koguan School of Law", "凯原法学院长聘教授"),
            ("sjtu", "Director of the Center for Legal Big Data Analysis",
             "法律大数据分析中心主任"),
        ],
        "bio": {
            "en": "Yang Li discussed the basic forms of digital transformation and the digital "
                  "rule of law, and proposed the “two-wheel drive” of technology and law for "
                  "data governance.",
            "zh-hans": "杨力探讨了数字化转型与数字法治的基本形态，并提出了技术与法律“双轮驱动”的"
                       "数据治理发展原则。",
        },
    },
]

LANGUAGES = ("en", "zh-hans")
def _person_create(*, spec: dict, organisations: dict) -> Person:
    person = Person(slug=spec["slug"])
    for language in LANGUAGES:
        person.set_current_language(language)
        person.name = spec["name"][language]
        person.honorific = spec.get("honorific", {}).get(language, "")
        person.short_bio = spec["bio"][language]
    person.save()
    for order, (organisation_slug, title_en, title_zh) in enumerate(spec["positions"]):
        position = Position(person=person, organisation=organisations[organisation_slug],
                            order=order)
        for language, title in zip(LANGUAGES, (title_en, title_zh), strict=True):
            position.set_current_language(language)
            position.title = title
        position.save()
    return person


def load_demo_content() -> str:
    created_organisations = created_people = 0
    with transaction.atomic():
        organisations = {}
        for slug, names in ORGANISATIONS.items():
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None:
                organisation = Organisation(slug=slug)
                for language in LANGUAGES:
                    organisation.set_current_language(language)
                    organisation.name = names[language]
                organisation.save()
                created_organisations += 1
            organisations[slug] = organisation
        # No photographs: pages show each speaker's designed monogram (people/portrait.html).
        for spec in PEOPLE:
            if Person.objects.filter(slug=spec["slug"]).exists():
                continue
            _person_create(spec=spec, organisations=organisations)
            created_people += 1
    if not (created_people or created_organisations):
        return "Demo speakers already present: nothing to do."
    return (f"Demo speakers: {created_people} people, "
            f"{created_organisations} organisations created.")
