"""A local web server of blog posts for the link reader's tests (tests/fixtures/posts).

Serves the fixture pages under the addresses a blog would give them, plus the awkward
answers a real server can give: an image, a slow answer, a trickle, a huge page, a
redirect anywhere, a missing page. Runs on loopback, which the link reader reaches only
when a test lists it in settings.LINK_FETCH_ALLOWED_NETWORKS.
"""

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "posts"

PAGES = {
    "/ermintrude2/2012/10/18/what-i-would-say-to-norman-lamb/": "wordpress.html",
    "/frankchalk/2012/10/mixed-ability.html": "blogger.html",
    "/comms/taking-comms-back-to-basics": "bare.html",
    "/broken": "broken.html",
}
WORDPRESS_POST = "/ermintrude2/2012/10/18/what-i-would-say-to-norman-lamb/"
BLOGGER_POST = "/frankchalk/2012/10/mixed-ability.html"
BARE_POST = "/comms/taking-comms-back-to-basics"
BROKEN_POST = "/broken"


class PostHandler(BaseHTTPRequestHandler):
    extra_pages: dict[str, str] = {}

    def log_message(self, format, *args):  # keep test output clean
        pass

    def send(self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        path = parts.path
        if path in self.extra_pages:
            self.send(200, self.extra_pages[path].encode())
        elif path in PAGES:
            self.send(200, (FIXTURES / PAGES[path]).read_bytes())
        elif path == "/picture.png":
            self.send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif path == "/slow":
            time.sleep(float(query.get("seconds", ["2"])[0]))
            self.send(200, b"<p>At last</p>")
        elif path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>.</p>")
                self.wfile.flush()
                time.sleep(0.1)
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the reader has to count
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            for _ in range(64):
                self.wfile.write(chunk)
        elif path in ("/redirect", "/loop"):
            self.send_response(302)
            self.send_header("Location", query["to"][0] if path == "/redirect" else "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send(404, b"<h1>Not found</h1>")


@contextmanager
def post_server(extra_pages: dict[str, str] | None = None) -> Iterator[str]:
    """Serve the posts on a free loopback port; yields the base address (no trailing /)."""
    handler = type("Handler", (PostHandler,), {"extra_pages": dict(extra_pages or {})})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
