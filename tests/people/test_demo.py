from filer.models import Image as FilerImage

from center.people.demo import load_demo_content
from center.people.models import Organisation, Person, Position

SEED_TITLES = {
    "zhang-shaoting": ["Deputy Head of Research, SenseTime"],
    "gu-feng": ["Deputy Secretary of the Party Committee, Shanghai Jiao Tong University"],
    "lu-baoliang": [
        "Executive Dean of Qing Yuan Research Institute, Shanghai Jiao Tong University",
        "Professor of the Department of Computer Science and Engineering, "
        "Shanghai Jiao Tong University",
    ],
    "ji-weidong": [
        "Senior Professor of Liberal Arts, Shanghai Jiao Tong University",
        "Dean of the China Institute for Social-Legal Studies, Shanghai Jiao Tong University",
    ],
    "wang-houji": ["Secretary of the Party Committee of the Koguan School of Law, "
                   "Shanghai Jiao Tong University"],
    "tian-feng": [
        "Dean of SenseTime Intelligent Industry Research Institute, SenseTime",
        "Co-Director of the Center for Computational Law and AI Ethics Research, "
        "Shanghai Jiao Tong University",
    ],
    "liu-zhiyi": ["Director of SenseTime Intelligent Industry Research Institute, SenseTime"],
    "ge-yu": ["Executive Director of SenseTime University Cooperation, SenseTime"],
    "cheng-jinhua": ["Deputy Dean and Professor of the Koguan School of Law, "
                     "Shanghai Jiao Tong University"],
    "peng-chengxin": ["Professor of the Koguan School of Law, Shanghai Jiao Tong University"],
    "wang-yingchun": ["Director of the Science and Social Research Office, "
                      "Shanghai Institute for Science of Science"],
    "yang-li": [
        "Deputy Dean of the China Institute for Social-Legal Studies, "
        "Shanghai Jiao Tong University",
        "Tenured Professor at the Koguan School of Law, Shanghai Jiao Tong University",
        "Director of the Center for Legal Big Data Analysis, Shanghai Jiao Tong University",
    ],
}


def _counts():
    return (Person.objects.count(), Position.objects.count(), Organisation.objects.count(),
            FilerImage.objects.count())


def test_demo_creates_every_speaker_of_the_seed_with_their_titles(db):
    load_demo_content()

    assert set(Person.objects.values_list("slug", flat=True)) == set(SEED_TITLES)
    for slug, titles in SEED_TITLES.items():
        person = Person.objects.get(slug=slug)
        assert [str(p) for p in person.positions.all()] == titles
        assert person.has_translation("zh-hans") and person.short_bio
        assert person.portrait is None  # no photographs: the pages draw a monogram
    assert Person.objects.language("zh-hans").get(slug="ji-weidong").name == "季卫东"


def test_demo_is_idempotent(db):
    first = load_demo_content()
    counts = _counts()

    second = load_demo_content()

    assert "12 people" in first
    assert "nothing to do" in second
    assert _counts() == counts


def test_demo_speakers_appear_on_the_site(client, demo_pages):
    load_demo_content()

    listing = client.get("/zh-hans/speakers/").content.decode()
    profile = client.get("/en/speakers/lu-baoliang/").content.decode()

    assert listing.count('class="person-card"') == 12 and "吕宝粮" in listing
    assert '<span class="portrait__letters">吕</span>' in listing  # no photos: monograms
    assert "Lü Baoliang</h1>" in profile
    assert '<span class="portrait__letters">LB</span>' in profile
