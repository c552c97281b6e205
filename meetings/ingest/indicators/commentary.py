"""Stub until written."""


def read(pages, all_pages):
    return []
