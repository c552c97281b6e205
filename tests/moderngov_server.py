"""A council's ModernGov, played on 127.0.0.1 from recorded XML (tests/fixtures/moderngov/).

Nothing in the suite reaches the internet: the sync is pointed at this server, which answers
GetCommittees / GetMeetings / GetMeeting and documents from a table the test fills, honours
If-None-Match / If-Modified-Since for answers given validators, and logs every request.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDED = Path(__file__).parent / "fixtures" / "moderngov"
CORPUS_PACK = Path(__file__).parent / "fixtures" / "pack-2022-03-31.pdf"


@dataclass
class Reply:
    body: bytes
    status: int = 200
    content_type: str = "text/xml; charset=utf-8"
    etag: str = ""
    last_modified: str = ""
    failures_first: int = 0  # answer 503 this many times before the real reply


@dataclass
class FakeModernGov:
    replies: dict[str, Reply] = field(default_factory=dict)
    log: list[tuple[str, dict]] = field(default_factory=list)
    url: str = ""

    def reply(self, key: str, body: bytes | str, **options) -> Reply:
        if isinstance(body, str):
            body = body.replace("{base}", self.url).encode()
        self.replies[key] = Reply(body, **options)
        return self.replies[key]

    def recorded(self, name: str, **fill) -> str:
        text = (RECORDED / name).read_text()
        for key, value in fill.items():
            text = text.replace("{" + key + "}", str(value))
        return text

    def requests_for(self, key: str) -> list[dict]:
        return [headers for path, headers in self.log if path == key]

    def standard_council(self):
        """Committees, a history of meetings, meeting 1001 with a restricted item and the corpus
        pack as its 'Agenda reports pack'; the other meetings without papers yet."""
        self.reply("GetCommittees", self.recorded("committees.xml"), etag='"c1"')
        self.reply("GetMeetings", self.recorded("meetings.xml"), etag='"m1"')
        self.reply("GetMeeting:1001", self.recorded("meeting-1001.xml"), etag='"1001-a"')
        for mid, date, status in [
            (501, "12/11/2009", "confirmed"),
            (1002, "23/06/2022", "Cancelled"),
            (1003, "15/09/2022", "confirmed"),
            (1005, "30/03/2023", "confirmed"),
        ]:
            self.reply(
                f"GetMeeting:{mid}",
                self.recorded("meeting-plain.xml", id=mid, date=date, status=status),
                last_modified="Wed, 01 Jun 2022 10:00:00 GMT",
            )
        self.reply(
            "/documents/g1001/Public%20reports%20pack.pdf",
            CORPUS_PACK.read_bytes(),
            content_type="application/pdf",
        )
        return self


def _handler(fake: FakeModernGov):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            parts = urlsplit(self.path)
            method = parts.path.rsplit("/", 1)[-1]
            if "/mgWebService.asmx/" in parts.path:
                key = method
                if method == "GetMeeting":
                    key = f"GetMeeting:{parse_qs(parts.query).get('lMeetingId', [''])[0]}"
            else:
                key = parts.path
            fake.log.append((key, dict(self.headers)))
            reply = fake.replies.get(key)
            if reply is None:
                return self._send(404, b"<html><body>Not found</body></html>", "text/html")
            if reply.failures_first:
                reply.failures_first -= 1
                return self._send(503, b"busy", "text/plain")
            if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                return self._send(304, b"", None, reply)
            if reply.last_modified and self.headers.get("If-Modified-Since") == reply.last_modified:
                return self._send(304, b"", None, reply)
            return self._send(reply.status, reply.body, reply.content_type, reply)

        def _send(self, status, body, content_type, reply=None):
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if reply and reply.etag:
                self.send_header("ETag", reply.etag)
            if reply and reply.last_modified:
                self.send_header("Last-Modified", reply.last_modified)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


def start(fake: FakeModernGov | None = None) -> tuple[FakeModernGov, ThreadingHTTPServer]:
    fake = fake or FakeModernGov()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake, server
