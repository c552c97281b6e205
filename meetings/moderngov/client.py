"""HTTP to a council's ModernGov web service: plain GETs on `/mgWebService.asmx/<Method>`.

Quirks handled here, each from public accounts of the service:
- many councils sit behind a firewall that answers a bot with an HTML "challenge" page and 403;
- installs differ in whether they send ETag / Last-Modified: send If-None-Match /
  If-Modified-Since only with the validators the server gave;
- document URLs come back as http:// even where the site is https://: upgraded for the same host.
Every failure becomes a `ModernGovUnavailable` whose message an officer can act on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry


class ModernGovUnavailable(RuntimeError):
    """The service could not be read; the message says why in words for the officer."""


class DocumentRefused(ModernGovUnavailable):
    """A document that will not do as it is (over the size limit): asking again will not help."""


@dataclass
class Answer:
    url: str
    body: bytes
    not_modified: bool
    validators: dict


def _session(retries: int, backoff: float) -> requests.Session:
    session = requests.Session()
    # Bounded retries with exponential backoff, for what passes: connection errors, timeouts,
    # 429 and 5xx. A 403 is a decision, not a fault: it is never retried.
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=False,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = "Scrutiny (council scrutiny panels) committee sync"
    return session


class ModernGovClient:
    def __init__(self, base_url: str, *, timeout: float = 20, retries: int = 3, backoff=0.5):
        self.base_url = base_url.rstrip("/")
        for suffix in ("/mgwebservice.asmx",):
            if self.base_url.lower().endswith(suffix):
                self.base_url = self.base_url[: -len(suffix)]
        self.timeout = timeout
        self.session = _session(retries, backoff)

    def service_url(self, method: str, **params) -> str:
        query = f"?{urlencode(params)}" if params else ""
        return f"{self.base_url}/mgWebService.asmx/{method}{query}"

    def call(self, method: str, validators: dict | None = None, **params) -> Answer:
        """One service method. With the validators of an earlier answer, a 304 is `not_modified`."""
        return self._get(self.service_url(method, **params), validators or {})

    def _get(self, url: str, validators: dict, stream: bool = False) -> requests.Response | Answer:
        headers = {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        try:
            response = self.session.get(url, headers=headers, timeout=self.timeout, stream=stream)
        except requests.exceptions.ConnectTimeout as exc:
            raise ModernGovUnavailable(f"{self._host()} did not answer in time") from exc
        except requests.exceptions.ConnectionError as exc:
            raise ModernGovUnavailable(
                f"could not connect to {self._host()} (the address may be wrong or the site down)"
            ) from exc
        except requests.exceptions.Timeout as exc:
            raise ModernGovUnavailable(f"{self._host()} stopped answering part-way") from exc
        except requests.exceptions.RequestException as exc:
            raise ModernGovUnavailable(f"could not read {self._host()}: {exc}") from exc
        self._refuse_errors(response)
        if stream:
            return response
        fresh = {
            "etag": response.headers.get("ETag", ""),
            "last_modified": response.headers.get("Last-Modified", ""),
        }
        if response.status_code == 304:
            return Answer(url, b"", True, validators)
        return Answer(url, response.content, False, {k: v for k, v in fresh.items() if v})

    def _refuse_errors(self, response: requests.Response):
        status = response.status_code
        if status in (200, 304):
            return
        kind = response.headers.get("Content-Type", "")
        if status in (401, 403):
            page = (
                " (an HTML challenge page: a firewall in front of the site)"
                if "html" in kind
                else ""
            )
            raise ModernGovUnavailable(
                f"{self._host()} refused the request with HTTP {status}{page}. Ask the council's "
                "web team to allow this server's address, then sync again"
            )
        if status == 404:
            raise ModernGovUnavailable(
                f"{self._host()} has no ModernGov web service at {urlsplit(response.url).path} "
                "(HTTP 404): check the panel's ModernGov address."
            )
        raise ModernGovUnavailable(f"{self._host()} answered HTTP {status}; try again later")

    def _host(self) -> str:
        return urlsplit(self.base_url).netloc or self.base_url

    def document_url(self, url: str) -> str:
        """Absolute, and https:// when the service itself is https on the same host."""
        base = urlsplit(self.base_url)
        parts = urlsplit(url)
        if not parts.netloc:
            return f"{base.scheme}://{base.netloc}/{url.lstrip('/')}"
        if parts.scheme == "http" and base.scheme == "https" and parts.netloc == base.netloc:
            return urlunsplit(("https", *parts[1:]))
        return url

    def download(self, url: str, dest: Path, max_bytes: int) -> int:
        """Stream a document to `dest`, stopping (and refusing) once it passes `max_bytes`."""
        response = self._get(self.document_url(url), {}, stream=True)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            response.close()
            raise DocumentRefused(
                f"the document is {_size(int(declared))}, over the {_size(max_bytes)} limit for packs"
            )
        size = 0
        try:
            with open(dest, "wb") as handle:
                for chunk in response.iter_content(1 << 16):
                    size += len(chunk)
                    if size > max_bytes:
                        raise DocumentRefused(
                            f"the document is over the {_size(max_bytes)} limit for packs"
                        )
                    handle.write(chunk)
        except requests.exceptions.RequestException as exc:
            raise ModernGovUnavailable(f"the download from {self._host()} broke off") from exc
        finally:
            response.close()
        return size


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"
