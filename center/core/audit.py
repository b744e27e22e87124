"""Who changed what, written to the admin history, which is where editors already look."""

from django.contrib.admin.models import CHANGE, LogEntry


def audit_log(*, obj, user, message: str, action_flag: int = CHANGE) -> None:
    if user is None or not getattr(user, "pk", None):
        return  # a command or a worker: no person to name
    LogEntry.objects.log_actions(user.pk, [obj], action_flag, change_message=message,
                                 single_object=True)
