"""`{{ text|explain:terms }}`: acronyms the panel's glossary defines, explained on hover."""

import re

from django import template
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(needs_autoescape=True)
def explain(text, terms, autoescape=True):
    """Wrap each acronym `terms` ({acronym: definition}) knows in <abbr title="…">."""
    text = conditional_escape(text) if autoescape else str(text)
    if not terms or not text:
        return mark_safe(text)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(terms, key=len)[::-1])) + r")\b")

    def wrap(match):
        definition = terms[match.group(1)]
        short = definition if len(definition) <= 200 else definition[:197] + "…"
        return f'<abbr class="glossary" title="{escape(short)}">{match.group(1)}</abbr>'

    return mark_safe(pattern.sub(wrap, str(text)))
