"""The trial application (application.py) and its ethics review against the Code of
Ethics (assessment.py), and the public transparency report (transparency.py)."""

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
from .transparency import TransparencyReport, TransparencyReportPlugin

__all__ = [
    "DECIDED_STATES", "Assessment", "AssessmentError", "AuditEvent", "Condition",
    "DecisionTemplate", "EmailOutbox", "PrincipleRating", "PrivacyNotice", "Product", "Risk",
    "TransitionError", "TransparencyReport", "TransparencyReportPlugin", "TrialApplication",
]
