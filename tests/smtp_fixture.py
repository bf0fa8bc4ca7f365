"""A real SMTP server in the test process (aiosmtpd), for the email tests and the bench.

``SmtpSink`` listens on a free localhost port in a thread and keeps every message it receives as the
raw bytes that came over the wire; ``refuse`` lists recipient addresses it answers 550 to."""

import socket
import threading

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    def __init__(self, sink):
        self.sink = sink

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.sink.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.sink.lock:
            self.sink.received.append((list(envelope.rcpt_tos), envelope.original_content or envelope.content))
        return "250 Message accepted"


class SmtpSink:
    def __init__(self, port: int | None = None, refuse=()):
        self.port = port or free_port()
        self.refuse = set(refuse)
        self.received: list[tuple[list[str], bytes]] = []
        self.lock = threading.Lock()
        self.controller = None

    def start(self) -> "SmtpSink":
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=self.port, ready_timeout=10,
                                     server_hostname="localhost")
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def settings_for(self, settings) -> None:
        """Point Django's SMTP backend at this server (``settings``: pytest-django's override fixture)."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", self.port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5


@pytest.fixture
def smtp_server(settings):
    """A running SmtpSink that Django sends to; stopped after the test."""
    sink = SmtpSink().start()
    sink.settings_for(settings)
    yield sink
    sink.stop()
