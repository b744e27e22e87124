"""The trial application (application.py), its ethics review against the Code of Ethics
(assessment.py), the reviewers' daily reminders (reminder.py) and the public transparency
report (transparency.py)."""

from .application import (
    DECIDED_STATES,
    AuditEvent,
    DecisionTemplate,
    EmailOutbox,
    PrivacyNotice,
    Product,
    TransitionError,
    TrialApplication,
)
from .assessment import Assessment, AssessmentError, Condition, PrincipleRating, Risk
from .reminder import ReviewReminder
from .transparency import TransparencyReport, TransparencyReportPlugin

__all__ = [
    "DECIDED_STATES", "Assessment", "AssessmentError", "AuditEvent", "Condition",
    "DecisionTemplate", "EmailOutbox", "PrincipleRating", "PrivacyNotice", "Product",
    "ReviewReminder", "Risk", "TransitionError", "TransparencyReport",
    "TransparencyReportPlugin", "TrialApplication",
]
