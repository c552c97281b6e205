"""{{ obs.value|implausible_for:indicator.unit }}: why a value cannot be right for its unit, or ''
(the rule is indicators.charts.implausible, the one the chart rings its values by)."""

from django import template

from indicators.charts import implausible

register = template.Library()


@register.filter
def implausible_for(value, unit):
    return implausible(value, unit)
