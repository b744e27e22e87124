"""Settings for the benchmark's process and its workers: the test settings (TEST_SMTP_PORT
points email at the sink), except that a worker hands the tasks it starts (the parallel
batches, their follow-ups) to the broker as in production, instead of running them itself."""

from center.settings.test import *  # noqa: F401,F403

CELERY_TASK_ALWAYS_EAGER = False
