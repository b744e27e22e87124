from django.utils import translation

from center.core.templatetags.typography import listing


def test_a_list_in_a_sentence_uses_each_languages_separator():
    with translation.override("en"):
        assert listing(["AI healthcare", "AI education"]) == "AI healthcare, AI education"
    with translation.override("zh-hans"):
        assert listing(["AI医疗", "AI教育", "AI智慧城市"]) == "AI医疗、AI教育、AI智慧城市"
