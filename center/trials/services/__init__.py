"""The trial application workflow's writes: the application's moves (applications.py) and
its ethics review (assessments.py)."""

from .applications import (
    APPLICANT_EMAIL_STATES,
    REVIEWER_SERVICES,
    application_answer,
    application_approve,
    application_assign,
    application_decline,
    application_request_info,
    application_start_review,
    application_submit,
    applications_anonymise,
)
from .assessments import (
    assessment_concur,
    assessment_open,
    assessment_rate,
    condition_add,
    condition_remove,
)

__all__ = [
    "APPLICANT_EMAIL_STATES", "REVIEWER_SERVICES", "application_answer", "application_approve",
    "application_assign", "application_decline", "application_request_info",
    "application_start_review", "application_submit", "applications_anonymise",
    "assessment_concur", "assessment_open", "assessment_rate", "condition_add",
    "condition_remove",
]
