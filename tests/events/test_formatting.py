from datetime import UTC, datetime, timedelta

from django.utils import translation

from center.events.formatting import format_when, utc_offset_label

START = datetime(2022, 3, 26, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai
END = datetime(2022, 3, 26, 4, 0, tzinfo=UTC)


def test_times_are_shown_in_the_event_zone_with_the_zone_named():
    with translation.override("en"):
        assert format_when(START, END, "Asia/Shanghai") == (
            "26 March 2022, 09:00–12:00 (China Standard Time, UTC+8)")


def test_chinese_dates_use_the_chinese_format():
    with translation.override("zh-hans"):
        assert format_when(START, END, "Asia/Shanghai") == (
            "2022年3月26日 09:00–12:00（中国标准时间，UTC+8）")


def test_other_zones_fall_back_to_their_name_and_true_offset_across_midnight():
    with translation.override("en"):
        assert format_when(START, END, "America/New_York") == (
            "25 March 2022, 21:00 – 26 March 2022, 00:00 (America/New York, UTC−4)")
    assert utc_offset_label(timedelta(hours=5, minutes=30)) == "UTC+5:30"
