"""The front sheet: panel, date, time, venue, members, appointed members, contacts."""

from .parse import parse_front_sheet

__all__ = ["parse_front_sheet"]
