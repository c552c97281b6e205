"""Stub: replaced by the real parser."""


def parse_minutes(pages, pdf=None):
    return [], []
