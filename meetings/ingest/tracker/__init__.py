"""The "Monitoring Scrutiny Recommendations" tracker table, ruled or not."""

from .parse import parse_tracker

__all__ = ["parse_tracker"]
