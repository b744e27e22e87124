"""Helpers every app's tests share: CMS page/plugin/wizard helpers (cms.py) and staff users
(users.py). An app's own factories stay in its test folder."""
