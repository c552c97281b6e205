"""{% load glossary %}: acronyms explained from the panel's glossary (scrutiny/glossary.py).

{{ indicator.name|explain:committee }}   plain text -> first use of each acronym in an <abbr>
{{ cell|explain_html:committee }}        the same inside HTML that is already safe
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from scrutiny import glossary

register = template.Library()


@register.filter
def explain(text, committee):
    if text in (None, ""):
        return ""
    return mark_safe(glossary.explain_text(str(text), committee))  # escaped in explain_text


@register.filter
def explain_html(html, committee):
    if html in (None, ""):
        return ""
    return mark_safe(glossary.explain_html(html, committee))  # only text between tags changes


@register.filter
def explain_in_link(text, committee):
    """Plain text that sits inside a link: the link's focus shows the explanation."""
    if text in (None, ""):
        return ""
    return mark_safe(glossary.explain_html(escape(str(text)), committee, focusable=False))
