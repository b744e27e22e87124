"""Waits until a web node's /readyz answers 200 (database reachable), or fails after a
minute. center-web.service runs it after start, so `systemctl restart center-web` returns only
once the node can serve: restart the nodes one after another and nginx always has one.

    python deploy/wait_ready.py 127.0.0.1:8000 [seconds]"""

import sys
import time
import urllib.request


def wait_ready(address: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://{address}/readyz", timeout=5) as answer:
                if answer.status == 200:
                    return True
        except OSError:  # refused while booting, or 503 (HTTPError) while the database is down
            pass
        time.sleep(1)
    return False


if __name__ == "__main__":
    address = sys.argv[1]
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    if not wait_ready(address, seconds):
        sys.exit(f"{address}/readyz did not answer 200 within {seconds:.0f} s")
