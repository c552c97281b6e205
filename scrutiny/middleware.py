"""Refuse a request body over the limit from its Content-Length, before any of it is read.

The Content-Security-Policy that used to be written here is django-csp's now (settings).
"""

from django.conf import settings
from django.http import HttpResponse


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("The request's Content-Length is not a number.", status=400)
        if length > settings.MAX_REQUEST_BYTES:
            return HttpResponse(
                f"The upload is {megabytes(length)}; at most {megabytes(settings.PACK_MAX_BYTES)} "
                "can be uploaded. Nothing was stored. Split the file, or ask an administrator "
                "to raise the limit.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
