"""Newsletter sending benchmark (not a test). Sends one campaign to N confirmed subscribers
through 2 real Celery worker processes on Redis into a local SMTP sink, then sends the same
messages with a bare smtplib loop to the same sink, and compares.

    createdb -h 127.0.0.1 -U postgres center_bench_newsletter
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/center_bench_newsletter \\
    CELERY_BROKER_URL=redis://127.0.0.1:6379/12 \\
    .venv/bin/python bench/newsletter/run.py [--subscribers 50000]
"""

import argparse
import os
import smtplib
import socket
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(ROOT)]
# Eager mode off, here and in the workers (bench_settings.py): tasks go through the broker
# as in production, so the two batch tasks run in parallel on the two workers.
WORKER_ENV = {"NEWSLETTER_SEND_RATE": "0", "NEWSLETTER_PARALLEL_BATCHES": "2",
              "NEWSLETTER_CHUNK_SIZE": "100", "NEWSLETTER_TASK_SECONDS": "30",
              "DJANGO_SETTINGS_MODULE": "bench_settings",
              "PYTHONPATH": os.pathsep.join([str(HERE), str(ROOT)])}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _count(path: Path) -> tuple[int, dict]:
    ids = defaultdict(set)
    lines = 0
    if path.exists():
        for line in path.read_text().splitlines():
            rcpt, _, message_id = line.partition(" ")
            ids[rcpt].add(message_id)
            lines += 1
    return lines, ids


def _wait_lines(path: Path, count: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while _count(path)[0] < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {count} messages at the sink")
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=50_000)
    args = parser.parse_args()
    if not os.environ.get("CELERY_BROKER_URL"):
        raise SystemExit("set CELERY_BROKER_URL (a Redis database of your own)")
    os.environ.update(WORKER_ENV)
    port = _free_port()
    out = Path(f"/tmp/newsletter-bench-{os.getpid()}")
    out.mkdir(exist_ok=True)
    os.environ["TEST_SMTP_PORT"] = str(port)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from center.celery import app as celery_app
    from center.newsletter.emails import CampaignMail
    from center.newsletter.models import Campaign, Delivery, Subscriber
    from center.newsletter.services import campaign_send_now
    from center.site.demo.loader import load_demo_pages

    celery_app.control.purge()
    load_demo_pages()
    Delivery.objects.all().delete()
    Campaign.objects.all().delete()
    Subscriber.objects.all().delete()
    Subscriber.objects.bulk_create(
        (Subscriber(email=f"reader{n:06d}@example.org", status="confirmed")
         for n in range(args.subscribers)), batch_size=5000)
    campaign = Campaign.objects.create(
        subject="Benchmark issue", preheader="Numbers",
        body_html="<h2>Latest news</h2><p>" + "The Center's work on AI ethics. " * 40 + "</p>")

    sink_file = out / "sink.txt"
    sink = subprocess.Popen([sys.executable, str(Path(__file__).parent / "sink.py"), str(port),
                             str(sink_file)])
    time.sleep(1.5)
    workers = []
    for i in (1, 2):
        # The worker writes to its own copy of the descriptor; ours can close after the start.
        with open(out / f"worker{i}.log", "w") as log:
            workers.append(subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "center", "worker", "--pool=solo",
                 "--without-gossip", "--without-mingle", "--loglevel=WARNING",
                 "-n", f"bench{i}@%h"],
                cwd=ROOT, env=dict(os.environ), stdout=log, stderr=subprocess.STDOUT))
    try:
        time.sleep(4)  # workers up
        started = time.monotonic()
        campaign_send_now(campaign=campaign)
        while Campaign.objects.get(pk=campaign.pk).status != "sent":
            time.sleep(0.5)
        pipeline_seconds = time.monotonic() - started
        _wait_lines(sink_file, args.subscribers)
        lines, ids = _count(sink_file)
        sent = Delivery.objects.filter(campaign=campaign, status="sent")
        first = sent.order_by("sent_at").first().sent_at
        last = sent.order_by("-sent_at").first().sent_at
        sending_seconds = (last - first).total_seconds()
        duplicates = sum(1 for found in ids.values() if len(found) > 1)

        # The bare loop: the same messages, already rendered, over one SMTP connection.
        mail = CampaignMail(campaign)
        rows = list(Delivery.objects.filter(campaign=campaign).select_related("subscriber"))
        payloads = [(row.subscriber.email, mail.message(
            to=row.subscriber.email, token=row.subscriber.token,
            message_id=row.message_id).message().as_bytes(linesep="\r\n")) for row in rows]
        bare_file_start = lines
        bare_started = time.monotonic()
        with smtplib.SMTP("127.0.0.1", port) as smtp:
            for to, payload in payloads:
                smtp.sendmail("no-reply@localhost", [to], payload)
        bare_seconds = time.monotonic() - bare_started
        _wait_lines(sink_file, bare_file_start + len(payloads))
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        sink.terminate()

    n = args.subscribers
    pipeline_rate, sending_rate, bare_rate = n / pipeline_seconds, n / sending_seconds, \
        n / bare_seconds
    print(f"subscribers: {n}")
    print(f"campaign via 2 workers: {pipeline_seconds:.1f} s from 'send now' to 'sent' "
          f"(freeze included) = {pipeline_rate:.0f} msg/s; sending phase {sending_seconds:.1f} s "
          f"= {sending_rate:.0f} msg/s")
    print(f"bare smtplib loop, same messages, same sink: {bare_seconds:.1f} s "
          f"= {bare_rate:.0f} msg/s")
    print(f"ratio (campaign end-to-end / bare loop): {pipeline_rate / bare_rate:.2f}; "
          f"sending phase / bare loop: {sending_rate / bare_rate:.2f}")
    print(f"recipients at the sink: {len(ids)}; with more than one Message-ID: {duplicates}; "
          f"sink lines from the campaign: {lines}")


if __name__ == "__main__":
    main()
