"""Showing periods and values the same way on every page."""

from django import template

from indicators.periods import period_label
from indicators.status import format_value

register = template.Library()


@register.filter
def period(label):
    return period_label(label)


@register.filter
def value_in(value, unit):
    """{{ obs.value|value_in:indicator.unit }} -> '21%', '1,839'."""
    return format_value(value, unit)
