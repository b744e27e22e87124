"""A counting SMTP sink for the benchmark: appends "<recipient> <Message-ID>" per message.

    python bench/newsletter/sink.py PORT OUTFILE
"""

import sys
import time
from email.parser import BytesHeaderParser

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, out):
        self.out = out
        self.parser = BytesHeaderParser()

    async def handle_DATA(self, server, session, envelope):
        headers = self.parser.parsebytes(envelope.original_content)
        for rcpt in envelope.rcpt_tos:
            self.out.write(f"{rcpt} {headers['Message-ID']}\n")
        return "250 OK"


if __name__ == "__main__":
    port, path = int(sys.argv[1]), sys.argv[2]
    with open(path, "a", buffering=1) as out:
        controller = Controller(Recorder(out), hostname="127.0.0.1", port=port)
        controller.start()
        try:
            while True:
                time.sleep(3600)
        finally:
            controller.stop()
