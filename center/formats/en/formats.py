# One way of writing dates in English across the portal: day, month name, year; 24-hour
# times. Django falls back to its own English module for anything not set here.
DATE_FORMAT = "j F Y"  # 26 March 2022
DATETIME_FORMAT = "j F Y, H:i"  # 26 March 2022, 14:00
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = DATE_FORMAT
SHORT_DATETIME_FORMAT = DATETIME_FORMAT
