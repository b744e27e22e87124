from django.core.mail import EmailMessage, get_connection


def test_the_smtp_sink_receives_what_django_sends_over_smtp(smtp_sink):
    connection = get_connection("django.core.mail.backends.smtp.EmailBackend",
                                host="127.0.0.1", port=smtp_sink.port)
    EmailMessage("Hello", "Body text", "from@example.org", ["to@example.org"],
                 headers={"List-Unsubscribe": "<https://example.org/u/1/>"},
                 connection=connection).send()
    (message,) = smtp_sink.wait_for(1, timeout=10)
    assert message["Subject"] == "Hello" and message["List-Unsubscribe"] == "<https://example.org/u/1/>"
