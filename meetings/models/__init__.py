"""The meetings app's models, one module per subject."""

from .committees import Attendance, Committee, Meeting, Membership, Person
from .packs import Pack, published_rows
from .papers import AgendaItem, GlossaryTerm, Minute, Report, Resolution
from .recommendations import Recommendation, RecommendationUpdate

__all__ = [
    "AgendaItem",
    "Attendance",
    "Committee",
    "GlossaryTerm",
    "Meeting",
    "Membership",
    "Minute",
    "Pack",
    "Person",
    "Recommendation",
    "RecommendationUpdate",
    "Report",
    "Resolution",
    "published_rows",
]
