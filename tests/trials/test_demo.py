from center.trials.demo import load_demo_content
from center.trials.models import DecisionTemplate, PrivacyNotice, Product
from center.trials.selectors import current_privacy_notice


def test_demo_content_is_created_once(db):
    assert load_demo_content().startswith("Demo trials: created 7")
    assert load_demo_content() == "Demo trial products and texts already present: nothing to do."
    names = [p.safe_translation_getter("name", language_code="zh-hans")
             for p in Product.objects.all()]
    assert names == ["AI医疗", "AI教育", "AI智慧城市"]
    assert current_privacy_notice() == PrivacyNotice.objects.get(version="2026-01")
    assert DecisionTemplate.objects.count() == 3
