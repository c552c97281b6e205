"""Reports' cover sheets (DECISION-MAKER, SUBJECT, … RECOMMENDATIONS, Appendices)."""

from .parse import parse_reports

__all__ = ["parse_reports"]
