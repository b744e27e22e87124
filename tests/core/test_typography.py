"""Chinese typography and dates: full-width punctuation in the Chinese catalogues, and one
date format per language on events, news stories and their lists."""

import ast
import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from center.core.templatetags.typography import word_breaks
from tests.events.factories import EventFactory
from tests.news import factories as news

ROOT = Path(__file__).resolve().parents[2]
CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# An ASCII colon, comma, question or exclamation mark, semicolon or parenthesis touching
# Chinese text ("审核结果:", "(选填)") where the full-width mark belongs.
HALF_WIDTH = re.compile(rf"[{CJK}]\s*[:,?!;()]|[(:,?!;]\s*[{CJK}]")


def _msgstrs(path: Path):
    text, line_no = None, 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines() + [""], 1):
        line = line.strip()
        if line.startswith("msgstr"):
            if text:
                yield line_no, text
            text, line_no = ast.literal_eval(line.split(" ", 1)[1]), number
        elif line.startswith('"') and text is not None:
            text += ast.literal_eval(line)
        else:
            if text:
                yield line_no, text
            text = None


def test_chinese_messages_use_full_width_punctuation():
    catalogues = sorted(ROOT.glob("center/**/zh_Hans/LC_MESSAGES/django.po"))
    assert len(catalogues) > 5
    found = [f"{path.relative_to(ROOT)}:{line} {text!r}" for path in catalogues
             for line, text in _msgstrs(path) if HALF_WIDTH.search(text)]
    assert found == []


def test_the_check_catches_half_width_marks():
    assert HALF_WIDTH.search("您将如何使用?") and HALF_WIDTH.search("状态: 已提交")
    assert not HALF_WIDTH.search("电话（选填）：UTC+8")


SHANGHAI = ZoneInfo("Asia/Shanghai")
WHEN = {"en": "22 April 2027, 14:00–16:00 (China Standard Time, UTC+8)",
        "zh-hans": "2027年4月22日 14:00–16:00（中国标准时间，UTC+8）"}


@pytest.mark.usefixtures("demo_pages")
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_event_reads_its_time_the_same_in_the_list_and_on_its_page(client, language):
    start = datetime(2027, 4, 22, 14, tzinfo=SHANGHAI)
    event = EventFactory(slug="lecture", title="Lecture", start=start,
                         end=start + timedelta(hours=2))
    listing = client.get(f"/{language}/events/").content.decode()
    page = client.get(f"/{language}/events/{event.slug}/").content.decode()
    assert WHEN[language] in listing and WHEN[language] in page


@pytest.mark.usefixtures("demo_pages")
@pytest.mark.parametrize("language, pattern", [
    ("en", r"\d{1,2} (January|February|March|April|May|June|July|August|September|October|"
           r"November|December) \d{4}"),
    ("zh-hans", r"\d{4}年\d{1,2}月\d{1,2}日"),
])
def test_a_story_shows_one_date_format_in_the_list_and_on_its_page(client, language, pattern):
    news.story("Dated", slug="dated", languages=("en", "zh-hans"), days_ago=3)
    published = timezone.localdate(timezone.now() - timedelta(days=3))
    listing = client.get(f"/{language}/news/").content.decode()
    page = client.get(f"/{language}/news/dated/").content.decode()
    times = re.findall(r"<time[^>]*>([^<]+)</time>", listing + page)

    assert times and all(re.fullmatch(pattern, text) for text in times)
    shown = {text for text in times if str(published.year) in text}
    assert len(shown) == 1  # the same string in the list and on the story's page
    assert str(published.day) in shown.pop()


def test_chinese_headings_may_break_only_between_words():
    html = word_breaks("校企合作共研人工智能伦理：商汤科技")
    assert html.replace("<wbr>", "") == "校企合作共研人工智能伦理：商汤科技"
    assert "人工智能<wbr>伦理：<wbr>商汤" in html  # never 伦<wbr>理, never before "："
    assert word_breaks("AI <b>& law</b>") == "AI <b>& law</b>"  # left to autoescaping
    assert word_breaks("中文<x>") == "中文&lt;<wbr>x&gt;"
