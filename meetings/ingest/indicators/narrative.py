"""Stub until written."""


def read(pages, meeting_date=None, warnings=None):
    return []
