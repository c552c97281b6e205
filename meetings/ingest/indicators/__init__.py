"""Indicator values and officers' commentary from a pack's performance pages."""


def extract_indicators(pages, pdf=None, meeting_date=None, reports=None):
    return [], [], []
