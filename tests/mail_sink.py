"""A real SMTP server on loopback (aiosmtpd) that keeps every message it receives.

    def test_x(smtp_sink):            # register with `pytest_plugins = ["tests.mail_sink"]`
        smtp_sink.port                # give it to the sender (TEST_SMTP_PORT for a worker)
        smtp_sink.wait_for(2)         # block until two messages arrived
        smtp_sink.messages            # email.message.EmailMessage objects, in arrival order
"""

import socket
import threading
import time
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller


class _Collector:
    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"


class SmtpSink:
    def __init__(self, controller: Controller, collector: _Collector):
        self._controller = controller
        self._collector = collector
        self.port = controller.port

    @property
    def messages(self):
        with self._collector.lock:
            return list(self._collector.messages)

    def wait_for(self, count: int, timeout: float = 60) -> list:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.messages) >= count:
                return self.messages
            time.sleep(0.1)
        raise AssertionError(f"expected {count} messages, the sink has {len(self.messages)}")

    def clear(self):
        with self._collector.lock:
            self._collector.messages.clear()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_sink():
    collector = _Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield SmtpSink(controller, collector)
    finally:
        controller.stop()
