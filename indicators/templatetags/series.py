"""{% series_suggestions indicator %}: a series' open suggestions, side by side, with the buttons."""

from django import template

from indicators import series_selectors

register = template.Library()


@register.inclusion_tag("indicators/series/_suggestions.html", takes_context=True)
def series_suggestions(context, indicator):
    request = context.get("request")
    return {
        "pairs": series_selectors.suggestions_for(indicator),
        "next": request.get_full_path() if request else "",
        "csrf_token": context.get("csrf_token"),
        "can_edit_indicators": context.get("can_edit_indicators"),
    }
