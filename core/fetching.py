"""Fetch one public web page for an editor, server-side, without becoming a way into our network.

An editor pastes a post's address and the server reads the page. Whoever can type an
address could also point it at the server's own neighbours (the database, a cloud's
metadata service at 169.254.169.254), so every request here:

- goes only to http or https addresses, without user names or passwords in them;
- resolves the host itself and refuses it when *any* address it resolves to is not a
  public one (loopback, private, link-local, carrier-grade NAT, multicast, reserved,
  IPv4 inside IPv6), then connects to the address it checked, so a second DNS answer
  cannot swap in another;
- follows at most a few redirects, checking each new address the same way;
- gives up after CONNECT_TIMEOUT seconds to connect and TOTAL_TIMEOUT in all;
- reads at most MAX_BYTES, sends no cookies and keeps none;
- accepts only HTML.

Every refusal is a `FetchRefused` whose message an editor can read. Tests serve pages
from loopback by listing it in settings.LINK_FETCH_ALLOWED_NETWORKS, which is empty
everywhere else.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

CONNECT_TIMEOUT = 3.0
TOTAL_TIMEOUT = 5.0
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 5
HTML_TYPES = {"text/html", "application/xhtml+xml"}
REDIRECT_CODES = {301, 302, 303, 307, 308}
USER_AGENT = "GuerillaPolicy-LinkReader/1.0 (reads one page an editor asked for)"
# IPv6 prefixes that carry an IPv4 address inside (NAT64): judged by that address.
NAT64 = ipaddress.ip_network("64:ff9b::/96")

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(Exception):
    """The page was not read; the message says why, in words for an editor."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # where the page was read from, after redirects
    content: bytes
    charset: str | None


def embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it carries one."""
    if address.version != 6:
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def allowed_networks() -> list:
    return [ipaddress.ip_network(net) for net in settings.LINK_FETCH_ALLOWED_NETWORKS]


def is_public(address: Address) -> bool:
    """Whether `address` is on the public internet (or on a network tests allow)."""
    if any(address in network for network in allowed_networks()):
        return True
    inner = embedded_ipv4(address)
    if inner is not None:
        return is_public(inner)
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_unspecified
    )


def checked_addresses(host: str, port: int) -> list[str]:
    """Every address `host` resolves to, or FetchRefused if any of them is not public."""
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchRefused(f"No web server answers to the name “{host}”.") from error
    addresses = []
    for *_, sockaddr in answers:
        text = sockaddr[0].split("%", 1)[0]
        if not is_public(ipaddress.ip_address(text)):
            raise FetchRefused(
                f"“{host}” is not a public web address, so the site will not read it."
            )
        if text not in addresses:
            addresses.append(text)
    if not addresses:
        raise FetchRefused(f"No web server answers to the name “{host}”.")
    return addresses


class PinnedConnection(http.client.HTTPConnection):
    """An HTTP(S) connection to an address already checked, naming the host for TLS and
    the Host header. Plain http.client: no cookie jar, no proxy from the environment."""

    def __init__(self, host: str, port: int, address: str, *, tls: bool, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.tls = tls
        if tls:
            self.default_port = 443  # so the Host header leaves out the usual port

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout)
        if self.tls:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.host)
        self.sock = sock


def checked_target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, path with query) of an address the fetcher may try."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchRefused("That is not a web address the site can read.") from error
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchRefused("Only web addresses starting http:// or https:// can be read.")
    if parts.username or parts.password:
        raise FetchRefused("Addresses with a user name or password in them are not read.")
    port = port or (443 if parts.scheme == "https" else 80)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return parts.scheme, parts.hostname, port, path


def remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchRefused("The blog took too long to answer: try again, or fill in by hand.")
    return left


def read_body(response: http.client.HTTPResponse, sock, deadline: float, max_bytes: int) -> bytes:
    """The response body, within the deadline and the size cap."""
    length = response.getheader("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FetchRefused("That page is too large to read.")
    chunks, size = [], 0
    while True:
        sock.settimeout(remaining(deadline))
        chunk = response.read1(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchRefused("That page is too large to read.")
        chunks.append(chunk)


def request_once(url: str, deadline: float, connect_timeout: float, max_bytes: int):
    """One GET: (status, location or None, content type, charset, body)."""
    scheme, host, port, path = checked_target(url)
    addresses = checked_addresses(host, port)
    last_error: Exception | None = None
    for address in addresses:
        connection = PinnedConnection(
            host,
            port,
            address,
            tls=scheme == "https",
            timeout=min(connect_timeout, remaining(deadline)),
        )
        try:
            connection.connect()
        except TimeoutError as error:
            last_error = error
            continue
        except ssl.SSLError as error:
            raise FetchRefused("The blog's secure connection could not be checked.") from error
        except OSError as error:
            last_error = error
            continue
        sock = connection.sock  # http.client lets go of it once the answer will close
        try:
            sock.settimeout(remaining(deadline))
            connection.putrequest("GET", path, skip_accept_encoding=True)
            connection.putheader("User-Agent", USER_AGENT)
            connection.putheader("Accept", "text/html,application/xhtml+xml;q=0.9")
            connection.putheader("Accept-Encoding", "identity")
            connection.endheaders()
            response = connection.getresponse()
            if response.status in REDIRECT_CODES:
                return response.status, response.getheader("Location"), "", None, b""
            content_type = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
            if response.status != 200:
                raise FetchRefused(f"The blog answered “{response.status} {response.reason}”.")
            if content_type not in HTML_TYPES:
                raise FetchRefused(f"That address is not a web page (it is {content_type}).")
            return 200, None, content_type, charset, read_body(response, sock, deadline, max_bytes)
        except TimeoutError as error:
            raise FetchRefused(
                "The blog took too long to answer: try again, or fill in by hand."
            ) from error
        except (OSError, http.client.HTTPException) as error:
            raise FetchRefused("The blog's server broke off the answer.") from error
        finally:
            connection.close()
    if isinstance(last_error, TimeoutError):
        raise FetchRefused("The blog did not answer in time: try again, or fill in by hand.")
    raise FetchRefused("The blog's server could not be reached.")


def fetch_page(
    url: str,
    *,
    connect_timeout: float = CONNECT_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_bytes: int = MAX_BYTES,
) -> FetchedPage:
    """Read the HTML page at `url` under the rules above, or raise FetchRefused."""
    deadline = time.monotonic() + total_timeout
    for _ in range(MAX_REDIRECTS + 1):
        status, location, _type, charset, body = request_once(
            url, deadline, connect_timeout, max_bytes
        )
        if status == 200:
            return FetchedPage(url=url, content=body, charset=charset)
        if not location:
            raise FetchRefused("The blog sent a redirect without saying where to.")
        url = urljoin(url, location)
    raise FetchRefused("That address redirects too many times.")
